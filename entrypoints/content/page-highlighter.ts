/** The highlighter with the browser's parts: CSS.highlights, StaticRange and an IntersectionObserver. */
import { createHighlighter, type HighlighterDeps } from '../../lib/scan/highlighter';

export function createPageHighlighter({ groupOf, colourOf, recordPaint }: Pick<HighlighterDeps, 'groupOf' | 'colourOf' | 'recordPaint'>) {
  return createHighlighter({
    registry: CSS.highlights,
    createHighlight: () => new Highlight(),
    createRange: (hit) =>
      new StaticRange({ startContainer: hit.startNode, startOffset: hit.startOffset, endContainer: hit.endNode, endOffset: hit.endOffset }),
    watchVisibility: (onChange) =>
      new IntersectionObserver(
        (entries) =>
          onChange({
            // How far above the screen a block is reported near: the top margin, two screens of
            // the four rootBounds spans (none in a cross-origin frame, where no margin applies).
            reach: entries[0]?.rootBounds ? entries[0].rootBounds.height / 2 : 0,
            records: entries.map((entry) => ({
              element: entry.target,
              near: entry.isIntersecting,
              top: entry.boundingClientRect.top,
              bottom: entry.boundingClientRect.bottom,
            })),
          }),
        // A screen below: scrolling down reveals terms already painted. Two above: a group of
        // paragraphs (about a screen of text) is then watched through its first and last blocks.
        { rootMargin: '200% 0px 100% 0px' },
      ),
    groupOf,
    colourOf,
    recordPaint,
    now: () => performance.now(),
  });
}
