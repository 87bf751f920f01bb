/**
 * Baselines, run in a plain browser (no extension) on the same pages in the same run:
 * - floor: a TreeWalker pass that only reads every text node (no highlighter can do less);
 * - naive: one alternation RegExp of every raw term and alias, a live Range per match, one Highlight;
 * - mark.js: the common library, marking the same term list (it rewrites the DOM).
 * The functions marked "in page" are serialised by page.evaluate: they may use only their arguments.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';

export interface FloorRun {
  ms: number;
  textNodes: number;
  chars: number;
}

export interface NaiveRun {
  /** Walk, match, create ranges and register the highlight (synchronous JS), ms. */
  ms: number;
  /** Until the next frame has been produced after registering, ms from the same start. */
  msToFrame: number;
  matches: number;
  textNodes: number;
  chars: number;
}

export interface MarkRun {
  ms: number;
  marks: number;
  timedOut: boolean;
}

/** In page: reads every text node under body once. */
export function floorPass(): FloorRun {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let chars = 0;
  let textNodes = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    chars += (node as Text).data.length;
    textNodes++;
  }
  return { ms: performance.now() - t0, textNodes, chars };
}

/** In page: the naive highlighter. Resolves after the next frame, to see what registering cost the renderer. */
export function naivePass(terms: string[]): Promise<NaiveRun> {
  const alternation = [...terms]
    .sort((a, b) => b.length - a.length)
    .map((term) => term.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
    .join('|');
  const pattern = new RegExp(alternation, 'gu');
  const style = document.createElement('style');
  style.textContent = '::highlight(bench-naive) { background-color: rgba(255, 200, 0, 0.4); }';
  document.head.append(style);

  const t0 = performance.now();
  const highlight = new Highlight();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let matches = 0;
  let textNodes = 0;
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node as Text).data;
    textNodes++;
    chars += text.length;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const range = new Range();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      highlight.add(range);
      matches++;
    }
  }
  CSS.highlights.set('bench-naive', highlight);
  const ms = performance.now() - t0;
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      // The frame's rendering work runs after rAF callbacks; a task posted now runs once it is done.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve({ ms, msToFrame: performance.now() - t0, matches, textNodes, chars });
      channel.port2.postMessage(null);
    });
  });
}

/**
 * In page: mark.js (already injected) over the same terms. mark.js works synchronously; to stop it
 * at the deadline its per-match and per-term callbacks throw, which unwinds the whole call.
 */
export function markPass({ terms, timeoutMs }: { terms: string[]; timeoutMs: number }): MarkRun {
  type MarkCtor = new (ctx: Element) => { mark(terms: string[], options: Record<string, unknown>): void };
  const Mark = (globalThis as unknown as { Mark: MarkCtor }).Mark;
  const stop = new Error('bench-timeout');
  const t0 = performance.now();
  const deadline = t0 + timeoutMs;
  let marks = 0;
  let result: MarkRun | null = null;
  const check = () => {
    if (performance.now() > deadline) throw stop;
  };
  try {
    new Mark(document.body).mark(terms, {
      separateWordSearch: false,
      acrossElements: false,
      filter: () => {
        check();
        return true;
      },
      each: () => {
        marks++;
      },
      noMatch: check,
      done: (total: number) => {
        result = { ms: performance.now() - t0, marks: total, timedOut: false };
      },
    });
  } catch (error) {
    if (error !== stop) throw error;
    return { ms: performance.now() - t0, marks, timedOut: true };
  }
  return result ?? { ms: performance.now() - t0, marks, timedOut: false };
}

async function openPage({ context, url }: { context: BrowserContext; url: string }): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  return page;
}

export async function measureFloor({ context, url }: { context: BrowserContext; url: string }): Promise<FloorRun> {
  const page = await openPage({ context, url });
  try {
    return await page.evaluate(floorPass);
  } finally {
    await page.close();
  }
}

export async function measureNaive({ context, url, terms }: { context: BrowserContext; url: string; terms: string[] }): Promise<NaiveRun> {
  const page = await openPage({ context, url });
  try {
    return await page.evaluate(naivePass, terms);
  } finally {
    await page.close();
  }
}

/**
 * mark.js changes the DOM, so each run gets a fresh page. A guard on this side too: should the
 * page not answer well after the deadline, its context is thrown away and the run counts as timed out.
 */
export async function measureMark({ browser, prepare, url, terms, markSource, timeoutMs }: {
  browser: Browser;
  prepare: (context: BrowserContext) => Promise<void>;
  url: string;
  terms: string[];
  markSource: string;
  timeoutMs: number;
}): Promise<MarkRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await prepare(context);
    const page = await openPage({ context, url });
    await page.addScriptTag({ content: markSource });
    let guard: NodeJS.Timeout | undefined;
    const timeout = new Promise<MarkRun>((resolve) => {
      guard = setTimeout(() => resolve({ ms: timeoutMs, marks: Number.NaN, timedOut: true }), timeoutMs + 15_000);
    });
    try {
      return await Promise.race([page.evaluate(markPass, { terms, timeoutMs }), timeout]);
    } finally {
      clearTimeout(guard);
    }
  } finally {
    await context.close().catch(() => undefined);
  }
}
