/**
 * Keeps every hit the scanner found, per block, and paints them with the CSS Custom Highlight
 * API: the page's DOM is never touched. Counts always cover the whole page, but ranges are only
 * created for blocks on or near the screen: creating and registering ~18,000 ranges on a long
 * page costs more than finding them, and nobody sees the ones far below.
 */
import type { Hit } from './scanner';

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
}

export interface Appearance {
  style: 'underline' | 'background' | 'off';
  hidden: ReadonlySet<string>;
}

interface BlockState {
  hits: Hit[];
  painted: Array<{ group: string; range: AbstractRange; entry: PaintedRange }> | null;
}

export interface PaintedRange {
  value: number;
  range: AbstractRange;
  hit: Hit;
}

export function createHighlighter(deps: HighlighterDeps) {
  const blocks = new Map<Element, BlockState>();
  // Hit-testing looks up the text node under the pointer, so painted hits are indexed by node.
  let byNode = new WeakMap<Text, PaintedRange[]>();
  const counts = new Map<number, number>();
  const highlights = new Map<string, Highlight>();
  let enabled = true;

  // The style is chosen by the name a group is registered under: the content stylesheet has rules
  // for both names, so switching style re-registers the same Highlight objects and creates nothing.
  let appearance: Appearance = { style: 'underline', hidden: new Set() };
  const namesOf = (group: string) => [`${HIGHLIGHT_PREFIX}-${group}`, `${HIGHLIGHT_PREFIX}-bg-${group}`] as const;
  const register = (group: string, highlight: Highlight) => {
    const [underline, background] = namesOf(group);
    deps.registry.delete(underline);
    deps.registry.delete(background);
    if (appearance.style === 'off' || appearance.hidden.has(group)) return;
    deps.registry.set(appearance.style === 'background' ? background : underline, highlight);
  };

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
    state.painted = state.hits.map((hit) => {
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

  const visibility = deps.watchVisibility((elements) => {
    const start = deps.now();
    let painted = 0;
    for (const element of elements) {
      const state = blocks.get(element);
      if (state) painted += paint(element, state);
      visibility.unobserve(element);
    }
    deps.recordPaint?.({ start, end: deps.now(), painted });
  });

  const forget = (block: Element, state: BlockState) => {
    unpaint(state);
    for (const hit of state.hits) counts.set(hit.value, (counts.get(hit.value) ?? 1) - 1);
    visibility.unobserve(block);
    blocks.delete(block);
  };

  const dropHits = (block: Element, state: BlockState, drop: (hit: Hit) => boolean) => {
    const gone = state.hits.filter(drop);
    if (gone.length === 0) return;
    const wasPainted = state.painted !== null;
    unpaint(state);
    state.hits = state.hits.filter((hit) => !drop(hit));
    for (const hit of gone) counts.set(hit.value, (counts.get(hit.value) ?? 1) - 1);
    if (state.hits.length === 0) {
      visibility.unobserve(block);
      blocks.delete(block);
    } else if (wasPainted) paint(block, state);
  };

  return {
    /** Adds a run's hits to its block (a block may hold several runs around nested blocks). */
    addRun({ block, hits }: { block: Element; hits: Hit[] }) {
      if (hits.length === 0) return;
      let state = blocks.get(block);
      if (!state) {
        state = { hits: [], painted: null };
        blocks.set(block, state);
        // Watched once, when the block first has hits; painting unobserves it.
        visibility.observe(block);
      }
      // A block already on screen gets the new run painted straight away.
      if (state.painted) {
        unpaint(state);
        state.hits.push(...hits);
        paint(block, state);
      } else {
        for (const hit of hits) state.hits.push(hit);
      }
      for (const hit of hits) counts.set(hit.value, (counts.get(hit.value) ?? 0) + 1);
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
      return new Map([...counts].filter(([, n]) => n > 0));
    },

    /** The painted term at a caret position (from caretPositionFromPoint), if any. */
    hitAt({ node, offset }: { node: Node; offset: number }): PaintedRange | undefined {
      const list = node.nodeType === 3 ? byNode.get(node as Text) : undefined;
      return list?.find((entry) => {
        const { hit } = entry;
        const afterStart = node !== hit.startNode || offset >= hit.startOffset;
        const beforeEnd = node !== hit.endNode || offset < hit.endOffset;
        return afterStart && beforeEnd && !stale.has(entry) && !appearance.hidden.has(deps.groupOf(entry.value));
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

    /** Every hit, painted or not, in no particular order. */
    *allHits(): Generator<{ block: Element; hit: Hit }> {
      for (const [block, state] of blocks) for (const hit of state.hits) yield { block, hit };
    },

    /** Paints a block now, whatever its visibility (before scrolling to it). */
    paintBlock({ block }: { block: Element }) {
      const state = blocks.get(block);
      if (state) paint(block, state);
      visibility.unobserve(block);
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
      counts.clear();
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
