import termList from 'virtual:huantai-glossary/terms';
import { formatCitation } from '../../lib/citation';
import type { GlossaryEntry } from '../../lib/glossary-types';
import { createHighlighter } from '../../lib/highlighter';
import { watchPage } from '../../lib/page-watcher';
import { handleMessage, sendMessage } from '../../lib/protocol';
import { createTermFinder } from '../../lib/term-finder';
import { SOURCE_DOCUMENT } from '../../lib/source-document';
import type { PaintedRange } from '../../lib/highlighter';
import { watchHover, toLiveRange } from './hover';
import { createTermNavigator } from './term-navigator';
import { createTooltipHost, HOST_TAG } from './tooltip-host';
import './highlights.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  async main(ctx) {
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) {
      // Editing the page to underline would break pages' own scripts; say so instead.
      console.info('[Huantai Lens] This browser lacks the CSS Custom Highlight API, so terms cannot be highlighted here.');
      return;
    }
    const finder = createTermFinder({ termList });
    const entries = new Map<string, GlossaryEntry>();

    const highlighter = createHighlighter({
      registry: CSS.highlights,
      createHighlight: () => new Highlight(),
      createRange: (hit) =>
        new StaticRange({ startContainer: hit.startNode, startOffset: hit.startOffset, endContainer: hit.endNode, endOffset: hit.endOffset }),
      watchVisibility: (onVisible) => {
        const observer = new IntersectionObserver(
          (records) => onVisible(records.filter((r) => r.isIntersecting).map((r) => r.target)),
          // One screen above and below: scrolling reveals terms already painted.
          { rootMargin: '100% 0px 100% 0px' },
        );
        return observer;
      },
      groupOf: (value) => finder.categoryOf(value),
      recordPaint: ({ start, end, painted }) => {
        if (painted > 0) measure({ start, end, textNodes: 0, chars: 0, matches: 0, painted });
      },
      now: () => performance.now(),
    });

    const tooltip = createTooltipHost({
      document,
      copyText: (text) => navigator.clipboard.writeText(text),
      citationOf: (entry) => formatCitation({ entry, source: SOURCE_DOCUMENT }),
      openInGlossary: (entry) => void sendMessage('openGlossary', { id: entry.id }).catch(ignoreClosedPort),
    });

    const pageId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    let latestCounts = new Map<number, number>();

    const fetchEntries = async (ids: string[]) => {
      const missing = ids.filter((id) => !entries.has(id));
      if (missing.length === 0) return;
      for (const entry of await sendMessage('getEntries', { ids: missing })) entries.set(entry.id, entry);
    };

    const watcher = watchPage({
      root: document.body ?? document.documentElement,
      highlighter,
      scanDeps: {
        findTerms: ({ text }) => finder.find({ text }),
        now: () => performance.now(),
        yieldToPage,
        recordChunk: measure,
        isExcluded: (element) => element.localName === HOST_TAG,
      },
      createMutationObserver: (callback) => new MutationObserver(callback),
      setTimer: (callback, ms) => window.setTimeout(callback, ms),
      isOwnNode: (node) => node.nodeName.toLowerCase() === HOST_TAG || tooltip.isHost(node.getRootNode() as Node),
      onCounts: (counts) => {
        latestCounts = counts;
        const byId: Record<string, number> = {};
        for (const [value, count] of counts) byId[finder.idOf(value)] = count;
        // Entries are fetched once after the scan so the first hover needs no round trip, even
        // when the service worker had gone to sleep.
        void sendMessage('reportPageTerms', { pageId, counts: byId }).catch(ignoreClosedPort);
        void fetchEntries(Object.keys(byId)).catch(ignoreClosedPort);
      },
    });

    const openTooltip = ({ painted, focus }: { painted: PaintedRange; focus: boolean }) => {
      const id = finder.idOf(painted.value);
      const anchor = () => toLiveRange(painted).getBoundingClientRect();
      tooltip.show({ entry: entries.get(id) ?? null, anchor, focus });
      if (!entries.has(id)) {
        void fetchEntries([id]).then(() => {
          if (tooltip.isOpen) tooltip.show({ entry: entries.get(id) ?? null, anchor, focus });
        }, ignoreClosedPort);
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
      delayMs: 150,
      open: ({ painted }) => openTooltip({ painted, focus: false }),
    });

    const termNavigator = createTermNavigator({
      document,
      highlighter,
      open: ({ painted }) => {
        hover.close();
        hover.markOpen(painted);
        openTooltip({ painted, focus: true });
      },
    });
    handleMessage('moveToTerm', ({ data }) => termNavigator.move({ direction: data.direction }));
    handleMessage('revealTerm', ({ data }) => {
      const value = finder.valueOf(data.id);
      return value !== undefined && termNavigator.reveal({ value, flash: ({ range }) => flash({ range }) });
    });

    handleMessage('getPageTerms', () => {
      const counts: Record<string, number> = {};
      for (const [value, count] of latestCounts) counts[finder.idOf(value)] = count;
      return { url: location.href, counts };
    });

    ctx.onInvalidated(() => {
      hover.stop();
      watcher.stop();
      highlighter.destroy();
      tooltip.hide();
    });
    await watcher.start();
  },
});

/** Briefly marks a range (the popup's "show me where"), then lets it go. */
function flash({ range }: { range: AbstractRange }) {
  const highlight = new Highlight(range);
  CSS.highlights.set('huantai-lens-active', highlight);
  window.setTimeout(() => {
    if (CSS.highlights.get('huantai-lens-active') === highlight) CSS.highlights.delete('huantai-lens-active');
  }, 1600);
}

function measure(detail: { start: number; end: number; textNodes: number; chars: number; matches: number; painted?: number }) {
  const { start, end, ...rest } = detail;
  performance.measure('huantai-lens:scan', { start, end, detail: rest });
}

/** The background may be restarting; the next report will get through. */
function ignoreClosedPort(error: unknown) {
  console.debug('[Huantai Lens]', error);
}

function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
