/**
 * Finds glossary terms in folded page text in one pass (Aho–Corasick), picks non-overlapping
 * matches leftmost-longest, and drops matches whose context shows another sense of the term.
 */
import { decodeUnits, foldToUnits, type FoldedUnits, type VariantTable } from './normalize';

export interface Pattern {
  /** Already folded with normalizeTerm, exactly as the page text will be. */
  text: string;
  /** The caller's id for the pattern (an index into its term table); returned with each match. */
  value: number;
}

/** Offsets are UTF-16 indices, end exclusive. */
export interface Match {
  start: number;
  end: number;
  value: number;
}

export interface SenseRule {
  /** Folded words that signal the other sense: the match is dropped when one is near… */
  skipWhenNear: readonly string[];
  /** …unless one of these folded words, confirming this sense, is near too. */
  keepWhenNear: readonly string[];
}

/** Keyed by pattern value. */
export type SenseRules = ReadonlyMap<number, SenseRule>;

export interface Matcher {
  /** Distinct non-empty patterns in the automaton. */
  readonly size: number;
  /**
   * Non-overlapping matches in folded text, in order. Pass the `map` from normalizeText so that
   * letters separated on the page by a space or quote count as separate words (gdp in "GDP R"),
   * although folding glued them together.
   */
  findAll(args: { text: string; map?: Uint32Array }): Match[];
  /** The same over folded code units (foldToUnits), without building a string. */
  findFolded(args: FoldedUnits): Match[];
}

export const DEFAULT_SENSE_WINDOW = 40;

const TERMINAL = 1;
const STARTS_WORD = 2;
const ENDS_WORD = 4;
const ALPHABET = 0x10000;
// Nodes with few edges (almost all of them) are scanned linearly; binary search only pays off beyond.
const LINEAR_EDGE_SCAN = 8;

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

/** The child of a non-root node by char, or 0 when there is none (0 is the root, never a child). */
// Positional, unlike the rest: it runs once per character, and an argument object per call is
// what cold (not yet optimised) code pays for most on a page's first scan.
function childOf(automaton: Automaton, node: number, code: number): number {
  const { edgeStart, edgeChar, edgeNext } = automaton;
  let lo = edgeStart[node] as number;
  let hi = edgeStart[node + 1] as number;
  if (hi - lo <= LINEAR_EDGE_SCAN) {
    for (; lo < hi; lo++) if (edgeChar[lo] === code) return edgeNext[lo] as number;
    return 0;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = edgeChar[mid] as number;
    if (c === code) return edgeNext[mid] as number;
    if (c < code) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

/**
 * ASCII-edged patterns must stand as whole words (gdp not in gdpr, 5+n not in 15+n). A neighbour
 * that was separated from the match on the page by a dropped char (space, quote) does not count.
 */
function isWholeWord({
  units,
  length,
  map,
  flags,
  start,
  end,
}: {
  units: Uint16Array;
  length: number;
  map: Uint32Array | undefined;
  flags: number;
  start: number;
  end: number;
}): boolean {
  if (
    (flags & STARTS_WORD) !== 0 &&
    start > 0 &&
    isAsciiWordChar(units[start - 1] as number) &&
    (map === undefined || (map[start] as number) - (map[start - 1] as number) === 1)
  ) {
    return false;
  }
  if (
    (flags & ENDS_WORD) !== 0 &&
    end < length &&
    isAsciiWordChar(units[end] as number) &&
    (map === undefined || (map[end] as number) - (map[end - 1] as number) === 1)
  ) {
    return false;
  }
  return true;
}

/**
 * Leftmost-longest without collecting every overlapping candidate: only the best pending match is
 * kept, and it is committed once the automaton's depth proves no match can still start at or
 * before it (any future match is a suffix of the current state's path).
 */
function scan({
  automaton,
  units,
  length,
  map,
}: {
  automaton: Automaton;
  units: Uint16Array;
  length: number;
  map: Uint32Array | undefined;
}): Match[] {
  const { rootNext, fail, dict, depth, flags, value } = automaton;
  const matches: Match[] = [];
  let state = 0;
  let lastEnd = 0;
  let pendingStart = -1;
  let pendingEnd = 0;
  let pendingValue = 0;
  for (let i = 0; i < length; i++) {
    const code = units[i] as number;
    let node = state;
    for (;;) {
      if (node === 0) {
        node = rootNext[code] as number;
        break;
      }
      const next = childOf(automaton, node, code);
      if (next !== 0) {
        node = next;
        break;
      }
      node = fail[node] as number;
    }
    state = node;
    const end = i + 1;
    if (node !== 0) {
      // Longest first: the longest match ending here starts earliest, so the first acceptable one wins.
      let out = ((flags[node] as number) & TERMINAL) !== 0 ? node : (dict[node] as number);
      while (out !== 0) {
        const start = end - (depth[out] as number);
        if (pendingStart >= 0 && start > pendingStart) break;
        if (
          start >= lastEnd &&
          (((flags[out] as number) & (STARTS_WORD | ENDS_WORD)) === 0 || isWholeWord({ units, length, map, flags: flags[out] as number, start, end }))
        ) {
          pendingStart = start;
          pendingEnd = end;
          pendingValue = value[out] as number;
          break;
        }
        out = dict[out] as number;
      }
    }
    if (pendingStart >= 0 && end - (depth[node] as number) > pendingStart) {
      matches.push({ start: pendingStart, end: pendingEnd, value: pendingValue });
      lastEnd = pendingEnd;
      pendingStart = -1;
    }
  }
  if (pendingStart >= 0) matches.push({ start: pendingStart, end: pendingEnd, value: pendingValue });
  return matches;
}

export function buildMatcher({ patterns }: { patterns: ReadonlyArray<Pattern> }): Matcher {
  const automaton = buildAutomaton({ patterns });
  return {
    size: automaton.size,
    findAll: ({ text, map }) => {
      const units = new Uint16Array(text.length);
      for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
      return scan({ automaton, units, length: text.length, map });
    },
    findFolded: ({ units, length, map }) => scan({ automaton, units, length, map }),
  };
}

/**
 * Drops matches whose neighbourhood (up to `window` folded chars on each side, the match itself
 * excluded) holds a skip word and no keep word: 两高 near 最高人民法院 is the courts, not 高耗能、高排放.
 */
export function applySenseRules({
  text,
  matches,
  rules,
  window: windowSize = DEFAULT_SENSE_WINDOW,
}: {
  text: string;
  matches: readonly Match[];
  rules: SenseRules;
  window?: number;
}): Match[] {
  if (rules.size === 0) return matches.slice();
  return matches.filter((match) => {
    const rule = rules.get(match.value);
    if (rule === undefined) return true;
    // Slicing the two short windows keeps each check bounded; indexOf over the page could run to its end.
    const before = text.slice(Math.max(0, match.start - windowSize), match.start);
    const after = text.slice(match.end, match.end + windowSize);
    const isNear = (word: string): boolean => word.length > 0 && (before.includes(word) || after.includes(word));
    if (!rule.skipWhenNear.some(isNear)) return true;
    return rule.keepWhenNear.some(isNear);
  });
}

/**
 * The whole pipeline for one piece of page text: fold, match, apply sense rules, and map back to
 * offsets in the ORIGINAL text. A span covers chars dropped inside the term (中国\n膜谷, 「马踏湖」)
 * but not those just outside it, so wrapping quotes stay unhighlighted.
 */
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
  const folded = foldToUnits({ text, variants });
  let matches = matcher.findFolded(folded);
  if (matches.length === 0) return matches;
  const { units, length, map } = folded;
  // Only a match with a sense rule needs the folded text as a string, to look at its context.
  if (senseRules !== undefined && senseRules.size > 0 && matches.some((m) => senseRules.has(m.value))) {
    const foldedText = decodeUnits({ units: units.subarray(0, length) });
    matches = applySenseRules({ text: foldedText, matches, rules: senseRules, window: windowSize });
  }
  for (const match of matches) {
    const end = match.end;
    match.start = map[match.start] as number;
    // Map the last char, not the end: map[end] would swallow dropped chars after the term.
    match.end = (map[end - 1] as number) + 1;
  }
  return matches;
}
