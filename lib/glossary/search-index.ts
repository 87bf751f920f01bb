/**
 * Searches the glossary the way people type Chinese: characters (Simplified or Traditional),
 * toneless pinyin with or without spaces, pinyin initials, English names, summaries and the
 * report's numbers (8万亩, 4.5%). Built once and shared by the popup and the glossary page.
 *
 * Ranking comes in tiers: exact matches of a whole form, then prefixes, then substrings at a
 * word or syllable boundary, all found by plain string comparison over precomputed keys; only
 * then Fuse adds typo-tolerant matches. Every result carries the text to show and the character
 * ranges to mark in it, so the UI never needs markup.
 */
import Fuse from 'fuse.js';
import type { Glossary, GlossaryEntry, Target } from './types';
import { normalizeText, normalizeTerm, type VariantTable } from '../scan/normalize';

export type SearchField = 'term' | 'alias' | 'english' | 'pinyin' | 'initials' | 'summary' | 'target';

/** How a result was found, best first. */
export type SearchTier = 'exact' | 'prefix' | 'contains' | 'fuzzy';

export interface SearchHighlight {
  /**
   * What to show for the match: the term or the alias typed (中國膜谷), the English name, the
   * summary, or a target as "indicator value+unit" (建成高标准农田 8万亩). Pinyin and initials
   * matches show the term.
   */
  text: string;
  /** [start, endExclusive) UTF-16 offsets into `text`, sorted and not overlapping. */
  ranges: Array<[number, number]>;
}

export interface SearchResult {
  entry: GlossaryEntry;
  /** 0 is a perfect match, 1 the worst; results come sorted by it, ascending. */
  score: number;
  field: SearchField;
  tier: SearchTier;
  highlight: SearchHighlight;
}

export interface SearchIndex {
  search(options: { query: string; limit?: number }): SearchResult[];
}

export const DEFAULT_LIMIT = 20;
/** Longer than any key in the glossary: past it nothing can match exactly, by prefix or inside. */
const MAX_QUERY = 256;
/** Nobody types this much with a typo in it; fuzzy matching a page-long paste only costs time. */
const MAX_FUZZY_INPUT = 64;
/** Fuse's bitap cost grows with the pattern; a typo'd name is recognisable from its start. */
const MAX_FUZZY_PATTERN = 20;
/**
 * A query this long that already matches verbatim somewhere is being typed right: fuzzy
 * neighbours would only be noise after it, and they are the expensive part of a keystroke.
 */
const SURE_QUERY_LENGTH = 6;
const FUZZY_THRESHOLD = 0.35;
/** Shorter patterns let one error match half the glossary (gdp ≈ jingdian). */
const MIN_FUZZY_CJK = 3;
const MIN_FUZZY_LATIN = 4;

const TIER_BASE: Record<SearchTier, number> = { exact: 0, prefix: 0.1, contains: 0.2, fuzzy: 0.3 };
/** Within a tier: the term before its aliases, before pinyin, … before the summary. */
const FIELD_RANK: Record<SearchField, number> = {
  term: 0,
  alias: 1,
  pinyin: 2,
  initials: 3,
  english: 4,
  target: 5,
  summary: 6,
};

type Range = [number, number];
type Located = { tier: Exclude<SearchTier, 'fuzzy'>; start: number };

/** One spelling of an entry (term or alias); spellings equal once normalised share a group. */
interface Spelling {
  field: 'term' | 'alias';
  text: string;
  /** normalizeText(text, variants).map: key offset → text offset. */
  map: Uint32Array;
  /** Normalised without the variant table, to tell 中國膜谷 from 中国膜谷; computed when needed. */
  rawKey?: string;
}

interface FormGroup {
  /** normalizeTerm(text, variants): identical for every spelling in the group. */
  key: string;
  field: 'term' | 'alias';
  spellings: Spelling[];
}

/** A latin key (pinyin, initials, English) with the offsets where syllables or words start. */
interface LatinKey {
  key: string;
  /** starts[i] is where unit i begins in key; starts[units] === key.length. */
  starts: number[];
  boundaries: Set<number>;
}

interface IndexedTarget {
  text: string;
  valueStart: number;
  /**
   * value+unit+以上/左右, value+unit, then the bare value; `end` is where in `text` the marked
   * number ends (the comparator is not in `text`).
   */
  keys: Array<{ key: string; end: number }>;
}

interface IndexedEntry {
  entry: GlossaryEntry;
  order: number;
  groups: FormGroup[];
  /** For each pinyin unit (syllable, or literal token such as 5+N), the term characters it reads. */
  unitChars: Range[];
  /** Joined toneless pinyin: ü as u, and (when the entry has one) ü as v. */
  pinyin: LatinKey[];
  initials: LatinKey[];
  english: EnglishKey;
  /** Normalised on the first search that reads it: most searches never get that far. */
  summary?: { key: string; map: Uint32Array };
  targets: IndexedTarget[];
}

interface Candidate {
  score: number;
  field: SearchField;
  tier: SearchTier;
  /** Deferred: only the results that survive the limit pay for their highlight. */
  highlight: () => SearchHighlight;
}

type Offer = (item: IndexedEntry, candidate: Candidate) => void;

// ——— Text folding ———

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Tone marks off (ü becomes u); NFKD also folds full-width letters. ASCII text skips the slow
 * Unicode normalisation, and the mark class is spelled out because \p{M} costs a large regex
 * compilation on first use.
 */
function stripMarks(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFKD').replace(COMBINING_MARKS, '') : text;
}

/** What a query is compared with latin keys as: letters and digits, tones and ü dropped. */
function latinQueryKey(query: string): string {
  return stripMarks(query)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Tone-marked pinyin vowels → the plain letter; ü is handled apart (typed u or v). */
const PINYIN_VOWELS: Record<string, string> = {};
for (const [plain, marked] of [
  ['a', 'āáǎà'],
  ['e', 'ēéěèê'],
  ['i', 'īíǐì'],
  ['o', 'ōóǒò'],
  ['u', 'ūúǔù'],
  ['m', 'ḿ'],
  ['n', 'ńňǹ'],
] as const) {
  for (const ch of marked) PINYIN_VOWELS[ch] = plain;
}
for (const ch of 'üǖǘǚǜ') PINYIN_VOWELS[ch] = 'ü';
const TONED = /[āáǎàēéěèêīíǐìōóǒòūúǔùḿńňǹüǖǘǚǜ]/g;

/**
 * A pinyin syllable toneless, with both ways of typing ü; u === '' when it has no latin letter.
 * A lookup and two native replaces, not normalize(): this runs for every syllable at build time.
 */
function tonelessSyllable(token: string): { u: string; v: string } {
  let lower = token.toLowerCase();
  if (NON_ASCII.test(lower)) {
    if (lower.includes('\u0308')) lower = lower.normalize('NFC');
    lower = lower.replace(TONED, (ch) => PINYIN_VOWELS[ch] ?? ch);
  }
  if (!lower.includes('ü')) {
    const plain = lower.replace(/[^a-z]/g, '');
    return { u: plain, v: plain };
  }
  return { u: lower.replace(/ü/g, 'u').replace(/[^a-z]/g, ''), v: lower.replace(/ü/g, 'v').replace(/[^a-z]/g, '') };
}

/** Characters a pinyin syllable can read: CJK ideographs, ASCII letters and digits. */
function isReadable(code: number): boolean {
  return (
    (code >= 0x3400 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x3ffff) ||
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a)
  );
}

const isAlnumCode = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);

interface EnglishKey {
  key: string;
  wordStarts: Set<number>;
  /** key offset → offset in the English name; built when a result needs its highlight. */
  map?: number[];
}

/** The English name as letters and digits only, lower-cased, with where its words start. */
function englishKey(text: string): EnglishKey {
  const lower = text.toLowerCase();
  if (NON_ASCII.test(lower)) return foldLatin(text);
  const wordStarts = new Set<number>();
  let key = '';
  for (const word of lower.match(/[a-z0-9]+/g) ?? []) {
    wordStarts.add(key.length);
    key += word;
  }
  return { key, wordStarts };
}

function englishMap(english: EnglishKey, text: string): number[] {
  english.map ??= foldLatin(text).map;
  return english.map;
}

/** Lower-case latin letters and digits only, with a map back to the original offsets. */
function foldLatin(text: string): { key: string; map: number[]; wordStarts: Set<number> } {
  let key = '';
  const map: number[] = [];
  const wordStarts = new Set<number>();
  let inWord = false;
  // Char by char, so offsets stay those of `text` whatever lower-casing a whole string would do.
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0x41 && code <= 0x5a) code += 0x20;
    // Accented or full-width letters: fold the one char (rare in English names).
    else if (code >= 0x80) code = stripMarks(text.charAt(i)).toLowerCase().charCodeAt(0);
    if (isAlnumCode(code)) {
      if (!inWord) wordStarts.add(key.length);
      key += String.fromCharCode(code);
      map.push(i);
      inWord = true;
    } else {
      inWord = false;
    }
  }
  return { key, map, wordStarts };
}

function latinKeyOf(parts: string[]): LatinKey {
  const starts: number[] = [];
  let key = '';
  for (const part of parts) {
    starts.push(key.length);
    key += part;
  }
  starts.push(key.length);
  return { key, starts, boundaries: new Set(starts) };
}

// ——— Index ———

/**
 * Splits the tone-marked pinyin into units aligned with the term's characters: a syllable reads
 * one character (punctuation the pinyin leaves out is skipped), a token written in the term itself
 * (5+N, 100%, 、) reads itself and is typed as its letters and digits.
 */
function alignPinyin({ term, pinyin }: { term: string; pinyin: string }): Array<{
  chars: Range;
  u: string;
  v: string;
  syllable: boolean;
}> {
  const units: Array<{ chars: Range; u: string; v: string; syllable: boolean }> = [];
  let pos = 0;
  for (const token of pinyin.split(' ')) {
    if (token === '') continue;
    while (pos < term.length && term.charCodeAt(pos) <= 0x20) pos++;
    if (term.startsWith(token, pos)) {
      const u = latinQueryKey(token);
      if (u !== '') units.push({ chars: [pos, pos + token.length], u, v: u, syllable: false });
      pos += token.length;
      continue;
    }
    const { u, v } = tonelessSyllable(token);
    if (u === '') continue;
    while (pos < term.length && !isReadable(term.codePointAt(pos) as number)) pos++;
    const width = (term.codePointAt(pos) ?? 0) > 0xffff ? 2 : 1;
    units.push({ chars: [Math.min(pos, term.length), Math.min(pos + width, term.length)], u, v, syllable: true });
    pos += width;
  }
  return units;
}

function indexEntry({ entry, order, variants }: { entry: GlossaryEntry; order: number; variants: VariantTable }): IndexedEntry {
  const groups: FormGroup[] = [];
  const addSpelling = (field: 'term' | 'alias', text: string) => {
    const { text: key, map } = normalizeText({ text, variants });
    if (key === '') return;
    let group = groups.find((g) => g.key === key);
    if (group === undefined) {
      group = { key, field, spellings: [] };
      groups.push(group);
    }
    group.spellings.push({ field, text, map });
  };
  addSpelling('term', entry.term);
  for (const alias of entry.aliases) addSpelling('alias', alias);

  const units = alignPinyin({ term: entry.term, pinyin: entry.pinyin });
  const uParts: string[] = [];
  const vParts: string[] = [];
  const uInitialParts: string[] = [];
  const vInitialParts: string[] = [];
  for (const unit of units) {
    uParts.push(unit.u);
    vParts.push(unit.v);
    uInitialParts.push(unit.syllable ? unit.u.charAt(0) : unit.u);
    vInitialParts.push(unit.syllable ? unit.v.charAt(0) : unit.v);
  }
  const uKey = latinKeyOf(uParts);
  const uInitials = latinKeyOf(uInitialParts);
  const hasV = vParts.some((part, i) => part !== uParts[i]);

  return {
    entry,
    order,
    groups,
    unitChars: units.map((unit) => unit.chars),
    pinyin: hasV ? [uKey, latinKeyOf(vParts)] : [uKey],
    initials: hasV && vInitialParts.join('') !== uInitials.key ? [uInitials, latinKeyOf(vInitialParts)] : [uInitials],
    english: englishKey(entry.english),
    targets: entry.targets.map((target) => indexTarget({ target, variants })),
  };
}

function indexTarget({ target, variants }: { target: Target; variants: VariantTable }): IndexedTarget {
  const valueStart = target.indicator.length + 1;
  const valueEnd = valueStart + target.value.length;
  const unitEnd = valueEnd + target.unit.length;
  const keys: IndexedTarget['keys'] = [];
  // The report writes 增长6%以上, 7%左右: typed that way, the comparator is part of the number.
  const suffix = ['以上', '左右'].find((word) => target.comparator.endsWith(word));
  if (suffix !== undefined) {
    keys.push({ key: normalizeTerm({ text: target.value + target.unit + suffix, variants }), end: unitEnd });
  }
  if (target.unit !== '') keys.push({ key: normalizeTerm({ text: target.value + target.unit, variants }), end: unitEnd });
  keys.push({ key: normalizeTerm({ text: target.value, variants }), end: valueEnd });
  return {
    text: `${target.indicator} ${target.value}${target.unit}`,
    valueStart,
    keys: keys.filter((k) => k.key !== ''),
  };
}

// ——— Matching helpers ———

/** exact / prefix / contains (only at one of `boundaries`, if given): where and how. */
function locate({
  key,
  query,
  boundaries,
  allowContains,
}: {
  key: string;
  query: string;
  boundaries?: Set<number>;
  allowContains: boolean;
}): Located | undefined {
  if (key.length < query.length) return undefined;
  if (key.startsWith(query)) return { tier: key.length === query.length ? 'exact' : 'prefix', start: 0 };
  if (!allowContains) return undefined;
  let at = key.indexOf(query, 1);
  while (at !== -1) {
    if (boundaries === undefined || boundaries.has(at)) return { tier: 'contains', start: at };
    at = key.indexOf(query, at + 1);
  }
  return undefined;
}

/** Tier, then field, then how much of the form the query covers (城市体检 before 城市有机更新). */
function scoreOf({ tier, field, coverage }: { tier: Located['tier']; field: SearchField; coverage: number }): number {
  return TIER_BASE[tier] + FIELD_RANK[field] * 0.01 + (1 - Math.min(1, coverage)) * 0.0099;
}

function fuzzyScore({ fuseScore, field }: { fuseScore: number | undefined; field: SearchField }): number {
  return TIER_BASE.fuzzy + 0.69 * Math.min(1, Math.max(0, fuseScore ?? 1)) + FIELD_RANK[field] * 0.001;
}

function mergeRanges(ranges: Range[]): Range[] {
  const sorted = ranges.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Range[] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** A span of a normalised key back onto the original text (dropped chars inside stay covered). */
function mapRange(map: ArrayLike<number>, start: number, end: number): Range[] {
  if (end <= start) return [];
  return [[map[start] as number, (map[end - 1] as number) + 1]];
}

/** Term characters read by the pinyin units overlapping [start, end) of a latin key. */
function unitRanges({ key, unitChars, start, end }: { key: LatinKey; unitChars: Range[]; start: number; end: number }): Range[] {
  const ranges: Range[] = [];
  for (let i = 0; i < unitChars.length; i++) {
    const chars = unitChars[i] as Range;
    if ((key.starts[i] as number) < end && (key.starts[i + 1] as number) > start) ranges.push([chars[0], chars[1]]);
  }
  return mergeRanges(ranges);
}

/**
 * Where a typo'd pattern best fits inside a text: approximate substring matching (Sellers), the
 * span with the fewest edits. Only run for the results shown, on short strings (≤ 20 × ~120).
 */
function bestFuzzySpan(pattern: string, text: string): Range {
  const m = pattern.length;
  const n = text.length;
  if (m === 0 || n === 0) return [0, 0];
  const cols = n + 1;
  let cost = new Uint16Array(cols);
  let from = new Uint32Array(cols);
  for (let j = 0; j <= n; j++) from[j] = j;
  for (let i = 1; i <= m; i++) {
    const nextCost = new Uint16Array(cols);
    const nextFrom = new Uint32Array(cols);
    nextCost[0] = i;
    for (let j = 1; j <= n; j++) {
      let best = (cost[j - 1] as number) + (pattern.charCodeAt(i - 1) === text.charCodeAt(j - 1) ? 0 : 1);
      let origin = from[j - 1] as number;
      if ((cost[j] as number) + 1 < best) {
        best = (cost[j] as number) + 1;
        origin = from[j] as number;
      }
      if ((nextCost[j - 1] as number) + 1 < best) {
        best = (nextCost[j - 1] as number) + 1;
        origin = nextFrom[j - 1] as number;
      }
      nextCost[j] = best;
      nextFrom[j] = origin;
    }
    cost = nextCost;
    from = nextFrom;
  }
  let end = 1;
  for (let j = 2; j <= n; j++) if ((cost[j] as number) < (cost[end] as number)) end = j;
  return [from[end] as number, end];
}

// ——— Tiers: exact, prefix, contains ———

function matchForms({ item, q, rawQ, offer }: { item: IndexedEntry; q: string; rawQ: string; offer: Offer }): void {
  for (const group of item.groups) {
    const found = locate({ key: group.key, query: q, allowContains: true });
    if (found === undefined) continue;
    // Show the spelling the reader typed: 中國膜谷 finds 中国膜谷 and shows the Traditional alias.
    let spelling = group.spellings[0] as Spelling;
    if (group.spellings.length > 1) {
      for (const s of group.spellings) {
        s.rawKey ??= normalizeTerm({ text: s.text });
        if (s.rawKey.startsWith(rawQ, found.start)) {
          spelling = s;
          break;
        }
      }
    }
    const chosen = spelling;
    offer(item, {
      score: scoreOf({ tier: found.tier, field: group.field, coverage: q.length / group.key.length }),
      field: chosen.field,
      tier: found.tier,
      highlight: () => ({ text: chosen.text, ranges: mapRange(chosen.map, found.start, found.start + q.length) }),
    });
  }
}

function matchLatin({ item, latinQ, offer }: { item: IndexedEntry; latinQ: string; offer: Offer }): void {
  for (const field of ['pinyin', 'initials'] as const) {
    for (const key of item[field]) {
      // Initials only from the start: two letters inside a run of initials are mostly chance.
      const found = locate({ key: key.key, query: latinQ, boundaries: key.boundaries, allowContains: field === 'pinyin' });
      if (found === undefined) continue;
      offer(item, {
        score: scoreOf({ tier: found.tier, field, coverage: latinQ.length / key.key.length }),
        field,
        tier: found.tier,
        highlight: () => ({
          text: item.entry.term,
          ranges: unitRanges({ key, unitChars: item.unitChars, start: found.start, end: found.start + latinQ.length }),
        }),
      });
    }
  }
  const english = item.english;
  const found = locate({ key: english.key, query: latinQ, boundaries: english.wordStarts, allowContains: true });
  if (found !== undefined) {
    offer(item, {
      score: scoreOf({ tier: found.tier, field: 'english', coverage: latinQ.length / english.key.length }),
      field: 'english',
      tier: found.tier,
      highlight: () => ({
        text: item.entry.english,
        ranges: mapRange(englishMap(english, item.entry.english), found.start, found.start + latinQ.length),
      }),
    });
  }
}

function matchTargets({ item, q, offer }: { item: IndexedEntry; q: string; offer: Offer }): void {
  for (const target of item.targets) {
    for (const { key, end } of target.keys) {
      // Numbers match whole or by their start only: 8万亩 must not find 58万亩.
      const found = locate({ key, query: q, allowContains: false });
      if (found === undefined) continue;
      offer(item, {
        score: scoreOf({ tier: found.tier, field: 'target', coverage: q.length / key.length }),
        field: 'target',
        tier: found.tier,
        highlight: () => {
          if (found.tier === 'exact') return { text: target.text, ranges: [[target.valueStart, end]] };
          // A prefix of the number: mark as much of it as the query covers.
          const valueText = target.text.slice(target.valueStart, end);
          const { map } = normalizeText({ text: valueText });
          const covered = Math.min(q.length, map.length - 1);
          return { text: target.text, ranges: mapRange(map, 0, covered).map(([s, e]): Range => [s + target.valueStart, e + target.valueStart]) };
        },
      });
      break;
    }
  }
}

function matchSummary({ item, q, variants, offer }: { item: IndexedEntry; q: string; variants: VariantTable; offer: Offer }): void {
  if (item.summary === undefined) {
    const { text, map } = normalizeText({ text: item.entry.summary, variants });
    item.summary = { key: text, map };
  }
  const summary = item.summary;
  const at = summary.key.indexOf(q);
  if (at === -1) return;
  // A phrase of the summary is never as telling as a name, wherever in the summary it sits.
  offer(item, {
    score: scoreOf({ tier: 'contains', field: 'summary', coverage: 0 }),
    field: 'summary',
    tier: 'contains',
    highlight: () => ({ text: item.entry.summary, ranges: mapRange(summary.map, at, at + q.length) }),
  });
}

// ——— The index ———

/** Fuse instances over flat string lists (one key, no object walking), created on first need. */
interface FuzzyIndex {
  cjk: Fuse<string>;
  cjkOwners: Array<{ item: IndexedEntry; group: FormGroup }>;
  english: Fuse<string>;
  pinyin: Fuse<string>;
  pinyinOwners: Array<{ item: IndexedEntry; key: LatinKey }>;
}

function buildFuzzyIndex(indexed: IndexedEntry[]): FuzzyIndex {
  const cjkRecords: string[] = [];
  const cjkOwners: FuzzyIndex['cjkOwners'] = [];
  const englishRecords: string[] = [];
  const pinyinRecords: string[] = [];
  const pinyinOwners: FuzzyIndex['pinyinOwners'] = [];
  for (const item of indexed) {
    for (const group of item.groups) {
      cjkRecords.push(group.key);
      cjkOwners.push({ item, group });
    }
    englishRecords.push(item.entry.english);
    for (const key of item.pinyin) {
      pinyinRecords.push(key.key);
      pinyinOwners.push({ item, key });
    }
  }
  const options = { threshold: FUZZY_THRESHOLD, ignoreLocation: true, includeScore: true, shouldSort: false } as const;
  return {
    cjk: new Fuse(cjkRecords, options),
    cjkOwners,
    english: new Fuse(englishRecords, options),
    pinyin: new Fuse(pinyinRecords, options),
    pinyinOwners,
  };
}

function matchFuzzy({
  fuzzy,
  indexed,
  stripped,
  q,
  latinQ,
  hasCjk,
  best,
  offer,
}: {
  fuzzy: FuzzyIndex;
  indexed: IndexedEntry[];
  stripped: string;
  q: string;
  latinQ: string;
  hasCjk: boolean;
  best: Map<IndexedEntry, Candidate>;
  offer: Offer;
}): void {
  // Only entries not already found by a better tier.
  const isNew = (item: IndexedEntry) => (best.get(item)?.tier ?? 'fuzzy') === 'fuzzy';

  if (hasCjk && q.length >= MIN_FUZZY_CJK) {
    const pattern = q.slice(0, MAX_FUZZY_PATTERN);
    for (const hit of fuzzy.cjk.search(pattern)) {
      const owner = fuzzy.cjkOwners[hit.refIndex];
      if (owner === undefined || !isNew(owner.item)) continue;
      const spelling = owner.group.spellings[0] as Spelling;
      offer(owner.item, {
        score: fuzzyScore({ fuseScore: hit.score, field: owner.group.field }),
        field: spelling.field,
        tier: 'fuzzy',
        highlight: () => {
          const [s, e] = bestFuzzySpan(pattern, owner.group.key);
          return { text: spelling.text, ranges: mapRange(spelling.map, s, e) };
        },
      });
    }
  }

  if (latinQ.length >= MIN_FUZZY_LATIN) {
    const pattern = latinQ.slice(0, MAX_FUZZY_PATTERN);
    for (const hit of fuzzy.pinyin.search(pattern)) {
      const owner = fuzzy.pinyinOwners[hit.refIndex];
      if (owner === undefined || !isNew(owner.item)) continue;
      const { item, key } = owner;
      offer(item, {
        score: fuzzyScore({ fuseScore: hit.score, field: 'pinyin' }),
        field: 'pinyin',
        tier: 'fuzzy',
        highlight: () => {
          const [s, e] = bestFuzzySpan(pattern, key.key);
          return { text: item.entry.term, ranges: unitRanges({ key, unitChars: item.unitChars, start: s, end: e }) };
        },
      });
    }
    // English keeps its spaces: "membrane vally" against "China Membrane Valley".
    const spaced = stripped.toLowerCase().replace(/\s+/g, ' ').trim().slice(0, MAX_FUZZY_PATTERN);
    for (const hit of fuzzy.english.search(spaced)) {
      const item = indexed[hit.refIndex];
      if (item === undefined || !isNew(item)) continue;
      offer(item, {
        score: fuzzyScore({ fuseScore: hit.score, field: 'english' }),
        field: 'english',
        tier: 'fuzzy',
        highlight: () => {
          const text = item.entry.english;
          const lower = text.toLowerCase();
          const [s, e] = bestFuzzySpan(spaced, lower.length === text.length ? lower : text);
          return { text, ranges: mergeRanges([[s, e]]) };
        },
      });
    }
  }
}

export function createSearchIndex({ glossary, variants }: { glossary: Glossary; variants: VariantTable }): SearchIndex {
  const indexed = glossary.entries.map((entry, order) => indexEntry({ entry, order, variants }));
  let fuzzy: FuzzyIndex | undefined;

  function search({ query, limit = DEFAULT_LIMIT }: { query: string; limit?: number }): SearchResult[] {
    if (!(limit > 0)) return [];
    const clipped = query.length > MAX_QUERY ? query.slice(0, MAX_QUERY) : query;
    const q = normalizeTerm({ text: clipped, variants });
    if (q === '') return [];
    const rawQ = normalizeTerm({ text: clipped });
    // Pinyin, initials and English only for queries that are all latin once tones are off
    // (lǜ sè is, GDP增长 is not: its 增长 must not be thrown away).
    const stripped = stripMarks(clipped);
    const hasCjk = NON_ASCII.test(stripped);
    const latinQ = hasCjk ? '' : latinQueryKey(stripped);
    const hasLetters = /[a-z]/.test(latinQ);

    const best = new Map<IndexedEntry, Candidate>();
    const offer: Offer = (item, candidate) => {
      const current = best.get(item);
      if (current === undefined || candidate.score < current.score) best.set(item, candidate);
    };

    for (const item of indexed) {
      matchForms({ item, q, rawQ, offer });
      if (hasLetters) matchLatin({ item, latinQ, offer });
      if (item.targets.length > 0) matchTargets({ item, q, offer });
      if (hasCjk || q.length >= 3) matchSummary({ item, q, variants, offer });
    }

    // Fuzzy matches rank below every other tier, so they are only needed to fill the list.
    const sure = best.size > 0 && q.length >= SURE_QUERY_LENGTH;
    if (best.size < limit && !sure && q.length <= MAX_FUZZY_INPUT) {
      fuzzy ??= buildFuzzyIndex(indexed);
      matchFuzzy({ fuzzy, indexed, stripped, q, latinQ: hasLetters ? latinQ : '', hasCjk, best, offer });
    }

    return [...best.entries()]
      .sort(([a, ca], [b, cb]) => ca.score - cb.score || a.order - b.order)
      .slice(0, limit)
      .map(([item, candidate]) => ({
        entry: item.entry,
        score: candidate.score,
        field: candidate.field,
        tier: candidate.tier,
        highlight: candidate.highlight(),
      }));
  }

  return { search };
}
