/**
 * Finds glossary terms in page text in one pass (Aho–Corasick over the folded chars, folding on
 * the way), picks non-overlapping matches leftmost-longest, and drops matches whose context shows
 * another sense of the term. Offsets always index the raw text, so highlights land on the real
 * characters: a match covers chars dropped inside it (中国\n膜谷, 「马踏湖」) but not those around it.
 */
import { DROP, DROPPED_CHARS, foldTableFor, normalizeTerm, SEPARATOR, SEPARATOR_FOLD, sourceLookupFor, UNCHANGED, type VariantTable } from './normalize';
import { formTest } from './prefilter';

export interface Pattern {
  /** Already folded with normalizeTerm, exactly as the page text will be. */
  text: string;
  /** The caller's id for the pattern (an index into its term table); returned with each match. */
  value: number;
}

/** Offsets are UTF-16 indices into the raw text, end exclusive. */
export interface Match {
  start: number;
  end: number;
  value: number;
}

/** Matches as flat (start, end, value) triples, in order. */
export interface MatchBatch {
  count: number;
  /** Owned by the matcher and reused: valid until its next begin(). */
  data: Int32Array;
}

export interface SenseRule {
  /** Folded words that signal the other sense: the match is dropped when one is near… */
  skipWhenNear: readonly string[];
  /** …unless one of these folded words, confirming this sense, is near too. */
  keepWhenNear: readonly string[];
}

/** Keyed by pattern value. */
export type SenseRules = ReadonlyMap<number, SenseRule>;

export const DEFAULT_SENSE_WINDOW = 40;

const TERMINAL = 1;
const STARTS_WORD = 2;
const ENDS_WORD = 4;
const ALPHABET = 0x10000;
/** Raw offsets of the last RING folded chars are kept, to find a match's start from its depth. */
const RING = 256;

function isAsciiWordChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

interface Automaton {
  /** Root transitions by char; 0 means stay at the root. Dense because most page chars land here. */
  rootNext: Int32Array;
  /** Edges of node u are edgeChar/edgeNext[edgeStart[u] .. edgeStart[u+1]), sorted by char. */
  edgeStart: Int32Array;
  edgeChar: Uint16Array;
  edgeNext: Int32Array;
  fail: Int32Array;
  /** Nearest terminal node on the fail chain (0 = none; the root is never terminal). */
  dict: Int32Array;
  depth: Int32Array;
  flags: Uint8Array;
  value: Float64Array;
  size: number;
}

/** Builds the automaton; the Map-per-node trie is thrown away once compacted into typed arrays. */
function buildAutomaton({ patterns }: { patterns: ReadonlyArray<Pattern> }): Automaton {
  const children: Map<number, number>[] = [new Map()];
  const depthList: number[] = [0];
  const flagList: number[] = [0];
  const valueList: number[] = [0];
  let size = 0;
  for (const { text, value } of patterns) {
    if (text.length === 0) continue;
    // A match's start is found from the last RING folded chars; no real term comes near that.
    if (text.length >= RING) throw new Error(`pattern longer than ${RING - 1} chars: ${text.slice(0, 20)}…`);
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const edges = children[node] as Map<number, number>;
      let next = edges.get(code);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        depthList.push(i + 1);
        flagList.push(0);
        valueList.push(0);
        edges.set(code, next);
      }
      node = next;
    }
    // Duplicates keep the first value: the caller lists canonical terms before aliases.
    if (((flagList[node] as number) & TERMINAL) !== 0) continue;
    let flags = TERMINAL;
    if (isAsciiWordChar(text.charCodeAt(0))) flags |= STARTS_WORD;
    if (isAsciiWordChar(text.charCodeAt(text.length - 1))) flags |= ENDS_WORD;
    flagList[node] = flags;
    valueList[node] = value;
    size++;
  }

  const nodeCount = children.length;
  const fail = new Int32Array(nodeCount);
  const dict = new Int32Array(nodeCount);
  const flags = Uint8Array.from(flagList);
  // Breadth-first, so every node's fail target (shallower) is final before the node is reached.
  const queue = new Int32Array(nodeCount);
  let head = 0;
  let tail = 0;
  for (const child of (children[0] as Map<number, number>).values()) queue[tail++] = child;
  while (head < tail) {
    const node = queue[head++] as number;
    for (const [code, child] of children[node] as Map<number, number>) {
      let f = fail[node] as number;
      let target = 0;
      for (;;) {
        const next = (children[f] as Map<number, number>).get(code);
        if (next !== undefined) {
          target = next;
          break;
        }
        if (f === 0) break;
        f = fail[f] as number;
      }
      fail[child] = target;
      dict[child] = ((flags[target] as number) & TERMINAL) !== 0 ? target : (dict[target] as number);
      queue[tail++] = child;
    }
  }

  const rootNext = new Int32Array(ALPHABET);
  for (const [code, child] of children[0] as Map<number, number>) rootNext[code] = child;
  const edgeStart = new Int32Array(nodeCount + 1);
  const edgeChar = new Uint16Array(nodeCount - 1);
  const edgeNext = new Int32Array(nodeCount - 1);
  let edge = 0;
  for (let node = 0; node < nodeCount; node++) {
    edgeStart[node] = edge;
    const edges = children[node] as Map<number, number>;
    if (node === 0 || edges.size === 0) continue;
    const codes = Array.from(edges.keys()).sort((a, b) => a - b);
    for (const code of codes) {
      edgeChar[edge] = code;
      edgeNext[edge] = edges.get(code) as number;
      edge++;
    }
  }
  edgeStart[nodeCount] = edge;

  return {
    rootNext,
    edgeStart,
    edgeChar,
    edgeNext,
    fail,
    dict,
    depth: Int32Array.from(depthList),
    flags,
    value: Float64Array.from(valueList),
    size,
  };
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
 * a run: nothing matches across it, so many runs can be matched as one string.
 */
export function buildMatcher({ patterns, variants }: { patterns: ReadonlyArray<Pattern>; variants?: VariantTable }): Matcher {
  const { rootNext, edgeStart, edgeChar, edgeNext, fail, dict, depth, flags, value, size } = buildAutomaton({ patterns });
  const fold = foldTableFor({ variants });
  const ring = new Int32Array(RING);
  let data = new Int32Array(3 * 1024);
  let count = 0;
  let state = 0;
  /** Folded chars seen: a match ending at n with depth d starts at folded index n - d. */
  let n = 0;
  /** Folded index where the last committed match ended (matches never overlap). */
  let lastEnd = 0;
  let pendingStart = -1;
  let pendingRaw = 0;
  let pendingEnd = 0;
  let pendingEndN = 0;
  let pendingValue = 0;

  const commit = () => {
    if (3 * count + 3 > data.length) {
      const grown = new Int32Array(data.length * 2);
      grown.set(data);
      data = grown;
    }
    data[3 * count] = pendingRaw;
    data[3 * count + 1] = pendingEnd;
    data[3 * count + 2] = pendingValue;
    count++;
    lastEnd = pendingEndN;
    pendingStart = -1;
  };

  /** Is the raw char at i, folded, an ASCII letter or digit? A dropped char (space, quote) is not. */
  const isWordCharAt = (text: string, i: number): boolean => {
    const code = text.charCodeAt(i);
    const folded = fold[code] as number;
    return isAsciiWordChar(folded === UNCHANGED ? code : folded);
  };

  /** ASCII-edged patterns must stand as whole words: gdp not in gdpr, 5+n not in 15+n, but gdp in "GDP R". */
  const isWholeWord = (text: string, patternFlags: number, start: number, end: number): boolean =>
    ((patternFlags & STARTS_WORD) === 0 || start === 0 || !isWordCharAt(text, start - 1)) &&
    ((patternFlags & ENDS_WORD) === 0 || end >= text.length || !isWordCharAt(text, end));

  /**
   * At the root, skips every char that leaves the automaton there (most of any page), and every
   * first char of a pattern whose next char cannot be a second one: from its depth-1 node the
   * automaton would fall straight back to the root (no pattern is one char long). Kept apart and
   * tiny: it is where nearly all the chars go, and a small loop is optimised soonest on a page's
   * first, cold scan. (Dropped chars and separators leave the root where it is.)
   */
  const { firsts, seconds } = rawCharTables({ patterns, variants });
  const skipAtRoot = (text: string, from: number, to: number): number => {
    for (let i = from; i < to; i++) {
      if (firsts[text.charCodeAt(i)] !== 0 && seconds[text.charCodeAt(i + 1)] !== 0) return i;
    }
    return to;
  };

  const matcher: Matcher = {
    size,
    begin() {
      count = 0;
      state = 0;
      n = 0;
      lastEnd = 0;
      pendingStart = -1;
    },
    feed({ text, from, to }) {
      for (let i = from; i < to; i++) {
        if (state === 0) {
          i = skipAtRoot(text, i, to);
          if (i >= to) break;
        }
        let code = text.charCodeAt(i);
        const folded = fold[code] as number;
        if (folded !== UNCHANGED) {
          if (folded === DROP) continue;
          if (folded === SEPARATOR_FOLD) {
            if (pendingStart >= 0) commit();
            state = 0;
            lastEnd = n;
            continue;
          }
          code = folded;
        }
        ring[n & (RING - 1)] = i;
        n++;
        // Positional and inline, unlike the rest of the code base: this runs once per char.
        let node = state;
        for (;;) {
          if (node === 0) {
            node = rootNext[code] as number;
            break;
          }
          let next = 0;
          for (let e = edgeStart[node] as number, last = edgeStart[node + 1] as number; e < last; e++) {
            if (edgeChar[e] === code) {
              next = edgeNext[e] as number;
              break;
            }
          }
          if (next !== 0) {
            node = next;
            break;
          }
          node = fail[node] as number;
        }
        state = node;
        // Leftmost-longest without collecting candidates: the pending match is final once no match
        // can still start at or before it (any match from here on is a suffix of the current path).
        // Committed before this char's own matches are weighed, so one starting right after it counts.
        if (pendingStart >= 0 && n - (depth[node] as number) > pendingStart) commit();
        if (node !== 0) {
          // Longest first: the longest match ending here starts earliest, so the first acceptable one wins.
          let out = ((flags[node] as number) & TERMINAL) !== 0 ? node : (dict[node] as number);
          while (out !== 0) {
            const start = n - (depth[out] as number);
            if (pendingStart >= 0 && start > pendingStart) break;
            if (start >= lastEnd) {
              const raw = ring[start & (RING - 1)] as number;
              const outFlags = flags[out] as number;
              if ((outFlags & (STARTS_WORD | ENDS_WORD)) === 0 || isWholeWord(text, outFlags, raw, i + 1)) {
                pendingStart = start;
                pendingRaw = raw;
                pendingEnd = i + 1;
                pendingEndN = n;
                pendingValue = value[out] as number;
                break;
              }
            }
            out = dict[out] as number;
          }
        }
      }
    },
    end() {
      if (pendingStart >= 0) commit();
      state = 0;
      return { count, data };
    },
    findAll({ text }) {
      matcher.begin();
      matcher.feed({ text, from: 0, to: text.length });
      return toMatches(matcher.end());
    },
  };
  return matcher;
}

/**
 * Which raw page chars (in any shape the fold maps onto a pattern char) can begin a pattern, and
 * which can follow its first char: a second char, or a dropped one with the second further on.
 * Read straight from the raw text, with no fold on the way. Built from the patterns' own chars.
 */
function rawCharTables({ patterns, variants }: { patterns: ReadonlyArray<Pattern>; variants?: VariantTable }) {
  const sourcesOf = sourceLookupFor({ variants });
  const firsts = new Uint8Array(ALPHABET);
  const seconds = new Uint8Array(ALPHABET);
  for (const { text } of patterns) {
    if (text.length === 0) continue;
    for (const source of sourcesOf(text.charAt(0))) firsts[source.charCodeAt(0)] = 1;
    // A one-char pattern is whole at its first char: anything may follow it.
    if (text.length === 1) seconds.fill(1);
    else for (const source of sourcesOf(text.charAt(1))) seconds[source.charCodeAt(0)] = 1;
  }
  for (const char of DROPPED_CHARS) seconds[char.charCodeAt(0)] = 1;
  return { firsts, seconds };
}

export function toMatches({ count, data }: MatchBatch): Match[] {
  const matches: Match[] = [];
  for (let k = 0; k < count; k++) matches.push({ start: data[3 * k]!, end: data[3 * k + 1]!, value: data[3 * k + 2]! });
  return matches;
}

/**
 * Drops, in place, the matches whose neighbourhood (up to `window` folded chars on each side
 * within the match's run, the match itself excluded) holds a skip word and no keep word: 两高 near
 * 最高人民法院 is the courts, not 高耗能、高排放.
 */
export function applySenseRules({
  text,
  batch,
  rules,
  variants,
  window: windowSize = DEFAULT_SENSE_WINDOW,
}: {
  text: string;
  batch: MatchBatch;
  rules: SenseRules;
  variants?: VariantTable;
  window?: number;
}): void {
  if (rules.size === 0 || batch.count === 0) return;
  // A rule none of whose skip words is anywhere in the text cannot drop a match. Where the matches
  // are dense (a segment of the report holds 两高 and its kin hundreds of times), one native search
  // per skip word over the whole text is cheaper than searching each match's neighbourhood; in a
  // 10 Mi-char text with a few matches it is not (it cost 80 ms), and each match is looked at alone.
  let live: Set<SenseRule> | null = null;
  if (text.length <= batch.count * 6 * windowSize) {
    for (const rule of rules.values()) {
      if (skipTestsFor({ rule, variants }).some((test) => test.test(text))) (live ??= new Set()).add(rule);
    }
    if (live === null) return;
  }
  const { data } = batch;
  let kept = 0;
  for (let k = 0; k < batch.count; k++) {
    const start = data[3 * k] as number;
    const end = data[3 * k + 1] as number;
    const value = data[3 * k + 2] as number;
    const rule = rules.get(value);
    if (rule !== undefined && (live === null || live.has(rule)) && isOtherSense({ text, start, end, rule, variants, windowSize })) continue;
    data[3 * kept] = start;
    data[3 * kept + 1] = end;
    data[3 * kept + 2] = value;
    kept++;
  }
  batch.count = kept;
}

const skipTestsOf = new WeakMap<SenseRule, RegExp[]>();

function skipTestsFor({ rule, variants }: { rule: SenseRule; variants: VariantTable | undefined }): RegExp[] {
  let tests = skipTestsOf.get(rule);
  if (tests === undefined) {
    tests = rule.skipWhenNear.filter((word) => word.length > 0).map((form) => formTest({ form, variants }));
    skipTestsOf.set(rule, tests);
  }
  return tests;
}

/** Builds what the sense rules need up front, with the automaton, rather than during a page's first scan. */
export function prepareSenseRules({ rules, variants }: { rules: SenseRules; variants?: VariantTable }): void {
  for (const rule of rules.values()) skipTestsFor({ rule, variants });
}

function isOtherSense({
  text,
  start,
  end,
  rule,
  variants,
  windowSize,
}: {
  text: string;
  start: number;
  end: number;
  rule: SenseRule;
  variants: VariantTable | undefined;
  windowSize: number;
}): boolean {
  // Raw slices three times the window wide, cut at the run's edges, hold the window's folded
  // chars unless the page pads them with more than two dropped chars each; bounded either way.
  let beforeRaw = text.slice(Math.max(0, start - 3 * windowSize), start);
  beforeRaw = beforeRaw.slice(beforeRaw.lastIndexOf(SEPARATOR) + 1);
  let afterRaw = text.slice(end, end + 3 * windowSize);
  const cut = afterRaw.indexOf(SEPARATOR);
  if (cut >= 0) afterRaw = afterRaw.slice(0, cut);
  // Most matches have no skip word anywhere near: native tests on the raw text spare folding it.
  const skipTests = skipTestsFor({ rule, variants });
  if (!skipTests.some((test) => test.test(beforeRaw) || test.test(afterRaw))) return false;
  const before = normalizeTerm({ text: beforeRaw, variants }).slice(-windowSize);
  const after = normalizeTerm({ text: afterRaw, variants }).slice(0, windowSize);
  const isNear = (word: string): boolean => word.length > 0 && (before.includes(word) || after.includes(word));
  return rule.skipWhenNear.some(isNear) && !rule.keepWhenNear.some(isNear);
}

/** The whole pipeline for one piece of page text: match, then apply sense rules. */
export function findTerms({
  text,
  variants,
  matcher,
  senseRules,
  window: windowSize = DEFAULT_SENSE_WINDOW,
}: {
  text: string;
  variants?: VariantTable;
  matcher: Matcher;
  senseRules?: SenseRules;
  window?: number;
}): Match[] {
  matcher.begin();
  matcher.feed({ text, from: 0, to: text.length });
  const batch = matcher.end();
  if (senseRules !== undefined) applySenseRules({ text, batch, rules: senseRules, variants, window: windowSize });
  return toMatches(batch);
}
