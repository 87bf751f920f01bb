/**
 * Lazy painting: a group of blocks is painted when it comes near the screen and unpainted when it
 * has gone far from it, as an IntersectionObserver tells (which blocks it observes: group-sizing.ts);
 * no box is ever read by us. Unpainting is what keeps scrolling cheap: Chromium rebuilds the markers
 * of every registered range each time a highlight changes, so ranges left behind made each later
 * paint cost more (quadratic over a long page: 12 s of main thread scrolling the stress page).
 * And since any change costs a frame's worth of rendering, changes are bunched: the groups after
 * one coming near are painted with it, and groups gone far are unpainted when something is painted.
 * (Chromium repaints the whole page after any change to a highlight: ~7 ms of PrePaint a change on
 * the stress page. Bunches of 8,000 chars instead of 3,000 made 21 changes instead of 39 scrolling
 * through it, and its main-thread time 756 ms instead of 1,009 above an empty extension's.)
 */
import { finishSizing, sizingDone, startSizing, unwatchBlock, watchBlock, type Visibility } from './group-sizing';
import type { BlockState, Group, Side } from './highlight-blocks';

export type { Visibility } from './group-sizing';

export interface VisibilityRecord {
  element: Element;
  /** Within the observer's margin around the screen. */
  near: boolean;
  /** The element's box, relative to the screen (CSS px). */
  top: number;
  bottom: number;
}

export interface VisibilityReport {
  records: VisibilityRecord[];
  /** How far above the screen the observer's margin reaches (px); 0 when unknown. */
  reach: number;
}

/**
 * Calls `onChange` with a record for each observed element when it is first observed and whenever
 * it comes near the screen or goes far from it (an IntersectionObserver in the browser; tests
 * pass one they drive themselves).
 */
export type WatchVisibility = (onChange: (report: VisibilityReport) => void) => Visibility;

export interface LazyPaintingDeps {
  watchVisibility: WatchVisibility;
  stateOf: (element: Element) => BlockState | undefined;
  /** Paint or unpaint every block of a group; how many ranges. */
  paintGroup: (group: Group) => number;
  unpaintGroup: (group: Group) => number;
  now: () => number;
  /** Told about each report handled, for the scan measures. */
  recordPaint?: (args: { start: number; end: number; painted: number; unpainted: number }) => void;
  /** Groups kept painted after one coming near (default: at least 8, or 8,000 chars of them; see paintAhead). */
  paintAhead?: { groups: number; chars: number };
  /** Ranges of groups gone far that may wait to be unpainted (default 1,500): see flushing below. */
  unpaintAfter?: number;
}

const sideOf = (record: VisibilityRecord): Side => (record.near ? 'near' : record.top < 0 ? 'above' : 'below');

/** Records what each report says of the groups it concerns; the groups it concerns. */
function take({ records, stateOf }: { records: VisibilityRecord[]; stateOf: LazyPaintingDeps['stateOf'] }): Set<Group> {
  const touched = new Set<Group>();
  for (const record of records) {
    const group = stateOf(record.element)?.group;
    // A block forgotten, or no longer observed for its group, since the report was made.
    if (!group || !group.watched.has(record.element)) continue;
    group.watched.set(record.element, sideOf(record));
    if (group.sizing?.expected.has(record.element)) group.sizing.boxes.set(record.element, record);
    touched.add(group);
  }
  return touched;
}

/**
 * Whether a group came near, or has left (once sure that it has), setting `near`. `fresh`: the
 * group was sized in this report, so its observed blocks say all there is to know.
 */
function settle({ group, fresh, visibility }: { group: Group; fresh: boolean; visibility: Visibility }): 'near' | 'far' | null {
  const sides = [...group.watched.values()];
  if (sides.includes('near')) {
    if (group.near) return null;
    group.near = true;
    return 'near';
  }
  if (!group.near || sides.includes(undefined)) return null;
  // Observed blocks all below the margin say the rest of the group, after them in the page, is too.
  if (!fresh && sides.includes('above')) {
    // Above: the blocks after them may have moved down since the group was sized (an image
    // above them loaded), so the last one is asked before unpainting. Sized groups watch it
    // (group-sizing.ts); one still being scanned has only its first block watched.
    const last = group.members[group.members.length - 1]!.element;
    const lastSide = group.watched.get(last);
    if (lastSide === undefined) {
      watchBlock({ group, element: last, visibility });
      group.confirming = last;
      return null;
    }
    // Below while another is above: the group may be taller than when it was sized.
    if (lastSide !== 'above') {
      startSizing({ group, all: true, visibility });
      return null;
    }
  }
  if (group.confirming) unwatchBlock({ group, element: group.confirming, visibility });
  group.near = false;
  return 'far';
}

/**
 * Paints the groups after one that came near (reading goes down), in bunches: once fewer than
 * `groups` painted ones lie ahead, the next `2 × groups` are painted, so that most groups coming
 * near change nothing.
 */
function paintAhead({ group, paintGroup, groups, chars }: { group: Group; paintGroup: LazyPaintingDeps['paintGroup']; groups: number; chars: number }): number {
  let ready = 0;
  for (let next = group.next; next && ready < groups && next.members.some((state) => state.painted); next = next.next) ready++;
  group.ahead = [];
  if (ready >= groups) return 0;
  let painted = 0;
  let text = 0;
  for (let next = group.next; next && group.ahead.length < 2 * groups && text <= 2 * chars; next = next.next) {
    painted += paintGroup(next);
    group.ahead.push(next);
    text += next.chars;
  }
  return painted;
}

const paintedRanges = (groups: Iterable<Group>) => {
  let n = 0;
  for (const group of groups) for (const state of group.members) if (state.painted) n += state.ranges?.length ?? 0;
  return n;
};

export function createLazyPainting({ watchVisibility, stateOf, paintGroup, unpaintGroup, now, recordPaint, paintAhead: ahead = { groups: 8, chars: 8000 }, unpaintAfter = 1500 }: LazyPaintingDeps) {
  // Every change to the highlights costs the page a few ms of rendering in the next frame, however
  // small the change: groups gone far are unpainted in a frame that paints anyway, unless too many
  // ranges wait.
  const leaving = new Set<Group>();
  const flush = () => {
    let unpainted = 0;
    for (const group of leaving) if (!group.near) unpainted += unpaintGroup(group);
    leaving.clear();
    return unpainted;
  };

  const visibility: Visibility = watchVisibility(({ records, reach }) => {
    const start = now();
    let painted = 0;
    for (const group of take({ records, stateOf })) {
      const fresh = sizingDone(group) && finishSizing({ group, reach, visibility });
      const change = settle({ group, fresh, visibility });
      if (change === 'near') painted += paintGroup(group) + paintAhead({ group, paintGroup, ...ahead });
      if (change !== 'far') continue;
      leaving.add(group);
      // Gone below the screen (the reader went up): what it painted ahead lies further below, so it
      // goes too. Gone above, what it painted ahead is still to come.
      if (![...group.watched.values()].includes('above')) for (const next of group.ahead) leaving.add(next);
      group.ahead = [];
    }
    const unpainted = painted > 0 || paintedRanges(leaving) > unpaintAfter ? flush() : 0;
    recordPaint?.({ start, end: now(), painted, unpainted });
  });

  return {
    /** A new group: its first block is observed straight away. */
    watchFirst(group: Group) {
      watchBlock({ group, element: group.members[0]!.element, visibility });
    },
    /** A complete group (its scan has moved on): sized, then observed where it needs to be. */
    size(group: Group) {
      if (group.members.length > 1) startSizing({ group, all: false, visibility });
    },
    /** A block forgotten (already out of its group's members). */
    removed({ group, element }: BlockState) {
      const sizing = group.sizing;
      const watched = group.watched.has(element);
      if (watched) unwatchBlock({ group, element, visibility });
      if (sizing?.expected.delete(element)) {
        sizing.boxes.delete(element);
        // The first or last block, gone: the new first and last are asked.
        if (!sizing.all) startSizing({ group, all: false, visibility });
      } else if (watched || group.watched.size === 0) {
        // It was the first or last block, or stood for others: the group is sized again, or blocks
        // of it would have nothing to paint them.
        startSizing({ group, all: false, visibility });
      }
    },
    disconnect() {
      visibility.disconnect();
    },
  };
}

export type LazyPainting = ReturnType<typeof createLazyPainting>;
