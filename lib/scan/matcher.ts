/**
 * Finds glossary terms in page text in one pass (Aho–Corasick over the folded chars, folding on
 * the way), picks non-overlapping matches leftmost-longest, and drops matches whose context shows
 * another sense of the term (the sense rules' context words ride in the same automaton). Offsets
 * always index the raw text, so highlights land on the real characters: a match covers chars
 * dropped inside it (中国\n膜谷, 「马踏湖」) but not those around it.
 */
import { DROP, DROPPED_CHARS, foldTableFor, SEPARATOR, SEPARATOR_FOLD, sourceLookupFor, UNCHANGED, type VariantTable } from './normalize';

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
  /** Per node: the context word it ends, plus one (0 = none; a node may end a term and a context word both). */
  contextWord: Int32Array;
  /** Nearest node on the fail chain, the node itself included, that ends a context word (0 = none). */
  contextLink: Int32Array;
  size: number;
}

/** Builds the automaton; the Map-per-node trie is thrown away once compacted into typed arrays. */
function buildAutomaton({ patterns, contextWords }: { patterns: ReadonlyArray<Pattern>; contextWords: readonly string[] }): Automaton {
  const children: Map<number, number>[] = [new Map()];
  const depthList: number[] = [0];
  const flagList: number[] = [0];
  const valueList: number[] = [0];
  const contextWordList: number[] = [0];
  let size = 0;
  /** The node ending `text`, created with the nodes on its way. */
  const insert = (text: string): number => {
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
        contextWordList.push(0);
        edges.set(code, next);
      }
      node = next;
    }
    return node;
  };
  for (const { text, value } of patterns) {
    if (text.length === 0) continue;
    const node = insert(text);
    // Duplicates keep the first value: the caller lists canonical terms before aliases.
    if (((flagList[node] as number) & TERMINAL) !== 0) continue;
    let flags = TERMINAL;
    if (isAsciiWordChar(text.charCodeAt(0))) flags |= STARTS_WORD;
    if (isAsciiWordChar(text.charCodeAt(text.length - 1))) flags |= ENDS_WORD;
    flagList[node] = flags;
    valueList[node] = value;
    size++;
  }
  contextWords.forEach((word, index) => {
    contextWordList[insert(word)] = index + 1;
  });

  const nodeCount = children.length;
  const fail = new Int32Array(nodeCount);
  const dict = new Int32Array(nodeCount);
  const contextWord = Int32Array.from(contextWordList);
  const contextLink = new Int32Array(nodeCount);
  const flags = Uint8Array.from(flagList);
  // Breadth-first, so every node's fail target (shallower) is final before the node is reached.
  const queue = new Int32Array(nodeCount);
  let head = 0;
  let tail = 0;
  for (const child of (children[0] as Map<number, number>).values()) {
    if (contextWord[child] !== 0) contextLink[child] = child;
    queue[tail++] = child;
  }
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
      contextLink[child] = contextWord[child] !== 0 ? child : (contextLink[target] as number);
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
    contextWord,
    contextLink,
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
  // The rules' context words are found by the automaton on its one pass, beside the terms: a
  // search per word over the text (RegExps, first run interpreted) was a fifth of a cold scan.
  const contextWords = new Map<string, number>();
  const rules = [...(senseRules ?? new Map<number, SenseRule>())];
  for (const [, rule] of rules) {
    for (const word of [...rule.skipWhenNear, ...rule.keepWhenNear]) if (word.length > 0 && !contextWords.has(word)) contextWords.set(word, contextWords.size);
  }
  const automaton = buildAutomaton({ patterns, contextWords: [...contextWords.keys()] });
  const { rootNext, edgeStart, edgeChar, edgeNext, fail, dict, depth, flags, value, contextWord, contextLink, size } = automaton;
  const fold = foldTableFor({ variants });
  const senses = senseTracker({ rules, contextWords, automaton, fold, window: senseWindow });
  const ring = new Int32Array(RING);
  let data = new Int32Array(3 * 1024);
  let count = 0;
  /** The text being fed, for the sense rules' look at the chars between a match and a context word. */
  let currentText = '';
  let pendingRule = -1;
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
    if (3 * count + 3 > data.length) data = grown(data);
    if (pendingRule >= 0) senses.ruled(count, pendingRule);
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
  const { firsts, seconds } = rawCharTables({ patterns: [...patterns.map((p) => p.text), ...contextWords.keys()], variants });

  /** Records the context words ending at raw index `end` (kept apart: most chars end none). */
  const recordContext = (link: number, end: number) => {
    for (let node = link; node !== 0; node = contextLink[fail[node] as number] as number) {
      senses.context(ring[(n - (depth[node] as number)) & (RING - 1)] as number, end, (contextWord[node] as number) - 1);
    }
  };
  const skipAtRoot = (text: string, from: number, to: number): number => {
    // Never reads past the text's end: an out-of-range charCodeAt sends the optimised loop back to
    // the interpreter (a V8 deopt at the end of every segment, which cost a cold scan a third).
    const last = Math.min(to, text.length - 1);
    for (let i = from; i < last; i++) {
      if (firsts[text.charCodeAt(i)] !== 0 && seconds[text.charCodeAt(i + 1)] !== 0) return i;
    }
    // The text's last char goes to the main loop, which needs no next char.
    return last < to ? last : to;
  };

  const matcher: Matcher = {
    size,
    begin() {
      count = 0;
      senses.reset();
      state = 0;
      n = 0;
      lastEnd = 0;
      pendingStart = -1;
    },
    feed({ text, from, to }) {
      currentText = text;
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
        const link = contextLink[node] as number;
        if (link !== 0) recordContext(link, i + 1);
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
                pendingRule = senses.ruleOf[out] as number;
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
      count = senses.apply(currentText, data, count);
      currentText = '';
      return { count, data };
    },
    findAll({ text }) {
      matcher.begin();
      matcher.feed({ text, from: 0, to: text.length });
      return toMatches(matcher.end());
    },
  };
  // Every context word, each ruled term right after them (so a rule is weighed), the terms with
  // ASCII edges (whole-word checks) and a sample of the rest: enough for every branch of the loop,
  // at a fraction of the glossary's length.
  const edgeCases = patterns
    .filter(({ text, value }) => senseRules?.has(value) || isAsciiWordChar(text.charCodeAt(0)) || isAsciiWordChar(text.charCodeAt(text.length - 1)))
    .map((p) => p.text);
  const stride = Math.max(1, Math.ceil(patterns.length / PRIMING_SAMPLE));
  const sample = patterns.filter((_, index) => index % stride === 0).map((p) => p.text);
  primeMatcher({ matcher, words: [...contextWords.keys(), ...edgeCases, ...sample], sourcesOf: sourceLookupFor({ variants }) });
  return matcher;
}

/**
 * Runs the matcher once over its own words, in the shapes pages write them (Traditional, upper
 * case, full width, spaced, quoted, in runs of their own), fed in short windows. V8 allocates a
 * function's type feedback only after several calls, and an optimised loop that meets a branch it
 * has no feedback for is thrown away: on a page's first scan, the first run separator or dropped
 * char after optimisation sent the automaton back to the interpreter, and a cold scan took twice
 * as long. Costs well under a millisecond, once, when the matcher is built.
 */
function primeMatcher({ matcher, words, sourcesOf }: { matcher: Matcher; words: readonly string[]; sourcesOf: (char: string) => string[] }) {
  const shapes = words.map((word, w) => {
    const chars = [...word].map((char, c) => {
      const sources = sourcesOf(char);
      return sources[(w + c) % sources.length] as string;
    });
    if (w % 3 === 1 && chars.length > 1) chars.splice(1, 0, ' ');
    return w % 4 === 2 ? `“${chars.join('')}”` : chars.join('');
  });
  // Ends in text no term starts in, so the skip at the root also runs to a window's end and the text's.
  const text = shapes.map((shape, w) => (w % 5 === 4 ? `${shape}${SEPARATOR}` : `${shape}的`)).join('') + '的'.repeat(2 * PRIMING_WINDOW);
  matcher.begin();
  for (let from = 0; from < text.length; from += PRIMING_WINDOW) matcher.feed({ text, from, to: Math.min(text.length, from + PRIMING_WINDOW) });
  matcher.end();
}

const PRIMING_WINDOW = 64;
const PRIMING_SAMPLE = 60;

/**
 * Which raw page chars (in any shape the fold maps onto a pattern char) can begin a pattern, and
 * which can follow its first char: a second char, or a dropped one with the second further on.
 * Read straight from the raw text, with no fold on the way. Built from the patterns' own chars.
 */
function rawCharTables({ patterns, variants }: { patterns: readonly string[]; variants?: VariantTable }) {
  const sourcesOf = sourceLookupFor({ variants });
  const firsts = new Uint8Array(ALPHABET);
  const seconds = new Uint8Array(ALPHABET);
  for (const text of patterns) {
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

/** Doubles a buffer, keeping what it holds. */
function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/**
 * The sense rules on the matcher's side: which automaton nodes end a ruled term (and under which
 * rule), the context words and ruled matches of the text being fed, and the verdict at its end.
 * Positional methods, like the rest of the matcher's per-char path.
 */
function senseTracker({ rules, contextWords, automaton, fold, window }: {
  rules: ReadonlyArray<readonly [number, SenseRule]>;
  contextWords: ReadonlyMap<string, number>;
  automaton: Automaton;
  fold: Uint16Array;
  window: number;
}) {
  const words = contextWords.size;
  const ruleOf = new Int32Array(automaton.depth.length).fill(-1);
  const ruleIndex = new Map(rules.map(([value], index) => [value, index]));
  for (let node = 1; node < ruleOf.length; node++) {
    if (((automaton.flags[node] as number) & TERMINAL) !== 0) ruleOf[node] = ruleIndex.get(automaton.value[node] as number) ?? -1;
  }
  const skips = new Uint8Array(rules.length * words);
  const keeps = new Uint8Array(rules.length * words);
  rules.forEach(([, rule], index) => {
    for (const word of rule.skipWhenNear) if (word.length > 0) skips[index * words + (contextWords.get(word) as number)] = 1;
    for (const word of rule.keepWhenNear) if (word.length > 0) keeps[index * words + (contextWords.get(word) as number)] = 1;
  });
  /** Context words found: (raw start, raw end, word) triples, in order of their ends. */
  let hits = new Int32Array(3 * 64);
  let hitCount = 0;
  /** Matches a rule may drop: (match index, rule) pairs. */
  let ruled = new Int32Array(2 * 64);
  let ruledCount = 0;

  /**
   * Whether text[from, to) holds at most `window` folded chars and no run separator: a context
   * word that far from a match is in its neighbourhood. Dropped chars (spaces, quotes) do not
   * count, up to a bound on how many raw chars are looked at.
   */
  const isNear = (text: string, from: number, to: number) => {
    if (to - from > NEAR_RAW_FACTOR * window) return false;
    let folded = 0;
    for (let i = from; i < to; i++) {
      const f = fold[text.charCodeAt(i)] as number;
      if (f === SEPARATOR_FOLD) return false;
      if (f !== DROP && ++folded > window) return false;
    }
    return true;
  };

  return {
    ruleOf,
    reset() {
      hitCount = 0;
      ruledCount = 0;
    },
    /** A context word found at raw text[start, end). */
    context(start: number, end: number, word: number) {
      if (3 * hitCount + 3 > hits.length) hits = grown(hits);
      hits[3 * hitCount] = start;
      hits[3 * hitCount + 1] = end;
      hits[3 * hitCount + 2] = word;
      hitCount++;
    },
    /** Match number `index` is a term under rule `rule`. */
    ruled(index: number, rule: number) {
      if (2 * ruledCount + 2 > ruled.length) ruled = grown(ruled);
      ruled[2 * ruledCount] = index;
      ruled[2 * ruledCount + 1] = rule;
      ruledCount++;
    },
    /** Drops, in place, the ruled matches whose neighbourhood says they are the other sense; returns the new count. */
    apply(text: string, data: Int32Array, count: number): number {
      if (ruledCount === 0 || hitCount === 0) return count;
      let kept = 0;
      let next = 0;
      // Context hits end in order and ruled matches come in order: the first hit that can still be
      // near a match only moves forward.
      let first = 0;
      for (let m = 0; m < count; m++) {
        const start = data[3 * m] as number;
        const end = data[3 * m + 1] as number;
        let drop = false;
        if (next < ruledCount && ruled[2 * next] === m) {
          const rule = ruled[2 * next + 1] as number;
          next++;
          while (first < hitCount && (hits[3 * first + 1] as number) < start - NEAR_RAW_FACTOR * window) first++;
          let skip = false;
          let keep = false;
          for (let h = first; h < hitCount && (hits[3 * h + 1] as number) <= end + NEAR_RAW_FACTOR * window; h++) {
            const word = rule * words + (hits[3 * h + 2] as number);
            if (skips[word] === 0 && keeps[word] === 0) continue;
            const hitStart = hits[3 * h] as number;
            const hitEnd = hits[3 * h + 1] as number;
            if (!((hitEnd <= start && isNear(text, hitStart, start)) || (hitStart >= end && isNear(text, end, hitEnd)))) continue;
            if (keeps[word] !== 0) keep = true;
            else skip = true;
          }
          drop = skip && !keep;
        }
        if (drop) continue;
        data[3 * kept] = start;
        data[3 * kept + 1] = end;
        data[3 * kept + 2] = data[3 * m + 2] as number;
        kept++;
      }
      return kept;
    },
  };
}

/** A context word is looked for at most this many raw chars per folded char of the window away. */
const NEAR_RAW_FACTOR = 4;
