/**
 * Mapping matches back to the page: a segment's matches (offsets into its joined text) become
 * each run's hits, counted at once and turned into DOM positions (text node and offset at each
 * end) only when asked: most runs of a long page are never painted.
 */
import type { MatchBatch } from './matcher';
import type { Segment } from './segment';

export interface Hit {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
  /** The matcher's value: an index into the term list. */
  value: number;
}

/** A run's hits: counted at once, turned into DOM positions only when asked. */
export interface RunHits {
  readonly count: number;
  valueAt(index: number): number;
  /** The same Hit objects on every call. */
  toHits(): Hit[];
}

/** Hits already built, as a run hands them over (tests). */
export function runHitsOf(hits: Hit[]): RunHits {
  return { count: hits.length, valueAt: (index) => hits[index]!.value, toHits: () => hits };
}

/** What a segment's runs need to build their hits later: copies of its arrays, shared by its runs. */
interface SegmentHits {
  nodes: ReadonlyArray<Text | null>;
  starts: readonly number[];
  /** (start, end, value) triples, offsets into the segment's joined text. */
  matches: Int32Array;
}

/** A class, not closures: one allocation per run is the point. */
class LazyRunHits implements RunHits {
  private hits: Hit[] | null = null;
  constructor(
    private readonly segment: SegmentHits,
    private readonly from: number,
    private readonly to: number,
    /** Index in the segment's nodes of the run's first text node. */
    private readonly entry: number,
  ) {}

  get count(): number {
    return this.to - this.from;
  }

  valueAt(index: number): number {
    return this.segment.matches[3 * (this.from + index) + 2] as number;
  }

  toHits(): Hit[] {
    if (this.hits) return this.hits;
    const { nodes, starts, matches } = this.segment;
    const hits: Hit[] = [];
    let k = this.entry;
    for (let m = this.from; m < this.to; m++) {
      const start = matches[3 * m] as number;
      const end = matches[3 * m + 1] as number;
      while (k + 1 < starts.length && (starts[k + 1] as number) <= start) k++;
      // An end on a node boundary belongs to the node before it, so the range does not start in
      // a node it doesn't cover.
      let last = k;
      while (last + 1 < starts.length && (starts[last + 1] as number) < end) last++;
      hits.push({
        startNode: nodes[k] as Text,
        startOffset: start - (starts[k] as number),
        endNode: nodes[last] as Text,
        endOffset: end - (starts[last] as number),
        value: matches[3 * m + 2] as number,
      });
    }
    this.hits = hits;
    return hits;
  }
}

export interface RunReport {
  block: Element;
  hits: RunHits;
  /** The root the run was found under. */
  root: Node;
  /** Chars of page text between the last hit reported under that root and the run's first. */
  gap: number;
}

/**
 * Hands each run with matches to `onRun`. `sinceLastHit`: chars of text since the last hit reported
 * under the segment's root, before this segment; returns the same after it.
 */
export function reportRuns({ segment, batch: { count, data }, sinceLastHit, onRun }: {
  segment: Segment;
  batch: MatchBatch;
  sinceLastHit: number;
  onRun: (run: RunReport) => void;
}): number {
  const { runStarts, runBlocks, runEntries, runs } = segment;
  /** The run holding joined-text offset `offset`, searching on from run `run`. */
  const runAt = (offset: number, run: number) => {
    while (run + 1 < runs && (runStarts[run + 1] as number) <= offset) run++;
    return run;
  };
  // The segment's arrays are reused for the next one: its runs keep copies, one set per segment,
  // of the stretch from the first run with hits to the end of the last (on a page with a term
  // every thousand paragraphs, that is a run, not the segment's every text node).
  const firstRun = runAt(data[0] as number, 0);
  const lastRun = runAt(data[3 * (count - 1)] as number, firstRun);
  const from = runEntries[firstRun] as number;
  const to = lastRun + 1 < runs ? (runEntries[lastRun + 1] as number) : segment.entries;
  const shared: SegmentHits = { nodes: segment.nodes.slice(from, to), starts: segment.starts.slice(from, to), matches: data.slice(0, 3 * count) };
  let run = 0;
  let first = 0;
  let gap = 0;
  let lastEnd = 0;
  const report = (end: number) => {
    if (end > first) onRun({ block: runBlocks[run] as Element, hits: new LazyRunHits(shared, first, end, (runEntries[run] as number) - from), root: segment.root, gap });
  };
  for (let m = 0; m < count; m++) {
    const start = data[3 * m] as number;
    const startRun = runAt(start, run);
    if (m === 0 || startRun !== run) {
      report(m);
      run = startRun;
      first = m;
      gap = sinceLastHit + start - lastEnd;
      sinceLastHit = 0;
    }
    lastEnd = data[3 * m + 1] as number;
  }
  report(count);
  return segment.length - lastEnd;
}
