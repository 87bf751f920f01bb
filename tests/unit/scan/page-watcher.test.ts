// @vitest-environment happy-dom
/**
 * The page watcher on a happy-dom page with its real MutationObserver, the real scanner and
 * highlighter, a fake clock that only the term finder advances (so a burst's length is known),
 * and timers the test fires itself.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHighlighter, type VisibilityReport } from '../../../lib/scan/highlighter';
import { watchPage, type PageWatcherDeps } from '../../../lib/scan/page-watcher';
import type { ChunkMeasure, Hit } from '../../../lib/scan/scanner';
import { createTermFinder, termListOf } from '../../../lib/scan/term-finder';
import { normalizeTerm } from '../../../lib/scan/normalize';
import type { TermList } from '../../../lib/glossary/types';

const form = (text: string) => normalizeTerm({ text });
const termList: TermList = termListOf({
  variants: {},
  terms: [
    { id: 'zhong-guo-mo-gu', category: 'industry', scope: 'county', forms: [form('中国膜谷')] },
    { id: 'liang-gao', category: 'ecology', scope: 'national', forms: [form('两高'), form('两高项目')] },
    { id: 'gao-biao-zhun-nong-tian', category: 'rural', scope: 'national', forms: [form('高标准农田')] },
  ],
});
const finder = createTermFinder({ termList });
const MO_GU = finder.valueOf('zhong-guo-mo-gu')!;
const LIANG_GAO = finder.valueOf('liang-gao')!;
const NONG_TIAN = finder.valueOf('gao-biao-zhun-nong-tian')!;

interface Timer {
  due: number;
  ms: number;
  callback: () => void;
}

/** Lets happy-dom deliver mutation records and pending promise chains run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function setup({ msPerFind = 1, debounceMs = 150, backoffFactor }: { msPerFind?: number; debounceMs?: number; backoffFactor?: number } = {}) {
  const clock = { t: 0 };
  const timers: Timer[] = [];
  const reports: Array<Map<number, number>> = [];
  const chunks: ChunkMeasure[] = [];
  const registry = new Map<string, Set<{ hit: Hit }>>();
  const observed = new Set<Element>();
  let onVisible: (report: VisibilityReport) => void = () => {};
  let gate: Promise<void> | null = null;
  const observers: MutationObserver[] = [];

  const highlighter = createHighlighter({
    registry: registry as unknown as HighlightRegistry,
    createHighlight: () => new Set() as unknown as Highlight,
    createRange: (hit) => ({ hit }) as unknown as AbstractRange,
    watchVisibility: (callback) => {
      onVisible = callback;
      return { observe: (el) => void observed.add(el), unobserve: (el) => void observed.delete(el), disconnect: () => observed.clear() };
    },
    groupOf: (value) => finder.categoryOf(value),
    colourOf: (value) => finder.categoryOf(value),
    // A group per block: these tests are about which blocks are painted when; see lazy-paint.test.ts.
    groupBlocks: 1,
    now: () => clock.t,
  });
  const deps: PageWatcherDeps = {
    root: document.body,
    highlighter,
    scanDeps: {
      matcher: {
        ...finder,
        feed: (window) => {
          clock.t += msPerFind;
          finder.feed(window);
        },
      },
      now: () => clock.t,
      yieldToPage: () => gate ?? Promise.resolve(),
      recordChunk: (measure) => chunks.push(measure),
      excludedSelector: 'huantai-lens-ui',
    },
    createMutationObserver: (callback) => {
      const observer = new MutationObserver(callback);
      observers.push(observer);
      return observer;
    },
    setTimer: (callback, ms) => timers.push({ due: clock.t + ms, ms, callback }),
    onCounts: (counts) => reports.push(counts),
    isOwnNode: (node) => node.nodeName.toLowerCase() === 'huantai-lens-ui',
    debounceMs,
    backoffFactor,
  };
  const watcher = watchPage(deps);
  return {
    watcher,
    highlighter,
    clock,
    timers,
    reports,
    chunks,
    observers,
    /** Blocks (or unblocks, with null) the scanner at its next yield. */
    setGate: (promise: Promise<void> | null) => void (gate = promise),
    /** Fires the earliest timer at its due time and waits for the burst it starts to finish. */
    async fire() {
      timers.sort((a, b) => a.due - b.due);
      const timer = timers.shift();
      if (!timer) throw new Error('no timer pending');
      clock.t = Math.max(clock.t, timer.due);
      timer.callback();
      await settle();
      await settle();
      return timer;
    },
    /** Every observed block reported on screen. */
    showAll: () => onVisible({ reach: 800, records: [...observed].map((element) => ({ element, near: true, top: 0, bottom: 20 })) }),
    painted: () => [...registry.values()].flatMap((set) => [...set].map((r) => textOf(r.hit))).sort(),
    counts: () => highlighter.counts(),
  };
}

function textOf(hit: Hit): string {
  if (hit.startNode === hit.endNode) return hit.startNode.data.slice(hit.startOffset, hit.endOffset);
  return hit.startNode.data.slice(hit.startOffset) + hit.endNode.data.slice(0, hit.endOffset);
}

let current: ReturnType<typeof setup> | undefined;
beforeEach(() => {
  document.body.innerHTML = '<article id="article"><p id="p1">做大做强中国膜谷。</p><p id="p2">遏制“两高”项目。</p></article><aside id="aside"></aside>';
});
afterEach(() => {
  current?.watcher.stop();
  current = undefined;
});

async function started(options?: Parameters<typeof setup>[0]) {
  current = setup(options);
  await current.watcher.start();
  return current;
}

const byId = (id: string) => document.getElementById(id)!;

describe('watchPage: the first scan', () => {
  it('scans the page and reports its counts once', async () => {
    const s = await started();
    expect(s.reports).toEqual([
      new Map([
        [MO_GU, 1],
        [LIANG_GAO, 1],
      ]),
    ]);
    expect(s.timers).toEqual([]);
  });
});

describe('watchPage: mutations', () => {
  it('scans added text after the debounce, not before', async () => {
    const s = await started();
    const p = document.createElement('p');
    p.textContent = '建成高标准农田8万亩';
    byId('aside').append(p);
    await settle();
    expect(s.counts().get(NONG_TIAN)).toBeUndefined();
    expect(s.timers.map((t) => t.ms)).toEqual([150]);

    // More mutations inside the debounce join the same burst.
    byId('p1').append('，中国膜谷');
    await settle();
    expect(s.timers).toHaveLength(1);

    await s.fire();
    expect(s.counts()).toEqual(
      new Map([
        [MO_GU, 2],
        [LIANG_GAO, 1],
        [NONG_TIAN, 1],
      ]),
    );
    expect(s.reports).toHaveLength(2);
    s.showAll();
    expect(s.painted()).toEqual(['中国膜谷', '中国膜谷', '两高”项目', '高标准农田'].sort());
  });

  it('scans a changed text node (characterData)', async () => {
    const s = await started();
    (byId('p2').firstChild as Text).data = '建成高标准农田';
    await settle();
    await s.fire();
    expect(s.counts()).toEqual(
      new Map([
        [MO_GU, 1],
        [NONG_TIAN, 1],
      ]),
    );
  });

  it('drops the hits and ranges of removed nodes', async () => {
    const s = await started();
    s.showAll();
    expect(s.painted()).toEqual(['两高”项目', '中国膜谷'].sort());
    byId('p1').remove();
    await settle();
    await s.fire();
    expect(s.counts()).toEqual(new Map([[LIANG_GAO, 1]]));
    // The parent block was rescanned: its remaining hits are painted again once seen.
    s.showAll();
    expect(s.painted()).toEqual(['两高”项目']);
    expect(s.reports.at(-1)).toEqual(new Map([[LIANG_GAO, 1]]));
  });

  it('drops hits of a removed subtree whose parent is removed later too', async () => {
    const s = await started();
    s.showAll();
    const article = byId('article');
    byId('p2').remove();
    article.remove();
    await settle();
    await s.fire();
    expect(s.counts().size).toBe(0);
    expect(s.painted()).toEqual([]);
    expect(s.reports.at(-1)).toEqual(new Map());
  });

  it('does not report counts again when a burst changed nothing', async () => {
    const s = await started();
    byId('aside').append('没有术语');
    await settle();
    await s.fire();
    expect(s.reports).toHaveLength(1);
  });

  it('ignores mutations of its own UI', async () => {
    const s = await started();
    const ui = document.createElement('huantai-lens-ui');
    document.body.append(ui);
    await settle();
    s.timers.length = 0;
    ui.append('中国膜谷');
    await settle();
    expect(s.timers).toEqual([]);
  });

  it('stops watching when stopped', async () => {
    const s = await started();
    s.watcher.stop();
    byId('aside').append('中国膜谷');
    await settle();
    expect(s.timers).toEqual([]);
  });
});

describe('watchPage: a page that never stops mutating', () => {
  it('pauses after each burst at least backoffFactor × the burst’s duration', async () => {
    // Every call of the term finder "takes" 30 ms, so a burst over several blocks takes long.
    const s = await started({ msPerFind: 30, backoffFactor: 10 });
    const bursts: Array<{ start: number; end: number }> = [];
    const first = s.clock.t;
    // The page's own script adds a few paragraphs whenever it can, as a ticker or feed would.
    const mutate = async (round: number) => {
      for (let i = 0; i < 4; i++) {
        byId('aside').append(Object.assign(document.createElement('p'), { textContent: `第${round}轮第${i}条：中国膜谷` }));
      }
      await settle();
      expect(s.timers).toHaveLength(1);
    };
    for (let round = 0; round < 6; round++) {
      await mutate(round);
      const timer = s.timers[0]!;
      expect(timer.ms).toBeGreaterThanOrEqual(150);
      const previous = bursts.at(-1);
      // The pause after the previous burst: at least ten times as long as that burst.
      if (previous) expect(timer.due - previous.end).toBeGreaterThanOrEqual(10 * (previous.end - previous.start));
      await s.fire();
      bursts.push({ start: timer.due, end: s.clock.t });
      expect(s.clock.t - timer.due).toBeGreaterThan(0);
    }
    await mutate(6);
    const last = bursts.at(-1)!;
    expect(s.timers[0]!.due - last.end).toBeGreaterThanOrEqual(10 * (last.end - last.start));
    // Over the whole run, pauses included, the watcher used at most 1 / (1 + 10) of the time.
    const busy = bursts.reduce((sum, b) => sum + b.end - b.start, 0);
    expect(busy / (s.timers[0]!.due - first)).toBeLessThanOrEqual(1 / 11);
    expect(s.counts().get(MO_GU)).toBe(1 + 6 * 4);
  });

  it('defers mutations made during a burst to a burst after the pause', async () => {
    const s = await started({ msPerFind: 20 });
    byId('aside').append('中国膜谷');
    await settle();
    // A page script mutating while the scanner yields.
    let release!: () => void;
    s.setGate(new Promise((resolve) => (release = resolve)));
    // Long enough to be matched in two windows, with a clock read and a yield between them (高 is
    // there so the prefilter lets it through to the matcher).
    byId('aside').append(Object.assign(document.createElement('p'), { textContent: '高' + 'x'.repeat(40_000) }));
    for (let i = 0; i < 200; i++) byId('aside').append(Object.assign(document.createElement('span'), { textContent: '填充' }));
    await settle();
    const timer = s.timers.shift()!;
    s.clock.t = timer.due;
    const burstStart = s.clock.t;
    timer.callback();
    await settle();
    byId('p1').append('两高项目');
    await settle();
    // Busy: nothing is scheduled until the burst ends.
    expect(s.timers).toEqual([]);
    s.setGate(null);
    release();
    await settle();
    await settle();
    const duration = s.clock.t - burstStart;
    expect(s.timers).toHaveLength(1);
    expect(s.timers[0]!.ms).toBeGreaterThanOrEqual(Math.max(150, 10 * duration));
    await s.fire();
    expect(s.counts().get(LIANG_GAO)).toBe(2);
    expect(s.counts().get(MO_GU)).toBe(2);
  });
});

describe('watchPage: concurrency and shadow roots', () => {
  it('does not count twice what the page adds while the first scan is still running', async () => {
    // Enough nodes that the first scan yields (the clock is read every ~2k chars or nodes) before the end.
    document.body.innerHTML =
      Array.from({ length: 400 }, (_, i) => `<p>第${i}段</p>`).join('') + '<div id="late"></div>';
    current = setup({ msPerFind: 1 });
    const s = current;
    let release!: () => void;
    s.setGate(new Promise((resolve) => (release = resolve)));
    const start = s.watcher.start();
    await settle();
    // The first scan is paused at a yield; the page adds a term ahead of it.
    byId('late').append(Object.assign(document.createElement('p'), { textContent: '中国膜谷' }));
    await settle();
    // If a burst is due now, it runs now (as a browser timer would).
    while (s.timers.length > 0) await s.fire();
    s.setGate(null);
    release();
    await start;
    await settle();
    while (s.timers.length > 0) await s.fire();
    expect(s.counts()).toEqual(new Map([[MO_GU, 1]]));
    expect([...s.highlighter.allHits()]).toHaveLength(1);
  });

  it('rescans a changed shadow root without counting its old hits twice', async () => {
    document.body.innerHTML = '<div id="d">宿主<span id="host"></span></div>';
    const shadow = byId('host').attachShadow({ mode: 'open' });
    shadow.innerHTML = '中国膜谷<b>两高项目</b>';
    const s = await started();
    expect(s.counts()).toEqual(
      new Map([
        [MO_GU, 1],
        [LIANG_GAO, 1],
      ]),
    );
    shadow.append('高标准农田');
    await settle();
    expect(s.timers).toHaveLength(1);
    await s.fire();
    expect(s.counts()).toEqual(
      new Map([
        [MO_GU, 1],
        [LIANG_GAO, 1],
        [NONG_TIAN, 1],
      ]),
    );
  });

  it('rescanAll finds everything once, shadow roots included', async () => {
    document.body.innerHTML = '<p>中国膜谷</p><div id="host"></div>';
    const shadow = byId('host').attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>两高项目</p>';
    const s = await started();
    const expected = new Map([
      [MO_GU, 1],
      [LIANG_GAO, 1],
    ]);
    expect(s.counts()).toEqual(expected);
    await s.watcher.rescanAll();
    expect(s.counts()).toEqual(expected);
    await s.watcher.rescanAll();
    expect(s.counts()).toEqual(expected);
    expect([...s.highlighter.allHits()]).toHaveLength(2);
    // Listed once, for hit-testing inside it, and no longer once its host is gone.
    expect(s.watcher.shadowRoots()).toEqual([shadow]);
    byId('host').remove();
    expect(s.watcher.shadowRoots()).toEqual([]);
  });
});
