/**
 * Everything the content script does on a page while the extension is on there: scanning,
 * painting, hover and keyboard navigation. Settings start and stop sessions; stopping leaves the
 * page as it was (no ranges, no listeners, no counts).
 */
import type { GlossaryEntry, Scope } from '../../lib/glossary/types';
import { appearanceOf, countsOf, paintGroupOf, type PageCounts } from '../../lib/scan/context';
import type { Highlighter, PaintedRange } from '../../lib/scan/highlighter';
import { watchPage } from '../../lib/scan/page-watcher';
import type { ChunkMeasure, ScanDeps } from '../../lib/scan/scanner';
import type { Settings } from '../../lib/settings/settings';
import type { TermFinder } from '../../lib/scan/term-finder';
import { toLiveRange, watchHover } from './hover';
import { createPageContext } from './page-context';
import { createPageHighlighter } from './page-highlighter';
import { createTermNavigator } from './term-navigator';
import { HOST_TAG } from './host-tag';
import type { CardPosition, TooltipHost } from './tooltip-host';

/** A 'huantai-lens:scan' measure: a chunk of the scan, or a report of the lazy painter (ranges painted and unpainted). */
export type ScanMeasure = ChunkMeasure & { painted?: number; unpainted?: number };

export interface SessionDeps {
  finder: TermFinder;
  tooltip: TooltipHost;
  settings: () => Settings;
  /** Glossary entries by id, as fetched so far. */
  entries: Map<string, GlossaryEntry>;
  fetchEntries: (ids: string[]) => Promise<void>;
  scopeOf: (value: number) => Scope;
  /** The badge and the popup count these. */
  onCounts: (counts: PageCounts) => void;
  measure: (detail: ScanMeasure) => void;
  yieldToPage: () => Promise<void>;
}

export function startSession({ finder, tooltip, settings, entries, fetchEntries, scopeOf, onCounts, measure, yieldToPage }: SessionDeps) {
  const context = createPageContext({
    document,
    finder,
    scopeOf,
    now: () => performance.now(),
    measure: ({ start, end, aboutHuantai }) => performance.measure('huantai-lens:context', { start, end, detail: { aboutHuantai } }),
    // Wider terms found so far are painted from now on (the scan reports the counts when it ends).
    onAboutHuantai: () => highlighter.setAppearance(appearance()),
  });
  const groupOf = (value: number) => paintGroupOf({ category: finder.categoryOf(value), scope: scopeOf(value) });
  const highlighter = createPageHighlighter({
    groupOf,
    colourOf: (value) => finder.categoryOf(value),
    // Every report handled is painting work, even one that only unpainted or changed what is observed.
    recordPaint: ({ start, end, painted, unpainted }) => measure({ start, end, textNodes: 0, chars: 0, matches: 0, painted, unpainted }),
  });
  const appearance = () => appearanceOf({ settings: settings(), aboutHuantai: context.aboutHuantai() });
  highlighter.setAppearance(appearance());
  let rawCounts = new Map<number, number>();
  let latestCounts: PageCounts = { painted: {}, unpainted: {} };
  const reportCounts = () => {
    latestCounts = countsOf({ counts: rawCounts, appearance: appearance(), termOf: (value) => ({ id: finder.idOf(value), category: finder.categoryOf(value), scope: scopeOf(value) }), settings: settings() });
    onCounts(latestCounts);
  };

  const watcher = watchThisPage({
    highlighter,
    finder,
    tooltip,
    measure,
    yieldToPage,
    inspect: context.noteText,
    onCounts: (counts) => {
      rawCounts = counts;
      context.learn(counts);
      reportCounts();
    },
  });

  const openTooltip = ({ painted, focus, position }: OpenArgs) =>
    openCard({ id: finder.idOf(painted.value), painted, focus, position, tooltip, entries, fetchEntries, aboutHuantai: context.aboutHuantai() });

  const { hover, navigator } = followReader({ highlighter, tooltip, settings, shadowRoots: () => watcher.shadowRoots(), openTooltip });

  let scanning = true;
  void watcher.start().then(() => {
    scanning = false;
  });

  return {
    counts: () => latestCounts,
    scanning: () => scanning,
    move: navigator.move,
    reveal: ({ id, flash, card }: { id: string; flash: (args: { range: AbstractRange }) => void; card?: boolean }) => {
      const value = finder.valueOf(id);
      return value !== undefined && navigator.reveal({ value, flash, card });
    },
    /** Painted entry ids in the order of their first occurrence (the side panel lists them so). */
    readingOrder: () => navigator.readingOrder().map((value) => finder.idOf(value)),
    aboutHuantai: context.aboutHuantai,
    applySettings: () => {
      highlighter.setAppearance(appearance());
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

/** Shows a term's card, fetching its entry first when this frame has not seen it yet. */
/** `position`: where the term is among the page's terms, when the keyboard moved to it ("3 / 27"). */
type OpenArgs = { painted: PaintedRange; focus: boolean; position?: CardPosition };

function openCard({ id, painted, focus, position, tooltip, entries, fetchEntries, aboutHuantai }: OpenArgs & { id: string; tooltip: TooltipHost; entries: Map<string, GlossaryEntry>; fetchEntries: (ids: string[]) => Promise<void>; aboutHuantai: boolean }) {
  const anchor = () => toLiveRange(painted);
  // The card says so when the page is about another place: the targets it shows are Huantai's.
  const context = aboutHuantai ? 'huantai' : 'elsewhere';
  tooltip.show({ entry: entries.get(id) ?? null, anchor, focus, context, position });
  if (entries.has(id)) return;
  void fetchEntries([id]).then(
    () => {
      if (tooltip.isOpen) tooltip.show({ entry: entries.get(id) ?? null, anchor, focus, context, position });
    },
    () => undefined,
  );
}

/** Scans this document and watches it for changes, leaving the card's own nodes alone. */
function watchThisPage({ highlighter, finder, tooltip, measure, yieldToPage, inspect, onCounts }: Pick<SessionDeps, 'finder' | 'tooltip' | 'measure' | 'yieldToPage'> & Pick<ScanDeps, 'inspect'> & { highlighter: Highlighter; onCounts: (counts: Map<number, number>) => void }) {
  return watchPage({
    root: document.body ?? document.documentElement,
    highlighter,
    scanDeps: {
      matcher: finder,
      now: () => performance.now(),
      yieldToPage,
      recordChunk: measure,
      excludedSelector: HOST_TAG,
      inspect,
    },
    createMutationObserver: (callback) => new MutationObserver(callback),
    setTimer: (callback, ms) => window.setTimeout(callback, ms),
    isOwnNode: (node) => node.nodeName.toLowerCase() === HOST_TAG || tooltip.isHost(node.getRootNode() as Node),
    onCounts,
  });
}

/** Hover (or tap) opens a term's card; the next/previous commands open one with focus in it. */
function followReader({ highlighter, tooltip, settings, shadowRoots, openTooltip }: Pick<SessionDeps, 'tooltip' | 'settings'> & { highlighter: Highlighter; shadowRoots: () => ShadowRoot[]; openTooltip: (args: OpenArgs) => void }) {
  const hover = watchHover({
    window,
    document,
    highlighter,
    // Found by the scanner: caret hit-testing must be told about them to look inside.
    shadowRoots,
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
    open: ({ painted, position }) => {
      hover.close();
      hover.markOpen(painted);
      openTooltip({ painted, focus: true, position });
    },
  });
  return { hover, navigator };
}
