/**
 * Everything the content script does on a page while the extension is on there: scanning,
 * painting, hover and keyboard navigation. Settings start and stop sessions; stopping leaves the
 * page as it was (no ranges, no listeners, no counts).
 */
import type { GlossaryEntry } from '../../lib/glossary/types';
import { createHighlighter, type Appearance, type PaintedRange } from '../../lib/scan/highlighter';
import { watchPage } from '../../lib/scan/page-watcher';
import type { Settings } from '../../lib/settings/settings';
import type { TermFinder } from '../../lib/scan/term-finder';
import { toLiveRange, watchHover } from './hover';
import { createTermNavigator } from './term-navigator';
import { HOST_TAG, type TooltipHost } from './tooltip-host';

export interface SessionDeps {
  finder: TermFinder;
  tooltip: TooltipHost;
  settings: () => Settings;
  /** Glossary entries by id, as fetched so far. */
  entries: Map<string, GlossaryEntry>;
  fetchEntries: (ids: string[]) => Promise<void>;
  onCounts: (counts: Record<string, number>) => void;
  measure: (detail: { start: number; end: number; textNodes: number; chars: number; matches: number; painted?: number }) => void;
  yieldToPage: () => Promise<void>;
}

export function appearanceOf(settings: Settings): Appearance {
  return {
    style: settings.highlightStyle,
    hidden: new Set(Object.entries(settings.categories).flatMap(([id, shown]) => (shown ? [] : [id]))),
  };
}

export function startSession({ finder, tooltip, settings, entries, fetchEntries, onCounts, measure, yieldToPage }: SessionDeps) {
  let latestCounts: Record<string, number> = {};
  const highlighter = createHighlighter({
    registry: CSS.highlights,
    createHighlight: () => new Highlight(),
    createRange: (hit) =>
      new StaticRange({ startContainer: hit.startNode, startOffset: hit.startOffset, endContainer: hit.endNode, endOffset: hit.endOffset }),
    watchVisibility: (onVisible) =>
      new IntersectionObserver(
        (records) => onVisible(records.filter((r) => r.isIntersecting).map((r) => r.target)),
        // One screen above and below: scrolling reveals terms already painted.
        { rootMargin: '100% 0px 100% 0px' },
      ),
    groupOf: (value) => finder.categoryOf(value),
    recordPaint: ({ start, end, painted }) => {
      if (painted > 0) measure({ start, end, textNodes: 0, chars: 0, matches: 0, painted });
    },
    now: () => performance.now(),
  });
  highlighter.setAppearance(appearanceOf(settings()));

  const watcher = watchPage({
    root: document.body ?? document.documentElement,
    highlighter,
    scanDeps: {
      matcher: finder,
      now: () => performance.now(),
      yieldToPage,
      recordChunk: measure,
      excludedSelector: HOST_TAG,
    },
    createMutationObserver: (callback) => new MutationObserver(callback),
    setTimer: (callback, ms) => window.setTimeout(callback, ms),
    isOwnNode: (node) => node.nodeName.toLowerCase() === HOST_TAG || tooltip.isHost(node.getRootNode() as Node),
    onCounts: (counts) => {
      latestCounts = {};
      for (const [value, count] of counts) latestCounts[finder.idOf(value)] = count;
      onCounts(latestCounts);
    },
  });

  const openTooltip = ({ painted, focus }: { painted: PaintedRange; focus: boolean }) => {
    const id = finder.idOf(painted.value);
    const anchor = () => toLiveRange(painted).getBoundingClientRect();
    tooltip.show({ entry: entries.get(id) ?? null, anchor, focus });
    if (!entries.has(id)) {
      void fetchEntries([id]).then(
        () => {
          if (tooltip.isOpen) tooltip.show({ entry: entries.get(id) ?? null, anchor, focus });
        },
        () => undefined,
      );
    }
  };

  const hover = watchHover({
    window,
    document,
    highlighter,
    // Found by the scanner: caret hit-testing must be told about them to look inside.
    shadowRoots: () => watcher.shadowRoots(),
    isTooltip: (target) => tooltip.contains(target),
    isOpen: () => tooltip.isOpen,
    close: () => tooltip.hide(),
    delayMs: () => settings().hoverDelayMs,
    trigger: () => settings().trigger,
    open: ({ painted }) => openTooltip({ painted, focus: false }),
  });

  const navigator = createTermNavigator({
    document,
    highlighter,
    open: ({ painted }) => {
      hover.close();
      hover.markOpen(painted);
      openTooltip({ painted, focus: true });
    },
  });

  // After a jump (restored scroll position, anchor, find in page) and once the scan is done, paint
  // the groups spanning the screen: the observer only watches each group's first block. Boxes, not
  // hit testing: a caret or element under a point in a page's one 10 Mi-char text node took 15 ms a
  // point (the hostile pages caught it). Recorded as painting work even when it paints nothing: it
  // reads boxes all the same.
  const paintOnScreen = () => {
    const start = performance.now();
    const painted = highlighter.paintSpanning({ verticalOf: (block) => block.getBoundingClientRect(), height: window.innerHeight });
    measure({ start, end: performance.now(), textNodes: 0, chars: 0, matches: 0, painted });
  };
  // Capturing: scrollend does not bubble, and scrolled boxes inside the page count too.
  window.addEventListener('scrollend', paintOnScreen, { capture: true, passive: true });

  let scanning = true;
  let stopped = false;
  void watcher.start().then(() => {
    scanning = false;
    // After the next frame, when layout is fresh: reading boxes straight after the scan forced a
    // layout of the whole page (2 ms on the stress page). And only on a page that was scrolled
    // (restored position, anchor): at the top, every group reaching the screen starts on it, and
    // its watched block is seen.
    requestAnimationFrame(() =>
      window.setTimeout(() => {
        if (!stopped && (window.scrollY !== 0 || window.scrollX !== 0)) paintOnScreen();
      }),
    );
  });

  return {
    counts: () => latestCounts,
    scanning: () => scanning,
    move: navigator.move,
    reveal: ({ id, flash }: { id: string; flash: (args: { range: AbstractRange }) => void }) => {
      const value = finder.valueOf(id);
      return value !== undefined && navigator.reveal({ value, flash });
    },
    applySettings: (next: Settings) => highlighter.setAppearance(appearanceOf(next)),
    stop() {
      stopped = true;
      window.removeEventListener('scrollend', paintOnScreen, { capture: true });
      hover.stop();
      watcher.stop();
      highlighter.destroy();
      tooltip.hide();
    },
  };
}

export type Session = ReturnType<typeof startSession>;
