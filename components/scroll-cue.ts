/**
 * Marks a scroll container with `data-more` while there is content below what it shows, so its
 * stylesheet can draw a fade at the bottom edge: a capped card or entry view must not look as if
 * it ended where it was cut off.
 */
import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

/** Less than a pixel left is rounding (zoomed pages give fractional scroll sizes), not more content. */
const SLACK = 1;

export function hasMoreBelow({ element }: { element: Element }): boolean {
  return element.scrollHeight - element.scrollTop - element.clientHeight > SLACK;
}

export function useScrollCue({ ref }: { ref: RefObject<HTMLElement | null> }): void {
  // After every render: the children (what may overflow) change with the entry, and a host may
  // cap the element's height after rendering it (the tooltip's placement), which only a
  // ResizeObserver sees.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => element.toggleAttribute('data-more', hasMoreBelow({ element }));
    update();
    element.addEventListener('scroll', update, { passive: true });
    // The script's own ResizeObserver: in a Firefox content script the page's (through its window) is an Xray.
    const Observer = globalThis.ResizeObserver as typeof ResizeObserver | undefined;
    const observer = Observer ? new Observer(update) : null;
    if (observer) {
      observer.observe(element);
      // A child growing (the explanation expanded) changes what overflows but not the box itself.
      for (const child of element.children) observer.observe(child);
    }
    return () => {
      element.removeEventListener('scroll', update);
      observer?.disconnect();
    };
  });
}
