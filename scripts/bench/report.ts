/**
 * Medians with the lowest–highest run beside them, main-thread time shown above the `empty`
 * peer's median on the same page (what a content script adds to the browser's own work), and the
 * budgets, judged on ratios of peers measured in the same, interleaved runs.
 */
import type { LoadRun } from './measure';
import type { PageKind } from './pages';
import type { PeerId } from './peers';

export interface Cell { median: number; min: number; max: number; n: number }

export interface Row {
  page: string;
  peer: PeerId;
  phase: 'load' | 'scroll';
  /** TaskDuration and ScriptDuration above the empty peer's median, ms. */
  task: Cell;
  script: Cell;
  work: Cell;
  workMax: Cell;
  setup: Cell;
  context: Cell;
  longestTask: Cell;
  matches: Cell;
}

export interface Budget { name: string; status: 'PASS' | 'FAIL' | 'SKIP'; measured: string }

/** Per page: each peer's runs, in the order they ran. */
export type Results = Map<string, { kind: PageKind; runs: Map<PeerId, LoadRun[]> }>;

export function cell({ values }: { values: number[] }): Cell {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  const mid = v.length >> 1;
  const median = v.length === 0 ? Number.NaN : v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
  return { median, min: v[0] ?? Number.NaN, max: v.at(-1) ?? Number.NaN, n: v.length };
}

type Figures = Pick<LoadRun, 'taskMs' | 'scriptMs' | 'workMs' | 'workMaxMs' | 'setupMs' | 'contextMs' | 'longestTaskMs' | 'matches'>;

const PHASES: Array<[Row['phase'], (r: LoadRun) => Figures | undefined]> = [
  ['load', (r) => r],
  ['scroll', (r) => r.scroll && { ...r.scroll, workMaxMs: Number.NaN, setupMs: Number.NaN, contextMs: Number.NaN, matches: Number.NaN }],
];

/** The rows of one page: every peer at load and, where the page was scrolled, while scrolling. */
export function pageRows({ page, runs }: { page: string; runs: Map<PeerId, LoadRun[]> }): Row[] {
  const rows: Row[] = [];
  for (const [phase, pick] of PHASES) {
    const empty = (runs.get('empty') ?? []).flatMap((r) => pick(r) ?? []);
    const base = { task: cell({ values: empty.map((f) => f.taskMs) }).median, script: cell({ values: empty.map((f) => f.scriptMs) }).median };
    for (const [peer, list] of runs) {
      const figures = list.flatMap((r) => pick(r) ?? []);
      const of = (get: (f: Figures) => number) => cell({ values: figures.map(get) });
      if (figures.length > 0) rows.push({
        page, peer, phase,
        task: of((f) => f.taskMs - base.task), script: of((f) => f.scriptMs - base.script),
        work: of((f) => f.workMs), workMax: of((f) => f.workMaxMs), setup: of((f) => f.setupMs), context: of((f) => f.contextMs),
        longestTask: of((f) => f.longestTaskMs), matches: of((f) => f.matches),
      });
    }
  }
  return rows;
}

const num = (v: number) => (!Number.isFinite(v) ? '—' : Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) < 0.05 ? '0.0' : v.toFixed(1));
export const fmt = (c: Cell, digits?: number) => {
  const n = (v: number) => (digits === undefined ? num(v) : v.toFixed(digits));
  return c.n === 0 ? '—' : c.n === 1 || c.min === c.max ? n(c.median) : `${n(c.median)} (${n(c.min)}–${n(c.max)})`;
};

const COLUMNS: Array<[string, (r: Row) => string]> = [
  ['page', (r) => (r.phase === 'scroll' ? `${r.page} ↓scroll` : r.page)],
  ['peer', (r) => r.peer],
  ['+task ms', (r) => fmt(r.task)],
  ['+script ms', (r) => fmt(r.script)],
  ['own measures ms', (r) => (r.peer === 'empty' ? '—' : fmt(r.work))],
  ['longest measure', (r) => (r.peer === 'empty' ? '—' : fmt(r.workMax))],
  ['setup ms', (r) => (r.peer === 'lens' ? fmt(r.setup) : '—')],
  ['context ms', (r) => (r.peer === 'lens' ? fmt(r.context) : '—')],
  ['longest task ms', (r) => fmt(r.longestTask)],
  ['matches', (r) => (r.peer === 'lens' || r.peer === 'goose' ? fmt(r.matches, 0) : '—')],
];

export function formatTable({ rows }: { rows: Row[] }): string {
  const cells = [COLUMNS.map(([h]) => h), ...rows.map((r) => COLUMNS.map(([, get]) => get(r)))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((s, i) => (i < 2 ? s.padEnd(widths[i]!) : s.padStart(widths[i]!))).join('  ');
  const out = [line(cells[0]!), widths.map((w) => '─'.repeat(w)).join('  ')];
  rows.forEach((r, i) => {
    if (i > 0 && rows[i - 1]!.page !== r.page) out.push('');
    out.push(line(cells[i + 1]!));
  });
  return out.join('\n');
}

const find = ({ rows, page, peer, phase = 'load' }: { rows: Row[]; page: string; peer: PeerId; phase?: Row['phase'] }) =>
  rows.find((r) => r.page === page && r.peer === peer && r.phase === phase);

const judge = ({ name, measured, ok }: { name: string; measured: string; ok: boolean | null }): Budget => ({ name, measured, status: ok === null ? 'SKIP' : ok ? 'PASS' : 'FAIL' });
const known = (...values: number[]) => values.every(Number.isFinite);

/**
 * What a peer adds to a page: its +task median, but never less than its own measures (lens: scan
 * and setup), which time work its script did on the main thread and so bound what it added from
 * below. A +task median under them means the page's own load varied more than the peer's cost did
 * (on 2 cores TaskDuration wanders by tens of ms on large pages), and a verdict must not rest on
 * which way that noise went. (The measures are wall time: on a machine busy with other work they
 * run long, which the load average in the header shows.)
 */
const cost = (row: Row) => Math.max(row.task.median, row.work.median + (row.peer === 'lens' && Number.isFinite(row.setup.median) ? row.setup.median : 0));

/** What `lens` adds ≤ factor × what the other peer adds + slack, on medians of the same interleaved runs. */
function relative({ rows, page, other, factor, slack = 0 }: { rows: Row[]; page: string; other: PeerId; factor: number; slack?: number }): Budget {
  const lens = find({ rows, page, peer: 'lens' });
  const them = find({ rows, page, peer: other });
  const name = `${page}: lens adds ≤ ${factor} × what ${other} adds${slack ? ` + ${slack} ms` : ''}`;
  if (!lens || !them || !known(cost(lens), cost(them))) return judge({ name, measured: 'not measured', ok: null });
  const limit = factor * cost(them) + slack;
  const side = (r: Row) => `${num(cost(r))} ms (+task ${num(r.task.median)}, own measures ${num(r.work.median)}${r.peer === 'lens' ? ` + setup ${num(r.setup.median)}` : ''})`;
  return judge({ name, measured: `lens ${side(lens)} vs limit ${num(limit)} ms from ${other} ${side(them)}`, ok: cost(lens) <= limit });
}

/**
 * Terms on the first screen painted before the page's first idle period ends. The page registers a
 * requestIdleCallback at DOMContentLoaded; it runs when the main thread first has nothing queued,
 * which on these offline pages is after load and after the document_idle injection, and its
 * deadline is when that idle period ends. Work the content script queued in ordinary tasks runs
 * before the browser goes idle; painting only in later idle time, or behind long chunks of
 * scanning, ends after it. So a PASS means a reader never sees an idle, finished-looking page whose
 * visible terms are not yet painted. A page with nothing painted on the first screen is a SKIP.
 */
function firstPaint({ runs, page }: { runs: LoadRun[]; page: string }): Budget {
  const name = `${page}: lens paints the first screen before the first idle period ends`;
  const margins = runs.map((r) => r.idleEndMs - r.firstPaintMs).filter(Number.isFinite);
  if (margins.length === 0) return judge({ name, measured: 'nothing painted on the first screen', ok: null });
  const c = cell({ values: margins });
  return judge({ name, measured: `painted ${fmt(c)} ms before the idle period ended (negative: after)`, ok: c.median >= 0 });
}

/**
 * The issue's "painting while scrolling that costs less than the floor's walk per screen": what each
 * screen scrolled adds (lens +task while scrolling over the screens scrolled, above the empty peer)
 * against the floor's one walk of the whole page. The whole scroll is in the table beside it.
 */
function scrollPerScreen({ rows, page, runs }: { rows: Row[]; page: string; runs: LoadRun[] }): Budget {
  const name = `${page}: lens +task per screen scrolled < floor's walk of the page`;
  const scroll = find({ rows, page, peer: 'lens', phase: 'scroll' });
  const walk = find({ rows, page, peer: 'floor' });
  const steps = cell({ values: runs.flatMap((r) => (r.scroll ? [r.scroll.steps] : [])) }).median;
  if (!scroll || !walk || !known(scroll.task.median, walk.work.median, steps) || steps === 0) return judge({ name, measured: 'not measured', ok: null });
  const perScreen = scroll.task.median / steps;
  return judge({
    name,
    measured: `${num(perScreen)} ms (${num(scroll.task.median)} ms over ${steps} screens) vs ${num(walk.work.median)} ms`,
    ok: perScreen < walk.work.median,
  });
}

export function checkBudgets({ rows, results }: { rows: Row[]; results: Results }): Budget[] {
  const budgets: Budget[] = [];
  for (const [page, { kind, runs }] of results) {
    if (kind === 'no-term') budgets.push(relative({ rows, page, other: 'floor', factor: 2, slack: 1 }));
    if (kind === 'typical') budgets.push(relative({ rows, page, other: 'goose', factor: 1.5 }), firstPaint({ runs: runs.get('lens') ?? [], page }));
    if (kind !== 'stress') continue;
    budgets.push(relative({ rows, page, other: 'goose', factor: 0.5 }));
    for (const phase of ['load', 'scroll'] as const) {
      const lens = find({ rows, page, peer: 'lens', phase });
      const longest = lens?.longestTask;
      budgets.push(judge({
        name: `${page}: lens's longest task < 16 ms ${phase === 'load' ? 'at load' : 'while scrolling'} (median of runs)`,
        measured: longest && longest.n > 0 ? `${fmt(longest)} ms` : 'not traced',
        ok: longest && longest.n > 0 ? longest.median < 16 : null,
      }));
    }
    budgets.push(scrollPerScreen({ rows, page, runs: runs.get('lens') ?? [] }));
  }
  return budgets;
}

export function formatBudgets({ budgets }: { budgets: Budget[] }): string {
  const lines = budgets.map((b) => `  ${b.status === 'PASS' ? '✓ PASS' : b.status === 'FAIL' ? '✗ FAIL' : '- SKIP'}  ${b.name}: ${b.measured}`);
  const failed = budgets.filter((b) => b.status === 'FAIL').length;
  if (budgets.length === 0) return 'No budget applies to these pages.';
  return ['Budgets:', ...lines, '', failed === 0 ? 'All budgets pass.' : `${failed} budget(s) FAIL (a finding, not an error: the exit code stays 0).`].join('\n');
}
