// @vitest-environment happy-dom
/**
 * The page's context decides what is painted (README: Context). The whole-document query (for the
 * pages above a frame) uses XPath, which happy-dom lacks: it is checked in real Chromium
 * (tests/e2e/context.test.ts), as is the rule on whole pages.
 */
import { describe, expect, it } from 'vitest';
import { appearanceOf, countsOf, paintGroupOf, textNamesHuantai } from '../../../lib/scan/context';
import { Segment } from '../../../lib/scan/segment';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/settings';
import type { Category, Scope } from '../../../lib/glossary/categories';

// Three terms: a county one, a national one and a national one in an area the reader switched off.
const TERMS: Record<number, { id: string; category: Category; scope: Scope }> = {
  1: { id: 'zhong-guo-mo-gu', category: 'industry', scope: 'county' },
  2: { id: 'shuang-tan', category: 'ecology', scope: 'national' },
  3: { id: 'shuang-jian', category: 'livelihood', scope: 'national' },
};
const termOf = (value: number) => TERMS[value]!;
const counts = new Map([
  [1, 2],
  [2, 1],
  [3, 4],
]);
const withLivelihoodOff = (over: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  ...over,
  categories: { ...DEFAULT_SETTINGS.categories, livelihood: false },
});

describe('appearanceOf and countsOf', () => {
  it('paints wider terms on a page about Huantai, and counts what is painted', () => {
    const settings = withLivelihoodOff();
    const appearance = appearanceOf({ settings, aboutHuantai: true });
    expect(appearance.hidden.has(paintGroupOf({ category: 'ecology', scope: 'national' }))).toBe(false);
    expect(countsOf({ counts, appearance, termOf, settings })).toEqual({ painted: { 'zhong-guo-mo-gu': 2, 'shuang-tan': 1 }, unpainted: {} });
  });

  it('leaves wider terms unpainted elsewhere and names them, but not those of an area switched off', () => {
    const settings = withLivelihoodOff();
    const appearance = appearanceOf({ settings, aboutHuantai: false });
    expect(countsOf({ counts, appearance, termOf, settings })).toEqual({ painted: { 'zhong-guo-mo-gu': 2 }, unpainted: { 'shuang-tan': 1 } });
  });

  it('paints wider terms quietly elsewhere when the reader wants national terms explained everywhere', () => {
    const settings = withLivelihoodOff({ nationalEverywhere: true });
    const appearance = appearanceOf({ settings, aboutHuantai: false });
    expect(appearance.quiet?.has(paintGroupOf({ category: 'ecology', scope: 'national' }))).toBe(true);
    expect(countsOf({ counts, appearance, termOf, settings })).toEqual({ painted: { 'zhong-guo-mo-gu': 2, 'shuang-tan': 1 }, unpainted: {} });
  });

  it('paints nothing of an area switched off, county terms included', () => {
    const settings = withLivelihoodOff();
    const appearance = appearanceOf({ settings, aboutHuantai: true });
    expect(appearance.hidden.has('livelihood')).toBe(true);
    expect(appearance.hidden.has(paintGroupOf({ category: 'livelihood', scope: 'national' }))).toBe(true);
  });
});


describe('textNamesHuantai, on the text the scan reads', () => {
  /** A segment of the paragraphs' text, as the scan builds it: one run per block. */
  const segmentOf = (html: string) => {
    document.body.innerHTML = html;
    const segment = new Segment({ root: document.body });
    for (const block of document.body.querySelectorAll('p, li, nav, footer, aside, div')) {
      for (const node of block.childNodes) if (node.nodeType === 3) segment.addText(node as Text, (node as Text).data, block);
      for (const link of block.querySelectorAll('a')) segment.addText(link.firstChild as Text, (link.firstChild as Text).data, block);
      segment.endRun();
    }
    return segment;
  };

  it.each([
    ['in a paragraph', '<p>会议在桓台县召开。</p>', true],
    ['in Traditional script', '<p>桓臺縣召開會議。</p>', true],
    ['only in a footer link', '<p>会议</p><footer><a href="#">桓台县人民政府</a></footer>', false],
    ['in the navigation and an aside, then in a paragraph', '<nav>桓台</nav><aside>桓台</aside><p>会议</p><p>桓台新闻</p>', true],
    ['only in the navigation and an aside', '<nav>桓台</nav><aside>桓台</aside><p>会议</p>', false],
    ['nowhere', '<p>北京召开会议。</p>', false],
  ])('text naming Huantai %s', (_, html, expected) => {
    expect(textNamesHuantai(segmentOf(html))).toBe(expected);
  });

  it('maps a char of the segment back to its text node, separators to none', () => {
    const segment = segmentOf('<p>一二</p><p>三四</p>');
    expect(segment.nodeAt(1)?.data).toBe('一二');
    expect(segment.nodeAt(2)).toBeNull();
    expect(segment.nodeAt(segment.text.indexOf('三'))?.data).toBe('三四');
  });
});
