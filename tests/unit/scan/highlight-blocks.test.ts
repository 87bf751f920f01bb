/** Blocks, their groups and the counts, with stand-ins for elements and runs. */
import { describe, expect, it } from 'vitest';
import { createBlockStore, hitsOf } from '../../../lib/scan/highlight-blocks';
import { runHitsOf, type Hit, type RunHits } from '../../../lib/scan/run-hits';

const element = (name: string) => ({ name }) as unknown as Element;
const hit = (value: number): Hit => ({ startNode: {} as Text, startOffset: 0, endNode: {} as Text, endOffset: 1, value });
const run = (...values: number[]) => runHitsOf(values.map(hit));
const ROOT = element('body');

describe('createBlockStore', () => {
  it('counts every hit of every run, and forgets a block’s hits with it', () => {
    const store = createBlockStore();
    const p = element('p');
    store.add({ block: p, hits: run(1, 1, 2), root: ROOT, gap: 0 });
    store.add({ block: element('q'), hits: run(2), root: ROOT, gap: 0 });
    expect(store.counts()).toEqual(new Map([[1, 2], [2, 2]]));
    store.remove(store.blocks.get(p)!);
    expect(store.counts()).toEqual(new Map([[2, 1]]));
  });

  it('adds a second run of a block to the same block, built into hits only when asked', () => {
    const store = createBlockStore();
    const p = element('p');
    let built = 0;
    const lazy: RunHits = { count: 1, valueAt: () => 5, toHits: () => (built++, [hit(5)]) };
    const first = store.add({ block: p, hits: run(4), root: ROOT, gap: 0 });
    const second = store.add({ block: p, hits: lazy, root: ROOT, gap: 0 });
    expect(second).toMatchObject({ fresh: false, opened: false, closed: null });
    expect(second.state).toBe(first.state);
    expect(built).toBe(0);
    expect(hitsOf(first.state).map((h) => h.value)).toEqual([4, 5]);
    expect(built).toBe(1);
  });

  it('groups blocks found close together under one root, up to a length of text and a number of blocks', () => {
    const store = createBlockStore({ groupChars: 100, groupBlocks: 3 });
    const add = (gap: number, root = ROOT) => store.add({ block: element('p'), hits: run(1), root, gap });
    const a = add(0);
    expect(a).toMatchObject({ fresh: true, opened: true, closed: null });
    expect(add(60)).toMatchObject({ opened: false });
    // 60 + 50 chars since the group's first hit: a new group.
    const c = add(50);
    expect(c).toMatchObject({ opened: true, closed: a.state.group });
    expect(a.state.group.members).toHaveLength(2);
    add(0);
    add(0);
    // Three blocks: a new group; and another root always starts one.
    expect(add(0)).toMatchObject({ opened: true, closed: c.state.group });
    expect(add(0, element('shadow-root'))).toMatchObject({ opened: true });
  });

  it('closes the group being filled: the next block starts a new one', () => {
    const store = createBlockStore();
    const a = store.add({ block: element('p'), hits: run(1), root: ROOT, gap: 0 });
    expect(store.close()).toBe(a.state.group);
    expect(store.close()).toBeNull();
    expect(store.add({ block: element('q'), hits: run(1), root: ROOT, gap: 0 })).toMatchObject({ opened: true, closed: null });
  });

  it('takes a forgotten block out of its group', () => {
    const store = createBlockStore();
    const a = store.add({ block: element('p'), hits: run(1), root: ROOT, gap: 0 });
    const b = store.add({ block: element('q'), hits: run(1), root: ROOT, gap: 0 });
    store.remove(a.state);
    expect(b.state.group.members).toEqual([b.state]);
    expect(store.blocks.has(a.state.element)).toBe(false);
  });
});
