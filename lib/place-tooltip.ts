/**
 * Where the tooltip goes: under the term, or above it when there is more room there, shifted
 * sideways to stay on screen, with a height cap for the side it is on. Works in the visual
 * viewport, so a pinch-zoomed page still gets its tooltip where the reader is looking.
 */
export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Placement {
  x: number;
  y: number;
  maxHeight: number;
  side: 'below' | 'above';
}

export function placeTooltip({
  anchor,
  size,
  viewport,
  gap = 6,
  padding = 8,
  maxHeight = 460,
  minHeight = 120,
}: {
  anchor: Rect;
  /** The tooltip's natural size. */
  size: { width: number; height: number };
  viewport: Rect;
  gap?: number;
  padding?: number;
  maxHeight?: number;
  minHeight?: number;
}): Placement {
  const viewTop = viewport.top + padding;
  const viewBottom = viewport.top + viewport.height - padding;
  const below = viewBottom - (anchor.top + anchor.height + gap);
  const above = anchor.top - gap - viewTop;
  const wanted = Math.min(size.height, maxHeight);
  const side = wanted <= below || below >= above ? 'below' : 'above';
  const room = side === 'below' ? below : above;
  const cap = Math.max(minHeight, Math.min(maxHeight, room));
  const height = Math.min(wanted, cap);
  let y = side === 'below' ? anchor.top + anchor.height + gap : anchor.top - gap - height;
  y = clamp(y, viewTop, viewBottom - height);

  const viewLeft = viewport.left + padding;
  const viewRight = viewport.left + viewport.width - padding;
  const x = clamp(anchor.left, viewLeft, viewRight - size.width);
  return { x: Math.round(x), y: Math.round(y), maxHeight: Math.floor(cap), side };
}

/** Keeps `value` in [min, max]; when the range is empty (tooltip wider than the view) `min` wins. */
function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}
