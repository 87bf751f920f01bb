/** The side panel's grouping: areas in the glossary's order, reading order inside each, frame-only terms after. */
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS, type Category } from '../../../lib/glossary/categories';
import { groupInReadingOrder } from '../../../lib/glossary/page-groups';
import type { GlossaryEntry } from '../../../lib/glossary/types';

const entry = (id: string, category: Category): GlossaryEntry =>
  ({ id, term: id, category, targets: [], summary: `${id} summary` }) as unknown as GlossaryEntry;
const ENTRIES = [
  entry('a-eco', 'ecology'),
  entry('b-eco', 'ecology'),
  entry('c-eco', 'ecology'),
  entry('d-overall', 'overall'),
  entry('e-live', 'livelihood'),
  entry('f-live', 'livelihood'),
];
const byId = new Map(ENTRIES.map((e) => [e.id, e]));
const shape = (groups: ReturnType<typeof groupInReadingOrder>) => groups.map((g) => [g.category, g.rows.map((r) => `${r.entry.id}×${r.count}`)]);

describe('groupInReadingOrder', () => {
  it('puts the areas in the glossary’s order and each area’s terms in the order the page mentions them', () => {
    const groups = groupInReadingOrder({
      counts: { 'e-live': 1, 'c-eco': 5, 'a-eco': 1, 'd-overall': 2, 'b-eco': 9 },
      order: ['e-live', 'c-eco', 'a-eco', 'b-eco', 'd-overall'],
      byId,
    });
    expect(shape(groups)).toEqual([
      ['overall', ['d-overall×2']],
      ['ecology', ['c-eco×5', 'a-eco×1', 'b-eco×9']],
      ['livelihood', ['e-live×1']],
    ]);
    const areas = groups.map((g) => g.category);
    expect(areas).toEqual(CATEGORY_IDS.filter((id) => areas.includes(id)));
  });

  it('lists terms only a frame reported (no place in the top frame’s order) after the ordered ones, most frequent first', () => {
    const groups = groupInReadingOrder({ counts: { 'a-eco': 1, 'b-eco': 2, 'c-eco': 7, 'f-live': 1 }, order: ['b-eco'], byId });
    expect(shape(groups)).toEqual([
      ['ecology', ['b-eco×2', 'c-eco×7', 'a-eco×1']],
      ['livelihood', ['f-live×1']],
    ]);
  });

  it('leaves out what has no count and ids the glossary does not have, and empty areas', () => {
    const groups = groupInReadingOrder({ counts: { 'a-eco': 0, 'gone-id': 3, 'd-overall': 1 }, order: ['gone-id', 'a-eco', 'd-overall', 'e-live'], byId });
    expect(shape(groups)).toEqual([['overall', ['d-overall×1']]]);
  });
});
