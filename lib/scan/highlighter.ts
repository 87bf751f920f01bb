/**
 * Keeps every hit the scanner found, per block, and paints them with the CSS Custom Highlight
 * API: the page's DOM is never touched. Counts always cover the whole page, but ranges are only
 * created for blocks on or near the screen: creating and registering ~18,000 ranges on a long
 * page costs more than finding them, and nobody sees the ones far below.
 */
import type { Hit, RunHits } from './scanner';

export const HIGHLIGHT_PREFIX = 'huantai-lens';

export interface HighlighterDeps {
  /** CSS.highlights. */
  registry: HighlightRegistry;
  createHighlight: () => Highlight;
  /** StaticRange: unlike a live Range it costs the page nothing when its DOM changes. */
  createRange: (hit: Hit) => AbstractRange;
  /**
   * Calls `onVisible` once for each observed element when it comes on or near the screen
   * (an IntersectionObserver in the browser; tests pass one they drive themselves).
   */
  watchVisibility: (onVisible: (elements: Element[]) => void) => { observe(el: Element): void; unobserve(el: Element): void; disconnect(): void };
  /** Highlight name suffix for a hit's term (its category), e.g. "ecology". */
  groupOf: (value: number) => string;
  /** Told about each painting task, for the scan measures. */
  recordPaint?: (args: { start: number; end: number; painted: number }) => void;
  now: () => number;
  /**
   * Blocks with hits are grouped, up to this many (default 8) found close together, and only the
   * first block of each group is watched; when it comes near the screen its group is painted
   * (groups are short: see groupChars). Observing is not free (~1 µs per element, cold): watching all 3,000 blocks
   * of a long page cost more than finding their terms.
   */
  watchEvery?: number;
  /** A group ends once this much text (default 2,000 chars, about a screen) lies between its first block and the next. */
  groupChars?: number;
}

export interface Appearance {
  style: 'underline' | 'background' | 'off';
  /** Groups not painted and not explained (areas the reader switched off, national terms off-context). */
  hidden: ReadonlySet<string>;
  /** Groups painted in the quiet style whatever the style (national terms on a page about elsewhere). */
  quiet?: ReadonlySet<string>;
}

interface BlockState {
  /** Built from `pending` when first needed (painting, hover, navigation): see hitsOf. */
  hits: Hit[];
  pending: RunHits[];
  painted: Array<{ group: string; range: AbstractRange; entry: PaintedRange }> | null;
  /** Position in `order`. */
  index: number;
  watched: boolean;
  /** A watched block that has come near the screen: blocks found next to it are painted at once. */
  seen: boolean;
  /** Index in `order` of its group's first block (the watched one). */
  group: number;
}

export interface PaintedRange {
  value: number;
  range: AbstractRange;
  hit: Hit;
}

/**
 * Shared by every block until it has hits built or runs waiting (a long page has thousands of
 * blocks, most never painted: two fresh arrays each were a tenth of a scan's garbage). Never pushed to.
 */
const NONE: never[] = [];

/** A block's hits as DOM positions, built from its runs the first time they are needed. */
function hitsOf(state: BlockState): Hit[] {
  if (state.pending.length > 0) {
    const hits = state.hits === NONE ? [] : state.hits;
    for (const run of state.pending) for (const hit of run.toHits()) hits.push(hit);
    state.hits = hits;
    state.pending = NONE;
  }
  return state.hits;
}

function addPending(state: BlockState, hits: RunHits) {
  if (state.pending === NONE) state.pending = [hits];
  else state.pending.push(hits);
}

export function createHighlighter(deps: HighlighterDeps) {
  const blocks = new Map<Element, BlockState>();
  // Hit-testing looks up the text node under the pointer, so painted hits are indexed by node.
  let byNode = new WeakMap<Text, PaintedRange[]>();
  /** Hits per term value (a plain array: values are small integers and this runs once per hit). */
  let counts: number[] = [];
  const watchEvery = Math.max(1, deps.watchEvery ?? 8);
  /** Blocks in the order they were first found (document order within a scan); null once forgotten. */
  const order: Array<Element | null> = [];
  const groupChars = deps.groupChars ?? 2000;
  // A group holds blocks found one after the other under the same root in the same scan, with
  // little text between them: a paragraph the page adds later lands at the end of `order`, next
  // to blocks anywhere on the page, and a block far down the text is far down the screen.
  let groupRoot: Node | undefined;
  let group = -1;
  let charsInGroup = 0;
  const highlights = new Map<string, Highlight>();
  let enabled = true;

  // The style is chosen by the name a group is registered under: the content stylesheet has rules
  // for both names, so switching style re-registers the same Highlight objects and creates nothing.
  let appearance: Appearance = { style: 'underline', hidden: new Set() };
  const namesOf = (group: string) =>
    [`${HIGHLIGHT_PREFIX}-${group}`, `${HIGHLIGHT_PREFIX}-bg-${group}`, `${HIGHLIGHT_PREFIX}-quiet-${group}`] as const;
  const register = (group: string, highlight: Highlight) => {
    const [underline, background, quiet] = namesOf(group);
    for (const name of namesOf(group)) deps.registry.delete(name);
    if (appearance.style === 'off' || appearance.hidden.has(group)) return;
    const name = appearance.quiet?.has(group) ? quiet : appearance.style === 'background' ? background : underline;
    deps.registry.set(name, highlight);
  };
  const isShown = (value: number) => !appearance.hidden.has(deps.groupOf(value));

  const highlightFor = (group: string) => {
    let highlight = highlights.get(group);
    if (!highlight) {
      highlight = deps.createHighlight();
      highlights.set(group, highlight);
      register(group, highlight);
    }
    return highlight;
  };

  const paint = (block: Element, state: BlockState) => {
    if (state.painted || !enabled) return 0;
    state.painted = hitsOf(state).map((hit) => {
      const group = deps.groupOf(hit.value);
      const range = deps.createRange(hit);
      highlightFor(group).add(range);
      const entry = { value: hit.value, range, hit };
      for (let node: Node | null = hit.startNode; node; node = node === hit.endNode ? null : nextText(node)) {
        const live = (byNode.get(node as Text) ?? []).filter((e) => !stale.has(e));
        byNode.set(node as Text, [...live, entry]);
      }
      return { group, range, entry };
    });
    return state.painted.length;
  };

  const unpaint = (state: BlockState) => {
    for (const { group, range } of state.painted ?? []) highlights.get(group)?.delete(range);
    for (const { entry } of state.painted ?? []) stale.add(entry);
    state.painted = null;
  };
  // Unpainted entries stay in byNode until their text node is collected; this marks them stale.
  const stale = new WeakSet<PaintedRange>();

  /** The blocks still on the page of the group starting at `group` in `order`, from position `from` on. */
  function* membersOf(group: number, from = group): Generator<[Element, BlockState]> {
    for (let i = from; i < order.length; i++) {
      const block = order[i];
      const state = block ? blocks.get(block) : undefined;
      if (!block || !state) continue;
      if (state.group !== group) return;
      yield [block, state];
    }
  }

  /** Paints a watched block's group (with dryRun, counts its unpainted blocks). */
  const paintAround = (state: BlockState, { dryRun = false }: { dryRun?: boolean } = {}) => {
    let painted = 0;
    for (const [block, near] of membersOf(state.group)) {
      if (!dryRun) painted += paint(block, near);
      else if (!near.painted) painted++;
    }
    return painted;
  };

  const watch = (block: Element, state: BlockState) => {
    state.watched = true;
    visibility.observe(block);
  };

  const visibility = deps.watchVisibility((elements) => {
    const start = deps.now();
    let painted = 0;
    for (const element of elements) {
      const state = blocks.get(element);
      if (state) {
        state.seen = true;
        state.watched = false;
        painted += paintAround(state);
      }
      visibility.unobserve(element);
    }
    deps.recordPaint?.({ start, end: deps.now(), painted });
  });

  const forget = (block: Element, state: BlockState) => {
    unpaint(state);
    for (const hit of hitsOf(state)) counts[hit.value] = (counts[hit.value] ?? 1) - 1;
    if (state.watched) {
      visibility.unobserve(block);
      // The blocks it stood for are watched themselves now, or nothing would paint them.
      for (const [near, nearState] of membersOf(state.group, state.index + 1)) {
        if (!nearState.painted && !nearState.watched) watch(near, nearState);
      }
    }
    order[state.index] = null;
    blocks.delete(block);
  };

  const dropHits = (block: Element, state: BlockState, drop: (hit: Hit) => boolean) => {
    const gone = hitsOf(state).filter(drop);
    if (gone.length === 0) return;
    const wasPainted = state.painted !== null;
    unpaint(state);
    state.hits = state.hits.filter((hit) => !drop(hit));
    for (const hit of gone) counts[hit.value] = (counts[hit.value] ?? 1) - 1;
    if (state.hits.length === 0) forget(block, state);
    else if (wasPainted) paint(block, state);
  };

  return {
    /**
     * Adds a run's hits to its block (a block may hold several runs around nested blocks). `gap`:
     * how much text the scan passed since the last run it reported.
     */
    addRun({ block, hits, root, gap = 0 }: { block: Element; hits: RunHits; root?: Node; gap?: number }) {
      if (hits.count === 0) return;
      for (let i = 0; i < hits.count; i++) counts[hits.valueAt(i)] = (counts[hits.valueAt(i)] ?? 0) + 1;
      let state = blocks.get(block);
      if (!state) {
        const index = order.length;
        const leader = group >= 0 ? order[group] : null;
        const leaderState = leader ? blocks.get(leader) : undefined;
        charsInGroup += gap;
        const newGroup = root !== groupRoot || !leaderState || index - group >= watchEvery || charsInGroup > groupChars;
        if (newGroup) {
          group = index;
          groupRoot = root;
          charsInGroup = 0;
        }
        state = { hits: NONE, pending: [hits], painted: null, index, watched: false, seen: false, group };
        blocks.set(block, state);
        order.push(block);
        // In a group whose watched block is already near the screen: paint now.
        if (newGroup) watch(block, state);
        else if (leaderState?.seen) paint(block, state);
        return;
      }
      // A block already on screen gets the new run painted straight away.
      if (state.painted) {
        unpaint(state);
        addPending(state, hits);
        paint(block, state);
      } else {
        addPending(state, hits);
      }
    },

    /** Drops everything found inside `root` (before it is rescanned) and in blocks no longer in the page. */
    clearWithin({ roots }: { roots: readonly Node[] }) {
      // A root that is not an element (a shadow root, a text node) can hold hits of a block outside
      // it: text at the top of a shadow root belongs to the block around its host.
      const partial = roots.filter((root) => root.nodeType !== 1 && root.nodeType !== 9);
      for (const [block, state] of blocks) {
        if (!block.isConnected || roots.some((root) => root.contains(block))) forget(block, state);
        else if (partial.length > 0) dropHits(block, state, (hit) => partial.some((root) => isInside(root, hit.startNode)));
      }
    },

    counts(): Map<number, number> {
      const result = new Map<number, number>();
      counts.forEach((n, value) => {
        if (n > 0) result.set(value, n);
      });
      return result;
    },

    /** The painted term at a caret position (from caretPositionFromPoint), if any. */
    hitAt({ node, offset }: { node: Node; offset: number }): PaintedRange | undefined {
      const list = node.nodeType === 3 ? byNode.get(node as Text) : undefined;
      return list?.find((entry) => {
        const { hit } = entry;
        const afterStart = node !== hit.startNode || offset >= hit.startOffset;
        const beforeEnd = node !== hit.endNode || offset < hit.endOffset;
        return afterStart && beforeEnd && !stale.has(entry) && isShown(entry.value);
      });
    },

    *paintedRanges(): Generator<PaintedRange> {
      for (const state of blocks.values()) {
        if (!state.painted) continue;
        for (let i = 0; i < state.hits.length; i++) {
          yield { value: state.hits[i]!.value, range: state.painted[i]!.range, hit: state.hits[i]! };
        }
      }
    },

    /** Every hit of a shown group, painted or not, in no particular order. */
    *allHits(): Generator<{ block: Element; hit: Hit }> {
      for (const [block, state] of blocks) for (const hit of hitsOf(state)) if (isShown(hit.value)) yield { block, hit };
    },

    /**
     * Paints every group that spans the screen although its watched (first) block is far from it:
     * a group taller than the margin around the screen (photos between its paragraphs) that the
     * page jumped into the middle of (a restored scroll position, an anchor). Reads two boxes per
     * group whose watched block has not come near the screen yet.
     */
    paintSpanning({ verticalOf, height }: { verticalOf: (block: Element) => { top: number; bottom: number }; height: number }): number {
      let painted = 0;
      for (let i = 0; i < order.length; i++) {
        const first = order[i];
        const state = first ? blocks.get(first) : undefined;
        if (!first || !state || state.group !== i || state.seen) continue;
        let last = first;
        for (const [member] of membersOf(i, i + 1)) last = member;
        if (last === first) continue;
        const top = verticalOf(first).top;
        const bottom = verticalOf(last).bottom;
        if (top < 2 * height && bottom > -height) painted += paintAround(state);
      }
      return painted;
    },

    /** Paints a block now, whatever its visibility (before scrolling to it). */
    paintBlock({ block }: { block: Element }) {
      const state = blocks.get(block);
      if (!state) return;
      paint(block, state);
      // A watched block keeps watching for the blocks it stands for, until they are all painted.
      if (state.watched && paintAround(state, { dryRun: true }) === 0) {
        state.watched = false;
        visibility.unobserve(block);
      }
    },

    /**
     * How highlights look: underlined, as a background, or not painted at all (hover still
     * explains terms), and which groups (the report's areas) are hidden and not explained.
     */
    setAppearance(next: Appearance) {
      appearance = next;
      for (const [group, highlight] of highlights) register(group, highlight);
    },

    setEnabled(value: boolean) {
      enabled = value;
      if (!value) {
        for (const state of blocks.values()) unpaint(state);
      } else {
        for (const block of blocks.keys()) visibility.observe(block);
      }
    },

    destroy() {
      visibility.disconnect();
      for (const state of blocks.values()) unpaint(state);
      for (const group of highlights.keys()) for (const name of namesOf(group)) deps.registry.delete(name);
      blocks.clear();
      counts = [];
      order.length = 0;
      groupRoot = undefined;
      group = -1;
      byNode = new WeakMap();
    },
  };
}

export type Highlighter = ReturnType<typeof createHighlighter>;

/** The next text node in document order (a hit spans consecutive text nodes of one run). */
function nextText(node: Node): Node | null {
  let current: Node | null = node;
  do {
    if (current.firstChild) current = current.firstChild;
    else {
      while (current && !current.nextSibling) current = current.parentNode;
      current = current?.nextSibling ?? null;
    }
  } while (current && current.nodeType !== 3);
  return current;
}

/** Is `node` inside `root`, looking through shadow roots to their hosts? */
function isInside(root: Node, node: Node): boolean {
  for (let current: Node | null = node; current; current = current.parentNode ?? (current.nodeType === 11 ? (current as ShadowRoot).host : null)) {
    if (current === root) return true;
  }
  return false;
}
