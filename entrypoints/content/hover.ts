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

/**
 * The painted term under a point. The caret snaps to the nearest character even in blank space
 * beside a line, so the term's own boxes are checked too.
 */
export function termAtPoint({
  document,
  highlighter,
  shadowRoots,
  x,
  y,
}: Pick<HoverDeps, 'document' | 'highlighter'> & { shadowRoots: ShadowRoot[]; x: number; y: number }): PaintedRange | undefined {
  const caret = caretAt({ document, x, y, shadowRoots });
  if (!caret) return undefined;
  const painted = highlighter.hitAt(caret);
  if (!painted) return undefined;
  for (const rect of toLiveRange(painted).getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return painted;
  }
  return undefined;
}

/** Which term's card is open, and which one is waiting out the hover delay to open. */
export function createCardIntent({ window, open, close, isOpen, delayMs }: Pick<HoverDeps, 'window' | 'open' | 'close' | 'isOpen' | 'delayMs'>) {
  let pending: { timer: number; painted: PaintedRange } | null = null;
  let openRange: PaintedRange | null = null;
  const cancelPending = () => {
    if (pending) window.clearTimeout(pending.timer);
    pending = null;
  };
  const openNow = (painted: PaintedRange) => {
    cancelPending();
    openRange = painted;
    open({ painted });
  };
  return {
    cancelPending,
    openNow,
    close() {
      cancelPending();
      if (openRange || isOpen()) close();
      openRange = null;
    },
    /** The pointer rests on this term (or none): its card opens after the delay, unless open already. */
    aim(painted: PaintedRange | undefined) {
      if (!painted || painted.range === openRange?.range) return cancelPending();
      if (pending?.painted.range === painted.range) return;
      cancelPending();
      pending = { painted, timer: window.setTimeout(() => openNow(painted), delayMs()) };
    },
    get openRange() {
      return openRange;
    },
    set openRange(painted: PaintedRange | null) {
      openRange = painted;
    },
  };
}

export function watchHover(deps: HoverDeps) {
  const { window, document } = deps;
  const intent = createCardIntent(deps);
  const termAt = (x: number, y: number) => termAtPoint({ ...deps, shadowRoots: deps.shadowRoots(), x, y });
  // Only touch, or a reader who chose click-to-open: the pointer's position is not followed then.
  const followsPointer = (event: PointerEvent) => event.pointerType !== 'touch' && deps.trigger() === 'hover';
  let frame = 0;
  let last = { x: 0, y: 0 };
  let hoveringTooltip = false;

  // Leaving the term for the tooltip crosses a small gap; give the pointer time to arrive.
  let closeTimer = 0;
  const scheduleClose = () => {
    if (closeTimer) return;
    closeTimer = window.setTimeout(() => {
      closeTimer = 0;
      if (!hoveringTooltip && !termAt(last.x, last.y)) intent.close();
    }, 250);
  };

  const onPointerMove = (event: PointerEvent) => {
    if (!followsPointer(event)) return;
    if (deps.isTooltip(event.target)) return intent.cancelPending();
    last = { x: event.clientX, y: event.clientY };
    frame ||= window.requestAnimationFrame(() => {
      frame = 0;
      intent.aim(termAt(last.x, last.y));
    });
    if (intent.openRange && !termAt(event.clientX, event.clientY)) scheduleClose();
  };
  // A tap fires pointerover before its pointerdown; touch has no hover to leave, and the close
  // check would test the last *mouse* position, closing a card just opened by the tap.
  const onPointerOver = (event: PointerEvent) => {
    if (!followsPointer(event)) return;
    hoveringTooltip = deps.isTooltip(event.target);
    if (!hoveringTooltip && intent.openRange) scheduleClose();
  };
  const onPointerDown = (event: PointerEvent) => {
    if (deps.isTooltip(event.target)) return;
    const painted = termAt(event.clientX, event.clientY);
    if (painted && !followsPointer(event)) intent.openNow(painted);
    else if (!painted) intent.close();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && deps.isOpen()) intent.close();
  };
  // The keyboard navigator scrolls its term into view just before opening the tooltip: the scroll
  // event for that arrives on the next frame and must not close it. Ignored until two frames on.
  let ownScrollFrames = 0;
  const onScroll = () => {
    if (ownScrollFrames === 0 && deps.isOpen()) intent.close();
  };

  const passive = { capture: true, passive: true } as const;
  const unlisten = listen([
    [document, 'pointermove', onPointerMove, passive],
    [document, 'pointerover', onPointerOver, passive],
    [document, 'pointerdown', onPointerDown, passive],
    [document, 'keydown', onKeyDown, true],
    [window, 'scroll', onScroll, passive],
  ]);

  return {
    openNow: intent.openNow,
    close: intent.close,
    /** The tooltip was opened for this term by other means (the keyboard): hovering it keeps it open. */
    markOpen(painted: PaintedRange) {
      intent.openRange = painted;
      ownScrollFrames += 1;
      window.requestAnimationFrame(() => window.requestAnimationFrame(() => (ownScrollFrames -= 1)));
    },
    stop() {
      intent.close();
      unlisten();
    },
  };
}

type Listener<E extends Event> = (event: E) => void;

/** Adds the listeners; the returned function removes them (with the same options, as removal needs). */
function listen(
  listeners: Array<[EventTarget, string, Listener<PointerEvent> | Listener<KeyboardEvent> | Listener<Event>, AddEventListenerOptions | boolean]>,
): () => void {
  for (const [target, type, listener, options] of listeners) target.addEventListener(type, listener as EventListener, options);
  return () => {
    for (const [target, type, listener, options] of listeners) target.removeEventListener(type, listener as EventListener, options);
  };
}

/** Live ranges measure; the painted StaticRanges cannot. */
export function toLiveRange({ hit }: PaintedRange): Range {
  const range = hit.startNode.ownerDocument.createRange();
  range.setStart(hit.startNode, hit.startOffset);
  range.setEnd(hit.endNode, hit.endOffset);
  return range;
}
