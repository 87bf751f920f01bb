/**
 * The fuzzy tier: typo-tolerant matches, consulted only to fill the list after the exact tiers, and
 * only for entries they did not find. Fuse for forms and pinyin; English names by approximate
 * matching from a word's start, never inside a word (mogu must not find Internet-famous).
 */
import Fuse from 'fuse.js';
import type { FormGroup, IndexedEntry, LatinKey, Spelling } from './build';
import type { ParsedQuery } from './query';
import { fuzzyScore, type Candidate, type Offer } from './rank';
import { fuzzySpan, mapRange, mergeRanges, unitRanges } from './ranges';

/** Nobody types this much with a typo in it; fuzzy matching a page-long paste only costs time. */
export const MAX_FUZZY_INPUT = 64;
/** Fuse's bitap cost grows with the pattern; a typo'd name is recognisable from its start. */
const MAX_FUZZY_PATTERN = 20;
const FUZZY_THRESHOLD = 0.35;
/** Shorter patterns let one error match half the glossary (gdp ≈ jingdian). */
const MIN_FUZZY_CJK = 3;
const MIN_FUZZY_LATIN = 4;
/** Edits an English query may have per letter typed: membrane vally, organic urbn renewal. */
const ENGLISH_ERROR_RATE = 0.3;

/** Fuse instances over flat string lists (one key, no object walking), created on first need. */
export interface FuzzyIndex {
  cjk: Fuse<string>;
  cjkOwners: Array<{ item: IndexedEntry; group: FormGroup }>;
  pinyin: Fuse<string>;
  pinyinOwners: Array<{ item: IndexedEntry; key: LatinKey }>;
}

export function buildFuzzyIndex(indexed: IndexedEntry[]): FuzzyIndex {
  const cjkRecords: string[] = [];
  const cjkOwners: FuzzyIndex['cjkOwners'] = [];
  const pinyinRecords: string[] = [];
  const pinyinOwners: FuzzyIndex['pinyinOwners'] = [];
  for (const item of indexed) {
    for (const group of item.groups) {
      cjkRecords.push(group.key);
      cjkOwners.push({ item, group });
    }
    for (const key of item.pinyin) {
      pinyinRecords.push(key.key);
      pinyinOwners.push({ item, key });
    }
  }
  const options = { threshold: FUZZY_THRESHOLD, ignoreLocation: true, includeScore: true, shouldSort: false } as const;
  return {
    cjk: new Fuse(cjkRecords, options),
    cjkOwners,
    pinyin: new Fuse(pinyinRecords, options),
    pinyinOwners,
  };
}

interface FuzzyPass {
  fuzzy: FuzzyIndex;
  indexed: IndexedEntry[];
  /** Only entries not already found by a better tier. */
  isNew: (item: IndexedEntry) => boolean;
  offer: Offer;
}

export function matchFuzzy({
  fuzzy,
  indexed,
  query,
  best,
  offer,
}: {
  fuzzy: FuzzyIndex;
  indexed: IndexedEntry[];
  query: ParsedQuery;
  best: Map<IndexedEntry, Candidate>;
  offer: Offer;
}): void {
  const pass: FuzzyPass = { fuzzy, indexed, offer, isNew: (item) => (best.get(item)?.tier ?? 'fuzzy') === 'fuzzy' };
  if (query.hasCjk && query.q.length >= MIN_FUZZY_CJK) matchFuzzyForms({ pass, q: query.q });
  const latinQ = query.hasLetters ? query.latinQ : '';
  if (latinQ.length >= MIN_FUZZY_LATIN) {
    matchFuzzyPinyin({ pass, latinQ });
    matchFuzzyEnglish({ pass, stripped: query.stripped, demoted: query.readsAsPinyin });
  }
}

function matchFuzzyForms({ pass, q }: { pass: FuzzyPass; q: string }): void {
  const pattern = q.slice(0, MAX_FUZZY_PATTERN);
  for (const hit of pass.fuzzy.cjk.search(pattern)) {
    const owner = pass.fuzzy.cjkOwners[hit.refIndex];
    if (owner === undefined || !pass.isNew(owner.item)) continue;
    const spelling = owner.group.spellings[0] as Spelling;
    pass.offer(owner.item, {
      score: fuzzyScore({ closeness: hit.score, field: owner.group.field }),
      field: spelling.field,
      tier: 'fuzzy',
      highlight: () => {
        const [s, e] = fuzzySpan({ pattern, text: owner.group.key }).range;
        return { text: spelling.text, ranges: mapRange(spelling.map, s, e) };
      },
    });
  }
}

function matchFuzzyPinyin({ pass, latinQ }: { pass: FuzzyPass; latinQ: string }): void {
  const pattern = latinQ.slice(0, MAX_FUZZY_PATTERN);
  for (const hit of pass.fuzzy.pinyin.search(pattern)) {
    const owner = pass.fuzzy.pinyinOwners[hit.refIndex];
    if (owner === undefined || !pass.isNew(owner.item)) continue;
    const { item, key } = owner;
    pass.offer(item, {
      score: fuzzyScore({ closeness: hit.score, field: 'pinyin' }),
      field: 'pinyin',
      tier: 'fuzzy',
      highlight: () => {
        const [s, e] = fuzzySpan({ pattern, text: key.key }).range;
        return { text: item.entry.term, ranges: unitRanges({ key, unitChars: item.unitChars, start: s, end: e }) };
      },
    });
  }
}

/**
 * The English name lower-cased (when that keeps its offsets) with where its words start, computed
 * on the first fuzzy English search.
 */
function englishWords(item: IndexedEntry): { text: string; starts: Set<number> } {
  if (item.englishWords !== undefined) return item.englishWords;
  const name = item.entry.english;
  const lower = name.toLowerCase();
  const text = lower.length === name.length ? lower : name;
  const starts = new Set<number>();
  for (const word of text.matchAll(/[a-z0-9\u00c0-\u024f]+/g)) starts.add(word.index);
  item.englishWords = { text, starts };
  return item.englishWords;
}

/**
 * Word starts where the pattern can begin with at most one edit in its first two letters (one
 * wrong, missing, extra or swapped): the rest cannot be within the allowed edits often enough to
 * pay for the full comparison, which is most of a keystroke's time.
 */
function plausibleStarts({ pattern, text, starts }: { pattern: string; text: string; starts: Set<number> }): Set<number> {
  const near = new Set<number>();
  const [p0, p1] = [pattern.charCodeAt(0), pattern.charCodeAt(1)];
  for (const s of starts) {
    const [t0, t1] = [text.charCodeAt(s), text.charCodeAt(s + 1)];
    if (t0 === p0 || t1 === p1 || t0 === p1 || t1 === p0) near.add(s);
  }
  return near;
}

function matchFuzzyEnglish({ pass, stripped, demoted }: { pass: FuzzyPass; stripped: string; demoted: boolean }): void {
  // English keeps its spaces: "membrane vally" against "China Membrane Valley".
  const spaced = stripped.toLowerCase().replace(/\s+/g, ' ').trim().slice(0, MAX_FUZZY_PATTERN);
  const allowed = Math.max(1, Math.floor(spaced.length * ENGLISH_ERROR_RATE));
  for (const item of pass.indexed) {
    if (!pass.isNew(item)) continue;
    const { text, starts } = englishWords(item);
    const near = plausibleStarts({ pattern: spaced, text, starts });
    if (near.size === 0) continue;
    const { range, errors } = fuzzySpan({ pattern: spaced, text, starts: near });
    if (errors > allowed) continue;
    pass.offer(item, {
      score: fuzzyScore({ closeness: errors / spaced.length, field: 'english', demoted }),
      field: 'english',
      tier: 'fuzzy',
      highlight: () => ({ text: item.entry.english, ranges: mergeRanges([range]) }),
    });
  }
}
