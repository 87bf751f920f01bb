/** What the glossary search answers with, shared by its parts and its callers (popup, glossary page). */
import type { GlossaryEntry } from '../types';

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
  /**
   * For a query search finds nothing for: the nearest entries it may have meant, to offer as "did
   * you mean" (ssz → 四减四增). Unmarked, tier fuzzy; empty when nothing is near.
   */
  suggest(options: { query: string; limit?: number }): SearchResult[];
}

export type Range = [number, number];
