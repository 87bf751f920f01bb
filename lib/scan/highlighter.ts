/**
 * Keeps every hit the scanner found, per block, and paints them with the CSS Custom Highlight
 * API: the page's DOM is never touched. Counts always cover the whole page, but ranges are only
 * registered for blocks on or near the screen: creating ~15,000 ranges on a long page costs more
 * than finding them, and Chromium's cost for every later change grows with how many are registered.
 *
 * The parts: highlight-blocks (blocks, their groups, counts), paint (ranges in highlights),
 * lazy-paint (which groups are near the screen), clearing (before a rescan).
 */
import { clearWithin, dropBlockHits } from './clearing';
import { createBlockStore, hitsOf, type BlockState, type BlockStore, type PaintedRange } from './highlight-blocks';
import { createLazyPainting, type LazyPainting, type LazyPaintingDeps, type WatchVisibility } from './lazy-paint';
import { createPainter, sameAppearance, type Appearance, type Painter, type PainterDeps } from './paint';
import { createFirstOccurrences } from './first-occurrences';
import { blockOf, type Hit, type RunHits } from './scanner';

export { HIGHLIGHT_PREFIX, type Appearance } from './paint';
export type { PaintedRange } from './highlight-blocks';
export type { VisibilityRecord, VisibilityReport, WatchVisibility } from './lazy-paint';

export interface HighlighterDeps extends PainterDeps, Pick<LazyPaintingDeps, 'recordPaint' | 'paintAhead' | 'unpaintAfter'> {
  watchVisibility: WatchVisibility;
  now: () => number;
  /** See BlockStoreOptions. */
  groupChars?: number;
  groupBlocks?: number;
}

export function createHighlighter(deps: HighlighterDeps) {
  const store = createBlockStore({ groupChars: deps.groupChars, groupBlocks: deps.groupBlocks });
  const firsts = createFirstOccurrences({ blocks: () => store.blocks.values() });
  const painter = createPainter({ ...deps, isFirst: firsts.isFirst });
  const lazy = createLazyPainting({
    watchVisibility: deps.watchVisibility,
    stateOf: (element) => store.blocks.get(element),
    paintGroup: (group) => group.members.reduce((n, state) => n + painter.paint(state), 0),
    unpaintGroup: (group) => group.members.reduce((n, state) => n + painter.unpaint(state), 0),
    now: deps.now,
    recordPaint: deps.recordPaint,
    paintAhead: deps.paintAhead,
    unpaintAfter: deps.unpaintAfter,
  });
  const forget = (state: BlockState) => {
    firsts.forget();
    painter.unpaint(state);
    store.remove(state);
    lazy.removed(state);
  };
  const dropHits = (state: BlockState, drop: (hit: Hit) => boolean) => dropBlockHits({ state, drop, store, painter, forget });

  return {
    /**
     * Adds a run's hits to its block (a block may hold several runs around nested blocks). `gap`:
     * how much text the scan passed since the last run it reported.
     */
    addRun: (run: { block: Element; hits: RunHits; root?: Node; gap?: number }) => {
      addRun({ ...run, store, painter, lazy });
      firsts.added(store.blocks.get(run.block));
    },

    /** The scan is over: the group it was filling is complete (blocks found later start new ones). */
    endScan() {
      const closed = store.close();
      if (closed) lazy.size(closed);
    },

    /** Drops everything found inside `roots` (before they are rescanned) and in blocks no longer in the page. */
    clearWithin({ roots }: { roots: readonly Node[] }) {
      clearWithin({ roots, blocks: store.blocks, forget, dropHits });
      // A first occurrence cleared: the next one of its term is painted in its place.
      if (painter.density() === 'first') repaintPainted({ store, painter });
    },

    ...readersOf({ store, painter }),
    ...switchesOf({ store, painter }),

    destroy() {
      lazy.disconnect();
      for (const state of store.blocks.values()) painter.unpaint(state);
      painter.destroy();
      store.reset();
    },
  };
}

export type Highlighter = ReturnType<typeof createHighlighter>;

/** What is found and painted: counts, the term under the pointer, the ranges in view. */
function readersOf({ store, painter }: { store: BlockStore; painter: Painter }) {
  return {
    counts: (): Map<number, number> => store.counts(),

    /** The painted term at a caret position (from caretPositionFromPoint), if any. */
    hitAt: ({ node, offset }: { node: Node; offset: number }): PaintedRange | undefined => paintedHitAt({ store, painter, node, offset }),

    *paintedRanges(): Generator<PaintedRange> {
      for (const state of store.blocks.values()) if (state.painted && state.ranges) for (const entry of state.ranges) if (painter.paints(entry.hit)) yield entry;
    },

    /** Every hit painted once its block is (of a shown group, kept by the density), in no particular order. */
    *allHits(): Generator<{ block: Element; hit: Hit }> {
      for (const [block, state] of store.blocks) for (const hit of hitsOf(state)) if (painter.paints(hit)) yield { block, hit };
    },
  };
}

/** What the reader's settings and the keyboard change: how terms look, painting on or off, a block painted ahead of a scroll. */
function switchesOf({ store, painter }: { store: BlockStore; painter: Painter }) {
  return {
    /** Paints a block now, whatever its visibility (before scrolling to it); it is unpainted with its group. */
    paintBlock({ block }: { block: Element }) {
      const state = store.blocks.get(block);
      if (state) painter.paint(state);
    },

    /**
     * How highlights look: underlined, as a background, or not painted at all (hover still
     * explains terms), and which groups (the report's areas) are hidden and not explained.
     */
    setAppearance(next: Appearance) {
      // Every settings change and the page's context come through here; most leave what is painted
      // as it is, and moving every painted range out and in again costs the page a repaint.
      if (sameAppearance(painter.appearance(), next)) return;
      // Names follow the appearance: what is painted comes out under the old one, goes in under the new.
      repaintPainted({ store, painter, between: () => painter.setAppearance(next) });
    },

    setEnabled(value: boolean) {
      painter.setEnabled(value);
      // Visibility was followed all along: the groups near the screen now are painted.
      for (const state of store.blocks.values()) {
        if (!value) painter.unpaint(state);
        else if (state.group.near) painter.paint(state);
      }
    },
  };
}

/** Paints the painted blocks again, after what a block shows has changed (`between`: what changes it, once all are unpainted). */
function repaintPainted({ store, painter, between }: { store: BlockStore; painter: Painter; between?: () => void }) {
  const painted = [...store.blocks.values()].filter((state) => state.painted);
  for (const state of painted) painter.unpaint(state);
  between?.();
  for (const state of painted) painter.paint(state);
}

function addRun({ block, hits, root, gap = 0, store, painter, lazy }: { block: Element; hits: RunHits; root?: Node; gap?: number; store: BlockStore; painter: Painter; lazy: LazyPainting }) {
  if (hits.count === 0) return;
  // A painted block is painted again with the new run's hits.
  const known = store.blocks.get(block);
  const repaint = known?.painted === true;
  if (known) painter.unpaint(known);
  const { state, opened, closed } = store.add({ block, hits, root, gap });
  if (closed) lazy.size(closed);
  if (opened) lazy.watchFirst(state.group);
  if (repaint || state.group.near) painter.paint(state);
}

/** Hover looks up the block of the text node under the pointer, then its painted ranges. */
function paintedHitAt({ store, painter, node, offset }: { store: BlockStore; painter: Painter; node: Node; offset: number }): PaintedRange | undefined {
  const block = node.nodeType === 3 ? blockOf(node) : null;
  const state = block ? store.blocks.get(block) : undefined;
  if (!state?.painted || !state.ranges) return undefined;
  return state.ranges.find((entry) => covers(entry.hit, node, offset) && painter.paints(entry.hit));
}

/** Does a hit cover the char at `offset` in `node` (a hit may span several text nodes of its block)? */
function covers(hit: Hit, node: Node, offset: number): boolean {
  if (node === hit.startNode) return offset >= hit.startOffset && (node !== hit.endNode || offset < hit.endOffset);
  if (node === hit.endNode) return offset < hit.endOffset;
  if (hit.startNode === hit.endNode) return false;
  const FOLLOWING = 4;
  return (hit.startNode.compareDocumentPosition(node) & FOLLOWING) !== 0 && (node.compareDocumentPosition(hit.endNode) & FOLLOWING) !== 0;
}
