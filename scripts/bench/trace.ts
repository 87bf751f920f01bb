/**
 * CDP tracing of a page load or a scroll: the main-thread tasks a content script caused. A task
 * belongs to "the extension" when anything inside it names a chrome-extension:// script (every
 * peer is an extension, so each gets its own longest task, the empty one included). `--profile`
 * also sums, over those tasks, the self time of each kind of trace event and of each callback.
 */
import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; fileName?: string; data?: TraceData; beginData?: TraceData };
}

interface TraceData {
  url?: string;
  scriptName?: string;
  functionName?: string;
  lineNumber?: number;
  stackTrace?: Array<{ url?: string }>;
}

export interface ExtensionTasks {
  /** The longest task that ran extension code, ms (0 when none did). */
  longestMs: number;
  /** Main-thread pid of the page's renderer, to find it again in a trace that has no load in it. */
  pid: number;
  /** With `profile`: self time inside the extension's tasks, ms, by trace event and by callback. */
  byEvent?: Record<string, number>;
  byCallback?: Record<string, number>;
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

/** Starts tracing through the page's session; `stop` ends it and returns the events. */
export async function startTrace({ cdp }: { cdp: CDPSession }): Promise<{ stop: () => Promise<TraceEvent[]> }> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (chunk: { value: object[] }) => events.push(...(chunk.value as TraceEvent[])));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  return {
    stop: async () => {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      return events;
    },
  };
}

const isExtension = (url: unknown) => typeof url === 'string' && url.startsWith('chrome-extension://');

function namesExtension(event: TraceEvent): boolean {
  const data = event.args?.data ?? event.args?.beginData;
  if (isExtension(event.args?.fileName) || isExtension(data?.url) || isExtension(data?.scriptName)) return true;
  return (data?.stackTrace ?? []).some((frame) => isExtension(frame.url));
}

/** The renderer main thread that loaded `url` (or the one of `pid`): there the page's tasks run. */
function mainThread({ events, url, pid }: { events: TraceEvent[]; url: string; pid?: number }): { pid: number; tid: number } | null {
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const loaded = pid ?? events.find((e) => (e.args?.data?.url === url || e.args?.beginData?.url === url) && mains.some((m) => m.pid === e.pid))?.pid;
  const main = mains.find((m) => m.pid === loaded);
  return main ? { pid: main.pid, tid: main.tid } : null;
}

export function extensionTasks({ events, url, pid, profile = false }: { events: TraceEvent[]; url: string; pid?: number; profile?: boolean }): ExtensionTasks | null {
  const thread = mainThread({ events, url, pid });
  if (!thread) return null;
  const mine = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && (e.ph === 'X' || e.ph === 'I' || e.ph === 'i'))
    // Parents before the events they hold: by start, the longer first.
    .sort((a, b) => a.ts - b.ts || dur(b) - dur(a));
  // Top-level tasks only: a task nested in another (a nested run loop) is part of its parent.
  const tasks: TraceEvent[] = [];
  for (const e of mine) if (e.name === 'RunTask' && e.ph === 'X' && (tasks.length === 0 || e.ts >= tasks.at(-1)!.ts + dur(tasks.at(-1)!))) tasks.push(e);
  const ours = new Set<TraceEvent>();
  for (const e of mine) {
    const task = namesExtension(e) ? containing({ tasks, ts: e.ts }) : undefined;
    if (task) ours.add(task);
  }
  const spans = [...ours].map((task) => attributed({ task, events: mine }));
  const longestMs = spans.reduce((max, list) => Math.max(max, list.reduce((sum, e) => sum + dur(e), 0) / 1000), 0);
  return { longestMs, pid: thread.pid, ...(profile ? selfTimes({ events: mine, spans: spans.flat() }) : {}) };
}

const dur = (e: TraceEvent) => e.dur ?? 0;
const holds = (outer: TraceEvent, inner: TraceEvent) => outer.ts <= inner.ts && inner.ts + dur(inner) <= outer.ts + dur(outer);

/**
 * What of a task is the extension's. A content script injected into an about:blank frame runs
 * inside the page's own script or parser that made the frame: that task is the page's, and only
 * the extension's events in it count. Otherwise the whole task does, for what the extension's code
 * set off in it (style, layout, painting its highlights) is its cost too.
 */
function attributed({ task, events }: { task: TraceEvent; events: TraceEvent[] }): TraceEvent[] {
  const inside = events.filter((e) => e.ph === 'X' && holds(task, e));
  const own = inside.filter(namesExtension);
  const hosts = inside.filter((e) => e.name === 'ParseHTML' || (['EvaluateScript', 'FunctionCall'].includes(e.name) && !!e.args?.data?.url && !namesExtension(e)));
  if (!own.some((e) => hosts.some((h) => holds(h, e)))) return [task];
  return own.filter((e) => !own.some((o) => o !== e && holds(o, e)));
}

function containing({ tasks, ts }: { tasks: TraceEvent[]; ts: number }): TraceEvent | undefined {
  let lo = 0;
  let hi = tasks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tasks[mid]!.ts <= ts) lo = mid;
    else hi = mid - 1;
  }
  const task = tasks[lo];
  return task && task.ts <= ts && ts <= task.ts + dur(task) ? task : undefined;
}

/** Self time (duration less that of the events nested in it) of every event inside `spans`, ms. */
function selfTimes({ events, spans }: { events: TraceEvent[]; spans: TraceEvent[] }): { byEvent: Record<string, number>; byCallback: Record<string, number> } {
  const byEvent: Record<string, number> = {};
  const byCallback: Record<string, number> = {};
  for (const span of spans) {
    const inside = events.filter((e) => e.ph === 'X' && holds(span, e));
    const stack: Array<{ e: TraceEvent; self: number }> = [];
    const close = (until: number) => {
      while (stack.length > 0 && stack.at(-1)!.e.ts + dur(stack.at(-1)!.e) <= until) {
        const { e, self } = stack.pop()!;
        byEvent[e.name] = (byEvent[e.name] ?? 0) + self / 1000;
        const data = e.args?.data;
        if (e.name === 'FunctionCall' && data) {
          const key = `${data.functionName || '(anonymous)'} ${(data.url ?? '').replace(/^chrome-extension:\/\/[^/]+/u, '')}:${(data.lineNumber ?? 0) + 1}`;
          byCallback[key] = (byCallback[key] ?? 0) + self / 1000;
        }
      }
    };
    for (const e of inside) {
      close(e.ts);
      if (stack.length > 0) stack.at(-1)!.self -= dur(e);
      stack.push({ e, self: dur(e) });
    }
    close(Number.POSITIVE_INFINITY);
  }
  return { byEvent, byCallback };
}
