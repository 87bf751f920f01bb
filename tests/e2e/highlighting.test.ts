/**
 * What the built extension paints in a real Chromium, checked against what the test works out on
 * its own: the terms of the demo page, the places it must leave alone, Traditional script and
 * folded forms, shadow roots and frames, the real corpus pages (whose DOM must come out exactly as
 * it went in), the scan measures and the toolbar badge.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../scripts/serve.mjs';
import { createTermFinder, findTerms } from '../../lib/scan/term-finder';
import { allPainted, badgeOf, type Harness, paintedInside, scrollThrough, startHarness } from './harness';
import { compiled, entryByTerm } from './glossary-fixture';
import { tooltipText } from './page-helpers';

const finder = createTermFinder({ termList: compiled.termList });
const CORPUS_PAGES = readdirSync(join(PROJECT_ROOT, 'tests/fixtures/corpus')).filter((name) => name.endsWith('.html'));

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await offline(harness.context, harness.origin);
});
afterAll(() => harness?.close());

/** Saved pages must not wait on the network: anything but the test server is refused. */
async function offline(context: BrowserContext, origin: string) {
  await context.route(
    (url) => /^(https?|wss?):$/.test(url.protocol) && url.origin !== origin,
    (route) => route.abort(),
  );
}

interface PaintedRange {
  name: string;
  text: string;
  /** Inside something the scanner must not read (or in a node no longer in the page). */
  forbidden: string | null;
  connected: boolean;
}

/**
 * Every huantai-lens range of one frame, read in the page's own world. `forbidden` names the
 * skipped element a range starts or ends in, if any.
 */
function rangesOf(frame: Page | Frame): Promise<{ ranges: PaintedRange[]; duplicates: number }> {
  return frame.evaluate(() => {
    const SKIPPED =
      'script, style, noscript, template, textarea, input, select, option, code, kbd, samp, var, button, rt, rp, ' +
      '[contenteditable]:not([contenteditable="false"])';
    const forbiddenOf = (node: Node) => {
      const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
      const skipped = element?.closest(SKIPPED);
      return skipped ? skipped.localName : null;
    };
    const ranges: PaintedRange[] = [];
    const seen = new Set<string>();
    const ids = new WeakMap<Node, number>();
    let next = 0;
    const key = (node: Node) => {
      if (!ids.has(node)) ids.set(node, next++);
      return ids.get(node);
    };
    let duplicates = 0;
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('huantai-lens')) return;
      for (const range of highlight) {
        const live = document.createRange();
        const connected = range.startContainer.isConnected && range.endContainer.isConnected;
        let text = '';
        if (connected) {
          live.setStart(range.startContainer, range.startOffset);
          live.setEnd(range.endContainer, range.endOffset);
          text = live.toString();
        }
        const k = `${key(range.startContainer)}:${range.startOffset}`;
        if (seen.has(k)) duplicates++;
        seen.add(k);
        ranges.push({
          name,
          text,
          forbidden: forbiddenOf(range.startContainer) ?? forbiddenOf(range.endContainer),
          connected,
        });
      }
    });
    return { ranges, duplicates };
  });
}

/** The glossary term a painted text is (folding it as the page text was folded). */
function termIdOf(text: string): string {
  const [match, ...rest] = findTerms({ finder, text });
  if (!match || rest.length > 0 || match.start !== 0 || match.end !== text.length) throw new Error(`${text} is not exactly one term`);
  return finder.idOf(match.value);
}

/** What scrollThrough does, for a page without the extension (no scan to wait for). */
async function plainScroll(page: Page) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y <= height; y += 900) await page.evaluate((top) => scrollTo(0, top), y);
  await page.evaluate(() => scrollTo(0, 0));
}



async function scanMeasures(frame: Page | Frame) {
  return frame.evaluate(() =>
    performance.getEntriesByName('huantai-lens:scan').map((entry) => ({
      duration: entry.duration,
      detail: (entry as PerformanceMeasure).detail as Record<string, unknown>,
    })),
  );
}

describe('the demo page', () => {
  let page: Page;
  beforeAll(async () => {
    page = await harness.openPage('/demo/');
  });
  afterAll(() => page?.close());

  it('paints, once scrolled through, every occurrence of chosen terms the page text holds', async () => {
    await scrollThrough(page);
    const painted = await allPainted(page);
    // Counted here from the paragraphs' text (a <br> adds nothing to textContent), not by the scanner.
    const expected = await page.evaluate((terms) => {
      const blocks = [...document.querySelectorAll('h1, h2, h3, p, li, .meta')].map((el) => el.textContent!.replace(/\s+/g, ''));
      return Object.fromEntries(terms.map((term) => [term, blocks.reduce((n, text) => n + text.split(term).length - 1, 0)]));
    }, ['高标准农田', '中国膜谷', '跨境电商', '四减四增', '地区生产总值']);
    expect(expected).toEqual({ 高标准农田: 1, 中国膜谷: 1, 跨境电商: 1, 四减四增: 1, 地区生产总值: 1 });
    for (const [term, count] of Object.entries(expected)) {
      expect(painted.filter((text) => text.replace(/\s+/g, '') === term), term).toHaveLength(count);
    }
    // 跨境电<br>商: one range from the text before the <br> to the text after it.
    const across = await page.evaluate(() => {
      for (const highlight of CSS.highlights.values()) {
        for (const range of highlight) {
          if (range.startContainer !== range.endContainer && range.startContainer.textContent!.endsWith('跨境电')) {
            return { start: range.startOffset, endNode: range.endContainer.textContent!.slice(0, 8), end: range.endOffset };
          }
        }
      }
      return null;
    });
    expect(across).toEqual({ start: expect.any(Number), endNode: '商、“海外仓”等', end: 1 });
  });

  it('leaves the comment box unpainted, paints nothing twice and nothing where it must not', async () => {
    await scrollThrough(page);
    const { ranges, duplicates } = await rangesOf(page);
    expect(ranges.length).toBeGreaterThan(50);
    expect(ranges.filter((r) => r.forbidden || !r.connected)).toEqual([]);
    expect(duplicates).toBe(0);
    // The textarea holds “两高”项目 and 中国膜谷: only the article’s one 两高 is painted.
    expect(ranges.filter((r) => r.text.startsWith('两高')).map((r) => r.text)).toEqual(['两高”项目']);
  });

  it('measures every scan task with its detail, none longer than 50 ms', async () => {
    const measures = await scanMeasures(page);
    expect(measures.length).toBeGreaterThan(0);
    for (const { detail } of measures) {
      expect(detail).toMatchObject({ textNodes: expect.any(Number), chars: expect.any(Number), matches: expect.any(Number) });
    }
    const longest = Math.max(...measures.map((m) => m.duration));
    // Says which measure it was (scan chunk, painting, the sentinel's reading) when it is too long.
    expect(longest, JSON.stringify(measures.find((m) => m.duration === longest))).toBeLessThanOrEqual(50);
    // The scan tasks (not the painting ones) found everything that is painted after scrolling.
    const found = measures.filter((m) => m.detail.painted === undefined).reduce((n, m) => n + (m.detail.matches as number), 0);
    expect(found).toBe((await rangesOf(page)).ranges.length);
  });

  it('shows the number of distinct terms on the toolbar badge', async () => {
    await scrollThrough(page);
    const distinct = new Set((await allPainted(page)).map(termIdOf));
    expect(distinct.size).toBeGreaterThan(50);
    await expect.poll(() => badgeOf(page)).toBe(String(distinct.size));
  });

  it('shows the number of distinct terms on the badge of a small page too', async () => {
    const small = await harness.openPage('/pages/traditional.html');
    try {
      const distinct = new Set((await allPainted(small)).map(termIdOf));
      expect(distinct).toEqual(new Set(['liang-gao', 'zhong-guo-mo-gu', 'si-jian-si-zeng', 'liang-ge-100']));
      await expect.poll(() => badgeOf(small)).toBe('4');
    } finally {
      await small.close();
    }
  });
});

describe('what must stay unpainted', () => {
  it('paints nothing in inputs, textareas, scripts, code, editors or the legal sense of 两高', async () => {
    const page = await harness.openPage('/pages/negatives.html');
    try {
      expect(await page.evaluate(() => (window as unknown as { pageScriptRan: boolean }).pageScriptRan)).toBe(true);
      const { ranges } = await rangesOf(page);
      expect(ranges.filter((r) => r.forbidden)).toEqual([]);
      const where = await page.evaluate(() => {
        const out: string[] = [];
        for (const highlight of CSS.highlights.values()) {
          for (const range of highlight) out.push((range.startContainer.parentElement as Element).id);
        }
        return out.sort();
      });
      // Only the article's 中国膜谷, the non-editable island and the environmental 两高项目.
      expect(ranges.map((r) => r.text).sort()).toEqual(['两高”项目', '中国膜谷', '四减四增'].sort());
      expect(where).toEqual(['ecology', 'not-editable', 'positive']);
    } finally {
      await page.close();
    }
  });
});

describe('a page that jumps past the block watched for a group', () => {
  it('paints the paragraph under the screen after a jump into the middle of a tall group', async () => {
    const page = await harness.openPage('/pages/tall-group.html');
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('huantai-lens:scan').length)).toBeGreaterThan(0);
    await expect.poll(() => badgeOf(page)).toBe('5');
    // The group starts two photos down and t5 is four more below: both far outside the
    // observer's margin around the screen when the page jumps there, as an anchor or a restored
    // scroll position makes it.
    expect(await paintedInside(page, 'body')).toEqual([]);
    await page.evaluate(() => document.getElementById('t5')!.scrollIntoView({ block: 'center' }));
    await expect.poll(() => paintedInside(page, '#t5'), { timeout: 5_000 }).toEqual(['跨境电商']);
    await page.close();
  });
});

describe('Traditional script and folded forms', () => {
  const EXPECTED = ['兩高項目', '中國膜谷', '四減四增', '兩個１００％', '中国膜谷', '中国\n膜谷'];

  it('paints them in a page’s own HTML', async () => {
    const page = await harness.openPage('/pages/traditional.html');
    try {
      expect((await allPainted(page)).sort()).toEqual([...EXPECTED].sort());
    } finally {
      await page.close();
    }
  });

  it.each(['zh-tw-cna.html', 'zh-tw-pixnet.html'])('paints them in a paragraph added to %s after load', async (name) => {
    const page = await harness.openPage(`/corpus/${name}`);
    try {
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.id = 'added';
        p.textContent = '堅決遏制兩高項目盲目發展；做大做強中國膜谷；新一輪四減四增；確保兩個１００％；「中国膜谷」；中国\n膜谷。';
        document.body.prepend(p);
        scrollTo(0, 0);
      });
      await expect.poll(() => paintedInside(page, '#added'), { timeout: 10_000 }).toEqual([...EXPECTED].sort());
      const { ranges, duplicates } = await rangesOf(page);
      expect(duplicates).toBe(0);
      expect(ranges.filter((r) => r.forbidden || !r.connected)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('shadow roots and frames', () => {
  it('paints the text of an open shadow root and of a same-origin frame, each in its own CSS.highlights', async () => {
    const page = await harness.openPage('/pages/shadow-frame.html');
    try {
      const frame = page.frame({ url: /frame-child\.html$/ });
      expect(frame).not.toBeNull();
      await frame!.waitForFunction(() => performance.getEntriesByName('huantai-lens:scan').length > 0, null, { timeout: 15_000 });
      await expect.poll(async () => (await allPainted(page)).sort()).toEqual(['中国膜谷', '四减四增', '高标准农田'].sort());
      const inShadow = await page.evaluate(() => {
        const out: string[] = [];
        for (const highlight of CSS.highlights.values()) {
          for (const range of highlight) if (range.startContainer.getRootNode() instanceof ShadowRoot) out.push(range.startContainer.textContent!);
        }
        return out.sort();
      });
      expect(inShadow).toEqual(['组件里的文字：做大做强中国膜谷。', '组件顶层的四减四增'].sort());
      await expect.poll(async () => (await rangesOf(frame!)).ranges.map((r) => r.text).sort()).toEqual(['四减四增', '跨境电商'].sort());
    } finally {
      await page.close();
    }
  });
});

describe('hovering inside a shadow root', () => {
  it('opens the tooltip for a term painted in an open shadow root', async () => {
    const page = await harness.openPage('/pages/shadow-frame.html');
    try {
      const point = await page.evaluate(() => {
        const text = document.getElementById('host')!.shadowRoot!.querySelector('p')!.firstChild as Text;
        const at = text.data.indexOf('中国膜谷') + 2;
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + 1);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      });
      await page.mouse.move(point.x - 40, point.y - 40);
      await page.mouse.move(point.x, point.y, { steps: 4 });
      await expect.poll(() => tooltipText(page)).toContain(entryByTerm('中国膜谷').summary);
    } finally {
      await page.close();
    }
  });
});

describe('the real corpus pages', () => {
  let plain: Browser;
  let plainContext: BrowserContext;
  beforeAll(async () => {
    plain = await chromium.launch({ executablePath: inject('browserPath'), args: ['--no-sandbox', '--disable-gpu'] });
    plainContext = await plain.newContext({ viewport: { width: 1280, height: 900 } });
    await offline(plainContext, harness.origin);
  });
  afterAll(() => plain?.close());

  it.each(CORPUS_PAGES)('%s: read, nothing painted where it must not be, DOM untouched', async (name) => {
    const page = await harness.openPage(`/corpus/${name}`);
    const reference = await plainContext.newPage();
    try {
      const measures = await scanMeasures(page);
      expect(measures.length).toBeGreaterThan(0);
      for (const { detail } of measures) {
        expect(detail).toMatchObject({ textNodes: expect.any(Number), chars: expect.any(Number), matches: expect.any(Number) });
      }
      // Read at least by the sentinel (pages without a possible term never start the engine).
      expect(measures.reduce((n, m) => n + (m.detail.chars as number), 0)).toBeGreaterThan(0);
      await scrollThrough(page);
      const { ranges, duplicates } = await rangesOf(page);
      expect(ranges.filter((r) => r.forbidden || !r.connected)).toEqual([]);
      expect(duplicates).toBe(0);
      for (const range of ranges) expect(() => termIdOf(range.text)).not.toThrow();

      await reference.goto(`${harness.origin}/corpus/${name}`);
      await plainScroll(reference);
      const [withExtension, without] = await Promise.all([
        page.evaluate(() => document.documentElement.outerHTML),
        reference.evaluate(() => document.documentElement.outerHTML),
      ]);
      expect(withExtension.length).toBe(without.length);
      expect(withExtension === without).toBe(true);
    } finally {
      await page.close();
      await reference.close();
    }
  });
});
