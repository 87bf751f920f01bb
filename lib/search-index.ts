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
import type { Glossary, GlossaryEntry, Target } from './glossary-types';
import { normalizeText, normalizeTerm, type VariantTable } from './normalize';

export type SearchField = 'term' | 'alias' | 'english' | 'pinyin' | 'initials' | 'summary' | 'target';

/** How a result was found, best first. */
export type SearchTier = 'exact' | 'prefix' | 'contains' | 'fuzzy';

export interface SearchHighlight {
  /** What to show for the matched field: the term or alias, the English name, the summary, or a target. */
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
/** Longer than any key in the glossary; anything past it cannot change an exact or prefix match. */
const MAX_QUERY = 256;
/** Fuse's bitap works on 32-char patterns; longer ones are split and get slow for nothing. */
const MAX_FUZZY_QUERY = 32;
const FUZZY_THRESHOLD = 0.35;

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

/** One spelling of an entry (term or alias); spellings equal once normalised share a group. */
interface Spelling {
  field: 'term' | 'alias';
  text: string;
  /** Normalised without the variant table: tells a Traditional spelling from its Simplified twin. */
  rawKey: string;
  /** normalizeText(text, variants).map: key offset → text offset. */
  map: Uint32Array;
}

interface FormGroup {
  /** normalizeTerm(text, variants): identical for every spelling in the group. */
  key: string;
  rank: number;
  spellings: Spelling[];
}

/** A pinyin syllable, or a literal token such as 5+N or 100%, and the term characters it reads. */
interface PinyinUnit {
  chars: Range;
}

/** A latin key (pinyin, initials, English) with the offsets where words or syllables start. */
interface LatinKey {
  key: string;
  /** starts[i] is where unit i begins in key; starts[units] === key.length. */
  starts: number[];
  boundaries: Set<number>;
}

interface IndexedTarget {
  text: string;
  valueStart: number;
  /** [key, end offset in text of what the key covers]. */
  keys: Array<{ key: string; end: number }>;
}

interface IndexedEntry {
  entry: GlossaryEntry;
  order: number;
  groups: FormGroup[];
  units: PinyinUnit[];
  /** Joined toneless pinyin: ü as u, and (when the entry has one) ü as v. */
  pinyin: LatinKey[];
  initials: LatinKey[];
  english: { key: string; map: number[]; wordStarts: Set<number> };
  summary: { key: string; map: Uint32Array };
  targets: IndexedTarget[];
}

interface Candidate {
  score: number;
  field: SearchField;
  tier: SearchTier;
  highlight: SearchHighlight;
}

/**
 * Tone marks off (ü becomes u). NFKD also folds full-width letters. ASCII-only text skips the
 * (slow) Unicode normalisation; the mark class is spelled out because \p{M} costs a large regex
 * compilation on first use.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_ASCII = /[\u0080-\uffff]/;

function stripMarks(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFKD').replace(COMBINING_MARKS, '') : text;
}

/** Tone-marked pinyin vowels → [with ü as u, with ü as v]; a table beats normalize() per token. */
const PINYIN_VOWELS: Record<string, [string, string]> = {};
for (const [plain, marked] of [
  ['a', 'āáǎà'],
  ['e', 'ēéěè'],
  ['i', 'īíǐì'],
  ['o', 'ōóǒò'],
  ['u', 'ūúǔù'],
  ['m', 'ḿ'],
  ['n', 'ńňǹ'],
] as const) {
  for (const ch of marked) PINYIN_VOWELS[ch] = [plain, plain];
}
for (const ch of 'üǖǘǚǜ') PINYIN_VOWELS[ch] = ['u', 'v'];

/** A pinyin syllable toneless, both ways of typing ü; '' when it has no latin letter. */
function tonelessSyllable(token: string): { u: string; v: string } {
  let u = '';
  let v = '';
  for (const ch of token) {
    const vowel = PINYIN_VOWELS[ch] ?? PINYIN_VOWELS[ch.toLowerCase()];
    if (vowel !== undefined) {
      u += vowel[0];
      v += vowel[1];
      continue;
    }
    const lower = ch.toLowerCase();
    if (lower >= 'a' && lower <= 'z' && lower.length === 1) {
      u += lower;
      v += lower;
    } else if (ch === '\u0308') {
      // A decomposed ü (u + combining diaeresis): type it as v too.
      if (v.endsWith('u')) v = v.slice(0, -1) + 'v';
    }
  }
  return { u, v };
}

/** Characters a pinyin syllable can read: CJK ideographs, letters and digits. */
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

/** Lower-case latin letters and digits only, with a map back to the original offsets. */
function foldLatin(text: string): { key: string; map: number[]; wordStarts: Set<number> } {
  let key = '';
  const map: number[] = [];
  const wordStarts = new Set<number>();
  let previousWasLetter = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const folded = ch.charCodeAt(0) < 0x80 ? ch.toLowerCase() : stripMarks(ch).toLowerCase();
    let isLetter = false;
    for (const c of folded) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (!previousWasLetter && !isLetter) wordStarts.add(key.length);
        key += c;
        map.push(i);
        isLetter = true;
      }
    }
    previousWasLetter = isLetter;
  }
  return { key, map, wordStarts };
}

/** What a query is compared with latin keys as: letters and digits, tones and ü dropped. */
function latinQueryKey(query: string): string {
  return stripMarks(query)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Splits the tone-marked pinyin into units aligned with the term's characters: a syllable reads
 * one character (punctuation the pinyin skips is skipped), a token written in the term itself
 * (5+N, 100%, 、) reads itself.
 */
function alignPinyin({ term, pinyin }: { term: string; pinyin: string }): {
  units: Array<PinyinUnit & { u: string; v: string; syllable: boolean }>;
  aligned: boolean;
} {
  const units: Array<PinyinUnit & { u: string; v: string; syllable: boolean }> = [];
  let pos = 0;
  let aligned = true;
  for (const token of pinyin.split(/\s+/)) {
    if (token === '') continue;
    while (pos < term.length && /\s/.test(term[pos] as string)) pos++;
    if (term.startsWith(token, pos)) {
      const u = latinQueryKey(token);
      if (u !== '') units.push({ chars: [pos, pos + token.length], u, v: u, syllable: false });
      pos += token.length;
      continue;
    }
    const { u, v } = tonelessSyllable(token);
    if (u === '') continue;
    while (pos < term.length && !isReadable(term.codePointAt(pos) as number)) pos++;
    const code = term.codePointAt(pos);
    const width = code !== undefined && code > 0xffff ? 2 : 1;
    if (pos >= term.length) aligned = false;
    units.push({ chars: [Math.min(pos, term.length), Math.min(pos + width, term.length)], u, v, syllable: true });
    pos += width;
  }
  return { units, aligned };
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
function mapRange(map: ArrayLike<number>, start: number, end: number): Range {
  if (end <= start) return [0, 0];
  return [map[start] as number, (map[end - 1] as number) + 1];
}

/** Term characters read by the units overlapping [start, end) of a latin key. */
function unitChars({ key, units, start, end }: { key: LatinKey; units: PinyinUnit[]; start: number; end: number }): Range[] {
  const ranges: Range[] = [];
  for (let i = 0; i < units.length; i++) {
    const unitStart = key.starts[i] as number;
    const unitEnd = key.starts[i + 1] as number;
    if (unitStart < end && unitEnd > start) ranges.push((units[i] as PinyinUnit).chars);
  }
  return mergeRanges(ranges.map(([s, e]) => [s, e]));
}

/**
 * Where a typo'd query best fits inside a text: approximate substring matching (Sellers), the
 * smallest span with the fewest edits. Strings here are short (≤ 32 × ~120), so the table is cheap.
 */
function bestFuzzySpan(pattern: string, text: string): Range {
  const m = pattern.length;
  const n = text.length;
  if (m === 0 || n === 0) return [0, 0];
  const cols = n + 1;
  const cost = new Uint16Array((m + 1) * cols);
  const from = new Uint32Array((m + 1) * cols);
  for (let j = 0; j <= n; j++) from[j] = j;
  for (let i = 1; i <= m; i++) {
    cost[i * cols] = i;
    from[i * cols] = 0;
    for (let j = 1; j <= n; j++) {
      const diag = (cost[(i - 1) * cols + j - 1] as number) + (pattern[i - 1] === text[j - 1] ? 0 : 1);
      const up = (cost[(i - 1) * cols + j] as number) + 1;
      const left = (cost[i * cols + j - 1] as number) + 1;
      let best = diag;
      let origin = from[(i - 1) * cols + j - 1] as number;
      if (up < best) {
        best = up;
        origin = from[(i - 1) * cols + j] as number;
      }
      if (left < best) {
        best = left;
        origin = from[i * cols + j - 1] as number;
      }
      cost[i * cols + j] = best;
      from[i * cols + j] = origin;
    }
  }
  let bestEnd = 1;
  for (let j = 1; j <= n; j++) {
    const c = cost[m * cols + j] as number;
    const b = cost[m * cols + bestEnd] as number;
    if (c < b) bestEnd = j;
  }
  return [from[m * cols + bestEnd] as number, bestEnd];
}

function indexEntry({ entry, order, variants }: { entry: GlossaryEntry; order: number; variants: VariantTable }): IndexedEntry {
  const groupsByKey = new Map<string, FormGroup>();
  const spellings: Array<{ field: 'term' | 'alias'; text: string }> = [
    { field: 'term', text: entry.term },
    ...entry.aliases.map((text) => ({ field: 'alias' as const, text })),
  ];
  for (const { field, text } of spellings) {
    const { text: key, map } = normalizeText({ text, variants });
    if (key === '') continue;
    let group = groupsByKey.get(key);
    if (group === undefined) {
      group = { key, rank: FIELD_RANK[field], spellings: [] };
      groupsByKey.set(key, group);
    }
    group.spellings.push({ field, text, rawKey: normalizeTerm({ text }), map });
  }

  const { units } = alignPinyin({ term: entry.term, pinyin: entry.pinyin });
  const uKey = latinKeyOf(units.map((unit) => unit.u));
  const vKey = latinKeyOf(units.map((unit) => unit.v));
  const initialsOf = (pick: 'u' | 'v') => latinKeyOf(units.map((unit) => (unit.syllable ? unit[pick].slice(0, 1) : unit[pick])));
  const uInitials = initialsOf('u');
  const vInitials = initialsOf('v');

  const summary = normalizeText({ text: entry.summary, variants });
  return {
    entry,
    order,
    groups: [...groupsByKey.values()],
    units: units.map(({ chars }) => ({ chars })),
    pinyin: vKey.key === uKey.key ? [uKey] : [uKey, vKey],
    initials: vInitials.key === uInitials.key ? [uInitials] : [uInitials, vInitials],
    english: foldLatin(entry.english),
    summary: { key: summary.text, map: summary.map },
    targets: entry.targets.map((target) => indexTarget({ target, variants })),
  };
}

function indexTarget({ target, variants }: { target: Target; variants: VariantTable }): IndexedTarget {
  const prefix = `${target.indicator} `;
  const valueStart = prefix.length;
  const keys = [{ key: normalizeTerm({ text: target.value, variants }), end: valueStart + target.value.length }];
  if (target.unit !== '') {
    keys.unshift({
      key: normalizeTerm({ text: target.value + target.unit, variants }),
      end: valueStart + target.value.length + target.unit.length,
    });
  }
  return { text: prefix + target.value + target.unit, valueStart, keys: keys.filter((k) => k.key !== '') };
}

/** exact / prefix / contains (only at a boundary from `boundaries`, if given): where and how. */
function locate({
  key,
  query,
  boundaries,
  allowContains,
}: {
  key: string;
  query: string;
  boundaries?: { has(offset: number): boolean };
  allowContains: boolean;
}): { tier: Exclude<SearchTier, 'fuzzy'>; start: number } | undefined {
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

function scoreOf({ tier, field, coverage }: { tier: Exclude<SearchTier, 'fuzzy'>; field: SearchField; coverage: number }): number {
  return TIER_BASE[tier] + FIELD_RANK[field] * 0.01 + (1 - Math.min(1, coverage)) * 0.0099;
}

export function createSearchIndex({ glossary, variants }: { glossary: Glossary; variants: VariantTable }): SearchIndex {
  const indexed = glossary.entries.map((entry, order) => indexEntry({ entry, order, variants }));

  // Fuzzy records: flat string lists (one key, no object walking) with a parallel owner list.
  const cjkRecords: string[] = [];
  const cjkOwners: Array<{ item: IndexedEntry; group: FormGroup }> = [];
  const englishRecords: string[] = [];
  const pinyinRecords: string[] = [];
  const pinyinOwners: Array<{ item: IndexedEntry; key: LatinKey }> = [];
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
  const fuseOptions = {
    threshold: FUZZY_THRESHOLD,
    ignoreLocation: true,
    includeScore: true,
    shouldSort: false,
  } as const;
  const cjkFuse = new Fuse(cjkRecords, fuseOptions);
  const englishFuse = new Fuse(englishRecords, fuseOptions);
  const pinyinFuse = new Fuse(pinyinRecords, fuseOptions);

  function search({ query, limit = DEFAULT_LIMIT }: { query: string; limit?: number }): SearchResult[] {
    if (limit <= 0) return [];
    const clipped = query.length > MAX_QUERY ? query.slice(0, MAX_QUERY) : query;
    const q = normalizeTerm({ text: clipped, variants });
    if (q === '') return [];
    const rawQ = normalizeTerm({ text: clipped });
    const latinQ = /[a-z]/i.test(stripMarks(clipped)) ? latinQueryKey(clipped) : '';
    const hasCjk = NON_ASCII.test(q);

    const best = new Map<IndexedEntry, Candidate>();
    const offer = (item: IndexedEntry, candidate: Candidate) => {
      const current = best.get(item);
      if (current === undefined || candidate.score < current.score) best.set(item, candidate);
    };

    for (const item of indexed) {
      matchForms({ item, q, rawQ, offer });
      if (latinQ !== '') matchLatin({ item, latinQ, offer });
      matchTargets({ item, q, offer });
      if (hasCjk || q.length >= 3) matchSummary({ item, q, offer });
    }

    if (best.size < limit) {
      if (hasCjk && q.length >= 2) {
        const pattern = q.slice(0, MAX_FUZZY_QUERY);
        for (const hit of cjkFuse.search(pattern)) {
          const owner = cjkOwners[hit.refIndex];
          if (owner === undefined || (best.get(owner.item)?.tier ?? 'fuzzy') !== 'fuzzy') continue;
          const spelling = owner.group.spellings[0] as Spelling;
          const [s, e] = bestFuzzySpan(pattern, owner.group.key);
          offer(owner.item, {
            score: fuzzyScore(hit.score),
            field: spelling.field,
            tier: 'fuzzy',
            highlight: { text: spelling.text, ranges: mergeRanges([mapRange(spelling.map, s, e)]) },
          });
        }
      }
      if (latinQ.length >= 3) {
        const spaced = stripMarks(clipped).toLowerCase().replace(/\s+/g, ' ').trim().slice(0, MAX_FUZZY_QUERY);
        for (const hit of englishFuse.search(spaced)) {
          const item = indexed[hit.refIndex];
          if (item === undefined || (best.get(item)?.tier ?? 'fuzzy') !== 'fuzzy') continue;
          const text = item.entry.english;
          const [s, e] = bestFuzzySpan(spaced, text.toLowerCase());
          offer(item, {
            score: fuzzyScore(hit.score) + 0.001,
            field: 'english',
            tier: 'fuzzy',
            highlight: { text, ranges: mergeRanges([[Math.min(s, text.length), Math.min(e, text.length)]]) },
          });
        }
        const pattern = latinQ.slice(0, MAX_FUZZY_QUERY);
        for (const hit of pinyinFuse.search(pattern)) {
          const owner = pinyinOwners[hit.refIndex];
          if (owner === undefined || (best.get(owner.item)?.tier ?? 'fuzzy') !== 'fuzzy') continue;
          const [s, e] = bestFuzzySpan(pattern, owner.key.key);
          offer(owner.item, {
            score: fuzzyScore(hit.score),
            field: 'pinyin',
            tier: 'fuzzy',
            highlight: {
              text: owner.item.entry.term,
              ranges: unitChars({ key: owner.key, units: owner.item.units, start: s, end: e }),
            },
          });
        }
      }
    }

    return [...best.entries()]
      .sort(([a, ca], [b, cb]) => ca.score - cb.score || a.order - b.order)
      .slice(0, limit)
      .map(([item, candidate]) => ({ entry: item.entry, ...candidate }));
  }

  return { search };
}

function fuzzyScore(fuseScore: number | undefined): number {
  return TIER_BASE.fuzzy + 0.7 * Math.min(1, Math.max(0, fuseScore ?? 1));
}

type Offer = (item: IndexedEntry, candidate: Candidate) => void;

function matchForms({ item, q, rawQ, offer }: { item: IndexedEntry; q: string; rawQ: string; offer: Offer }): void {
  for (const group of item.groups) {
    const found = locate({ key: group.key, query: q, allowContains: true });
    if (found === undefined) continue;
    // Show the spelling the reader typed: 中國膜谷 finds 中国膜谷 and shows the Traditional alias.
    const spelling =
      group.spellings.find((s) => s.rawKey.startsWith(rawQ, found.start)) ?? (group.spellings[0] as Spelling);
    offer(item, {
      score: scoreOf({ tier: found.tier, field: group.rank === 0 ? 'term' : 'alias', coverage: q.length / group.key.length }),
      field: spelling.field,
      tier: found.tier,
      highlight: { text: spelling.text, ranges: [mapRange(spelling.map, found.start, found.start + q.length)] },
    });
  }
}

function matchLatin({ item, latinQ, offer }: { item: IndexedEntry; latinQ: string; offer: Offer }): void {
  for (const [field, keys] of [
    ['pinyin', item.pinyin],
    ['initials', item.initials],
  ] as const) {
    for (const key of keys) {
      // Initials only from the start: two letters inside a run of initials are mostly chance.
      const found = locate({ key: key.key, query: latinQ, boundaries: key.boundaries, allowContains: field === 'pinyin' });
      if (found === undefined) continue;
      offer(item, {
        score: scoreOf({ tier: found.tier, field, coverage: latinQ.length / key.key.length }),
        field,
        tier: found.tier,
        highlight: {
          text: item.entry.term,
          ranges: unitChars({ key, units: item.units, start: found.start, end: found.start + latinQ.length }),
        },
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
      highlight: { text: item.entry.english, ranges: [mapRange(english.map, found.start, found.start + latinQ.length)] },
    });
  }
}

function matchTargets({ item, q, offer }: { item: IndexedEntry; q: string; offer: Offer }): void {
  for (const target of item.targets) {
    for (const { key, end } of target.keys) {
      // Numbers match whole or by their start only: 8万亩 must not find 58万亩.
      const found = locate({ key, query: q, allowContains: false });
      if (found === undefined) continue;
      const markEnd = found.tier === 'exact' ? end : Math.min(end, target.valueStart + prefixLength(target.text.slice(target.valueStart), q));
      offer(item, {
        score: scoreOf({ tier: found.tier, field: 'target', coverage: q.length / key.length }),
        field: 'target',
        tier: found.tier,
        highlight: { text: target.text, ranges: [[target.valueStart, markEnd]] },
      });
      break;
    }
  }
}

/** How many chars of `text` a normalised prefix covers (whitespace and quotes in text are skipped). */
function prefixLength(text: string, normalizedPrefix: string): number {
  const { text: key, map } = normalizeText({ text });
  const n = Math.min(normalizedPrefix.length, key.length);
  return n === 0 ? 0 : (map[n - 1] as number) + 1;
}

function matchSummary({ item, q, offer }: { item: IndexedEntry; q: string; offer: Offer }): void {
  const at = item.summary.key.indexOf(q);
  if (at === -1) return;
  // A phrase of the summary is never as telling as the name itself, wherever it sits.
  offer(item, {
    score: scoreOf({ tier: 'contains', field: 'summary', coverage: 0 }),
    field: 'summary',
    tier: 'contains',
    highlight: { text: item.entry.summary, ranges: [mapRange(item.summary.map, at, at + q.length)] },
  });
}

