/**
 * The first occurrence of each term on the page, for the density setting's "first occurrence"
 * (reading aids mark a term once, where the reader first meets it). First in the order blocks
 * were scanned: document order, except that text a page adds later counts after what was there.
 * Worked out when first asked and kept until a block is forgotten; blocks added since are read
 * in when asked, so a page that never asks (density "every") pays nothing.
 */
import { hitsOf, type BlockState } from './highlight-blocks';
import type { Hit } from './scanner';

export function createFirstOccurrences({ blocks }: { blocks: () => Iterable<BlockState> }) {
  let first: Map<number, Hit> | null = null;
  /** Blocks already read into `first`. */
  const read = new Set<BlockState>();

  let unread = false;
  const readIn = (state: BlockState) => {
    read.add(state);
    for (const hit of hitsOf(state)) if (!first!.has(hit.value)) first!.set(hit.value, hit);
  };

  return {
    isFirst(hit: Hit): boolean {
      if (first === null) {
        first = new Map();
        read.clear();
        unread = true;
      }
      if (unread) {
        for (const state of blocks()) if (!read.has(state)) readIn(state);
        unread = false;
      }
      return first.get(hit.value) === hit;
    },
    /** Hits were added to a block (a new one, or a run more in a known one, which is read again). */
    added(state: BlockState | undefined) {
      if (state) read.delete(state);
      unread = true;
    },
    /** A block's hits changed or went: worked out again when next asked. */
    forget() {
      first = null;
    },
  };
}
