/**
 * Everything the content script does on a page while the extension is on there: scanning,
 * painting, hover and keyboard navigation. Settings start and stop sessions; stopping leaves the
 * page as it was (no ranges, no listeners, no counts).
 */
import type { GlossaryEntry, Scope } from '../../lib/glossary/types';
import { ancestorDocuments, appearanceOf, isWide, namesHuantai, paintGroupOf } from '../../lib/scan/context';
import { findTerms } from '../../lib/scan/term-finder';
import { createHighlighter, type PaintedRange } from '../../lib/scan/highlighter';
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
  scopeOf: (value: number) => Scope;
  /** What is painted, by entry id (the badge and the popup count these), and the wider terms left unpainted. */
  onCounts: (counts: { painted: Record<string, number>; unpainted: Record<string, number> }) => void;
  measure: (detail: { start: number; end: number; textNodes: number; chars: number; matches: number; painted?: number }) => void;
  yieldToPage: () => Promise<void>;
}

export function startSession({ finder, tooltip, settings, entries, fetchEntries, scopeOf, onCounts, measure, yieldToPage }: SessionDeps) {
  let latestCounts: { painted: Record<string, number>; unpainted: Record<string, number> } = { painted: {}, unpainted: {} };
  let rawCounts: Map<number, number> = new Map();
  // Decided before the first paint where the page names 桓台, else as soon as a county term is found.
  // Its own measure, so the bench can show what the decision costs apart from the scan.
  const namesHuantaiTimed = () => {
    const start = performance.now();
    const named = namesHuantai({ document });
    performance.measure('huantai-lens:context', { start, end: performance.now(), detail: { aboutHuantai: named } });
    return named;
  };
  // A frame takes the context of the same-origin page around it: 桓台 or one of Huantai's own terms there.
  const aboveIsAboutHuantai = () =>
    ancestorDocuments({ document }).some(
      (above) =>
        namesHuantai({ document: above }) ||
        findTerms({ finder, text: above.body?.innerText ?? '' }).some((match) => scopeOf(match.value) === 'county'),
    );
  let aboutHuantai = namesHuantaiTimed() || aboveIsAboutHuantai();
  const groupOf = (value: number) => paintGroupOf({ category: finder.categoryOf(value), scope: scopeOf(value) });
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
    groupOf,
    recordPaint: ({ start, end, painted }) => {
      if (painted > 0) measure({ start, end, textNodes: 0, chars: 0, matches: 0, painted });
    },
    now: () => performance.now(),
  });
  const applyAppearance = () => highlighter.setAppearance(appearanceOf({ settings: settings(), aboutHuantai }));
  applyAppearance();
  // What is painted is what the appearance does not hide; of the rest, only a wider term whose area the
  // reader keeps on was left out by the page's context (the popup offers to show those).
  const reportCounts = () => {
    const painted: Record<string, number> = {};
    const unpainted: Record<string, number> = {};
    const { hidden } = appearanceOf({ settings: settings(), aboutHuantai });
    for (const [value, count] of rawCounts) {
      if (!hidden.has(groupOf(value))) painted[finder.idOf(value)] = count;
      else if (isWide(scopeOf(value)) && settings().categories[finder.categoryOf(value)]) unpainted[finder.idOf(value)] = count;
    }
    latestCounts = { painted, unpainted };
    onCounts(latestCounts);
  };

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
      rawCounts = counts;
      if (!aboutHuantai && ([...counts.keys()].some((value) => scopeOf(value) === 'county') || namesHuantaiTimed())) {
        aboutHuantai = true;
        applyAppearance();
      }
      reportCounts();
    },
  });

  const openTooltip = ({ painted, focus }: { painted: PaintedRange; focus: boolean }) => {
    const id = finder.idOf(painted.value);
    const anchor = () => toLiveRange(painted);
    // The card says so when the page is about another place: the targets it shows are Huantai's.
    const context = aboutHuantai ? 'huantai' : 'elsewhere';
    tooltip.show({ entry: entries.get(id) ?? null, anchor, focus, context });
    if (!entries.has(id)) {
      void fetchEntries([id]).then(
        () => {
          if (tooltip.isOpen) tooltip.show({ entry: entries.get(id) ?? null, anchor, focus, context });
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
    aboutHuantai: () => aboutHuantai,
    applySettings: () => {
      applyAppearance();
      reportCounts();
    },
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
