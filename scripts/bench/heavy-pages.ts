/**
 * What the extension costs on hostile, heavy pages: a single 10 Mi-character text node, 100,000
 * paragraphs, elements nested 5,000 deep, a 50,000-cell table, a ticker that mutates every 5 ms
 * (watched for 5 s), and a short article among 12 ad frames (the content script's start-up, once
 * per frame, against a scan of almost nothing). Each page is loaded in Chromium with the extension
 * and in a plain Chromium without it, taking turns, and for each load this records what the renderer's main thread did
 * (CDP Performance.getMetrics: TaskDuration, ScriptDuration, layout + style), the JS heap after a
 * forced GC (the content script's isolated world shares the page's heap), and the extension's own
 * scan measures ('huantai-lens:scan': total and longest task).
 *
 * Self-contained: starts its own page server and browsers. The pages come from
 * tests/e2e/hostile-pages.ts, shared with the hostile e2e suite.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchWithExtension } from '../browser.mjs';
import { startServer } from '../serve.mjs';
import { adFramesPage, deepPage, hugeTextPage, paragraphsPage, tablePage, tickerPage } from '../../tests/e2e/hostile-pages';

export type HeavyPageId = 'huge-text' | 'paragraphs' | 'deep' | 'table' | 'ticker' | 'ad-frames';

export const HEAVY_PAGES: Array<{ id: HeavyPageId; what: string; html: () => string; /** Watched this long instead of until the scan is quiet. */ watchMs?: number }> = [
  { id: 'huge-text', what: 'one text node of 10 Mi characters', html: () => hugeTextPage().html },
  { id: 'paragraphs', what: '100,000 paragraphs', html: () => paragraphsPage().html },
  { id: 'deep', what: 'elements nested 5,000 deep', html: () => deepPage().html },
  { id: 'table', what: 'a table of 50,000 cells', html: () => tablePage().html },
  { id: 'ticker', what: 'a ticker mutating every 5 ms, for 5 s', html: () => tickerPage().html, watchMs: 5000 },
  { id: 'ad-frames', what: 'a short article among 12 ad frames (about:blank, no text)', html: () => adFramesPage().html },
];

export interface HeavySide {
  /** Navigation start to the end of the measurement, ms. */
  wallMs: number;
  /** Renderer main-thread task time over the load (CDP TaskDuration), ms. */
  taskMs: number;
  /**
   * CDP ScriptDuration, ms. Kept for reference only: it misses most of the content script's scan
   * (its chunks resume as promise continuations), so compare taskMs and scanTotalMs instead.
   */
  scriptMs: number;
  /** Of which layout and style recalculation, ms. */
  layoutMs: number;
  /** JS heap in use after a forced garbage collection, MB. */
  heapMB: number;
  /** The page's own 10 ms interval (pages that have one): its longest gap from load to the end, ms. */
  longestTickGapMs: number | null;
  /** Sum of the extension's task measures, ms (null without the extension). */
  scanTotalMs: number | null;
  /** The extension's longest task, ms. */
  scanLongestMs: number | null;
  /** The content script's set-up (its 'huantai-lens:setup' measure: building the matcher), ms. */
  setupMs: number | null;
  scanTasks: number | null;
}

export interface HeavyRow {
  page: HeavyPageId;
  what: string;
  /** Medians over the runs. */
  withExtension: HeavySide;
  without: HeavySide;
  runs: number;
}

export interface HeavyOptions {
  extensionPath: string;
  executablePath: string;
  /** How the extension is loaded (see scripts/browser.mjs). */
  via?: 'auto' | 'flag' | 'cdp';
  runs?: number;
  pages?: HeavyPageId[];
  /** A quiet stretch this long (no new measure) ends a static page's measurement. */
  quietMs?: number;
  log?: (line: string) => void;
}

const MEASURE_NAME = 'huantai-lens:scan';
const VIEWPORT = { width: 1280, height: 900 };
/** The flags scripts/browser.mjs gives the browser with the extension, less the extension's. */
const PLAIN_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--no-default-browser-check', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function measureHeavyPages({ extensionPath, executablePath, via = 'auto', runs = 1, pages, quietMs = 1000, log = () => {} }: HeavyOptions): Promise<HeavyRow[]> {
  const server = await startServer();
  const chosen = HEAVY_PAGES.filter((p) => !pages || pages.includes(p.id));
  const urls = new Map(chosen.map((p) => [p.id, server.addPage(`/heavy/${p.id}.html`, p.html())]));
  let withExtension: BrowserContext | undefined;
  let plainBrowser: Browser | undefined;
  try {
    ({ context: withExtension } = await launchWithExtension({ extensionPath, executablePath, via, viewport: VIEWPORT }));
    plainBrowser = await chromium.launch({ executablePath, args: PLAIN_ARGS });
    const plain = await plainBrowser.newContext({ viewport: VIEWPORT });
    const rows: HeavyRow[] = [];
    for (const page of chosen) {
      const sides: { with: HeavySide[]; without: HeavySide[] } = { with: [], without: [] };
      for (let run = 0; run < runs; run++) {
        // Taking turns, so that drifting machine load affects both alike.
        sides.with.push(await measureOnce({ context: withExtension, url: urls.get(page.id)!, extension: true, watchMs: page.watchMs, quietMs }));
        sides.without.push(await measureOnce({ context: plain, url: urls.get(page.id)!, extension: false, watchMs: page.watchMs, quietMs }));
        log(`${page.id} run ${run + 1}/${runs}: ${describeSide(sides.with.at(-1)!)} | without: ${describeSide(sides.without.at(-1)!)}`);
      }
      rows.push({ page: page.id, what: page.what, withExtension: medianSide(sides.with), without: medianSide(sides.without), runs });
    }
    return rows;
  } finally {
    await withExtension?.close();
    await plainBrowser?.close();
    await server.close();
  }
}

async function measureOnce({ context, url, extension, watchMs, quietMs }: { context: BrowserContext; url: string; extension: boolean; watchMs?: number; quietMs: number }): Promise<HeavySide> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await cdp.send('HeapProfiler.enable');
    const before = await metrics(cdp);
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    if (watchMs !== undefined) await page.waitForTimeout(watchMs);
    else if (extension) await waitForQuiet(page, quietMs);
    // Without the extension there is nothing to wait for but the page settling (as long as the
    // quiet stretch that ends a run with it).
    else await page.waitForTimeout(quietMs);
    const state = await page.evaluate(`(() => {
      const measures = performance.getEntriesByName(${JSON.stringify(MEASURE_NAME)});
      const ticks = (window.__hostile && window.__hostile.ticks) || [];
      let gap = null;
      for (let i = 1; i < ticks.length; i++) gap = Math.max(gap ?? 0, ticks[i] - ticks[i - 1]);
      return {
        now: performance.now(),
        scanTotal: measures.reduce((sum, m) => sum + m.duration, 0),
        scanLongest: measures.reduce((max, m) => Math.max(max, m.duration), 0),
        scanTasks: measures.length,
        setup: performance.getEntriesByName('huantai-lens:setup').reduce((sum, m) => sum + m.duration, 0),
        gap,
      };
    })()`) as { now: number; scanTotal: number; scanLongest: number; scanTasks: number; setup: number; gap: number | null };
    const after = await metrics(cdp);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await metrics(cdp)).JSHeapUsedSize ?? Number.NaN;
    const delta = (name: string) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
    return {
      wallMs: state.now,
      taskMs: delta('TaskDuration'),
      scriptMs: delta('ScriptDuration'),
      layoutMs: delta('LayoutDuration') + delta('RecalcStyleDuration'),
      heapMB: heap / 1024 / 1024,
      longestTickGapMs: state.gap,
      scanTotalMs: extension ? state.scanTotal : null,
      scanLongestMs: extension ? state.scanLongest : null,
      scanTasks: extension ? state.scanTasks : null,
      setupMs: extension ? state.setup : null,
    };
  } finally {
    await page.close();
  }
}

async function metrics(cdp: { send(method: 'Performance.getMetrics'): Promise<{ metrics: Array<{ name: string; value: number }> }> }) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value])) as Record<string, number>;
}

/** Waits for the first scan measure, then until none has appeared for `quietMs`. */
async function waitForQuiet(page: Page, quietMs: number) {
  await page.waitForFunction(`performance.getEntriesByName(${JSON.stringify(MEASURE_NAME)}).length > 0`, null, { timeout: 30_000 });
  let previous = -1;
  for (;;) {
    const count = (await page.evaluate(`performance.getEntriesByName(${JSON.stringify(MEASURE_NAME)}).length`)) as number;
    if (count === previous) return;
    previous = count;
    await page.waitForTimeout(quietMs);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function medianSide(sides: HeavySide[]): HeavySide {
  const pick = <K extends keyof HeavySide>(key: K) => {
    const values = sides.map((s) => s[key]).filter((v): v is number => typeof v === 'number');
    return values.length === 0 ? null : median(values);
  };
  return {
    wallMs: pick('wallMs')!,
    taskMs: pick('taskMs')!,
    scriptMs: pick('scriptMs')!,
    layoutMs: pick('layoutMs')!,
    heapMB: pick('heapMB')!,
    longestTickGapMs: pick('longestTickGapMs'),
    scanTotalMs: pick('scanTotalMs'),
    scanLongestMs: pick('scanLongestMs'),
    scanTasks: pick('scanTasks'),
    setupMs: pick('setupMs'),
  };
}

function describeSide(side: HeavySide): string {
  const scan = side.scanTotalMs === null ? '' : `, scan ${side.scanTotalMs.toFixed(0)} ms (longest ${side.scanLongestMs!.toFixed(1)})`;
  return `tasks ${side.taskMs.toFixed(0)} ms, heap ${side.heapMB.toFixed(1)} MB${scan}`;
}

/**
 * A plain-text table: main-thread time and heap with / without the extension (and their ratio),
 * the extension's own scan total and longest task, and the page's longest gap between its own
 * 10 ms ticks (pages that have them).
 */
export function formatHeavyRows(rows: HeavyRow[]): string {
  const ms = (v: number | null) => (v === null ? '–' : v.toFixed(0));
  const ratio = (a: number, b: number) => (b > 0 ? `×${(a / b).toFixed(2)}` : '–');
  const header = ['page', 'main thread ms (with / without)', 'heap MB after GC (with / without)', 'setup ms', 'scan total ms', 'longest task ms', 'longest tick gap ms (with / without)'];
  const lines = rows.map((row) => {
    const w = row.withExtension;
    const o = row.without;
    return [
      row.page,
      `${ms(w.taskMs)} / ${ms(o.taskMs)} ${ratio(w.taskMs, o.taskMs)}`,
      `${w.heapMB.toFixed(1)} / ${o.heapMB.toFixed(1)} ${ratio(w.heapMB, o.heapMB)}`,
      w.setupMs === null ? '–' : w.setupMs.toFixed(1),
      ms(w.scanTotalMs),
      w.scanLongestMs === null ? '–' : w.scanLongestMs.toFixed(1),
      `${ms(w.longestTickGapMs)} / ${ms(o.longestTickGapMs)}`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [
    `Heavy pages, medians of ${rows[0]?.runs ?? 0} run(s). Main thread: CDP TaskDuration (thread time) from navigation until the scan is quiet; the ticker over 5 s.`,
    format(header),
    format(widths.map((w) => '-'.repeat(w))),
    ...lines.map(format),
  ].join('\n');
}
