/**
 * Clearing before a rescan: what the highlighter holds inside the roots about to be scanned again
 * goes, or their hits would be counted twice; so does whatever the page has removed meanwhile.
 */
import { hitsOf, setHits, type BlockState, type BlockStore } from './highlight-blocks';
import type { Painter } from './paint';
import type { Hit } from './scanner';

export interface ClearingDeps<S> {
  /** Every block the highlighter holds, with its state. */
  blocks: Iterable<[Element, S]>;
  forget: (state: S) => void;
  /** Drops the hits of a block for which `drop` says so (a block left with none is forgotten). */
  dropHits: (state: S, drop: (hit: Hit) => boolean) => void;
}

export function clearWithin<S>({ roots, blocks, forget, dropHits }: { roots: readonly Node[] } & ClearingDeps<S>) {
  // A root that is not an element (a shadow root, a text node) can hold hits of a block outside
  // it: text at the top of a shadow root belongs to the block around its host.
  const partial = roots.filter((root) => root.nodeType !== 1 && root.nodeType !== 9);
  for (const [block, state] of blocks) {
    if (!block.isConnected || roots.some((root) => root.contains(block))) forget(state);
    else if (partial.length > 0) dropHits(state, (hit) => partial.some((root) => isInside(root, hit.startNode)));
  }
}

/** Drops some hits of a block (those in a shadow root about to be rescanned); a block left with none is forgotten. */
export function dropBlockHits({ state, drop, store, painter, forget }: {
  state: BlockState;
  drop: (hit: Hit) => boolean;
  store: Pick<BlockStore, 'count'>;
  painter: Pick<Painter, 'paint' | 'unpaint'>;
  forget: (state: BlockState) => void;
}) {
  const hits = hitsOf(state);
  const kept = hits.filter((hit) => !drop(hit));
  if (kept.length === hits.length) return;
  if (kept.length === 0) return forget(state);
  for (const hit of hits) if (drop(hit)) store.count(hit.value, -1);
  // Painted again with what is left: its ranges are made anew.
  const wasPainted = painter.unpaint(state) > 0;
  setHits(state, kept);
  if (wasPainted) painter.paint(state);
}

/** Is `node` inside `root`, looking through shadow roots to their hosts? */
export function isInside(root: Node, node: Node): boolean {
  for (let current: Node | null = node; current; current = current.parentNode ?? (current.nodeType === 11 ? (current as ShadowRoot).host : null)) {
    if (current === root) return true;
  }
  return false;
}
