/**
 * The fuzzy tier: typo-tolerant matches from Fuse, consulted only to fill the list after the
 * exact tiers, and only for entries they did not find.
 */
import Fuse from 'fuse.js';
import type { FormGroup, IndexedEntry, LatinKey, Spelling } from './build';
import type { ParsedQuery } from './query';
import { fuzzyScore, type Candidate, type Offer } from './rank';
import { bestFuzzySpan, mapRange, mergeRanges, unitRanges } from './ranges';

/** Nobody types this much with a typo in it; fuzzy matching a page-long paste only costs time. */
export const MAX_FUZZY_INPUT = 64;
/** Fuse's bitap cost grows with the pattern; a typo'd name is recognisable from its start. */
const MAX_FUZZY_PATTERN = 20;
const FUZZY_THRESHOLD = 0.35;
/** Shorter patterns let one error match half the glossary (gdp ≈ jingdian). */
const MIN_FUZZY_CJK = 3;
const MIN_FUZZY_LATIN = 4;

/** Fuse instances over flat string lists (one key, no object walking), created on first need. */
export interface FuzzyIndex {
  cjk: Fuse<string>;
  cjkOwners: Array<{ item: IndexedEntry; group: FormGroup }>;
  english: Fuse<string>;
  pinyin: Fuse<string>;
  pinyinOwners: Array<{ item: IndexedEntry; key: LatinKey }>;
}

export function buildFuzzyIndex(indexed: IndexedEntry[]): FuzzyIndex {
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
    matchFuzzyEnglish({ pass, stripped: query.stripped });
  }
}

function matchFuzzyForms({ pass, q }: { pass: FuzzyPass; q: string }): void {
  const pattern = q.slice(0, MAX_FUZZY_PATTERN);
  for (const hit of pass.fuzzy.cjk.search(pattern)) {
    const owner = pass.fuzzy.cjkOwners[hit.refIndex];
    if (owner === undefined || !pass.isNew(owner.item)) continue;
    const spelling = owner.group.spellings[0] as Spelling;
    pass.offer(owner.item, {
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

function matchFuzzyPinyin({ pass, latinQ }: { pass: FuzzyPass; latinQ: string }): void {
  const pattern = latinQ.slice(0, MAX_FUZZY_PATTERN);
  for (const hit of pass.fuzzy.pinyin.search(pattern)) {
    const owner = pass.fuzzy.pinyinOwners[hit.refIndex];
    if (owner === undefined || !pass.isNew(owner.item)) continue;
    const { item, key } = owner;
    pass.offer(item, {
      score: fuzzyScore({ fuseScore: hit.score, field: 'pinyin' }),
      field: 'pinyin',
      tier: 'fuzzy',
      highlight: () => {
        const [s, e] = bestFuzzySpan(pattern, key.key);
        return { text: item.entry.term, ranges: unitRanges({ key, unitChars: item.unitChars, start: s, end: e }) };
      },
    });
  }
}

function matchFuzzyEnglish({ pass, stripped }: { pass: FuzzyPass; stripped: string }): void {
  // English keeps its spaces: "membrane vally" against "China Membrane Valley".
  const spaced = stripped.toLowerCase().replace(/\s+/g, ' ').trim().slice(0, MAX_FUZZY_PATTERN);
  for (const hit of pass.fuzzy.english.search(spaced)) {
    const item = pass.indexed[hit.refIndex];
    if (item === undefined || !pass.isNew(item)) continue;
    pass.offer(item, {
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
