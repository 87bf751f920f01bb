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
        // paragraphs (about a screen of text) is then watched through its first block alone.
        { rootMargin: '200% 0px 100% 0px' },
      ),
    groupOf,
    // Every report handled is painting work, even one that only unpainted or changed what is observed.
    recordPaint: ({ start, end, painted }) => measure({ start, end, textNodes: 0, chars: 0, matches: 0, painted }),
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

  let scanning = true;
  void watcher.start().then(() => {
    scanning = false;
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
      hover.stop();
      watcher.stop();
      highlighter.destroy();
      tooltip.hide();
    },
  };
}

export type Session = ReturnType<typeof startSession>;
