/**
 * Which of the automaton's matches a text keeps: non-overlapping, leftmost-longest, ASCII-edged
 * patterns only as whole words. Called by the matching loop once per folded char off the root, so
 * its methods are positional (an argument object would be an allocation per char until the loop
 * is optimised) and state lives in fields, not closures.
 */
import { ENDS_WORD, isAsciiWordChar, RING, STARTS_WORD, TERMINAL, type Automaton } from './automaton';
import { UNCHANGED } from './normalize';
import { grown, type SenseTracker } from './senses';

/** Matches as flat (start, end, value) triples, in order. */
export interface MatchBatch {
  count: number;
  /** Owned by the matcher and reused: valid until its next begin(). */
  data: Int32Array;
}

/** Is the raw char at i, folded, an ASCII letter or digit? A dropped char (space, quote) is not. */
export function isWordCharAt(fold: Uint16Array, text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  const folded = fold[code] as number;
  return isAsciiWordChar(folded === UNCHANGED ? code : folded);
}

/**
 * Whether raw text[start, end) stands as a whole word where the pattern's flags ask for it: gdp
 * not in gdpr, 5+n not in 15+n, but gdp in "GDP R" (the space between is dropped when folded).
 */
export function isWholeWord(fold: Uint16Array, text: string, patternFlags: number, start: number, end: number): boolean {
  return (
    ((patternFlags & STARTS_WORD) === 0 || start === 0 || !isWordCharAt(fold, text, start - 1)) &&
    ((patternFlags & ENDS_WORD) === 0 || end >= text.length || !isWordCharAt(fold, text, end))
  );
}

export class MatchPicker {
  count = 0;
  data = new Int32Array(3 * 1024);
  private readonly automaton: Automaton;
  private readonly fold: Uint16Array;
  /** Raw offsets of the last RING folded chars, written by the matching loop. */
  private readonly ring: Int32Array;
  private readonly senses: SenseTracker;
  /** Folded index where the last committed match ended (matches never overlap). */
  private lastEnd = 0;
  /** Folded start of the pending match, -1 for none; it is committed once no match can beat it. */
  private pendingStart = -1;
  private pendingRaw = 0;
  private pendingEnd = 0;
  private pendingEndN = 0;
  private pendingValue = 0;
  private pendingRule = -1;

  constructor({ automaton, fold, ring, senses }: { automaton: Automaton; fold: Uint16Array; ring: Int32Array; senses: SenseTracker }) {
    this.automaton = automaton;
    this.fold = fold;
    this.ring = ring;
    this.senses = senses;
  }

  reset(): void {
    this.count = 0;
    this.lastEnd = 0;
    this.pendingStart = -1;
  }

  /** A run separator after n folded chars: nothing matches across it. */
  endRun(n: number): void {
    if (this.pendingStart >= 0) this.commit();
    this.lastEnd = n;
  }

  /** The automaton is at `node` after n folded chars, the last of them ending at raw index `end`. */
  step(text: string, node: number, n: number, end: number): void {
    // Leftmost-longest without collecting candidates: the pending match is final once no match
    // can still start at or before it (any match from here on is a suffix of the current path).
    // Committed before this char's own matches are weighed, so one starting right after it counts.
    if (this.pendingStart >= 0 && n - (this.automaton.depth[node] as number) > this.pendingStart) this.commit();
    if (node !== 0) this.offer(text, node, n, end);
  }

  /** Commits the last pending match: the text (or its window) is over. */
  finish(): void {
    if (this.pendingStart >= 0) this.commit();
  }

  /** Makes the best match ending at `node` pending, if it beats the pending one. */
  private offer(text: string, node: number, n: number, end: number): void {
    const { depth, dict, flags } = this.automaton;
    // Longest first: the longest match ending here starts earliest, so the first acceptable one wins.
    let out = ((flags[node] as number) & TERMINAL) !== 0 ? node : (dict[node] as number);
    while (out !== 0) {
      const start = n - (depth[out] as number);
      if (this.pendingStart >= 0 && start > this.pendingStart) return;
      if (start >= this.lastEnd) {
        const raw = this.ring[start & (RING - 1)] as number;
        const outFlags = flags[out] as number;
        if ((outFlags & (STARTS_WORD | ENDS_WORD)) === 0 || isWholeWord(this.fold, text, outFlags, raw, end)) {
          this.pendingStart = start;
          this.pendingRaw = raw;
          this.pendingEnd = end;
          this.pendingEndN = n;
          this.pendingValue = this.automaton.value[out] as number;
          this.pendingRule = this.senses.ruleOf[out] as number;
          return;
        }
      }
      out = dict[out] as number;
    }
  }

  private commit(): void {
    if (3 * this.count + 3 > this.data.length) this.data = grown(this.data);
    if (this.pendingRule >= 0) this.senses.ruled(this.count, this.pendingRule);
    this.data[3 * this.count] = this.pendingRaw;
    this.data[3 * this.count + 1] = this.pendingEnd;
    this.data[3 * this.count + 2] = this.pendingValue;
    this.count++;
    this.lastEnd = this.pendingEndN;
    this.pendingStart = -1;
  }
}
