/**
 * One load of one page by one peer, in a fresh tab: what the renderer's main thread spent (CDP
 * Performance metrics, thread time, from before the navigation until the page is quiet), the
 * peer's own performance measures in every frame, and, traced, the longest task its content
 * script ran; on the stress page, the same again while scrolling through the whole page.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { WORK_MEASURE } from './peers';
import { extensionTasks, startTrace, type ExtensionTasks } from './trace';

export interface LoadRun {
  /** CDP TaskDuration and ScriptDuration, ms. */
  taskMs: number;
  scriptMs: number;
  /** The peer's own measures over all frames: lens 'huantai-lens:scan', the others 'bench:work'. */
  workMs: number;
  workMaxMs: number;
  /** lens: its 'huantai-lens:setup' measures (building the matcher), ms. */
  setupMs: number;
  /** lens: its 'huantai-lens:context' measures (is the page about Huantai?), ms: kept apart from the scan. */
  contextMs: number;
  matches: number;
  /** lens: end of the first task that painted ranges, ms after navigation (NaN: nothing painted). */
  firstPaintMs: number;
  /** End of the page's first idle period after DOMContentLoaded, ms after navigation. */
  idleEndMs: number;
  /** Traced runs: the longest main-thread task running the peer's code, ms. */
  longestTaskMs: number;
  /** False when the page was still recording measures when the wait ran out. */
  quiet: boolean;
  scroll?: ScrollRun;
  profile?: Pick<ExtensionTasks, 'byEvent' | 'byCallback'>;
}

export interface ScrollRun {
  taskMs: number;
  scriptMs: number;
  workMs: number;
  longestTaskMs: number;
  steps: number;
}

const SCAN = 'huantai-lens:scan';
const SETUP = 'huantai-lens:setup';
const CONTEXT = 'huantai-lens:context';
/** A quiet page that never was: give up waiting after this long. */
const SETTLE_CAP_MS = 30_000;
const SCROLL_STEP_MS = 100;

/**
 * In the page: resolves once no frame it can reach has recorded an entry of ours or a peer's for
 * `quietMs` (true), or after `capMs` (false). It polls with timers in the page, not from here: a
 * DevTools round trip per poll would itself be main-thread work, more of it for a slower peer.
 */
const settleScript = ({ quietMs, capMs }: { quietMs: number; capMs: number }) => `new Promise((resolve) => {
  const own = (name) => name.startsWith('huantai-lens:') || name.startsWith('bench:');
  const count = (win) => {
    let n = 0;
    try {
      for (const type of ['mark', 'measure']) n += win.performance.getEntriesByType(type).filter((e) => own(e.name)).length;
      for (let i = 0; i < win.frames.length; i++) n += count(win.frames[i]);
    } catch (e) { /* a cross-origin frame */ }
    return n;
  };
  const started = performance.now();
  let last = count(window), since = started;
  const tick = () => {
    const now = performance.now(), n = count(window);
    if (n !== last) { last = n; since = now; }
    if (now - since >= ${quietMs}) return resolve(true);
    if (now - started >= ${capMs}) return resolve(false);
    setTimeout(tick, 100);
  };
  setTimeout(tick, 100);
})`;

/** In a frame: its measures of ours or a peer's, with absolute times (frames have their own time origin). */
const MEASURES_SCRIPT = `(() => ({
  measures: performance.getEntriesByType('measure').filter((e) => e.name.startsWith('huantai-lens:') || e.name.startsWith('bench:')).map((e) => ({
    name: e.name, start: e.startTime, at: performance.timeOrigin + e.startTime, duration: e.duration,
    painted: e.detail && typeof e.detail.painted === 'number' ? e.detail.painted : null,
    matches: e.detail && typeof e.detail.matches === 'number' ? e.detail.matches : 0,
  })),
  idle: window.__benchIdle || null,
}))()`;

interface Measure { name: string; start: number; at: number; duration: number; painted: number | null; matches: number }

async function settle({ page, quietMs, watchMs }: { page: Page; quietMs: number; watchMs?: number }): Promise<boolean> {
  if (watchMs !== undefined) {
    await page.waitForTimeout(watchMs);
    return true;
  }
  return (await page.evaluate(settleScript({ quietMs, capMs: SETTLE_CAP_MS }))) as boolean;
}

async function metrics({ cdp }: { cdp: CDPSession }): Promise<{ taskMs: number; scriptMs: number }> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const ms = (name: string) => (list.find((m) => m.name === name)?.value ?? Number.NaN) * 1000;
  return { taskMs: ms('TaskDuration'), scriptMs: ms('ScriptDuration') };
}

/** Every frame's measures (cross-origin ones too), and the main frame's idle probe. */
async function collect({ page }: { page: Page }): Promise<{ measures: Measure[]; main: Measure[]; idleEnd: number }> {
  const measures: Measure[] = [];
  let main: Measure[] = [];
  let idleEnd = Number.NaN;
  for (const frame of page.frames()) {
    const got = (await frame.evaluate(MEASURES_SCRIPT).catch(() => null)) as { measures: Measure[]; idle: { end: number } | null } | null;
    if (!got) continue;
    measures.push(...got.measures);
    if (frame === page.mainFrame()) {
      main = got.measures;
      idleEnd = got.idle?.end ?? Number.NaN;
    }
  }
  return { measures, main, idleEnd };
}

const sum = (list: Measure[]) => list.reduce((acc, m) => acc + m.duration, 0);
const work = (list: Measure[]) => list.filter((m) => m.name === SCAN || m.name === WORK_MEASURE);

export async function measureLoad({ context, url, scroll = false, watchMs, trace = false, profile = false, quietMs }: {
  context: BrowserContext;
  url: string;
  /** Scroll through the whole page once it is quiet. */
  scroll?: boolean;
  /** Watch the page this long instead of waiting until it is quiet. */
  watchMs?: number;
  trace?: boolean;
  profile?: boolean;
  quietMs: number;
}): Promise<LoadRun> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    // Thread time: what the main thread itself spent, less sensitive to the other processes on 2 cores.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const tracing = trace ? await startTrace({ cdp }) : undefined;
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const quiet = await settle({ page, quietMs, watchMs });
    const load = await metrics({ cdp });
    const tasks = tracing ? extensionTasks({ events: await tracing.stop(), url, profile }) : null;
    const { measures, main, idleEnd } = await collect({ page });
    const own = work(measures);
    const painting = main.filter((m) => m.name === SCAN && (m.painted ?? 0) > 0).map((m) => m.start + m.duration);
    const run: LoadRun = {
      ...load,
      workMs: sum(own),
      workMaxMs: own.reduce((acc, m) => Math.max(acc, m.duration), 0),
      setupMs: sum(measures.filter((m) => m.name === SETUP)),
      contextMs: sum(measures.filter((m) => m.name === CONTEXT)),
      matches: own.filter((m) => m.painted === null).reduce((acc, m) => acc + m.matches, 0),
      firstPaintMs: painting.length > 0 ? Math.min(...painting) : Number.NaN,
      idleEndMs: idleEnd,
      longestTaskMs: tasks?.longestMs ?? Number.NaN,
      quiet,
      ...(profile && tasks ? { profile: { byEvent: tasks.byEvent, byCallback: tasks.byCallback } } : {}),
    };
    if (scroll) run.scroll = await measureScroll({ page, cdp, url, trace, pid: tasks?.pid, quietMs });
    return run;
  } finally {
    await page.close();
  }
}

/** Scrolls through the whole page a screen at a time, as a reader skimming it would, then waits for quiet. */
async function measureScroll({ page, cdp, url, trace, pid, quietMs }: {
  page: Page;
  cdp: CDPSession;
  url: string;
  trace: boolean;
  pid?: number;
  quietMs: number;
}): Promise<ScrollRun> {
  const tracing = trace ? await startTrace({ cdp }) : undefined;
  const startedAt = (await page.evaluate('performance.timeOrigin + performance.now()')) as number;
  const before = await metrics({ cdp });
  const steps = (await page.evaluate(`new Promise((resolve) => {
    let steps = 0;
    const step = () => {
      if (scrollY + innerHeight >= document.scrollingElement.scrollHeight - 1 || steps >= 5000) return resolve(steps);
      scrollBy(0, innerHeight);
      steps++;
      setTimeout(step, ${SCROLL_STEP_MS});
    };
    step();
  })`)) as number;
  await settle({ page, quietMs });
  const after = await metrics({ cdp });
  const tasks = tracing ? extensionTasks({ events: await tracing.stop(), url, pid }) : null;
  const { measures } = await collect({ page });
  return {
    taskMs: after.taskMs - before.taskMs,
    scriptMs: after.scriptMs - before.scriptMs,
    workMs: sum(work(measures).filter((m) => m.at >= startedAt)),
    longestTaskMs: tasks?.longestMs ?? Number.NaN,
    steps,
  };
}
