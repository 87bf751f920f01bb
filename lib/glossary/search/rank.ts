/**
 * Ranking: tiers (exact, prefix, contains, fuzzy), then the field that matched, then how much of it
 * the query covers. Each entry keeps its best candidate; only the results shown build a highlight.
 */
import type { IndexedEntry } from './build';
import type { SearchField, SearchHighlight, SearchResult, SearchTier } from './types';

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

export type ExactTier = Exclude<SearchTier, 'fuzzy'>;

export interface Candidate {
  score: number;
  field: SearchField;
  tier: SearchTier;
  /** Deferred: only the results that survive the limit pay for their highlight. */
  highlight: () => SearchHighlight;
}

export type Offer = (item: IndexedEntry, candidate: Candidate) => void;

/** Tier, then field, then how much of the form the query covers (城市体检 before 城市有机更新). */
export function scoreOf({ tier, field, coverage }: { tier: ExactTier; field: SearchField; coverage: number }): number {
  return TIER_BASE[tier] + FIELD_RANK[field] * 0.01 + (1 - Math.min(1, coverage)) * 0.0099;
}

/**
 * Closer first (0 is no edit, 1 all wrong). A demoted candidate (English for a query that reads as
 * pinyin) ranks after every other fuzzy one: the lower half of the tier is for the rest.
 */
export function fuzzyScore({ closeness, field, demoted = false }: { closeness: number | undefined; field: SearchField; demoted?: boolean }): number {
  return TIER_BASE.fuzzy + (demoted ? 0.35 : 0) + 0.34 * Math.min(1, Math.max(0, closeness ?? 1)) + FIELD_RANK[field] * 0.001;
}

/** Each entry's best candidate, kept as candidates are offered. */
export function createBest(): { best: Map<IndexedEntry, Candidate>; offer: Offer } {
  const best = new Map<IndexedEntry, Candidate>();
  const offer: Offer = (item, candidate) => {
    const current = best.get(item);
    if (current === undefined || candidate.score < current.score) best.set(item, candidate);
  };
  return { best, offer };
}

/** Best first (glossary order among equals), cut to the limit, highlights built for those kept. */
export function rankResults({ best, limit }: { best: Map<IndexedEntry, Candidate>; limit: number }): SearchResult[] {
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
