/**
 * Lazy painting with a visibility the test drives and groups built by hand: which blocks are
 * observed when, and when a group is painted and unpainted. Boxes are in px from the top of the
 * screen; the observer's reach is 1,000 px.
 */
import { describe, expect, it } from 'vitest';
import type { BlockState, Group } from '../../../lib/scan/highlight-blocks';
import { createLazyPainting, type VisibilityRecord, type VisibilityReport } from '../../../lib/scan/lazy-paint';

const REACH = 1000;

function setup(count: number, { paintAhead = { groups: 0, chars: 0 }, unpaintAfter = -1 }: { paintAhead?: { groups: number; chars: number }; unpaintAfter?: number } = {}) {
  const elements = Array.from({ length: count }, (_, i) => ({ id: `p${i}` }) as unknown as Element);
  const group: Group = { root: undefined, members: [], chars: 0, near: false, watched: new Map(), sizing: null, confirming: null, prev: null, next: null, ahead: [] };
  for (const element of elements) group.members.push({ element, group } as BlockState);
  const states = new Map(group.members.map((state) => [state.element, state]));
  const observed = new Set<Element>();
  const log: string[] = [];
  let onChange: (report: VisibilityReport) => void = () => {};
  const lazy = createLazyPainting({
    watchVisibility: (callback) => {
      onChange = callback;
      return { observe: (el) => void observed.add(el), unobserve: (el) => void observed.delete(el), disconnect: () => observed.clear() };
    },
    stateOf: (element) => states.get(element),
    paintGroup: () => (log.push('paint'), count),
    unpaintGroup: () => (log.push('unpaint'), count),
    now: () => 0,
    // Unless a test says otherwise: nothing painted ahead, groups gone far unpainted at once.
    paintAhead,
    unpaintAfter,
  });
  const at = (i: number, top: number, height = 20): VisibilityRecord => ({ element: elements[i]!, near: top + height > -REACH && top < 900 + REACH, top, bottom: top + height });
  return {
    lazy,
    group,
    states,
    log,
    report: (...records: VisibilityRecord[]) => onChange({ reach: REACH, records }),
    at,
    /** Every block, `spacing` px apart from `top`. */
    all: (top: number, spacing: number) => elements.map((_, i) => at(i, top + i * spacing)),
    observed: () => [...observed].map((el) => (el as unknown as { id: string }).id).sort(),
  };
}

describe('createLazyPainting', () => {
  it('observes a new group’s first block at once and paints the group when it comes near', () => {
    const s = setup(3);
    s.lazy.watchFirst(s.group);
    expect(s.observed()).toEqual(['p0']);
    s.report(s.at(0, 5000));
    expect(s.log).toEqual([]);
    s.report(s.at(0, 500));
    expect(s.log).toEqual(['paint']);
    expect(s.group.near).toBe(true);
  });

  it('sizes a complete group through its first and last blocks: the two answer for a short group', () => {
    const s = setup(4);
    s.lazy.watchFirst(s.group);
    s.lazy.size(s.group);
    expect(s.observed()).toEqual(['p0', 'p3']);
    s.report(...s.all(4000, 200));
    expect(s.observed()).toEqual(['p0', 'p3']);
    expect(s.group.sizing).toBeNull();
  });

  it('unpaints a sized group once its first and last blocks are both above the screen, observing nothing new', () => {
    const s = setup(4);
    s.lazy.watchFirst(s.group);
    s.lazy.size(s.group);
    s.report(...s.all(100, 200));
    expect(s.log).toEqual(['paint']);
    s.report(s.at(0, -3000));
    expect(s.log).toEqual(['paint']);
    s.report(s.at(3, -2400));
    expect(s.log).toEqual(['paint', 'unpaint']);
    expect(s.observed()).toEqual(['p0', 'p3']);
    expect(s.group.confirming).toBeNull();
  });

  it('sizes a tall group whole: every block observed once, then only those the screen cannot pass unnoticed', () => {
    const s = setup(4);
    s.lazy.watchFirst(s.group);
    s.lazy.size(s.group);
    s.report(...s.all(4000, 600));
    expect(s.observed()).toEqual(['p0', 'p1', 'p2', 'p3']);
    // Reports split over two frames still complete the sizing.
    const [a, b, c, d] = s.all(4000, 600);
    s.report(a!, b!);
    expect(s.observed()).toEqual(['p0', 'p1', 'p2', 'p3']);
    s.report(c!, d!);
    // p0 answers for p1 (600 px below); p2 (1,200 px) needs its own; p3, the last, stays observed.
    expect(s.observed()).toEqual(['p0', 'p2', 'p3']);
    expect(s.group.sizing).toBeNull();
  });

  it('leaves a one-block group as it is', () => {
    const s = setup(1);
    s.lazy.watchFirst(s.group);
    s.lazy.size(s.group);
    expect(s.observed()).toEqual(['p0']);
    expect(s.group.sizing).toBeNull();
  });

  it('unpaints a group gone below the screen at once', () => {
    const s = setup(3);
    s.lazy.watchFirst(s.group);
    s.report(s.at(0, 100));
    s.report(s.at(0, 3000));
    expect(s.log).toEqual(['paint', 'unpaint']);
  });

  it('asks the last block of a group not yet sized before unpainting it gone above, and stops asking after', () => {
    const s = setup(3);
    s.lazy.watchFirst(s.group);
    s.report(s.at(0, 100));
    s.report(s.at(0, -3000));
    expect(s.log).toEqual(['paint']);
    expect(s.observed()).toEqual(['p0', 'p2']);
    s.report(s.at(2, -2900));
    expect(s.log).toEqual(['paint', 'unpaint']);
    expect(s.observed()).toEqual(['p0']);
    expect(s.group.confirming).toBeNull();
  });

  it('sizes a group again, still painted, whose last block is below while the first is above (an image loaded)', () => {
    const s = setup(3);
    s.lazy.watchFirst(s.group);
    s.report(s.at(0, 100));
    s.report(s.at(0, -3000));
    s.report(s.at(2, 4000));
    expect(s.log).toEqual(['paint']);
    expect(s.observed()).toEqual(['p0', 'p1', 'p2']);
    // Fresh boxes: nothing near, so nothing on screen.
    s.report(s.at(0, -3000), s.at(1, 2500), s.at(2, 3000));
    expect(s.log).toEqual(['paint', 'unpaint']);
    // p1 would answer for p2, but a group's last block stays observed.
    expect(s.observed()).toEqual(['p0', 'p1', 'p2']);
  });

  it('keeps a tall group painted while the screen is between two of its observed blocks', () => {
    const s = setup(2);
    s.lazy.watchFirst(s.group);
    s.lazy.size(s.group);
    s.report(...s.all(100, 5000));
    expect(s.observed()).toEqual(['p0', 'p1']);
    expect(s.log).toEqual(['paint']);
    // Half way down: p0 above, p1 below. A block in between may be on screen (its layout changed).
    s.report(s.at(0, -2500));
    expect(s.log).toEqual(['paint']);
    s.report(s.at(1, -2000));
    expect(s.log).toEqual(['paint', 'unpaint']);
  });

  it('hands watching over when an observed block is forgotten, and ignores reports about it after', () => {
    const s = setup(3);
    s.lazy.watchFirst(s.group);
    const [first] = s.group.members.splice(0, 1);
    s.states.delete(first!.element);
    s.lazy.removed(first!);
    expect(s.observed()).toEqual(['p1', 'p2']);
    s.report(s.at(0, 100));
    expect(s.log).toEqual([]);
  });

  it('records each report with the ranges painted and unpainted', () => {
    const records: Array<{ painted: number; unpainted: number }> = [];
    const group: Group = { root: undefined, members: [], chars: 0, near: false, watched: new Map(), sizing: null, confirming: null, prev: null, next: null, ahead: [] };
    const element = {} as Element;
    group.members.push({ element, group } as BlockState);
    let onChange: (report: VisibilityReport) => void = () => {};
    const lazy = createLazyPainting({
      watchVisibility: (callback) => ((onChange = callback), { observe() {}, unobserve() {}, disconnect() {} }),
      stateOf: () => group.members[0],
      paintGroup: () => 4,
      unpaintGroup: () => 4,
      now: () => 0,
      unpaintAfter: -1,
      recordPaint: ({ painted, unpainted }) => void records.push({ painted, unpainted }),
    });
    lazy.watchFirst(group);
    onChange({ reach: REACH, records: [{ element, near: true, top: 0, bottom: 20 }] });
    onChange({ reach: REACH, records: [{ element, near: false, top: 3000, bottom: 3020 }] });
    expect(records).toEqual([{ painted: 4, unpainted: 0 }, { painted: 0, unpainted: 4 }]);
  });

  /** Groups of one block each, one after the other, painted and unpainted for real (a flag per block). */
  function chain(count: number, { unpaintAfter }: { unpaintAfter: number }) {
    const groups = Array.from({ length: count }, (): Group => ({ root: undefined, members: [], chars: 100, near: false, watched: new Map(), sizing: null, confirming: null, prev: null, next: null, ahead: [] }));
    groups.forEach((group, i) => {
      group.next = groups[i + 1] ?? null;
      group.members.push({ element: { id: `g${i}` } as unknown as Element, group, painted: false, ranges: [] } as unknown as BlockState);
    });
    const states = new Map(groups.map((group) => [group.members[0]!.element, group.members[0]!]));
    const log: string[] = [];
    let onChange: (report: VisibilityReport) => void = () => {};
    const lazy = createLazyPainting({
      watchVisibility: (callback) => ((onChange = callback), { observe() {}, unobserve() {}, disconnect() {} }),
      stateOf: (element) => states.get(element),
      paintGroup: (group) => (group.members[0]!.painted ? 0 : (log.push(`paint g${groups.indexOf(group)}`), (group.members[0]!.painted = true), 1)),
      unpaintGroup: (group) => (group.members[0]!.painted ? (log.push(`unpaint g${groups.indexOf(group)}`), (group.members[0]!.painted = false), 1) : 0),
      now: () => 0,
      paintAhead: { groups: 1, chars: 3000 },
      unpaintAfter,
    });
    for (const group of groups) lazy.watchFirst(group);
    const report = (i: number, top: number) => onChange({ reach: REACH, records: [{ element: groups[i]!.members[0]!.element, near: top > -REACH && top < 1900, top, bottom: top + 20 }] });
    return { log, report };
  }

  it('paints the groups after one coming near in bunches, and unpaints groups gone far only along with a paint', () => {
    const { log, report } = chain(4, { unpaintAfter: 10 });
    report(0, 100);
    // Fewer than one painted group ahead: the next two are painted.
    expect(log).toEqual(['paint g0', 'paint g1', 'paint g2']);
    // g1 coming near changes nothing (g2 is ready ahead of it); g0 gone far waits for the next paint.
    report(1, 500);
    report(0, -3000);
    expect(log).toEqual(['paint g0', 'paint g1', 'paint g2']);
    report(3, 800);
    expect(log).toEqual(['paint g0', 'paint g1', 'paint g2', 'paint g3', 'unpaint g0']);
  });

  it('unpaints what a group painted ahead with it when it goes below the screen (the reader went up)', () => {
    const { log, report } = chain(4, { unpaintAfter: -1 });
    report(0, 100);
    report(0, 3000);
    expect(log).toEqual(['paint g0', 'paint g1', 'paint g2', 'unpaint g0', 'unpaint g1', 'unpaint g2']);
  });

  it('unpaints without a paint once more ranges than unpaintAfter wait', () => {
    const s = setup(3, { unpaintAfter: 2 });
    s.lazy.watchFirst(s.group);
    s.report(s.at(0, 100));
    for (const state of s.group.members) Object.assign(state, { painted: true, ranges: [{}] });
    s.report(s.at(0, 3000));
    expect(s.log).toEqual(['paint', 'unpaint']);
  });
});
