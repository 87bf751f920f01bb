/**
 * Finds glossary terms in page text in one pass (Aho–Corasick over the folded chars, folding on
 * the way), picks non-overlapping matches leftmost-longest, and drops matches whose context shows
 * another sense of the term (the sense rules' context words ride in the same automaton). Offsets
 * always index the raw text, so highlights land on the real characters: a match covers chars
 * dropped inside it (中国\n膜谷, 「马踏湖」) but not those around it.
 *
 * Its tables are built at build time (buildMatcherData, shipped on the term list) and loaded on
 * the page (loadMatcher); buildMatcher does both, for callers that have only patterns.
 */
import { loadAutomaton, RING, type Automaton, type Pattern } from './automaton';
import { MatchPicker, type MatchBatch } from './match-picker';
import { buildMatcherData, type MatcherData } from './matcher-data';
import { DROP, foldTableFor, SEPARATOR_FOLD, UNCHANGED, type VariantTable } from './normalize';
import { loadRootSkip, skipAtRoot } from './root-skip';
import { DEFAULT_SENSE_WINDOW, SenseTracker, type SenseRules } from './senses';

export type { MatchBatch, MatcherData, Pattern };
export { DEFAULT_SENSE_WINDOW };
export type { SenseRule, SenseRules } from './senses';

/** Offsets are UTF-16 indices into the raw text, end exclusive. */
export interface Match {
  start: number;
  end: number;
  value: number;
}

export interface Matcher {
  /** Distinct non-empty patterns in the automaton. */
  readonly size: number;
  /** Starts a new text, forgetting the last one's matches. */
  begin(): void;
  /**
   * Matches text[from, to) and appends the matches it has proved final. A text may be fed in
   * consecutive windows (one huge text node over several tasks); `text` is always the whole text,
   * so whole-word checks can look past a window's edge.
   */
  feed(args: { text: string; from: number; to: number }): void;
  /** Commits the last pending match and returns the text's matches. */
  end(): MatchBatch;
  /** The matches of one whole text, as objects. */
  findAll(args: { text: string }): Match[];
}

/**
 * `variants` folds Traditional chars onto the patterns' Simplified ones. SEPARATOR in the text ends
 * a run: nothing matches across it, so many runs can be matched as one string. `senseRules` (keyed
 * by pattern value) drop matches whose neighbourhood, up to `senseWindow` folded chars on each
 * side within the match's run, the match itself excluded, holds a skip word and no keep word: 两高
 * near 最高人民法院 is the courts, not 高耗能、高排放.
 */
export function buildMatcher({
  patterns,
  variants,
  senseRules,
  senseWindow = DEFAULT_SENSE_WINDOW,
}: {
  patterns: ReadonlyArray<Pattern>;
  variants?: VariantTable;
  senseRules?: SenseRules;
  senseWindow?: number;
}): Matcher {
  return loadMatcher({ data: buildMatcherData({ patterns, variants, senseRules }), variants, senseWindow });
}

/** The matcher for tables built at build time; `variants` must be those they were built with. */
export function loadMatcher({
  data,
  variants,
  senseWindow = DEFAULT_SENSE_WINDOW,
}: {
  data: MatcherData;
  variants?: VariantTable;
  senseWindow?: number;
}): Matcher {
  const automaton = loadAutomaton({ data: data.automaton });
  const fold = foldTableFor({ variants });
  const senses = new SenseTracker({ data: data.senses, automaton, fold, window: senseWindow });
  const { firsts, seconds } = loadRootSkip({ data: data.rootSkip });
  const matcher = new AutomatonMatcher({ automaton, fold, senses, firsts, seconds });
  primeMatcher({ matcher, priming: data.priming });
  return matcher;
}

const PRIMING_WINDOW = 64;

/**
 * Runs the matcher once over its own words in page shapes (MatcherData.priming), fed in short
 * windows. V8 allocates a function's type feedback only after several calls, and an optimised
 * loop that meets a branch it has no feedback for is thrown away: on a page's first scan, the first
 * run separator or dropped char after optimisation sent the automaton back to the interpreter, and
 * a cold scan took twice as long. Costs about a millisecond, once, when the matcher is loaded.
 * (In node, once the loop was split into small methods, its gain on a first scan was within
 * noise; it is kept for Chrome, where it was measured.)
 */
function primeMatcher({ matcher, priming }: { matcher: Matcher; priming: string }) {
  // Ends in text no term starts in, so the skip at the root also runs to a window's end and the text's.
  const text = priming + '的'.repeat(2 * PRIMING_WINDOW);
  matcher.begin();
  for (let from = 0; from < text.length; from += PRIMING_WINDOW) matcher.feed({ text, from, to: Math.min(text.length, from + PRIMING_WINDOW) });
  matcher.end();
}

/** The matching loop: one automaton step per folded char, the skip at the root between terms. */
class AutomatonMatcher implements Matcher {
  readonly size: number;
  private readonly automaton: Automaton;
  private readonly fold: Uint16Array;
  private readonly senses: SenseTracker;
  private readonly picker: MatchPicker;
  private readonly firsts: Uint8Array;
  private readonly seconds: Uint8Array;
  /** Raw offsets of the last RING folded chars: a match ending at n with depth d starts at folded index n - d. */
  private readonly ring = new Int32Array(RING);
  /** The text being fed, for the sense rules' look at the chars between a match and a context word. */
  private currentText = '';
  /** The automaton's node between windows. */
  private node = 0;
  /** Folded chars seen. */
  private n = 0;

  constructor({ automaton, fold, senses, firsts, seconds }: { automaton: Automaton; fold: Uint16Array; senses: SenseTracker; firsts: Uint8Array; seconds: Uint8Array }) {
    this.size = automaton.size;
    this.automaton = automaton;
    this.fold = fold;
    this.senses = senses;
    this.firsts = firsts;
    this.seconds = seconds;
    this.picker = new MatchPicker({ automaton, fold, ring: this.ring, senses });
  }

  begin(): void {
    this.picker.reset();
    this.senses.reset();
    this.node = 0;
    this.n = 0;
  }

  feed({ text, from, to }: { text: string; from: number; to: number }): void {
    this.currentText = text;
    const { fold, ring, picker, firsts, seconds } = this;
    const { rootNext, edgeStart, edgeChar, fail, contextLink } = this.automaton;
    let node = this.node;
    let n = this.n;
    for (let i = from; i < to; i++) {
      if (node === 0) {
        i = skipAtRoot(firsts, seconds, text, i, to);
        if (i >= to) break;
      }
      let code = text.charCodeAt(i);
      const folded = fold[code] as number;
      if (folded !== UNCHANGED) {
        if (folded === DROP) continue;
        if (folded === SEPARATOR_FOLD) {
          picker.endRun(n);
          node = 0;
          continue;
        }
        code = folded;
      }
      ring[n & (RING - 1)] = i;
      n++;
      // Inline, not a call: this runs once per char, before V8 has optimised anything.
      for (;;) {
        if (node === 0) {
          node = rootNext[code] as number;
          break;
        }
        let next = 0;
        for (let e = edgeStart[node] as number, last = edgeStart[node + 1] as number; e < last; e++) {
          if (edgeChar[e] === code) {
            next = e + 1;
            break;
          }
        }
        if (next !== 0) {
          node = next;
          break;
        }
        node = fail[node] as number;
      }
      const link = contextLink[node] as number;
      if (link !== 0) this.recordContext(link, n, i + 1);
      picker.step(text, node, n, i + 1);
    }
    this.node = node;
    this.n = n;
  }

  end(): MatchBatch {
    const { picker } = this;
    picker.finish();
    this.node = 0;
    picker.count = this.senses.apply({ text: this.currentText, data: picker.data, count: picker.count });
    this.currentText = '';
    return { count: picker.count, data: picker.data };
  }

  findAll({ text }: { text: string }): Match[] {
    this.begin();
    this.feed({ text, from: 0, to: text.length });
    return toMatches(this.end());
  }

  /** Records the context words ending at raw index `end`, after n folded chars (kept apart: most chars end none). */
  private recordContext(link: number, n: number, end: number): void {
    const { contextLink, contextWord, depth, fail } = this.automaton;
    for (let node = link; node !== 0; node = contextLink[fail[node] as number] as number) {
      this.senses.context(this.ring[(n - (depth[node] as number)) & (RING - 1)] as number, end, (contextWord[node] as number) - 1);
    }
  }
}

export function toMatches({ count, data }: MatchBatch): Match[] {
  const matches: Match[] = [];
  for (let k = 0; k < count; k++) matches.push({ start: data[3 * k]!, end: data[3 * k + 1]!, value: data[3 * k + 2]! });
  return matches;
}
