import termList from 'virtual:huantai-glossary/terms';
import { formatCitation } from '../../lib/citation';
import { resolveLanguage } from '../../lib/i18n';
import type { GlossaryEntry } from '../../lib/glossary-types';
import { answerPresencePings, handleMessage, sendMessage } from '../../lib/protocol';
import { isActiveOn, type Settings } from '../../lib/settings';
import { createSettingsStore } from '../../lib/settings-store';
import { SOURCE_DOCUMENT } from '../../lib/source-document';
import { createTermFinder } from '../../lib/term-finder';
import { startSession, type Session } from './session';
import { createTooltipHost } from './tooltip-host';
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
    // Building the automaton and tables is work on the page too: it gets its own measure.
    const setupStart = performance.now();
    const finder = createTermFinder({ termList });
    performance.measure('huantai-lens:setup', { start: setupStart, end: performance.now() });
    const entries = new Map<string, GlossaryEntry>();
    const store = createSettingsStore({ area: browser.storage.sync });
    let settings: Settings = (await store.load()).settings;
    const pageId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

    const tooltip = createTooltipHost({
      document,
      copyText: (text) => navigator.clipboard.writeText(text),
      citationOf: (entry) => formatCitation({ entry, source: SOURCE_DOCUMENT }),
      openInGlossary: (entry) => void sendMessage('openGlossary', { id: entry.id }).catch(ignoreClosedPort),
      theme: () => settings.theme,
      language: () => resolveLanguage({ setting: settings.language, browserLanguage: navigator.language }),
    });

    const fetchEntries = async (ids: string[]) => {
      const missing = ids.filter((id) => !entries.has(id));
      if (missing.length === 0) return;
      for (const entry of await sendMessage('getEntries', { ids: missing })) entries.set(entry.id, entry);
    };
    const report = (counts: Record<string, number>) => {
      // Entries are fetched once after the scan so the first hover needs no round trip, even
      // when the service worker had gone to sleep.
      void sendMessage('reportPageTerms', { pageId, counts }).catch(ignoreClosedPort);
      void fetchEntries(Object.keys(counts)).catch(ignoreClosedPort);
    };

    let session: Session | null = null;
    const apply = () => {
      const active = isActiveOn({ settings, hostname: location.hostname });
      if (!active && session) {
        session.stop();
        session = null;
        report({});
      } else if (active && !session) {
        session = startSession({ finder, tooltip, settings: () => settings, entries, fetchEntries, onCounts: report, measure, yieldToPage });
      }
      session?.applySettings(settings);
    };
    const unwatch = store.watch((next) => {
      settings = next;
      apply();
    });

    const stopAnsweringPings = answerPresencePings();
    handleMessage('getPageTerms', () => ({
      url: location.href,
      counts: session?.counts() ?? {},
      active: session !== null,
      scanning: session?.scanning() ?? false,
    }));
    handleMessage('moveToTerm', ({ data }) => session?.move({ direction: data.direction }) ?? false);
    handleMessage('revealTerm', ({ data }) => session?.reveal({ id: data.id, flash }) ?? false);

    ctx.onInvalidated(() => {
      stopAnsweringPings();
      unwatch();
      session?.stop();
      session = null;
    });
    apply();
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

/**
 * Lets the page's own tasks run before the next chunk of scanning. Not scheduler.yield(): its
 * continuation is queued ahead of the page's tasks, so the page's timers starved for the whole
 * scan (a 10 ms setInterval did not fire once in 1.2 s of scanning 100,000 paragraphs; see
 * tests/e2e/hostile.test.ts). A task posted at normal priority waits its turn behind them.
 */
function yieldToPage(): Promise<void> {
  type PostTask = (callback: () => void, options: { priority: 'user-visible' }) => Promise<void>;
  const scheduler = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler;
  if (scheduler?.postTask) return scheduler.postTask(() => undefined, { priority: 'user-visible' });
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
