/**
 * "Did you mean": when a search finds nothing, the entries whose pinyin initials are one edit away
 * from the query (ssz → sjsz 四减四增): a letter wrong, missing, extra, or two swapped.
 */
import type { IndexedEntry } from './build';
import type { ParsedQuery } from './query';
import type { SearchResult } from './types';

/** Two letters one edit from a two-letter run of initials is most of the glossary. */
const MIN_SUGGEST_QUERY = 3;

/** Optimal string alignment distance ≤ 1, in one pass: equal, one substitution, insertion, deletion or swap. */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (i === a.length) return true;
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  return shorter.slice(i) === longer.slice(i + 1);
}

/** Entries whose initials are one edit from the query: those that share its first letter first. */
export function suggestByInitials({ indexed, query, limit }: { indexed: IndexedEntry[]; query: ParsedQuery; limit: number }): SearchResult[] {
  const typed = query.latinQ;
  if (!query.hasLetters || typed.length < MIN_SUGGEST_QUERY || !(limit > 0)) return [];
  const near = indexed.filter((item) => item.initials.some((key) => key.key !== typed && withinOneEdit(key.key, typed)));
  const sameStart = (item: IndexedEntry) => (item.initials.some((key) => key.key[0] === typed[0]) ? 0 : 1);
  return near
    .sort((a, b) => sameStart(a) - sameStart(b) || a.order - b.order)
    .slice(0, limit)
    .map((item) => ({
      entry: item.entry,
      score: 1,
      field: 'initials' as const,
      tier: 'fuzzy' as const,
      // Nothing of the term was typed as such: it is offered, not marked.
      highlight: { text: item.entry.term, ranges: [] },
    }));
}
