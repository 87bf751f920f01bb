/**
 * Measures the extension itself: loads a page in a browser with the extension, waits until its
 * scan is idle and reads the 'huantai-lens:scan' measures the content script records for every
 * task of scanning or painting work.
 */
import type { BrowserContext, Page } from 'playwright-core';

export const MEASURE_NAME = 'huantai-lens:scan';

/** One task of the extension's work, as recorded by performance.measure. */
export interface TaskMeasure {
  start: number;
  duration: number;
  textNodes: number;
  chars: number;
  matches: number;
  /** Only on painting tasks (IntersectionObserver callbacks). */
  painted?: number;
}

export interface OurRun {
  /** Sum of all task durations, ms. */
  total: number;
  scanTotal: number;
  paintTotal: number;
  /** Longest single task, ms. */
  longest: number;
  longestScan: number;
  longestPaint: number;
  tasks: number;
  scanTasks: number;
  paintTasks: number;
  matches: number;
  chars: number;
  textNodes: number;
  painted: number;
  /** Ranges in the page's huantai-lens highlights at the end. */
  registeredRanges: number;
  /** ms since navigation start. */
  domContentLoaded: number;
  scanStart: number;
  scanEnd: number;
  /** End of the first task that painted highlights, ms since navigation start (NaN if none did). */
  firstPaint: number;
  /** Long tasks (≥ 50 ms, any cause) the page saw between the scan's start and end. */
  longTasksDuringScan: number;
  longestLongTaskDuringScan: number;
  measures: TaskMeasure[];
  /** After the scan, scrolling to `scrollTo` (dense text far below): the painting it caused. */
  onScroll?: ScrollPaint;
}

export interface ScrollPaint {
  /** From the scroll to the end of the last painting task, ms. */
  msToPainted: number;
  /** Sum and longest of the painting tasks' durations, ms. */
  paintMs: number;
  longestPaintMs: number;
  tasks: number;
  painted: number;
}

/** Installed before the page's own code: records long tasks for the whole page lifetime. */
const LONG_TASK_OBSERVER = `
  globalThis.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) globalThis.__benchLongTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
`;

export async function prepareOursContext({ context }: { context: BrowserContext }): Promise<void> {
  await context.addInitScript({ content: LONG_TASK_OBSERVER });
}

/** Waits for the first measure, then until no new one has appeared for `quietMs`. */
async function waitForScanIdle({ page, quietMs, firstMeasureTimeoutMs, timeoutMs }: { page: Page; quietMs: number; firstMeasureTimeoutMs: number; timeoutMs: number }): Promise<void> {
  await page
    .waitForFunction((name) => performance.getEntriesByName(name).length > 0, MEASURE_NAME, { timeout: firstMeasureTimeoutMs })
    .catch(() => {
      throw new Error(`the content script recorded no '${MEASURE_NAME}' measure within ${firstMeasureTimeoutMs / 1000} s (did it run? is the site switched off?)`);
    });
  const deadline = Date.now() + timeoutMs;
  let previous = -1;
  while (Date.now() < deadline) {
    const count = await page.evaluate((name) => performance.getEntriesByName(name).length, MEASURE_NAME);
    if (count === previous) return;
    previous = count;
    await page.waitForTimeout(quietMs);
  }
}

export async function measureOurs({ context, url, scrollTo, quietMs = 500, firstMeasureTimeoutMs = 20_000, timeoutMs = 60_000 }: {
  context: BrowserContext;
  url: string;
  /** A selector to scroll into view once the scan is idle, to measure painting on the way down. */
  scrollTo?: string;
  quietMs?: number;
  /** How long to wait for the content script's first measure (it runs at document_idle). */
  firstMeasureTimeoutMs?: number;
  timeoutMs?: number;
}): Promise<OurRun> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    await waitForScanIdle({ page, quietMs, firstMeasureTimeoutMs, timeoutMs });
    const raw = await page.evaluate((name) => {
      const measures = performance.getEntriesByName(name).map((entry) => {
        const detail = (entry as PerformanceMeasure).detail as { textNodes: number; chars: number; matches: number; painted?: number };
        return { start: entry.startTime, duration: entry.duration, ...detail };
      });
      let registeredRanges = 0;
      CSS.highlights.forEach((highlight, key) => {
        if (key.startsWith('huantai-lens')) registeredRanges += highlight.size;
      });
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const longTasks = (globalThis as { __benchLongTasks?: { start: number; duration: number }[] }).__benchLongTasks ?? [];
      return { measures, registeredRanges, domContentLoaded: navigation?.domContentLoadedEventEnd ?? Number.NaN, longTasks };
    }, MEASURE_NAME);
    const summary = summarise(raw);
    if (scrollTo) summary.onScroll = await measureScrollPaint({ page, selector: scrollTo, quietMs });
    return summary;
  } finally {
    await page.close();
  }
}

/** Scrolls `selector` into view and sums the painting tasks that follow, until quiet. */
async function measureScrollPaint({ page, selector, quietMs }: { page: Page; selector: string; quietMs: number }): Promise<ScrollPaint> {
  const before = await page.evaluate((name) => performance.getEntriesByName(name).length, MEASURE_NAME);
  const scrolledAt = await page.evaluate((target) => {
    document.querySelector(target)?.scrollIntoView({ block: 'start' });
    return performance.now();
  }, selector);
  await page.waitForFunction(([name, count]) => performance.getEntriesByName(name as string).length > (count as number), [MEASURE_NAME, before] as const, { timeout: 10_000 }).catch(() => undefined);
  await waitForScanIdle({ page, quietMs, firstMeasureTimeoutMs: 10_000, timeoutMs: 10_000 }).catch(() => undefined);
  const after = await page.evaluate(([name, skip]) => performance.getEntriesByName(name as string).slice(skip as number).map((entry) => ({
    end: entry.startTime + entry.duration,
    duration: entry.duration,
    painted: ((entry as PerformanceMeasure).detail as { painted?: number }).painted ?? 0,
  })), [MEASURE_NAME, before] as const);
  const paints = after.filter((m) => m.painted > 0);
  return {
    msToPainted: paints.length > 0 ? Math.max(...paints.map((m) => m.end)) - scrolledAt : Number.NaN,
    paintMs: paints.reduce((acc, m) => acc + m.duration, 0),
    longestPaintMs: paints.reduce((acc, m) => Math.max(acc, m.duration), 0),
    tasks: paints.length,
    painted: paints.reduce((acc, m) => acc + m.painted, 0),
  };
}

function summarise({ measures, registeredRanges, domContentLoaded, longTasks }: {
  measures: TaskMeasure[];
  registeredRanges: number;
  domContentLoaded: number;
  longTasks: { start: number; duration: number }[];
}): OurRun {
  const isPaint = (m: TaskMeasure) => m.painted !== undefined;
  const scans = measures.filter((m) => !isPaint(m));
  const paints = measures.filter(isPaint);
  const sum = (list: TaskMeasure[], pick: (m: TaskMeasure) => number) => list.reduce((acc, m) => acc + pick(m), 0);
  const longestOf = (list: TaskMeasure[]) => list.reduce((acc, m) => Math.max(acc, m.duration), 0);
  const scanStart = measures.length > 0 ? Math.min(...measures.map((m) => m.start)) : Number.NaN;
  const scanEnd = measures.length > 0 ? Math.max(...measures.map((m) => m.start + m.duration)) : Number.NaN;
  const firstPainting = paints.filter((m) => (m.painted ?? 0) > 0).sort((a, b) => a.start - b.start)[0];
  const during = longTasks.filter((t) => t.start + t.duration >= scanStart && t.start <= scanEnd);
  return {
    total: sum(measures, (m) => m.duration),
    scanTotal: sum(scans, (m) => m.duration),
    paintTotal: sum(paints, (m) => m.duration),
    longest: longestOf(measures),
    longestScan: longestOf(scans),
    longestPaint: longestOf(paints),
    tasks: measures.length,
    scanTasks: scans.length,
    paintTasks: paints.length,
    matches: sum(measures, (m) => m.matches),
    chars: sum(measures, (m) => m.chars),
    textNodes: sum(measures, (m) => m.textNodes),
    painted: sum(paints, (m) => m.painted ?? 0),
    registeredRanges,
    domContentLoaded,
    scanStart,
    scanEnd,
    firstPaint: firstPainting ? firstPainting.start + firstPainting.duration : Number.NaN,
    longTasksDuringScan: during.length,
    longestLongTaskDuringScan: during.reduce((acc, t) => Math.max(acc, t.duration), 0),
    measures,
  };
}
