/**
 * Which blocks of a group must stay observed so that no block of it can be on screen unnoticed.
 *
 * The observer reports a block when it comes within `reach` (its margin) of the screen. A block
 * whose bottom lies at most `reach` below the top of an observed block above it is on screen only
 * while that one is near: such blocks need no observing of their own. Keeping, top-down, each block
 * that the last kept one cannot answer for gives one observed block per `reach` of the group's
 * height: one for a group of paragraphs, each of them for paragraphs between tall photos.
 */
export interface Box {
  top: number;
  bottom: number;
}

export function coverOf<T>({ boxes, reach }: { boxes: ReadonlyArray<readonly [T, Box]>; reach: number }): Set<T> {
  const keep = new Set<T>();
  let anchor: Box | null = null;
  for (const [item, box] of [...boxes].sort((a, b) => a[1].top - b[1].top)) {
    // Nothing laid out (display: none, or not in the page): where it will appear is unknown.
    if (box.bottom <= box.top) keep.add(item);
    else if (anchor === null || box.bottom - anchor.top > reach) {
      keep.add(item);
      anchor = box;
    }
  }
  return keep;
}
