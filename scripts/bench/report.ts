/** Turns the measurements into medians, ratios and budget verdicts; prints them and writes the JSON. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BundleSize } from './build';
import type { SkippedPage } from './pages';
import type { OurRun } from './ours';
import type { PageMeasurements } from './run';
import { max, median, ratio, spreadOf, type Spread } from './stats';

export const BUDGETS = {
  /** Our total scan time on the stress page, at most this times the naive highlighter's. */
  naiveFactor: 0.5,
  /** …and at most this times the floor (reading every text node). */
  floorFactor: 5,
  longTaskMs: 50,
  gzipBytes: 30 * 1024,
};

/** Per-run figures of the extension, as medians over the runs (the worst run's longest task too). */
export interface OursSummary extends Omit<OurRun, 'scanEnd' | 'longestLongTaskDuringScan' | 'measures'> {
  longestWorstRun: number;
}

export interface PageSummary {
  id: string;
  title: string;
  source: string;
  runs: { ours: number; floor: number; naive: number; mark: number };
  ours: OursSummary;
  /** The `--candidate` build, measured in the same runs. */
  candidate?: OursSummary;
  floor: { ms: number; chars: number; textNodes: number };
  naive: { ms: number; msToFrame: number; matches: number };
  mark: { ms: number; marks: number; finished: boolean; note?: string };
  ratios: { oursToNaive: number; oursToFloor: number; oursToMark: number; candidateToOurs?: number };
  /** How the totals behind each median varied over the runs (ms). */
  spread: { ours: Spread; floor: Spread; naive: Spread };
  errors: string[];
}

export interface Budget {
  name: string;
  status: 'PASS' | 'FAIL' | 'SKIP';
  measured: string;
  limit: string;
}

export function summarisePage({ result }: { result: PageMeasurements }): PageSummary {
  const m = (values: number[]) => median({ values });
  const ours = result.ours;
  const marksFinished = result.mark.filter((run) => !run.timedOut);
  const markTimedOut = result.mark.some((run) => run.timedOut);
  const summary: PageSummary = {
    id: result.page.id,
    title: result.page.title,
    source: result.page.source,
    runs: { ours: ours.length, floor: result.floor.length, naive: result.naive.length, mark: result.mark.length },
    ours: summariseOurs({ runs: ours }),
    candidate: result.candidate ? summariseOurs({ runs: result.candidate }) : undefined,
    floor: {
      ms: m(result.floor.map((run) => run.ms)),
      chars: m(result.floor.map((run) => run.chars)),
      textNodes: m(result.floor.map((run) => run.textNodes)),
    },
    naive: {
      ms: m(result.naive.map((run) => run.ms)),
      msToFrame: m(result.naive.map((run) => run.msToFrame)),
      matches: m(result.naive.map((run) => run.matches)),
    },
    mark: {
      ms: markTimedOut ? Number.NaN : m(marksFinished.map((run) => run.ms)),
      marks: markTimedOut ? Number.NaN : m(marksFinished.map((run) => run.marks)),
      finished: result.mark.length > 0 && !markTimedOut,
      note: result.markNote,
    },
    ratios: { oursToNaive: Number.NaN, oursToFloor: Number.NaN, oursToMark: Number.NaN },
    spread: {
      ours: spreadOf({ values: ours.map((run) => run.total) }),
      floor: spreadOf({ values: result.floor.map((run) => run.ms) }),
      naive: spreadOf({ values: result.naive.map((run) => run.ms) }),
    },
    errors: result.errors,
  };
  summary.ratios = {
    oursToNaive: ratio({ ours: summary.ours.total, other: summary.naive.ms }),
    oursToFloor: ratio({ ours: summary.ours.total, other: summary.floor.ms }),
    oursToMark: ratio({ ours: summary.ours.total, other: summary.mark.ms }),
    candidateToOurs: summary.candidate ? ratio({ ours: summary.candidate.total, other: summary.ours.total }) : undefined,
  };
  return summary;
}

function summariseOurs({ runs }: { runs: OurRun[] }): OursSummary {
  const pick = (key: keyof OurRun) => median({ values: runs.map((run) => run[key] as number) });
  return {
    total: pick('total'),
    scanTotal: pick('scanTotal'),
    paintTotal: pick('paintTotal'),
    longest: pick('longest'),
    longestWorstRun: max({ values: runs.map((run) => run.longest) }),
    longestScan: pick('longestScan'),
    longestPaint: pick('longestPaint'),
    tasks: pick('tasks'),
    scanTasks: pick('scanTasks'),
    paintTasks: pick('paintTasks'),
    matches: pick('matches'),
    chars: pick('chars'),
    textNodes: pick('textNodes'),
    painted: pick('painted'),
    registeredRanges: pick('registeredRanges'),
    domContentLoaded: pick('domContentLoaded'),
    scanStart: pick('scanStart'),
    firstPaint: pick('firstPaint'),
    longTasksDuringScan: pick('longTasksDuringScan'),
    onScroll: scrollSummary({ runs }),
  };
}

function scrollSummary({ runs }: { runs: OurRun[] }): OursSummary['onScroll'] {
  const scrolls = runs.flatMap((run) => (run.onScroll ? [run.onScroll] : []));
  if (scrolls.length === 0) return undefined;
  const m = (pick: (s: (typeof scrolls)[number]) => number) => median({ values: scrolls.map(pick) });
  return {
    msToPainted: m((s) => s.msToPainted),
    paintMs: m((s) => s.paintMs),
    longestPaintMs: m((s) => s.longestPaintMs),
    tasks: m((s) => s.tasks),
    painted: m((s) => s.painted),
  };
}

const ms = (value: number) => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(1)) : '—');
const int = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '—');
const times = (value: number) => (Number.isFinite(value) ? `${value >= 10 ? value.toFixed(1) : value.toFixed(2)}×` : '—');

export function checkBudgets({ summaries, bundle }: { summaries: PageSummary[]; bundle: BundleSize }): Budget[] {
  const budgets: Budget[] = [];
  const verdict = (ok: boolean): Budget['status'] => (ok ? 'PASS' : 'FAIL');
  const stress = summaries.find((s) => s.id === 'stress');
  if (stress && Number.isFinite(stress.ours.total)) {
    const oursTotal = stress.ours.total;
    budgets.push({
      name: `stress: our total scan time ≤ ${BUDGETS.naiveFactor} × naive`,
      status: Number.isFinite(stress.naive.ms) ? verdict(oursTotal <= BUDGETS.naiveFactor * stress.naive.ms) : 'SKIP',
      measured: `${ms(oursTotal)} ms = ${times(stress.ratios.oursToNaive)} naive (${ms(stress.naive.ms)} ms)`,
      limit: `≤ ${ms(BUDGETS.naiveFactor * stress.naive.ms)} ms`,
    });
    budgets.push({
      name: `stress: our total scan time ≤ ${BUDGETS.floorFactor} × floor`,
      status: Number.isFinite(stress.floor.ms) ? verdict(oursTotal <= BUDGETS.floorFactor * stress.floor.ms) : 'SKIP',
      measured: `${ms(oursTotal)} ms = ${times(stress.ratios.oursToFloor)} floor (${ms(stress.floor.ms)} ms)`,
      limit: `≤ ${ms(BUDGETS.floorFactor * stress.floor.ms)} ms`,
    });
  } else {
    budgets.push({ name: 'stress: total ≤ 0.5 × naive and ≤ 5 × floor', status: 'SKIP', measured: 'stress page not measured', limit: '' });
  }
  for (const summary of summaries) {
    if (!Number.isFinite(summary.ours.longest)) continue;
    budgets.push({
      name: `${summary.id}: our longest single task < ${BUDGETS.longTaskMs} ms`,
      status: verdict(summary.ours.longest < BUDGETS.longTaskMs),
      measured: `median ${ms(summary.ours.longest)} ms, worst run ${ms(summary.ours.longestWorstRun)} ms`,
      limit: `< ${BUDGETS.longTaskMs} ms`,
    });
  }
  budgets.push({
    name: `content script gzip < ${BUDGETS.gzipBytes / 1024} KB`,
    status: verdict(bundle.gzipBytes < BUDGETS.gzipBytes),
    measured: `${(bundle.gzipBytes / 1024).toFixed(1)} KB gzipped (${int(bundle.gzipBytes)} B; ${(bundle.bytes / 1024).toFixed(1)} KB raw)`,
    limit: `< ${int(BUDGETS.gzipBytes)} B`,
  });
  return budgets;
}

function table({ rows }: { rows: string[][] }): string {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  return rows
    .map((row) => row.map((cell, col) => (col === 0 || col === row.length - 1 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  ').trimEnd())
    .map((line) => `  ${line}`)
    .join('\n');
}

export function formatReport({ header, summaries, skipped, budgets, bundle, sections = [] }: {
  header: string;
  summaries: PageSummary[];
  skipped: SkippedPage[];
  budgets: Budget[];
  bundle: BundleSize;
  /** Other suites' reports (tooltip, popup), printed after the pages and before the budgets. */
  sections?: string[];
}): string {
  const out: string[] = [header, ''];
  for (const s of summaries) {
    out.push(`${s.id} — ${s.title}  (from ${s.source})`);
    out.push(`  ${int(s.floor.chars)} chars in ${int(s.floor.textNodes)} text nodes; the extension read ${int(s.ours.chars)} chars, found ${int(s.ours.matches)} matches, painted ${int(s.ours.painted)} near the viewport`);
    const rows: string[][] = [['', 'total ms', 'longest task ms', 'tasks', 'matches', 'notes']];
    const oursRow = (label: string, o: OursSummary) => [
      label,
      ms(o.total),
      ms(o.longest),
      int(o.tasks),
      int(o.matches),
      `scan ${ms(o.scanTotal)} ms in ${int(o.scanTasks)} tasks + paint ${ms(o.paintTotal)} ms in ${int(o.paintTasks)}; ` +
        (Number.isFinite(o.firstPaint) ? `first highlights ${ms(o.firstPaint)} ms after navigation (scan began ${ms(o.scanStart)})` : `scan began ${ms(o.scanStart)} ms after navigation; nothing to paint near the top`),
    ];
    rows.push(oursRow('Huantai Lens', s.ours));
    if (s.candidate) rows.push(oursRow('candidate build', s.candidate));
    rows.push(['floor (TreeWalker read)', ms(s.floor.ms), ms(s.floor.ms), '1', '—', 'reads every text node, nothing else']);
    rows.push(['naive (RegExp + Range)', ms(s.naive.ms), ms(s.naive.ms), '1', int(s.naive.matches), `next frame at ${ms(s.naive.msToFrame)} ms`]);
    rows.push([
      'mark.js',
      s.mark.finished ? ms(s.mark.ms) : s.runs.mark > 0 ? 'DNF' : '—',
      s.mark.finished ? ms(s.mark.ms) : '—',
      s.mark.finished ? '1' : '—',
      s.mark.finished ? int(s.mark.marks) : '—',
      s.mark.note ?? (s.mark.finished ? `median of ${s.runs.mark} run(s); rewrites the DOM` : 'no run completed'),
    ]);
    out.push(table({ rows }));
    const markRatio = s.mark.finished ? times(s.ratios.oursToMark) : s.runs.mark > 0 ? 'n/a (mark.js did not finish)' : 'n/a (not run)';
    out.push(
      `  ours ÷ naive ${times(s.ratios.oursToNaive)} · ours ÷ floor ${times(s.ratios.oursToFloor)} · ours ÷ mark.js ${markRatio}` +
        (s.candidate ? ` · candidate ÷ ours ${times(s.ratios.candidateToOurs ?? Number.NaN)} (candidate ÷ naive ${times(ratio({ ours: s.candidate.total, other: s.naive.ms }))})` : '') +
        ` · runs: ours ${s.runs.ours}, floor ${s.runs.floor}, naive ${s.runs.naive}, mark.js ${s.runs.mark}`,
    );
    const range = ({ min, max }: Spread) => `${ms(min)}–${ms(max)}`;
    out.push(`  lowest–highest of the runs, ms: ours ${range(s.spread.ours)} · floor ${range(s.spread.floor)} · naive ${range(s.spread.naive)}`);
    const scroll = s.ours.onScroll;
    if (scroll) {
      out.push(
        `  on scrolling to the appended report: ${int(scroll.painted)} ranges painted in ${int(scroll.tasks)} task(s), ` +
          `${ms(scroll.paintMs)} ms of work (longest ${ms(scroll.longestPaintMs)} ms), all painted ${ms(scroll.msToPainted)} ms after the scroll`,
      );
    }
    if (s.ours.longTasksDuringScan > 0) out.push(`  note: the page had ${int(s.ours.longTasksDuringScan)} long task(s) ≥ 50 ms (any cause) while the extension was scanning (median of runs)`);
    for (const error of s.errors) out.push(`  ERROR ${error}`);
    out.push('');
  }
  for (const page of skipped) out.push(`SKIPPED ${page.id} — ${page.title}: ${page.reason}`, '');
  for (const section of sections) out.push(section, '');
  out.push(`content script: ${bundle.path} ${(bundle.bytes / 1024).toFixed(1)} KB, ${(bundle.gzipBytes / 1024).toFixed(1)} KB gzipped`, '');
  out.push('Budgets:');
  for (const budget of budgets) {
    out.push(`  ${budget.status === 'FAIL' ? '✗ FAIL' : budget.status === 'PASS' ? '✓ PASS' : '- SKIP'}  ${budget.name}: ${budget.measured}${budget.limit ? ` (limit ${budget.limit})` : ''}`);
  }
  const failed = budgets.filter((b) => b.status === 'FAIL');
  out.push('', failed.length === 0 ? 'All budgets pass.' : `${failed.length} budget(s) FAIL (this is a measurement: the exit code stays 0).`);
  return out.join('\n');
}

export function writeJson({ path, data }: { path: string; data: unknown }): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(data, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2) + '\n');
}
