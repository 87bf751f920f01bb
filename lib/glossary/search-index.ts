/**
 * Searches the glossary the way people type Chinese: characters (Simplified or Traditional),
 * toneless pinyin with or without spaces, pinyin initials, English names, summaries and the
 * report's numbers (8万亩, 4.5%). Built once and shared by the popup and the glossary page.
 *
 * Ranking comes in tiers: exact matches of a whole form, then prefixes, then substrings at a
 * word or syllable boundary, all found by plain string comparison over precomputed keys; only
 * then Fuse adds typo-tolerant matches. Every result carries the text to show and the character
 * ranges to mark in it, so the UI never needs markup.
 *
 * The parts, in search/: fold (latin folding), build (the index's records), query (parsing),
 * match (the exact tiers), fuzzy (the fuzzy tier), rank (scores and order), ranges (highlights),
 * suggest (did you mean, when nothing is found).
 */
import type { Glossary } from './types';
import type { VariantTable } from '../scan/normalize';
import { indexEntry, syllableSetOf } from './search/build';
import { buildFuzzyIndex, matchFuzzy, MAX_FUZZY_INPUT, type FuzzyIndex } from './search/fuzzy';
import { matchForms, matchLatin, matchSummary, matchTargets } from './search/match';
import { parseQuery } from './search/query';
import { createBest, rankResults } from './search/rank';
import { suggestByInitials } from './search/suggest';
import type { SearchIndex, SearchResult } from './search/types';

export type { SearchField, SearchHighlight, SearchIndex, SearchResult, SearchTier } from './search/types';

export const DEFAULT_LIMIT = 20;
export const DEFAULT_SUGGESTIONS = 5;
/**
 * A query this long that already matches verbatim somewhere is being typed right: fuzzy
 * neighbours would only be noise after it, and they are the expensive part of a keystroke.
 */
const SURE_QUERY_LENGTH = 6;

export function createSearchIndex({ glossary, variants }: { glossary: Glossary; variants: VariantTable }): SearchIndex {
  const indexed = glossary.entries.map((entry, order) => indexEntry({ entry, order, variants }));
  const syllables = syllableSetOf(indexed);
  let fuzzy: FuzzyIndex | undefined;

  function search({ query, limit = DEFAULT_LIMIT }: { query: string; limit?: number }): SearchResult[] {
    if (!(limit > 0)) return [];
    const parsed = parseQuery({ query, variants, syllables });
    const { q, rawQ, latinQ, hasCjk, hasLetters, readsAsPinyin } = parsed;
    if (q === '') return [];

    const { best, offer } = createBest();
    for (const item of indexed) {
      matchForms({ item, q, rawQ, offer });
      if (hasLetters) matchLatin({ item, latinQ, readsAsPinyin, offer });
      if (item.targets.length > 0) matchTargets({ item, q, offer });
      if (hasCjk || q.length >= 3) matchSummary({ item, q, variants, offer });
    }

    // Fuzzy matches rank below every other tier, so they are only needed to fill the list.
    const sure = best.size > 0 && q.length >= SURE_QUERY_LENGTH;
    if (best.size < limit && !sure && q.length <= MAX_FUZZY_INPUT) {
      fuzzy ??= buildFuzzyIndex(indexed);
      matchFuzzy({ fuzzy, indexed, query: parsed, best, offer });
    }
    return rankResults({ best, limit });
  }

  function suggest({ query, limit = DEFAULT_SUGGESTIONS }: { query: string; limit?: number }): SearchResult[] {
    return suggestByInitials({ indexed, query: parseQuery({ query, variants, syllables }), limit });
  }

  return { search, suggest };
}
