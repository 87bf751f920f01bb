/**
 * Reads a page's reading text in runs (the inline text between two block boundaries), hands the
 * runs to the matcher and turns matches back into DOM positions. Never touches the DOM it reads.
 *
 * The parts: walk (which text belongs to which block), segment (runs joined into one string),
 * segment-matching (the matcher fed in windows), run-hits (matches back to runs and text nodes),
 * chunks (tasks that yield to the page, each recorded).
 *
 * Walking elements only and reading each element without a block inside whole (textContent
 * builds a new string, about a microsecond a paragraph), with XPath to find containers holding
 * text of their own, measured no faster on the stress page.
 */
import { Chunks, type ChunkMeasure } from './chunks';
import { reportRuns, type RunReport } from './run-hits';
import { Segment } from './segment';
import { matchSegment, type SegmentMatcher } from './segment-matching';
import { walkRoot } from './walk';

export { blockOf, isBlock, isInSkippedRegion } from './blocks';
export type { ChunkMeasure } from './chunks';
export { runHitsOf, type Hit, type RunHits } from './run-hits';
export type { SegmentMatcher } from './segment-matching';

export interface ScanDeps {
  matcher: SegmentMatcher;
  now: () => number;
  /** Gives the page's own tasks a turn; resolves when the scanner may continue. */
  yieldToPage: () => Promise<void>;
  /** Called once per task of scanning work, after it ends (see README: the observable contract). */
  recordChunk: (measure: ChunkMeasure) => void;
  /** Selector for the extension's own UI, and anything else the caller wants left alone. */
  excludedSelector?: string;
  /** Longest stretch of work between yields. */
  chunkBudgetMs?: number;
  /** Shown each segment's text before it is matched (the page's context reads it: see context.ts). */
  inspect?: (segment: Pick<Segment, 'text' | 'nodeAt'>) => void;
}

export interface ScanArgs {
  /** Elements, shadow roots or documents to scan, each with all it contains. */
  roots: readonly Node[];
  deps: ScanDeps;
  /**
   * One call per run with hits: `block` is the element the run belongs to, `root` the root it was
   * found under, `gap` how many chars of text lie between the last hit reported under that root and the run's first.
   */
  onRun: (run: RunReport) => void;
  /** Open shadow roots found on the way, scanned after their hosts' light DOM. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Stop early; the scan resolves at its next checkpoint. */
  signal?: { aborted: boolean };
}

export interface ScanResult {
  textNodes: number;
  chars: number;
  matches: number;
}

export async function scan({ roots, deps, onRun, onShadowRoot, signal }: ScanArgs): Promise<ScanResult> {
  const chunks = new Chunks({ now: deps.now, yieldToPage: deps.yieldToPage, recordChunk: deps.recordChunk, budgetMs: deps.chunkBudgetMs ?? 8 });
  const segment = new Segment({ root: roots[0] ?? document });
  /** Chars of text since the last hit reported under the current root. */
  let sinceLastHit = 0;

  const flush = async () => {
    if (segment.entries === 0) return;
    deps.inspect?.(segment);
    const batch = await matchSegment({ segment, matcher: deps.matcher, chunks });
    if (batch !== null && batch.count > 0) {
      sinceLastHit = reportRuns({ segment, batch, sinceLastHit, onRun });
      chunks.current.matches += batch.count;
    } else {
      sinceLastHit += segment.length;
    }
    segment.reset();
  };

  for (const root of roots) {
    if (signal?.aborted) break;
    // A segment holds the runs of one root only: where the next root is on the page says nothing.
    if (root !== segment.root) {
      await flush();
      sinceLastHit = 0;
      segment.root = root;
    }
    await walkRoot({ root, segment, chunks, excludedSelector: deps.excludedSelector, flush, onShadowRoot, signal });
  }
  await flush();
  chunks.close();
  return chunks.total;
}
