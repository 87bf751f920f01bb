/**
 * Moves between the terms of a page from the keyboard (the manifest's next/previous commands):
 * paints the target block if it was off screen, scrolls it into view and opens its tooltip, telling
 * it where the term is among the page's terms ("3 / 27").
 */
import type { Highlighter, PaintedRange } from '../../lib/scan/highlighter';
import type { Hit } from '../../lib/scan/scanner';

export interface TermNavigatorDeps {
  document: Document;
  highlighter: Highlighter;
  /** Opens the tooltip for a term and moves focus into it; `position` counts the terms shown, in document order. */
  open: (args: { painted: PaintedRange; position?: { index: number; total: number } }) => void;
}

export function createTermNavigator({ document, highlighter, open }: TermNavigatorDeps) {
  let current: Hit | null = null;

  /** Where reading is now: the last term visited, else the top of the viewport. */
  const reference = (): { node: Node; offset: number } | null => {
    if (current?.startNode.isConnected) return { node: current.startNode, offset: current.startOffset };
    const view = document.defaultView;
    const caret = view && document.caretPositionFromPoint?.(Math.min(40, view.innerWidth / 2), 2);
    return caret ? { node: caret.offsetNode, offset: caret.offset } : null;
  };

  return {
    move({ direction }: { direction: 'next' | 'previous' }): boolean {
      const from = reference();
      let best: { block: Element; hit: Hit } | null = null;
      let wrap: { block: Element; hit: Hit } | null = null;
      let total = 0;
      for (const candidate of highlighter.allHits()) {
        const { hit } = candidate;
        if (!hit.startNode.isConnected) continue;
        total += 1;
        const order = from ? compare(hit, from) : 1;
        const ahead = direction === 'next' ? order > 0 : order < 0;
        // Nearest term ahead; if none, wrap around to the farthest one behind.
        if (ahead && (!best || (direction === 'next' ? compare(hit, point(best.hit)) < 0 : compare(hit, point(best.hit)) > 0))) best = candidate;
        if (!wrap || (direction === 'next' ? compare(hit, point(wrap.hit)) < 0 : compare(hit, point(wrap.hit)) > 0)) wrap = candidate;
      }
      const target = best ?? wrap;
      if (!target) return false;
      current = target.hit;
      highlighter.paintBlock({ block: target.block });
      target.hit.startNode.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
      const painted = highlighter.hitAt({ node: target.hit.startNode, offset: target.hit.startOffset });
      if (painted) open({ painted, position: { index: 1 + termsBefore({ highlighter, hit: target.hit }), total } });
      return true;
    },
    /**
     * Scrolls to the first occurrence of a term in document order and flashes it, or with `card`
     * (the side panel) opens its card there, as the keyboard does.
     */
    reveal({ value, flash, card = false }: { value: number; flash: (args: { range: AbstractRange }) => void; card?: boolean }): boolean {
      const first = firstOccurrences({ highlighter, only: value }).get(value);
      if (!first) return false;
      highlighter.paintBlock({ block: first.block });
      first.hit.startNode.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
      const painted = highlighter.hitAt({ node: first.hit.startNode, offset: first.hit.startOffset });
      if (painted && card) open({ painted });
      else if (painted) flash({ range: painted.range });
      current = first.hit;
      return true;
    },
    /** The terms shown, in the order a reader meets them: by their first occurrence in the document. */
    readingOrder(): number[] {
      return [...firstOccurrences({ highlighter }).values()].sort((a, b) => compare(a.hit, point(b.hit))).map(({ hit }) => hit.value);
    },
  };
}

/**
 * Each shown term's first occurrence in document order (or only that of `only`). The highlighter
 * keeps blocks in the order they were scanned, not the document's: text added later comes last.
 */
function firstOccurrences({ highlighter, only }: { highlighter: Highlighter; only?: number }) {
  const first = new Map<number, { block: Element; hit: Hit }>();
  for (const candidate of highlighter.allHits()) {
    const { hit } = candidate;
    if ((only !== undefined && hit.value !== only) || !hit.startNode.isConnected) continue;
    const known = first.get(hit.value);
    if (!known || compare(hit, point(known.hit)) < 0) first.set(hit.value, candidate);
  }
  return first;
}

/** How many shown terms of the page start before this one. */
function termsBefore({ highlighter, hit }: { highlighter: Highlighter; hit: Hit }): number {
  let before = 0;
  for (const candidate of highlighter.allHits()) {
    if (candidate.hit.startNode.isConnected && compare(candidate.hit, point(hit)) < 0) before += 1;
  }
  return before;
}

const point = (hit: Hit) => ({ node: hit.startNode as Node, offset: hit.startOffset });

/** Document order of a hit's start against a DOM point: negative before, positive after. */
function compare(hit: Hit, at: { node: Node; offset: number }): number {
  if (hit.startNode === at.node) return hit.startOffset - at.offset;
  const relation = at.node.compareDocumentPosition(hit.startNode);
  if (relation & Node.DOCUMENT_POSITION_FOLLOWING) return 1;
  if (relation & Node.DOCUMENT_POSITION_PRECEDING) return -1;
  return 0;
}
