/**
 * Which blocks of a group are observed. A new group's first block is observed at once (the first
 * screen is painted before the scan ends). Once the group is complete it is sized: its first and
 * last blocks are observed together, and when they lie within the observer's reach of each other
 * the two of them answer for the whole group (a group of paragraphs: most of them). Otherwise every
 * block of it is observed, once: the reports give all of their boxes in one frame, and only the
 * blocks the screen cannot pass without meeting stay observed (cover.ts), e.g. every one of
 * paragraphs between tall photos, so a page that jumps into the middle of such a group (an anchor,
 * a restored scroll position) finds it painted.
 *
 * The last block stays observed too: the group has left the screen once its first and last blocks
 * are both past it on the same side. Observing the last block only when the first went past cost
 * more (observe() is ~40 µs in Chromium, and makes the next frame compute every observed target
 * afresh: 40 ms of observe() and 50 ms of our own script scrolling through the stress page).
 */
import { coverOf, type Box } from './cover';
import type { Group } from './highlight-blocks';

export interface Visibility {
  observe(el: Element): void;
  unobserve(el: Element): void;
  disconnect(): void;
}

/** Observes a block for its group; one observed again is reported again (its last side stands until then). */
export function watchBlock({ group, element, visibility }: { group: Group; element: Element; visibility: Visibility }) {
  if (group.watched.has(element)) visibility.unobserve(element);
  else group.watched.set(element, undefined);
  visibility.observe(element);
}

export function unwatchBlock({ group, element, visibility }: { group: Group; element: Element; visibility: Visibility }) {
  visibility.unobserve(element);
  group.watched.delete(element);
  if (group.confirming === element) group.confirming = null;
}

/** Observes the first and last blocks of a group, or all of them, once, to learn where they lie. */
export function startSizing({ group, all, visibility }: { group: Group; all: boolean; visibility: Visibility }) {
  const { members } = group;
  group.sizing = null;
  if (members.length === 0) return;
  const expected = all ? members.map((member) => member.element) : [members[0]!.element, members[members.length - 1]!.element];
  group.sizing = { expected: new Set(expected), boxes: new Map(), all };
  for (const element of expected) watchBlock({ group, element, visibility });
}

/** Have all the boxes a sizing waits for been reported? */
export const sizingDone = (group: Group) => group.sizing !== null && group.sizing.boxes.size >= group.sizing.expected.size;

const laidOut = (box: Box | undefined): box is Box => box !== undefined && box.bottom > box.top;

/**
 * Keeps observing only the blocks that the screen cannot pass unnoticed; false when the first and
 * last blocks lie too far apart to answer for the group, which is sized whole then.
 */
export function finishSizing({ group, reach, visibility }: { group: Group; reach: number; visibility: Visibility }): boolean {
  const { boxes, all } = group.sizing!;
  const first = group.members[0]!.element;
  const last = group.members[group.members.length - 1]!.element;
  let keep: Set<Element>;
  if (all) keep = coverOf({ boxes: [...boxes], reach }).add(last);
  else {
    const top = boxes.get(first);
    const bottom = boxes.get(last);
    if (!laidOut(top) || !laidOut(bottom) || bottom.bottom - top.top > reach) {
      startSizing({ group, all: true, visibility });
      return false;
    }
    keep = new Set([first, last]);
  }
  for (const element of [...group.watched.keys()]) if (!keep.has(element)) unwatchBlock({ group, element, visibility });
  group.sizing = null;
  group.confirming = null;
  return true;
}
