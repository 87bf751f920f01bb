/**
 * What the highlighter keeps per block with hits, and how blocks are grouped: a group is what one
 * IntersectionObserver target stands for (see lazy-paint.ts). Counts cover the whole page.
 */
import type { Hit, RunHits } from './scanner';

export interface PaintedRange {
  value: number;
  range: AbstractRange;
  hit: Hit;
}

/** Where a watched block was last reported: within the observer's margin around the screen, or past it. */
export type Side = 'near' | 'above' | 'below';

export interface Group {
  root: Node | undefined;
  /** In the order the scan found them (document order within a scan). */
  members: BlockState[];
  /** Text between the group's first hit and its latest one. */
  chars: number;
  /** The group is on or near the screen: its blocks are painted, and blocks found in it are painted at once. */
  near: boolean;
  /** The blocks observed for it, with where each was last reported (absent: not reported yet). */
  watched: Map<Element, Side | undefined>;
  /** While the group is being sized (see lazy-paint). */
  sizing: Sizing | null;
  /** Its last block, observed for a while to confirm that the group has left the screen (see lazy-paint). */
  confirming: Element | null;
  /** The groups found before and after it (a list kept while they hold blocks): painting looks ahead along it. */
  prev: Group | null;
  next: Group | null;
  /** Groups painted ahead of need when this one came near, unpainted with it unless near by then. */
  ahead: Group[];
}

/** Blocks of a group observed to learn where they lie, and their boxes as reported so far. */
export interface Sizing {
  expected: Set<Element>;
  boxes: Map<Element, { top: number; bottom: number }>;
  /** Every block of the group, or its first and last only (enough when they lie close together). */
  all: boolean;
}

export interface BlockState {
  element: Element;
  /** Built from `pending` when first needed (painting, hover, navigation): see hitsOf. */
  hits: Hit[];
  pending: RunHits[];
  /**
   * Made the first time the block is painted and kept while its hits stay the same: a block that
   * scrolls away and back is painted again without making new ranges (making one costs ~1 µs,
   * several times adding it to a highlight).
   */
  ranges: PaintedRange[] | null;
  painted: boolean;
  group: Group;
}

/**
 * Shared by every block until it has hits built or runs waiting (a long page has thousands of
 * blocks, most never painted: two fresh arrays each were a tenth of a scan's garbage). Never pushed to.
 */
const NONE: never[] = [];

/** A block's hits as DOM positions, built from its runs the first time they are needed. */
export function hitsOf(state: BlockState): Hit[] {
  if (state.pending.length > 0) {
    const hits = state.hits === NONE ? [] : state.hits;
    for (const run of state.pending) for (const hit of run.toHits()) hits.push(hit);
    state.hits = hits;
    state.pending = NONE;
  }
  return state.hits;
}

export function addPending(state: BlockState, hits: RunHits) {
  if (state.pending === NONE) state.pending = [hits];
  else state.pending.push(hits);
  state.ranges = null;
}

export function setHits(state: BlockState, hits: Hit[]) {
  state.hits = hits;
  state.ranges = null;
}

/**
 * Groups are kept to about half a screen of text: a group whose first and last blocks lie within
 * the observer's reach is watched through its first and last blocks; a taller one has every block
 * observed once to size it, which on the stress page (paragraphs of ~70 chars) cost more than
 * finding its terms when groups held 2,000 chars.
 */
export interface BlockStoreOptions {
  /** A group ends once this much text lies between its first hit and the next block's (default 1,000 chars). */
  groupChars?: number;
  /** …or once it holds this many blocks (default 16). */
  groupBlocks?: number;
}

export function createBlockStore({ groupChars = 1000, groupBlocks = 16 }: BlockStoreOptions = {}) {
  const blocks = new Map<Element, BlockState>();
  const counts = createCounts();
  const groups = createGroupList();
  // A group holds blocks found one after the other under the same root in the same scan, with
  // little text between them: a block found later lands next to blocks anywhere on the page, and
  // a block far down the text is far down the screen.
  let open: Group | null = null;
  const count = counts.add;

  return {
    blocks,
    count,
    /**
     * Adds a run's hits to its block, the block to a group. `fresh`: the block is new; `opened`: it
     * starts a new group (closing the one before, which is returned as `closed`).
     */
    add({ block, hits, root, gap }: { block: Element; hits: RunHits; root: Node | undefined; gap: number }) {
      for (let i = 0; i < hits.count; i++) count(hits.valueAt(i), 1);
      const known = blocks.get(block);
      if (known) {
        addPending(known, hits);
        return { state: known, fresh: false, opened: false, closed: null };
      }
      let closed: Group | null = null;
      const fits = open !== null && open.root === root && open.members.length < groupBlocks && open.chars + gap <= groupChars;
      if (open && fits) open.chars += gap;
      else {
        closed = open;
        open = groups.add(root);
      }
      const state: BlockState = { element: block, hits: NONE, pending: [hits], ranges: null, painted: false, group: open! };
      open!.members.push(state);
      blocks.set(block, state);
      return { state, fresh: true, opened: open!.members.length === 1, closed };
    },
    /** Ends the group being filled (after a scan): the next block found starts a new one. */
    close(): Group | null {
      const closed = open;
      open = null;
      return closed;
    },
    /** Forgets a block: its hits leave the counts, it leaves its group. */
    remove(state: BlockState) {
      for (const hit of hitsOf(state)) count(hit.value, -1);
      const members = state.group.members;
      members.splice(members.indexOf(state), 1);
      if (members.length === 0) {
        if (open === state.group) open = null;
        groups.unlink(state.group);
      }
      blocks.delete(state.element);
    },
    counts: counts.read,
    reset() {
      blocks.clear();
      counts.reset();
      groups.reset();
      open = null;
    },
  };
}

/** Hits per term value (a plain array: values are small integers and this runs once per hit). */
function createCounts() {
  let counts: number[] = [];
  return {
    add: (value: number, by: number) => {
      counts[value] = (counts[value] ?? 0) + by;
    },
    read(): Map<number, number> {
      const result = new Map<number, number>();
      counts.forEach((n, value) => {
        if (n > 0) result.set(value, n);
      });
      return result;
    },
    reset: () => {
      counts = [];
    },
  };
}

/** The groups in the order they were opened, linked both ways. */
function createGroupList() {
  let last: Group | null = null;
  return {
    add(root: Node | undefined): Group {
      const group: Group = { root, members: [], chars: 0, near: false, watched: new Map(), sizing: null, confirming: null, prev: last, next: null, ahead: [] };
      if (last) last.next = group;
      return (last = group);
    },
    // An empty group leaves the list, or a page that keeps adding and removing text would grow it forever.
    unlink(group: Group) {
      if (group.prev) group.prev.next = group.next;
      if (group.next) group.next.prev = group.prev;
      if (last === group) last = group.prev;
      group.prev = group.next = null;
    },
    reset: () => {
      last = null;
    },
  };
}

export type BlockStore = ReturnType<typeof createBlockStore>;
