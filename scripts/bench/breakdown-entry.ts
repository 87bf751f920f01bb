/**
 * Bundled into the page by `--breakdown` (see breakdown.ts): runs the extension's own scanner,
 * matcher and highlighter in the page's main world, one stage at a time, so the cost of each
 * stage can be read apart. Each stage runs as one uninterrupted task (no yielding) and is
 * repeated: the first repetition is cold (DOM wrappers, JIT), the fastest is warm.
 */
import type { TermList } from '../../lib/glossary/types';
import { createHighlighter } from '../../lib/scan/highlighter';
import { scan, type ScanDeps, type SegmentMatcher } from '../../lib/scan/scanner';
import { createTermFinder } from '../../lib/scan/term-finder';

export type Stage = 'walk' | 'match' | 'walk+find' | 'full-no-io' | 'full';

export interface StageResult {
  stage: Stage;
  /** ms per repetition, in order. */
  times: number[];
  chars: number;
  matches: number;
  /** Building the term finder (automaton), ms: paid once per page before the scan. */
  setupMs: number;
}

const never = () => Promise.resolve();

function deps({ matcher }: { matcher: SegmentMatcher }): ScanDeps {
  return { matcher, now: () => performance.now(), yieldToPage: never, recordChunk: () => {}, chunkBudgetMs: Number.POSITIVE_INFINITY };
}

/** Matches nothing: the scanner's walk alone. Records the segments it is handed. */
function stubMatcher(texts: string[] = []): SegmentMatcher {
  return {
    begin: ({ text }) => {
      texts.push(text);
      return false;
    },
    feed: () => {},
    end: () => ({ count: 0, data: new Int32Array(0) }),
  };
}

/** The texts of every segment the scanner hands to the matcher, in order. */
async function segmentTexts(): Promise<string[]> {
  const texts: string[] = [];
  await scan({ roots: [document.body], deps: deps({ matcher: stubMatcher(texts) }), onRun: () => {} });
  return texts;
}

export async function runStage({ termList, stage, reps }: { termList: TermList; stage: Stage; reps: number }): Promise<StageResult> {
  const setupStart = performance.now();
  const finder = createTermFinder({ termList });
  finder.prepare();
  const setupMs = performance.now() - setupStart;
  const times: number[] = [];
  let chars = 0;
  let matches = 0;
  const texts = stage === 'match' ? await segmentTexts() : [];

  for (let rep = 0; rep < reps; rep++) {
    chars = 0;
    matches = 0;
    const t0 = performance.now();
    if (stage === 'match') {
      for (const text of texts) {
        chars += text.length;
        if (!finder.begin({ text })) continue;
        finder.feed({ from: 0, to: text.length });
        matches += finder.end().count;
      }
    } else {
      const matcher = stage === 'walk' ? stubMatcher() : finder;
      const noIo = { observe() {}, unobserve() {}, disconnect() {} };
      const highlighter =
        stage === 'full' || stage === 'full-no-io'
          ? createHighlighter({
              registry: CSS.highlights,
              createHighlight: () => new Highlight(),
              createRange: (hit) => new StaticRange({ startContainer: hit.startNode, startOffset: hit.startOffset, endContainer: hit.endNode, endOffset: hit.endOffset }),
              watchVisibility: (onVisible) =>
                stage === 'full-no-io'
                  ? noIo
                  : new IntersectionObserver((records) => onVisible(records.filter((r) => r.isIntersecting).map((r) => r.target)), { rootMargin: '100% 0px 100% 0px' }),
              groupOf: (value) => finder.categoryOf(value),
              now: () => performance.now(),
            })
          : undefined;
      const result = await scan({ roots: [document.body], deps: deps({ matcher }), onRun: (run) => highlighter?.addRun(run) });
      chars = result.chars;
      matches = result.matches;
      times.push(performance.now() - t0);
      highlighter?.destroy();
      continue;
    }
    times.push(performance.now() - t0);
  }
  return { stage, times, chars, matches, setupMs };
}
