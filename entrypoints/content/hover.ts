/**
 * Decides when the tooltip opens and closes. Highlights receive no events, so the term under the
 * pointer is found from the caret position at the point, matched against the painted ranges.
 */
import type { Highlighter, PaintedRange } from '../../lib/scan/highlighter';

export interface HoverDeps {
  window: Window;
  document: Document;
  highlighter: Highlighter;
  /** Shadow roots the scanner found: caretPositionFromPoint only looks inside those it is given. */
  shadowRoots: () => ShadowRoot[];
  isTooltip: (target: EventTarget | null) => boolean;
  open: (args: { painted: PaintedRange }) => void;
  close: () => void;
  isOpen: () => boolean;
  /** Read on every hover, so a settings change applies at once. */
  delayMs: () => number;
  /** 'click': the pointer resting on a term does nothing; a click (or tap) opens it. */
  trigger: () => 'hover' | 'click';
}

export function caretAt({ document, x, y, shadowRoots }: { document: Document; x: number; y: number; shadowRoots: ShadowRoot[] }) {
  if (typeof document.caretPositionFromPoint === 'function') {
    const position = document.caretPositionFromPoint(x, y, { shadowRoots });
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  // Safari and Chromium before 128 only have the older, non-standard API.
  const legacy = (document as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint;
  const range = legacy?.call(document, x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

export function watchHover(deps: HoverDeps) {
  const { window, document } = deps;
  let pending: { timer: number; painted: PaintedRange } | null = null;
  let openRange: PaintedRange | null = null;
  let frame = 0;
  let last = { x: 0, y: 0 };

  const termAt = (x: number, y: number): PaintedRange | undefined => {
    const caret = caretAt({ document, x, y, shadowRoots: deps.shadowRoots() });
    if (!caret) return undefined;
    const painted = deps.highlighter.hitAt(caret);
    if (!painted) return undefined;
    // The caret snaps to the nearest character even in blank space beside a line: check the box.
    const rects = toLiveRange(painted).getClientRects();
    for (const rect of rects) {
      if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return painted;
    }
    return undefined;
  };

  const cancelPending = () => {
    if (pending) window.clearTimeout(pending.timer);
    pending = null;
  };

  const close = () => {
    cancelPending();
    if (openRange || deps.isOpen()) deps.close();
    openRange = null;
  };

  const openNow = (painted: PaintedRange) => {
    cancelPending();
    openRange = painted;
    deps.open({ painted });
  };

  const consider = () => {
    frame = 0;
    const painted = termAt(last.x, last.y);
    if (painted && painted.range === openRange?.range) return cancelPending();
    if (!painted) {
      cancelPending();
      return;
    }
    if (pending?.painted.range === painted.range) return;
    cancelPending();
    pending = { painted, timer: window.setTimeout(() => openNow(painted), deps.delayMs()) };
  };

  const onPointerMove = (event: PointerEvent) => {
    if (event.pointerType === 'touch' || deps.trigger() === 'click') return;
    if (deps.isTooltip(event.target)) {
      cancelPending();
      return;
    }
    last = { x: event.clientX, y: event.clientY };
    if (!frame) frame = window.requestAnimationFrame(consider);
    if (openRange && !termAt(event.clientX, event.clientY)) scheduleClose();
  };

  // Leaving the term for the tooltip crosses a small gap; give the pointer time to arrive.
  let closeTimer = 0;
  const scheduleClose = () => {
    if (closeTimer) return;
    closeTimer = window.setTimeout(() => {
      closeTimer = 0;
      if (!hoveringTooltip && !termAt(last.x, last.y)) close();
    }, 250);
  };
  let hoveringTooltip = false;
  const onPointerOver = (event: PointerEvent) => {
    // A tap fires pointerover before its pointerdown; touch has no hover to leave, and the close
    // check would test the last *mouse* position, closing a card just opened by the tap.
    // In click-only mode the pointer position is not tracked and leaving does not close either.
    if (event.pointerType === 'touch' || deps.trigger() === 'click') return;
    hoveringTooltip = deps.isTooltip(event.target);
    if (!hoveringTooltip && openRange) scheduleClose();
  };

  const onPointerDown = (event: PointerEvent) => {
    if (deps.isTooltip(event.target)) return;
    const painted = termAt(event.clientX, event.clientY);
    if (painted && (event.pointerType === 'touch' || deps.trigger() === 'click')) {
      openNow(painted);
      return;
    }
    if (!painted) close();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && deps.isOpen()) close();
  };
  // The keyboard navigator scrolls its term into view just before opening the tooltip: the scroll
  // event for that arrives on the next frame and must not close it. Ignored until two frames on.
  let ownScrollFrames = 0;
  const onScroll = () => {
    if (ownScrollFrames > 0) return;
    if (deps.isOpen()) close();
  };

  const options = { capture: true, passive: true } as const;
  document.addEventListener('pointermove', onPointerMove, options);
  document.addEventListener('pointerover', onPointerOver, options);
  document.addEventListener('pointerdown', onPointerDown, options);
  document.addEventListener('keydown', onKeyDown, true);
  window.addEventListener('scroll', onScroll, options);

  return {
    openNow,
    close,
    /** The tooltip was opened for this term by other means (the keyboard): hovering it keeps it open. */
    markOpen(painted: PaintedRange) {
      openRange = painted;
      ownScrollFrames += 1;
      window.requestAnimationFrame(() => window.requestAnimationFrame(() => (ownScrollFrames -= 1)));
    },
    stop() {
      close();
      document.removeEventListener('pointermove', onPointerMove, options);
      document.removeEventListener('pointerover', onPointerOver, options);
      document.removeEventListener('pointerdown', onPointerDown, options);
      document.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('scroll', onScroll, options);
    },
  };
}

/** Live ranges measure; the painted StaticRanges cannot. */
export function toLiveRange({ hit }: PaintedRange): Range {
  const range = hit.startNode.ownerDocument.createRange();
  range.setStart(hit.startNode, hit.startOffset);
  range.setEnd(hit.endNode, hit.endOffset);
  return range;
}
