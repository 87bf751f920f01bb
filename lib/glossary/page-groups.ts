/**
 * The side panel's list: the terms a page paints, grouped by the report's areas (in the glossary's
 * order of areas), each area's terms in the order a reader meets them on the page.
 */
import { CATEGORY_IDS, type Category } from './categories';
import type { GlossaryEntry } from './types';

export interface PageTermRow {
  entry: GlossaryEntry;
  count: number;
}

export interface PageGroup {
  category: Category;
  rows: PageTermRow[];
}

/**
 * `counts`: occurrences by id, every frame's (what the badge and the popup count); `order`: ids by
 * first occurrence in the top frame. A term found only in a frame has no place in that order: it
 * follows its area's ordered terms, most frequent first.
 */
export function groupInReadingOrder({
  counts,
  order,
  byId,
}: {
  counts: Readonly<Record<string, number>>;
  order: readonly string[];
  byId: ReadonlyMap<string, GlossaryEntry>;
}): PageGroup[] {
  const position = new Map(order.map((id, index) => [id, index]));
  const rank = (id: string) => position.get(id) ?? Infinity;
  const rows = Object.entries(counts)
    .flatMap(([id, count]) => (count > 0 && byId.has(id) ? [{ entry: byId.get(id)!, count }] : []))
    .sort((a, b) => rank(a.entry.id) - rank(b.entry.id) || b.count - a.count || a.entry.term.localeCompare(b.entry.term, 'zh'));
  return CATEGORY_IDS.map((category) => ({ category, rows: rows.filter((row) => row.entry.category === category) })).filter(
    (group) => group.rows.length > 0,
  );
}
