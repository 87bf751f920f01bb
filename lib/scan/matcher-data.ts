/**
 * Build time: everything the matcher needs that depends only on the patterns, as plain data that
 * ships on the term list (JSON) and is loaded on the page by loadMatcher.
 */
import { buildAutomatonData, isAsciiWordChar, type AutomatonData, type Pattern } from './automaton';
import { SEPARATOR, sourceLookupFor, type VariantTable } from './normalize';
import { buildRootSkipData, type RootSkipData } from './root-skip';
import { buildSenseData, contextWordsOf, type SenseData, type SenseRules } from './senses';

export interface MatcherData {
  automaton: AutomatonData;
  senses: SenseData;
  rootSkip: RootSkipData;
  /** Text the matcher is run over once when loaded (see primingText). */
  priming: string;
}

/** How many patterns, at most, the priming text samples beyond the edge cases. */
const PRIMING_SAMPLE = 60;

/**
 * `variants` folds Traditional chars onto the patterns' Simplified ones; `senseRules` are keyed by
 * pattern value.
 */
export function buildMatcherData({
  patterns,
  variants,
  senseRules,
}: {
  patterns: ReadonlyArray<Pattern>;
  variants?: VariantTable;
  senseRules?: SenseRules;
}): MatcherData {
  const contextWords = contextWordsOf({ senseRules });
  const words = [...contextWords.keys()];
  return {
    automaton: buildAutomatonData({ patterns, contextWords: words }),
    senses: buildSenseData({ senseRules, contextWords }),
    rootSkip: buildRootSkipData({ patterns: [...patterns.map((p) => p.text), ...words], variants }),
    priming: primingText({ words: primingWords({ patterns, senseRules, contextWords: words }), variants }),
  };
}

/**
 * Every context word, each ruled term right after them (so a rule is weighed), the terms with
 * ASCII edges (whole-word checks) and a sample of the rest: enough for every branch of the loop,
 * at a fraction of the glossary's length.
 */
function primingWords({ patterns, senseRules, contextWords }: { patterns: ReadonlyArray<Pattern>; senseRules?: SenseRules; contextWords: readonly string[] }) {
  const edgeCases = patterns
    .filter(({ text, value }) => senseRules?.has(value) || isAsciiWordChar(text.charCodeAt(0)) || isAsciiWordChar(text.charCodeAt(text.length - 1)))
    .map((p) => p.text);
  const stride = Math.max(1, Math.ceil(patterns.length / PRIMING_SAMPLE));
  const sample = patterns.filter((_, index) => index % stride === 0).map((p) => p.text);
  return [...contextWords, ...edgeCases, ...sample];
}

/**
 * The words in the shapes pages write them (Traditional, upper case, full width, spaced, quoted,
 * in runs of their own). The matcher runs over it once when loaded (primeMatcher in matcher.ts):
 * built here, since it depends only on the words.
 */
export function primingText({ words, variants }: { words: readonly string[]; variants?: VariantTable }): string {
  const sourcesOf = sourceLookupFor({ variants });
  const shapes = words.map((word, w) => {
    const chars = [...word].map((char, c) => {
      const sources = sourcesOf(char);
      return sources[(w + c) % sources.length] as string;
    });
    if (w % 3 === 1 && chars.length > 1) chars.splice(1, 0, ' ');
    return w % 4 === 2 ? `“${chars.join('')}”` : chars.join('');
  });
  return shapes.map((shape, w) => (w % 5 === 4 ? `${shape}${SEPARATOR}` : `${shape}的`)).join('');
}
