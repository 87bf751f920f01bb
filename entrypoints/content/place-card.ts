/** Places the card next to its term with Floating UI, inside the visual viewport. */
import { computePosition, flip, inline, offset, shift, size, type VirtualElement } from '@floating-ui/dom';

/**
 * What the card is placed against: the term's box, or its live range, whose line boxes let a term
 * broken over two lines get its card under the line it ends on (above: the line it starts on).
 */
export type TooltipAnchor = DOMRect | Range;

/** Between term and card. */
const GAP = 6;
/** Kept free at the viewport's edges. */
const PADDING = 8;
/** The card's caps (as in tooltip.css). */
const MAX_WIDTH = 380;
const MAX_HEIGHT = 460;
/** The least height the card gets when neither side of its term has that much room: it then covers the term. */
const MIN_HEIGHT = 120;

/**
 * Under the term, or above it when there is more room there (flip), moved sideways to stay on
 * screen (shift), its height and width capped to the room it has (size: the card scrolls inside).
 * Resolves within the same task (Floating UI's steps are all synchronous), before the next paint.
 * `current`: false once a newer placement has started, so an older one still computing writes nothing.
 */
export async function placeCard({
  card,
  anchor,
  view,
  current,
}: {
  card: HTMLElement;
  anchor: TooltipAnchor;
  view: Window;
  current: () => boolean;
}): Promise<void> {
  const viewport = visualViewportOf(view);
  const room = { padding: PADDING, boundary: viewport, rootBoundary: viewport };
  // Measured under the stylesheet's caps alone: caps left from the last placement would skew flip's choice.
  card.style.maxHeight = '';
  card.style.maxWidth = '';
  const { x, y, placement } = await computePosition(referenceOf(anchor), card, {
    // :host is position: fixed (!important, so the page cannot change it), and so is the card.
    strategy: 'fixed',
    placement: 'bottom-start',
    middleware: [
      inline(),
      offset(GAP),
      // Main axis only: shift takes care of the sides.
      flip({ ...room, crossAxis: false, flipAlignment: false }),
      shift(room),
      size({
        ...room,
        apply({ availableWidth, availableHeight }) {
          if (!current()) return;
          const floor = Math.min(MIN_HEIGHT, viewport.height - 2 * PADDING);
          card.style.maxWidth = `${Math.floor(Math.max(0, Math.min(MAX_WIDTH, availableWidth)))}px`;
          card.style.maxHeight = `${Math.floor(Math.max(0, floor, Math.min(MAX_HEIGHT, availableHeight)))}px`;
        },
      }),
      // Only when that floor leaves the card taller than its side's room: back on screen, over the term.
      { ...shift({ ...room, mainAxis: false, crossAxis: true }), name: 'shiftOnScreen' },
    ],
  });
  if (!current() || !card.isConnected) return;
  card.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
  card.dataset.side = placement.startsWith('top') ? 'above' : 'below';
}

/**
 * The visual viewport, so a pinch-zoomed page gets its card where the reader is looking. Given as
 * the boundary: no overflow box of the page's own narrows the card's room.
 */
function visualViewportOf(view: Window) {
  const visual = view.visualViewport;
  return visual
    ? { x: visual.offsetLeft, y: visual.offsetTop, width: visual.width, height: visual.height }
    : { x: 0, y: 0, width: view.innerWidth, height: view.innerHeight };
}

function referenceOf(anchor: TooltipAnchor): VirtualElement {
  return 'getClientRects' in anchor
    ? { getBoundingClientRect: () => anchor.getBoundingClientRect(), getClientRects: () => anchor.getClientRects() }
    : { getBoundingClientRect: () => anchor, getClientRects: () => [anchor] };
}
