// @vitest-environment happy-dom
/**
 * The page's context decides what is painted (README: Context). Text over 4,096 characters is asked
 * with XPath, which happy-dom lacks: that part is checked in real Chromium (tests/e2e/context.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { appearanceOf, countsOf, namesHuantai, paintGroupOf } from '../../../lib/scan/context';
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

describe('namesHuantai', () => {
  const page = (body: string, title = '新闻') => {
    const doc = document.implementation.createHTMLDocument();
    doc.title = title;
    doc.body.innerHTML = body;
    return doc;
  };

  it.each([
    ['in its text', page('<p>桓台县召开会议。</p>'), true],
    ['in Traditional script', page('<p>桓臺縣召開會議。</p>'), true],
    ['in its title only', page('<p>会议</p>', '桓台新闻'), true],
    ['only in a footer link', page('<p>会议</p><footer><a href="#">桓台县人民政府</a></footer>'), false],
    ['only in the navigation and an aside', page('<nav>桓台</nav><aside>桓台</aside><p>会议</p>'), false],
    ['only in a script', page('<p>会议</p><script>var place = "桓台";</script>'), false],
    ['nowhere', page('<p>北京召开会议。</p>'), false],
  ])('a page naming Huantai %s', (_, doc, expected) => {
    expect(namesHuantai({ document: doc })).toBe(expected);
  });
});
