/**
 * Hostile pages in a real Chromium with the built extension, each also loaded in a plain Chromium
 * without it. For every page: the extension adds no console error or uncaught exception to the
 * page's own console, the DOM (open shadow roots and every frame included) comes out exactly as in
 * the plain browser, its longest task stays under 50 ms, and it still finds what the page holds.
 *
 * Pages (generated in hostile-pages.ts): markup-looking text, a 10 Mi-character text node, 100,000
 * paragraphs, nesting 5,000 deep, a 50,000-cell table, a ticker mutating every 5 ms, infinite
 * scroll, a React-style page that checks its own DOM, nested shadow roots and every kind of frame,
 * strict CSP and Trusted Types, quirks mode, GB2312, right-to-left, vertical text and ruby; and the
 * places the content script must not run (the extension's own pages, chrome://, about:blank).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { createTermFinder, findTerms } from '../../lib/scan/term-finder';
import { extensionWorker, paintedInside, startHarness, waitForScanIdle, type Harness } from './harness';
import { compiled, entryByTerm } from './glossary-fixture';
import { hoverText, tooltipText } from './page-helpers';
import {
  FILLER,
  MARKUP_EXPECTED,
  PLAIN_TERMS,
  REACT_FINAL_TERMS,
  RTL_TERMS,
  RUBY_EXPECTED,
  VERTICAL_TERMS,
  cspPage,
  deepPage,
  frameChildPage,
  framesPage,
  gb2312Page,
  hugeTextPage,
  infiniteScrollPage,
  markupPage,
  paragraphsPage,
  quirksPage,
  reactPage,
  rtlPage,
  rubyPage,
  tablePage,
  tickerPage,
  trustedTypesPage,
  verticalPage,
  type GeneratedPage,
} from './hostile-pages';

const finder = createTermFinder({ termList: compiled.termList });
const idOf = (term: string) => entryByTerm(term).id;

let harness: Harness;
let server: Awaited<ReturnType<typeof startServer>>;
let plain: Browser;
let plainContext: BrowserContext;
/** The test server under another host name: another origin and another site. */
let crossOrigin: string;
const workerErrors: string[] = [];

const HEAVY = {
  huge: hugeTextPage(),
  paragraphs: paragraphsPage(),
  deep: deepPage(),
  table: tablePage(),
};

beforeAll(async () => {
  harness = await startHarness();
  server = await startServer();
  crossOrigin = server.origin.replace('127.0.0.1', 'localhost');
  const pages: Record<string, GeneratedPage> = {
    markup: markupPage(),
    ...HEAVY,
    ticker: tickerPage(),
    infinite: infiniteScrollPage(),
    react: reactPage(),
    frames: framesPage({ crossOrigin }),
    'frame-same': frameChildPage({ text: '同源框架：鼓励发展跨境电商。' }),
    'frame-cross': frameChildPage({ text: '跨源框架：做大做强中国膜谷。' }),
    quirks: quirksPage(),
    rtl: rtlPage(),
    vertical: verticalPage(),
    ruby: rubyPage(),
  };
  for (const [name, { html }] of Object.entries(pages)) server.addPage(`/hostile/${name}.html`, html);
  server.addPage('/hostile/csp.html', cspPage().html, { headers: { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" } });
  server.addPage('/hostile/csp-no-inline-style.html', cspPage().html, { headers: { 'Content-Security-Policy': "default-src 'none'" } });
  server.addPage('/hostile/trusted-types.html', trustedTypesPage().html, { headers: { 'Content-Security-Policy': "require-trusted-types-for 'script'" } });
  server.addPage('/hostile/gb2312.html', gb2312Page(), { contentType: 'text/html' });

  plain = await chromium.launch({ executablePath: inject('browserPath'), args: ['--no-sandbox', '--disable-gpu'] });
  plainContext = await plain.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  for (const context of [harness.context, plainContext]) await offline(context);

  const listen = (worker: Worker) => {
    if (!worker.url().includes(harness.extensionId)) return;
    worker.on('console', (message) => {
      if (message.type() === 'error') workerErrors.push(message.text());
    });
  };
  harness.context.serviceWorkers().forEach(listen);
  harness.context.on('serviceworker', listen);
}, 180_000);

afterAll(async () => {
  await plain?.close();
  await harness?.close();
  await server?.close();
});

/** Nothing leaves the machine: only the test servers (any port, either host name) answer. */
async function offline(context: BrowserContext) {
  await context.route(
    (url) => /^(https?|wss?):$/.test(url.protocol) && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
    (route) => route.abort(),
  );
}

interface Visit {
  page: Page;
  /** Console errors and uncaught exceptions of the page and its frames, in every world. */
  errors: string[];
}

async function visit(context: BrowserContext, url: string): Promise<Visit> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  await page.goto(url.startsWith('/') ? server.origin + url : url);
  return { page, errors };
}

/** The page with the extension, scanned, and the same page in the plain browser. */
async function visitBoth(url: string, { waitForScan = true } = {}): Promise<{ ext: Visit; plain: Visit }> {
  const ext = await visit(harness.context, url);
  if (waitForScan) await waitForScanIdle(ext.page);
  else await ext.page.waitForFunction(() => performance.getEntriesByName('huantai-lens:scan').length > 0, null, { timeout: 15_000 });
  return { ext, plain: await visit(plainContext, url) };
}

/**
 * Console errors the extension caused: all of them on a page that makes none of its own (`quiet`),
 * else those the plain browser did not log for the same page.
 */
function extensionErrors({ ext, plain }: { ext: Visit; plain: Visit }, { quiet = true } = {}): string[] {
  if (quiet) {
    expect(plain.errors, 'the page itself logs errors: not a quiet page').toEqual([]);
    return ext.errors;
  }
  return ext.errors.filter((error) => !plain.errors.includes(error));
}

interface Serialised {
  length: number;
  hash: number;
  /** The whole serialisation when small enough to show a useful diff. */
  text: string | null;
}

/**
 * The frame's document as a string: every node, attribute and open shadow root (with its adopted
 * style sheets), walked without recursion (pages nest 5,000 deep); hashed in the page when large.
 */
function serialise(frame: Page | Frame): Promise<Serialised> {
  return frame.evaluate(() => {
    const out: string[] = [`adopted:${document.adoptedStyleSheets.length}`];
    const stack: Array<Node | string> = [document];
    const pushChildren = (parent: Node) => {
      const kids = parent.childNodes;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    };
    while (stack.length > 0) {
      const item = stack.pop()!;
      if (typeof item === 'string') {
        out.push(item);
        continue;
      }
      switch (item.nodeType) {
        case Node.ELEMENT_NODE: {
          const element = item as Element;
          let open = `<${element.nodeName}`;
          for (const attribute of element.attributes) open += ` ${attribute.name}=${JSON.stringify(attribute.value)}`;
          out.push(`${open}>`);
          stack.push(`</${element.nodeName}>`);
          pushChildren(element instanceof HTMLTemplateElement ? element.content : element);
          const shadow = element.shadowRoot;
          if (shadow) {
            stack.push('#/shadow');
            pushChildren(shadow);
            stack.push(`#shadow(${shadow.mode}, adopted:${shadow.adoptedStyleSheets.length})`);
          }
          break;
        }
        case Node.TEXT_NODE:
          out.push(`#text:${(item as Text).data}`);
          break;
        case Node.COMMENT_NODE:
          out.push(`<!--${(item as Comment).data}-->`);
          break;
        case Node.DOCUMENT_TYPE_NODE:
          out.push(`<!doctype ${(item as DocumentType).name}>`);
          break;
        default:
          out.push(`#node${item.nodeType}`);
          pushChildren(item);
      }
    }
    const text = out.join('\n');
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    return { length: text.length, hash: hash >>> 0, text: text.length < 400_000 ? text : null };
  });
}

/**
 * Frames by name (the top one as "top"), each serialised. Chromium's own error pages (a frame whose
 * load the test refused) are not the page's, and hold random markers: left out.
 */
async function serialiseFrames(page: Page): Promise<Record<string, Serialised>> {
  const out: Record<string, Serialised> = {};
  for (const frame of page.frames()) {
    if (frame.url().startsWith('chrome-error:')) continue;
    out[frame === page.mainFrame() ? 'top' : frame.name() || frame.url()] = await serialise(frame);
  }
  return out;
}

async function expectSameDom(ext: Page, plainPage: Page) {
  const [withExtension, without] = [await serialiseFrames(ext), await serialiseFrames(plainPage)];
  expect(Object.keys(withExtension).sort()).toEqual(Object.keys(without).sort());
  for (const key of Object.keys(without)) {
    if (without[key]!.text !== null) expect(withExtension[key]!.text, key).toBe(without[key]!.text);
    expect(withExtension[key], key).toEqual(without[key]);
  }
}

interface Measure {
  start: number;
  duration: number;
}

function measuresOf(frame: Page | Frame): Promise<Measure[]> {
  return frame.evaluate(() => performance.getEntriesByName('huantai-lens:scan').map((e) => ({ start: e.startTime, duration: e.duration })));
}

async function longestTask(frame: Page | Frame, label = 'page'): Promise<number> {
  const measures = await measuresOf(frame);
  expect(measures.length).toBeGreaterThan(0);
  const longest = Math.max(...measures.map((m) => m.duration));
  if (longest >= 50) {
    // Which tasks: a long one with little work in it is the machine (a GC, the OS), not the scan.
    const top = await frame.evaluate(() =>
      performance
        .getEntriesByName('huantai-lens:scan')
        .map((e, index) => ({ index, ms: Math.round(e.duration), ...((e as PerformanceMeasure).detail as object) }))
        .sort((x, y) => y.ms - x.ms)
        .slice(0, 3),
    );
    console.info(`[hostile] ${label}: longest tasks ${JSON.stringify(top)}`);
  }
  return longest;
}

/** Painted texts by the id of the nearest element with one around the range's start (shadow hosts crossed). */
function paintedById(frame: Page | Frame): Promise<Record<string, string[]>> {
  return frame.evaluate(() => {
    const out: Record<string, string[]> = {};
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('huantai-lens')) return;
      for (const range of highlight) {
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        let element: Element | null = range.startContainer.parentElement;
        while (element && !element.id) element = element.parentElement;
        const id = element?.id ?? '(none)';
        (out[id] ??= []).push(live.toString());
      }
    });
    for (const list of Object.values(out)) list.sort();
    return out;
  });
}

/** Ranges whose nodes have left the page, and ranges painted twice at the same place. */
function staleAndDuplicates(frame: Page | Frame): Promise<{ stale: number; duplicates: number }> {
  return frame.evaluate(() => {
    let stale = 0;
    let duplicates = 0;
    const seen = new Map<Node, Set<number>>();
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('huantai-lens')) return;
      for (const range of highlight) {
        if (!range.startContainer.isConnected || !range.endContainer.isConnected) stale++;
        const offsets = seen.get(range.startContainer) ?? new Set<number>();
        if (offsets.has(range.startOffset)) duplicates++;
        offsets.add(range.startOffset);
        seen.set(range.startContainer, offsets);
      }
    });
    return { stale, duplicates };
  });
}

function hostileState<T>(page: Page, key: string): Promise<T> {
  return page.evaluate((k) => {
    const value = (window as unknown as { __hostile: Record<string, unknown> }).__hostile[k];
    return (typeof value === 'function' ? (value as () => unknown)() : value) as T;
  }, key);
}

/**
 * The longest gap between the page's own 10 ms ticks while the extension was working (from its
 * first task's start to its last task's end), and how many ticks fell in that time.
 */
function longestTickGapDuringScan(page: Page): Promise<{ gap: number; ticks: number; window: number }> {
  return page.evaluate(() => {
    const measures = performance.getEntriesByName('huantai-lens:scan');
    const from = Math.min(...measures.map((m) => m.startTime));
    const to = Math.max(...measures.map((m) => m.startTime + m.duration));
    const ticks = (window as unknown as { __hostile: { ticks: number[] } }).__hostile.ticks;
    let gap = 0;
    let counted = 0;
    for (let i = 1; i < ticks.length; i++) {
      if (ticks[i]! < from || ticks[i - 1]! > to) continue;
      counted++;
      gap = Math.max(gap, ticks[i]! - ticks[i - 1]!);
    }
    return { gap, ticks: counted, window: to - from };
  });
}

/** Share of the main thread the extension's tasks took in [from, to] (page clock). */
function extensionShare(measures: Measure[], from: number, to: number): number {
  const busy = measures.reduce((sum, m) => sum + Math.max(0, Math.min(m.start + m.duration, to) - Math.max(m.start, from)), 0);
  return busy / (to - from);
}

/** The popup's "on this page" list for a tab, as term id → count; its own console errors too. */
async function onPageCounts(tab: Page): Promise<Record<string, number>> {
  const popup = await harness.openPopup(tab);
  const errors: string[] = [];
  popup.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  popup.on('pageerror', (error) => errors.push(error.message));
  try {
    await popup.waitForSelector('.on-page li[data-id]', { timeout: 15_000 });
    const rows = await popup.$$eval('.on-page li[data-id]', (items) =>
      items.map((li) => [(li as HTMLElement).dataset.id ?? '', Number((li.querySelector('.count')?.textContent ?? '').replace('×', ''))] as const),
    );
    expect(errors).toEqual([]);
    return Object.fromEntries(rows);
  } finally {
    await popup.close();
  }
}

/** Term id → occurrences, as the glossary's own finder counts them in the given blocks. */
function countTerms(blocks: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const text of blocks) for (const match of findTerms({ finder, text })) counts[finder.idOf(match.value)] = (counts[finder.idOf(match.value)] ?? 0) + 1;
  return counts;
}

/** Points at `text` and waits for the tooltip; returns the card's box and the viewport. */
async function openTooltipOn(page: Page, text: string, occurrence = 0) {
  await hoverText(page, text, occurrence);
  await expect.poll(() => tooltipText(page), { timeout: 10_000 }).toContain(entryByTerm(text).summary);
  return page.evaluate(() => {
    const card = document.querySelector('huantai-lens-ui')!.shadowRoot!.querySelector('.card') as HTMLElement;
    const box = card.getBoundingClientRect();
    const style = getComputedStyle(card);
    return {
      box: { left: box.left, top: box.top, right: box.right, bottom: box.bottom, width: box.width, height: box.height },
      viewport: { width: innerWidth, height: innerHeight },
      styled: style.position === 'fixed' && style.borderTopLeftRadius === '10px',
    };
  });
}

function expectOnScreen({ box, viewport }: { box: { left: number; top: number; right: number; bottom: number; width: number; height: number }; viewport: { width: number; height: number } }) {
  expect(box.width).toBeGreaterThan(50);
  expect(box.height).toBeGreaterThan(20);
  expect(box.left).toBeGreaterThanOrEqual(0);
  expect(box.top).toBeGreaterThanOrEqual(0);
  expect(box.right).toBeLessThanOrEqual(viewport.width);
  expect(box.bottom).toBeLessThanOrEqual(viewport.height);
}

async function closeBoth(pair: { ext: Visit; plain: Visit }) {
  await pair.ext.page.close();
  await pair.plain.page.close();
}

describe('markup-looking text', { retry: 1 }, () => {
  it('finds the terms in it, executes nothing, injects nothing', async () => {
    const pair = await visitBoth('/hostile/markup.html');
    const { page } = pair.ext;
    try {
      expect(await paintedById(page)).toEqual(MARKUP_EXPECTED);
      expect(await hostileState(page, 'pwned')).toBe(0);
      expect(await hostileState(page, 'mutations')).toBe(0);
      expect(await longestTask(page)).toBeLessThan(50);
      await expectSameDom(page, pair.plain.page);
      // Hovering the term inside a javascript: link explains it and runs nothing.
      const card = await openTooltipOn(page, '中国膜谷', 1);
      expectOnScreen(card);
      expect(await hostileState(page, 'pwned')).toBe(0);
      expect(await page.evaluate(() => ({ img: document.querySelectorAll('img').length, script: document.scripts.length }))).toEqual({ img: 0, script: 2 });
      expect(extensionErrors(pair)).toEqual([]);
    } finally {
      await closeBoth(pair);
    }
  });
});

// Timing on a shared two-core machine: a test whose page was descheduled at the wrong moment runs again.
describe('heavy pages', { retry: 2 }, () => {
  it('the planted texts hold exactly the terms planted (checked with the glossary’s finder)', () => {
    expect(findTerms({ finder, text: FILLER.repeat(50) })).toEqual([]);
    expect(countTerms(HEAVY.huge.blocks!())).toEqual({ [idOf('中国膜谷')]: 13, [idOf('四减四增')]: 2, [idOf('高标准农田')]: 1 });
    expect(countTerms(HEAVY.paragraphs.blocks!())).toEqual({ [idOf('中国膜谷')]: 100, [idOf('四减四增')]: 50 });
    expect(countTerms(HEAVY.deep.blocks!())).toEqual({ [idOf('中国膜谷')]: 1, [idOf('四减四增')]: 1 });
    expect(countTerms(HEAVY.table.blocks!())).toEqual({ [idOf('高标准农田')]: 50 });
  });

  // maxGap: the longest the page's own 10 ms interval may wait while the extension works. The 10 Mi
  // node gets more: adding a range to a highlight in it costs Chromium itself ~150 ms of paint
  // invalidation after the painting task (measured without the extension too: any change to a
  // highlight touching that node does).
  const cases = [
    { name: 'huge', what: 'a single text node of 10 Mi characters', painted: ['中国膜谷', '四减四增', '高标准农田'], maxGap: 300 },
    { name: 'paragraphs', what: '100,000 paragraphs', painted: [] as string[], maxGap: 200 },
    { name: 'deep', what: 'elements nested 5,000 deep', painted: ['中国膜谷', '四减四增'], maxGap: 200 },
    { name: 'table', what: 'a table of 50,000 cells', painted: ['高标准农田'], maxGap: 200 },
  ] as const;

  it.each(cases)('$what: page stays responsive, tasks < 50 ms, counts right, DOM untouched', async ({ name, painted, maxGap }) => {
    const pair = await visitBoth(`/hostile/${name}.html`);
    const { page } = pair.ext;
    try {
      const longest = await longestTask(page, name);
      const { gap, ticks, window: scanMs } = await longestTickGapDuringScan(page);
      console.info(
        `[hostile] ${name}: longest extension task ${longest.toFixed(1)} ms; during the ${scanMs.toFixed(0)} ms of scanning ` +
          `the page's 10 ms interval ticked ${ticks} times, longest gap ${gap.toFixed(1)} ms`,
      );
      expect(longest).toBeLessThan(50);
      expect(ticks).toBeGreaterThan(0);
      expect(gap).toBeLessThan(maxGap);

      const expected = countTerms(HEAVY[name].blocks!());
      expect(await onPageCounts(page)).toEqual(expected);
      // What is on screen is painted (the 10 Mi block holds all its terms: every one is painted).
      const onScreen = await paintedInside(page);
      if (name === 'huge') expect(onScreen).toHaveLength(16);
      for (const term of painted) expect(onScreen, term).toContain(term);
      if (name === 'paragraphs') {
        await page.evaluate(() => document.querySelectorAll('p')[1500]!.scrollIntoView({ block: 'center' }));
        await expect.poll(() => paintedInside(page), { timeout: 10_000 }).toContain('中国膜谷');
      }
      expect(await staleAndDuplicates(page)).toEqual({ stale: 0, duplicates: 0 });
      expect(await hostileState(page, 'mutations')).toBe(0);
      await expectSameDom(page, pair.plain.page);
      expect(extensionErrors(pair)).toEqual([]);
    } finally {
      await closeBoth(pair);
    }
  }, 120_000);
});

describe('pages that never stop changing', { retry: 1 }, () => {
  it('a ticker mutating every 5 ms: bounded share of the CPU, highlights follow, DOM untouched', async () => {
    const pair = await visitBoth('/hostile/ticker.html', { waitForScan: false });
    const { page } = pair.ext;
    try {
      const from = await page.evaluate(() => performance.now());
      const linesBefore = await hostileState<number>(page, 'lines');
      // New lines are painted while the ticker runs (bursts keep coming, paced).
      await expect.poll(async () => (await paintedInside(page, '#ticker')).includes('中国膜谷'), { timeout: 5000 }).toBe(true);
      await page.waitForTimeout(Math.max(0, 5000 - ((await page.evaluate(() => performance.now())) - from)));
      const to = await page.evaluate(() => performance.now());
      const share = extensionShare(await measuresOf(page), from, to);
      const lines = (await hostileState<number>(page, 'lines')) - linesBefore;
      const longest = await longestTask(page, 'ticker');
      console.info(`[hostile] ticker: extension share ${(share * 100).toFixed(1)} % over ${((to - from) / 1000).toFixed(1)} s, ${lines} lines added, longest task ${longest.toFixed(1)} ms`);
      expect(share).toBeLessThan(0.25);
      expect(lines).toBeGreaterThan(100);
      expect(longest).toBeLessThan(50);

      await page.evaluate(() => (window as unknown as { __hostile: { stop(): void } }).__hostile.stop());
      // Once it stops, the lines it removed lose their ranges and the final ones are painted.
      await expect.poll(() => paintedInside(page, '#ticker'), { timeout: 15_000 }).toEqual(Array(10).fill('高标准农田'));
      expect(await paintedInside(page, '#static')).toEqual(['四减四增']);
      expect(await staleAndDuplicates(page)).toEqual({ stale: 0, duplicates: 0 });

      await pair.plain.page.evaluate(() => (window as unknown as { __hostile: { stop(): void } }).__hostile.stop());
      await expectSameDom(page, pair.plain.page);
      expect(extensionErrors(pair)).toEqual([]);
    } finally {
      await closeBoth(pair);
    }
  }, 60_000);

  it('infinite scroll: bounded share of the CPU, new batches painted, removed ones gone', async () => {
    const pair = await visitBoth('/hostile/infinite.html');
    const { page } = pair.ext;
    const BATCHES = 20;
    const scrollOn = async (target: Page) => {
      for (let i = 1; i <= BATCHES; i++) {
        await target.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
        await target.waitForFunction((n) => (window as unknown as { __hostile: { loaded(): number } }).__hostile.loaded() >= n, i);
        await target.waitForTimeout(200);
      }
    };
    try {
      const from = await page.evaluate(() => performance.now());
      await scrollOn(page);
      const to = await page.evaluate(() => performance.now());
      const share = extensionShare(await measuresOf(page), from, to);
      console.info(`[hostile] infinite scroll: extension share ${(share * 100).toFixed(1)} % over ${((to - from) / 1000).toFixed(1)} s`);
      expect(share).toBeLessThan(0.25);
      expect(await hostileState(page, 'loaded')).toBe(BATCHES);
      await waitForScanIdle(page);
      expect(await longestTask(page)).toBeLessThan(50);

      // The last batch, brought on screen (not the sentinel below it), is painted; batches the page
      // removed left nothing behind.
      await page.evaluate((n) => document.getElementById(`batch-${n}`)!.scrollIntoView({ block: 'start' }), BATCHES);
      await expect.poll(() => paintedInside(page, `#batch-${BATCHES}`), { timeout: 10_000 }).toEqual([...Array(5).fill('跨境电商'), ...Array(2).fill('高标准农田')].sort());
      expect(await staleAndDuplicates(page)).toEqual({ stale: 0, duplicates: 0 });
      const inPage = await page.evaluate(() => {
        const paragraphs = [...document.querySelectorAll('#feed p')].map((p) => p.textContent ?? '');
        const count = (term: string) => paragraphs.filter((text) => text.includes(term)).length;
        return { 跨境电商: count('跨境电商'), 高标准农田: count('高标准农田'), 中国膜谷: count('中国膜谷') };
      });
      expect(inPage).toEqual({ 跨境电商: 30, 高标准农田: 12, 中国膜谷: 0 });
      expect(await onPageCounts(page)).toEqual({ [idOf('跨境电商')]: 30, [idOf('高标准农田')]: 12 });

      await scrollOn(pair.plain.page);
      await expectSameDom(page, pair.plain.page);
      expect(extensionErrors(pair)).toEqual([]);
    } finally {
      await closeBoth(pair);
    }
  }, 90_000);

  it('a React-style page that checks its own nodes every render keeps working', async () => {
    const pair = await visitBoth('/hostile/react.html', { waitForScan: false });
    const { page } = pair.ext;
    try {
      await page.waitForTimeout(3000);
      expect(await hostileState<number>(page, 'renders')).toBeGreaterThan(15);
      expect(await hostileState(page, 'broken')).toBe(false);
      await page.evaluate(() => (window as unknown as { __hostile: { stop(): void } }).__hostile.stop());
      expect(await hostileState(page, 'broken')).toBe(false);
      await expect.poll(() => paintedInside(page, '#root'), { timeout: 10_000 }).toEqual([...REACT_FINAL_TERMS].sort());
      expect(await staleAndDuplicates(page)).toEqual({ stale: 0, duplicates: 0 });
      expect(await longestTask(page)).toBeLessThan(50);

      await pair.plain.page.evaluate(() => (window as unknown as { __hostile: { stop(): void } }).__hostile.stop());
      await expectSameDom(page, pair.plain.page);
      expect(extensionErrors(pair)).toEqual([]);
    } finally {
      await closeBoth(pair);
    }
  });
});

describe('shadow roots and frames', { retry: 1 }, () => {
  it('paints nested open shadow roots and same-origin, cross-origin, about:blank and srcdoc frames, each in its own CSS.highlights', async () => {
    const pair = await visitBoth('/hostile/frames.html');
    const { page } = pair.ext;
    try {
      const expected: Record<string, string[]> = {
        top: ['中国膜谷', '四减四增', '高标准农田', '跨境电商'],
        same: ['跨境电商', '两高项目'],
        cross: ['中国膜谷', '两高项目'],
        blank: ['四减四增'],
        srcdoc: ['高标准农田'],
        late: [],
        adlike: [],
      };
      for (const [name, terms] of Object.entries(expected)) {
        const frame = name === 'top' ? page.mainFrame() : page.frame({ name });
        expect(frame, name).not.toBeNull();
        await expect.poll(() => paintedInside(frame!), { timeout: 15_000, message: name }).toEqual([...terms].sort());
        expect(await longestTask(frame!), name).toBeLessThan(50);
        expect(await staleAndDuplicates(frame!), name).toEqual({ stale: 0, duplicates: 0 });
      }
      expect(new URL(page.frame({ name: 'cross' })!.url()).origin).toBe(crossOrigin);
      await expectSameDom(page, pair.plain.page);
      expect(extensionErrors(pair)).toEqual([]);
    } finally {
      await closeBoth(pair);
    }
  });

  it('builds no automaton in a frame without text (empty, or an ad’s script alone) until text arrives, then paints it', async () => {
    const pair = await visitBoth('/hostile/frames.html');
    const { page } = pair.ext;
    const entries = (frame: Frame, name: string) => frame.evaluate((n) => performance.getEntriesByName(n).length, name);
    try {
      expect(await entries(page.mainFrame(), 'huantai-lens:setup')).toBe(1);
      for (const name of ['late', 'adlike']) {
        const frame = page.frame({ name })!;
        // The content script has run there: its scan of nothing is recorded.
        await expect.poll(() => entries(frame, 'huantai-lens:scan'), { timeout: 15_000, message: name }).toBeGreaterThan(0);
        expect(await entries(frame, 'huantai-lens:setup'), name).toBe(0);
      }
      await page.evaluate(() => (window as unknown as { fillLate(): void }).fillLate());
      await expect.poll(() => paintedInside(page.frame({ name: 'late' })!), { timeout: 15_000 }).toEqual(['中国膜谷']);
      expect(await paintedInside(page.frame({ name: 'adlike' })!)).toEqual([]);
      expect(extensionErrors(pair)).toEqual([]);
    } finally {
      await closeBoth(pair);
    }
  });
});

describe('odd documents', { retry: 1 }, () => {
  it.each([
    { path: '/hostile/csp.html', what: "CSP default-src 'none'; style-src 'unsafe-inline'" },
    { path: '/hostile/csp-no-inline-style.html', what: "CSP default-src 'none' (no inline styles either)" },
  ])('$what: painted, and the tooltip opens styled and on screen', async ({ path }) => {
    const pair = await visitBoth(path);
    const { page } = pair.ext;
    try {
      expect(await paintedInside(page)).toEqual([...PLAIN_TERMS].sort());
      expect(await longestTask(page)).toBeLessThan(50);
      await expectSameDom(page, pair.plain.page);
      const card = await openTooltipOn(page, '四减四增');
      expectOnScreen(card);
      expect(card.styled).toBe(true);
      expect(extensionErrors(pair)).toEqual([]);
    } finally {
      await closeBoth(pair);
    }
  });

  it('Trusted Types required: painted, tooltip opens, no violation of the extension’s', async () => {
    const pair = await visitBoth('/hostile/trusted-types.html');
    const { page } = pair.ext;
    try {
      expect(await hostileState(page, 'enforced')).toBe(true);
      expect(await paintedInside(page)).toEqual([...PLAIN_TERMS].sort());
      expect(await hostileState(page, 'mutations')).toBe(0);
      await expectSameDom(page, pair.plain.page);
      expectOnScreen(await openTooltipOn(page, '跨境电商'));
      // The page's own refused assignment is logged in both browsers; nothing else.
      expect(pair.plain.errors.length).toBeGreaterThan(0);
      expect(extensionErrors(pair, { quiet: false })).toEqual([]);
    } finally {
      await closeBoth(pair);
    }
  });

  it('quirks mode: painted, a term far down the page is painted and explained on screen', async () => {
    const pair = await visitBoth('/hostile/quirks.html');
    const { page } = pair.ext;
    try {
      expect(await page.evaluate(() => document.compatMode)).toBe('BackCompat');
      // The far paragraph may be painted already: it is grouped with the blocks above it.
      expect(await paintedInside(page)).toEqual(expect.arrayContaining([...PLAIN_TERMS, '两高项目']));
      await expectSameDom(page, pair.plain.page);
      expect(await hostileState(page, 'mutations')).toBe(0);
      const card = await openTooltipOn(page, '中国膜谷', 1);
      expect(await page.evaluate(() => document.scrollingElement === document.body && document.body.scrollTop > 0)).toBe(true);
      expectOnScreen(card);
      expect(await longestTask(page)).toBeLessThan(50);
      expect(extensionErrors(pair)).toEqual([]);
    } finally {
      await closeBoth(pair);
    }
  });

  it('a GB2312 page declared only in <meta>', async () => {
    const pair = await visitBoth('/hostile/gb2312.html');
    const { page } = pair.ext;
    try {
      expect(await page.evaluate(() => document.characterSet)).toBe('GBK');
      expect(await paintedInside(page)).toEqual([...PLAIN_TERMS].sort());
      expect(await longestTask(page)).toBeLessThan(50);
      await expectSameDom(page, pair.plain.page);
      expect(extensionErrors(pair)).toEqual([]);
    } finally {
      await closeBoth(pair);
    }
  });

  it('the GB2312 corpus page (served as gb18030), with a paragraph added after load', async () => {
    const pair = await visitBoth(`${inject('origin')}/corpus/zh-xinhuanet-hebei-archive-gb2312.html`);
    const { page } = pair.ext;
    try {
      expect(await page.evaluate(() => document.characterSet.toLowerCase())).toBe('gb18030');
      expect(await page.evaluate(() => document.body.textContent!.includes('新华网'))).toBe(true);
      // The article holds no glossary term; one added by the page is found.
      expect(await paintedInside(page)).toEqual([]);
      const add = (target: Page) =>
        target.evaluate(() => {
          const p = document.createElement('p');
          p.id = 'added';
          p.textContent = '新增段落：做大做强中国膜谷，扎实开展四减四增。';
          document.body.prepend(p);
          scrollTo(0, 0);
        });
      await add(page);
      await add(pair.plain.page);
      await expect.poll(() => paintedInside(page, '#added'), { timeout: 10_000 }).toEqual(['中国膜谷', '四减四增'].sort());
      expect(await longestTask(page)).toBeLessThan(50);
      await expectSameDom(page, pair.plain.page);
      // Scripts are refused by the corpus route's CSP and outside loads by the test: both browsers log that alike.
      expect(extensionErrors(pair, { quiet: false })).toEqual([]);
    } finally {
      await closeBoth(pair);
    }
  });

  it('right-to-left text: painted, the tooltip opens on screen', async () => {
    const pair = await visitBoth('/hostile/rtl.html');
    const { page } = pair.ext;
    try {
      expect(await paintedInside(page)).toEqual([...RTL_TERMS].sort());
      await expectSameDom(page, pair.plain.page);
      expect(await hostileState(page, 'mutations')).toBe(0);
      expectOnScreen(await openTooltipOn(page, '中国膜谷'));
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      expectOnScreen(await openTooltipOn(page, '高标准农田'));
      expect(await longestTask(page)).toBeLessThan(50);
      expect(extensionErrors(pair)).toEqual([]);
    } finally {
      await closeBoth(pair);
    }
  });

  it('vertical text: painted, the tooltip opens on screen', async () => {
    const pair = await visitBoth('/hostile/vertical.html');
    const { page } = pair.ext;
    try {
      expect(await paintedInside(page)).toEqual([...VERTICAL_TERMS].sort());
      await expectSameDom(page, pair.plain.page);
      expect(await hostileState(page, 'mutations')).toBe(0);
      const card = await openTooltipOn(page, '四减四增');
      expectOnScreen(card);
      expect(await longestTask(page)).toBeLessThan(50);
      expect(extensionErrors(pair)).toEqual([]);
    } finally {
      await closeBoth(pair);
    }
  });

  it('ruby: the base text is matched across its annotations, the annotations are not', async () => {
    const pair = await visitBoth('/hostile/ruby.html');
    const { page } = pair.ext;
    try {
      const ranges = await page.evaluate(() => {
        const out: Array<{ id: string; start: string; end: string; inRt: boolean }> = [];
        CSS.highlights.forEach((highlight, name) => {
          if (!name.startsWith('huantai-lens')) return;
          for (const range of highlight) {
            out.push({
              id: range.startContainer.parentElement!.closest('p')!.id,
              start: range.startContainer.textContent!,
              end: range.endContainer.textContent!,
              inRt: !!range.startContainer.parentElement!.closest('rt, rp') || !!range.endContainer.parentElement!.closest('rt, rp'),
            });
          }
        });
        return out.sort((a, b) => a.id.localeCompare(b.id));
      });
      expect(ranges).toEqual(RUBY_EXPECTED.map((r) => ({ ...r, inRt: false })).sort((a, b) => a.id.localeCompare(b.id)));
      await expectSameDom(page, pair.plain.page);
      expect(await hostileState(page, 'mutations')).toBe(0);
      expect(await longestTask(page)).toBeLessThan(50);
      expect(extensionErrors(pair)).toEqual([]);
    } finally {
      await closeBoth(pair);
    }
  });
});

describe('where the content script must not run', () => {
  /** Logged by @webext-core/messaging, which never reads chrome.runtime.lastError: see the known gap below. */
  const UNCHECKED_LAST_ERROR = /^Unchecked runtime\.lastError: Could not establish connection\. Receiving end does not exist\./;

  it.each(['popup.html', 'glossary.html', 'options.html', 'chrome://version', 'about:blank'])('%s: no scan, no highlight, no error', async (target) => {
    const url = target.includes(':') ? target : `chrome-extension://${harness.extensionId}/${target}`;
    const { page, errors } = await visit(harness.context, url);
    try {
      await page.waitForTimeout(1500);
      const state = await page.evaluate(() => ({
        measures: performance.getEntriesByType('measure').filter((m) => m.name.startsWith('huantai-lens')).length,
        highlights: typeof CSS !== 'undefined' && 'highlights' in CSS ? [...CSS.highlights.keys()].filter((name) => name.startsWith('huantai-lens')) : [],
        host: document.querySelector('huantai-lens-ui') !== null,
      }));
      expect(state).toEqual({ measures: 0, highlights: [], host: false });
      // The popup opened as a tab asks that tab (itself) for its terms: the known gap below.
      expect(errors.filter((error) => !(target === 'popup.html' && UNCHECKED_LAST_ERROR.test(error)))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  // @webext-core/messaging sends to a tab with chrome.tabs.sendMessage(tabId, message,
  // options, resolve) and never reads chrome.runtime.lastError, so asking a tab where the content
  // script does not run (chrome://, the Web Store, a tab opened before install) would log an
  // "Unchecked runtime.lastError" error in the popup, listed on chrome://extensions as the
  // extension's error; lib/messaging/protocol.ts checks for a content script first (hasContentScript).
  it('the popup logs no error when its tab has no content script (chrome://version)', async () => {
    const tab = (await visit(harness.context, 'chrome://version')).page;
    const worker = extensionWorker(harness.context);
    await tab.bringToFront();
    const tabId = await worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: typeof browser };
      const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return active!.id!;
    });
    const popup = await visit(harness.context, `chrome-extension://${harness.extensionId}/popup.html?tab=${tabId}`);
    try {
      await popup.page.waitForSelector('.on-page');
      await popup.page.waitForTimeout(1500);
      expect(popup.errors).toEqual([]);
    } finally {
      await popup.page.close();
      await tab.close();
    }
  });

  it('the extension’s service worker logged no error through all of the above', () => {
    expect(harness.context.serviceWorkers().some((w) => w.url().includes(harness.extensionId))).toBe(true);
    expect(workerErrors).toEqual([]);
  });
});
