/**
 * Sense rules: a ruled term's match is dropped when its neighbourhood shows the other sense (两高
 * near 最高人民法院 is the courts, not 高耗能、高排放). The rules' context words are found by the
 * automaton in its one pass, beside the terms: a search per word over the text (RegExps, first run
 * interpreted) was a fifth of a cold scan. Here: the rules as they ship (SenseData, built at build
 * time) and the tracker that collects a text's context words and ruled matches and judges them.
 */
import { TERMINAL, type Automaton } from './automaton';
import { DROP, SEPARATOR_FOLD } from './normalize';

export interface SenseRule {
  /** Folded words that signal the other sense: the match is dropped when one is near… */
  skipWhenNear: readonly string[];
  /** …unless one of these folded words, confirming this sense, is near too. */
  keepWhenNear: readonly string[];
}

/** Keyed by pattern value. */
export type SenseRules = ReadonlyMap<number, SenseRule>;

export const DEFAULT_SENSE_WINDOW = 40;

/** The rules as they ship: context words by their index in the automaton. */
export interface SenseData {
  /** How many context words the automaton holds. */
  words: number;
  /** Per rule: the pattern value it rules, and the context words that skip and that keep. */
  rules: Array<{ value: number; skip: number[]; keep: number[] }>;
}

/** A context word is looked for at most this many raw chars per folded char of the window away. */
const NEAR_RAW_FACTOR = 4;

/** Build time: every rule's context word once, each with its index in the automaton. */
export function contextWordsOf({ senseRules }: { senseRules: SenseRules | undefined }): Map<string, number> {
  const words = new Map<string, number>();
  for (const rule of senseRules?.values() ?? []) {
    for (const word of [...rule.skipWhenNear, ...rule.keepWhenNear]) if (word.length > 0 && !words.has(word)) words.set(word, words.size);
  }
  return words;
}

/** Build time: the rules by context word index. */
export function buildSenseData({ senseRules, contextWords }: { senseRules: SenseRules | undefined; contextWords: ReadonlyMap<string, number> }): SenseData {
  const indices = (words: readonly string[]) => words.filter((word) => word.length > 0).map((word) => contextWords.get(word) as number);
  return {
    words: contextWords.size,
    rules: [...(senseRules ?? new Map<number, SenseRule>())].map(([value, rule]) => ({ value, skip: indices(rule.skipWhenNear), keep: indices(rule.keepWhenNear) })),
  };
}

/**
 * The sense rules on the matcher's side: which automaton nodes end a ruled term (and under which
 * rule), the context words and ruled matches of the text being fed, and the verdict at its end.
 * context() and ruled() are positional: they are on the matcher's per-char path, where an argument
 * object would be an allocation per call until the loop is optimised.
 */
export class SenseTracker {
  /** Per automaton node: the rule of the term it ends, or -1. */
  readonly ruleOf: Int32Array;
  private readonly words: number;
  private readonly skips: Uint8Array;
  private readonly keeps: Uint8Array;
  private readonly fold: Uint16Array;
  private readonly window: number;
  /** Context words found: (raw start, raw end, word) triples, in order of their ends. */
  private hits = new Int32Array(3 * 64);
  private hitCount = 0;
  /** Matches a rule may drop: (match index, rule) pairs. */
  private ruledMatches = new Int32Array(2 * 64);
  private ruledCount = 0;
  /** While judging: the first hit that can still be near the match being judged. */
  private firstHit = 0;

  constructor({ data, automaton, fold, window }: { data: SenseData; automaton: Automaton; fold: Uint16Array; window: number }) {
    this.words = data.words;
    this.fold = fold;
    this.window = window;
    this.ruleOf = new Int32Array(automaton.depth.length).fill(-1);
    const ruleIndex = new Map(data.rules.map(({ value }, index) => [value, index]));
    for (let node = 1; node < this.ruleOf.length; node++) {
      if (((automaton.flags[node] as number) & TERMINAL) !== 0) this.ruleOf[node] = ruleIndex.get(automaton.value[node] as number) ?? -1;
    }
    this.skips = new Uint8Array(data.rules.length * data.words);
    this.keeps = new Uint8Array(data.rules.length * data.words);
    data.rules.forEach(({ skip, keep }, index) => {
      for (const word of skip) this.skips[index * data.words + word] = 1;
      for (const word of keep) this.keeps[index * data.words + word] = 1;
    });
  }

  reset(): void {
    this.hitCount = 0;
    this.ruledCount = 0;
  }

  /** A context word found at raw text[start, end). */
  context(start: number, end: number, word: number): void {
    if (3 * this.hitCount + 3 > this.hits.length) this.hits = grown(this.hits);
    this.hits[3 * this.hitCount] = start;
    this.hits[3 * this.hitCount + 1] = end;
    this.hits[3 * this.hitCount + 2] = word;
    this.hitCount++;
  }

  /** Match number `index` is a term under rule `rule`. */
  ruled(index: number, rule: number): void {
    if (2 * this.ruledCount + 2 > this.ruledMatches.length) this.ruledMatches = grown(this.ruledMatches);
    this.ruledMatches[2 * this.ruledCount] = index;
    this.ruledMatches[2 * this.ruledCount + 1] = rule;
    this.ruledCount++;
  }

  /** Drops, in place, the ruled matches whose neighbourhood says they are the other sense; returns the new count. */
  apply({ text, data, count }: { text: string; data: Int32Array; count: number }): number {
    if (this.ruledCount === 0 || this.hitCount === 0) return count;
    let kept = 0;
    let next = 0;
    this.firstHit = 0;
    for (let m = 0; m < count; m++) {
      const start = data[3 * m] as number;
      const end = data[3 * m + 1] as number;
      if (next < this.ruledCount && this.ruledMatches[2 * next] === m) {
        const rule = this.ruledMatches[2 * next + 1] as number;
        next++;
        if (this.isOtherSense({ text, rule, start, end })) continue;
      }
      data[3 * kept] = start;
      data[3 * kept + 1] = end;
      data[3 * kept + 2] = data[3 * m + 2] as number;
      kept++;
    }
    return kept;
  }

  /** Whether a skip word and no keep word of the rule is near raw text[start, end). Called in match order. */
  private isOtherSense({ text, rule, start, end }: { text: string; rule: number; start: number; end: number }): boolean {
    const { hits, hitCount } = this;
    const reach = NEAR_RAW_FACTOR * this.window;
    // Context hits end in order and ruled matches come in order: the first hit that can still be
    // near a match only moves forward.
    while (this.firstHit < hitCount && (hits[3 * this.firstHit + 1] as number) < start - reach) this.firstHit++;
    let skip = false;
    let keep = false;
    for (let h = this.firstHit; h < hitCount && (hits[3 * h + 1] as number) <= end + reach; h++) {
      const word = rule * this.words + (hits[3 * h + 2] as number);
      if (this.skips[word] === 0 && this.keeps[word] === 0) continue;
      const hitStart = hits[3 * h] as number;
      const hitEnd = hits[3 * h + 1] as number;
      const near = (hitEnd <= start && this.isNear({ text, from: hitStart, to: start })) || (hitStart >= end && this.isNear({ text, from: end, to: hitEnd }));
      if (!near) continue;
      if (this.keeps[word] !== 0) keep = true;
      else skip = true;
    }
    return skip && !keep;
  }

  /**
   * Whether text[from, to) holds at most `window` folded chars and no run separator: a context
   * word that far from a match is in its neighbourhood. Dropped chars (spaces, quotes) do not
   * count, up to a bound on how many raw chars are looked at.
   */
  private isNear({ text, from, to }: { text: string; from: number; to: number }): boolean {
    if (to - from > NEAR_RAW_FACTOR * this.window) return false;
    let folded = 0;
    for (let i = from; i < to; i++) {
      const f = this.fold[text.charCodeAt(i)] as number;
      if (f === SEPARATOR_FOLD) return false;
      if (f !== DROP && ++folded > this.window) return false;
    }
    return true;
  }
}

/** Doubles a buffer, keeping what it holds. */
export function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
