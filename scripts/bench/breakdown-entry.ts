/**
 * Bundled into the page by `--breakdown` (see breakdown.ts): runs the extension's own scanner,
 * matcher and highlighter in the page's main world, one stage at a time, so the cost of each
 * stage can be read apart. Each stage runs as one uninterrupted task (no yielding) and is
 * repeated: the first repetition is cold (DOM wrappers, JIT), the fastest is warm.
 */
import type { TermList } from '../../lib/glossary-types';
import { createHighlighter } from '../../lib/highlighter';
import { buildMatcher } from '../../lib/matcher';
import { normalizeText } from '../../lib/normalize';
import { scan, type ScanDeps, type TextMatch } from '../../lib/scanner';
import { createTermFinder } from '../../lib/term-finder';

export type Stage = 'walk' | 'fold' | 'match' | 'find' | 'walk+find' | 'full-no-io' | 'full';

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

function deps({ findTerms }: { findTerms: ScanDeps['findTerms'] }): ScanDeps {
  return { findTerms, now: () => performance.now(), yieldToPage: never, recordChunk: () => {}, chunkBudgetMs: Number.POSITIVE_INFINITY };
}

/** The texts of every run the scanner hands to the matcher, in order. */
async function runTexts(): Promise<string[]> {
  const texts: string[] = [];
  await scan({
    roots: [document.body],
    deps: deps({
      findTerms: ({ text }) => {
        texts.push(text);
        return [];
      },
    }),
    onRun: () => {},
  });
  return texts;
}

export async function runStage({ termList, stage, reps }: { termList: TermList; stage: Stage; reps: number }): Promise<StageResult> {
  const setupStart = performance.now();
  const finder = createTermFinder({ termList });
  const setupMs = performance.now() - setupStart;
  const times: number[] = [];
  let chars = 0;
  let matches = 0;
  const texts = stage === 'fold' || stage === 'match' || stage === 'find' ? await runTexts() : [];
  const matcher = stage === 'match' ? buildMatcher({ patterns: termList.terms.flatMap((term, value) => term.forms.map((text) => ({ text, value }))) }) : undefined;
  const folded = stage === 'match' ? texts.map((text) => normalizeText({ text, variants: termList.variants })) : [];

  for (let rep = 0; rep < reps; rep++) {
    chars = 0;
    matches = 0;
    const t0 = performance.now();
    if (stage === 'fold') {
      for (const text of texts) chars += normalizeText({ text, variants: termList.variants }).text.length;
    } else if (stage === 'match') {
      for (const { text, map } of folded) {
        chars += text.length;
        matches += matcher!.findAll({ text, map }).length;
      }
    } else if (stage === 'find') {
      for (const text of texts) {
        chars += text.length;
        matches += finder.find({ text }).length;
      }
    } else {
      const findTerms = stage === 'walk' ? (): TextMatch[] => [] : ({ text }: { text: string }) => finder.find({ text });
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
      const result = await scan({ roots: [document.body], deps: deps({ findTerms }), onRun: (run) => highlighter?.addRun(run) });
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
