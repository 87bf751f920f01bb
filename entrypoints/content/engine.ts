/**
 * The engine: everything the content script does in a frame that may hold a term — settings,
 * scanning and painting (a session), hover and keyboard, the typed messages. Loaded by the
 * sentinel (sentinel.ts) through parts.ts, so frames without a term never evaluate it. The card's UI
 * is a part of its own, loaded on the first hover, tap or keyboard command (card.ts).
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import termList from 'virtual:huantai-glossary/terms';
import type { GlossaryEntry } from '../../lib/glossary/types';
import { handleMessage, sendMessage } from '../../lib/messaging/protocol';
import { isActiveOn, type Settings } from '../../lib/settings/settings';
import { createSettingsStore } from '../../lib/settings/store';
import { createTermFinder } from '../../lib/scan/term-finder';
import { startSession, type ScanMeasure, type Session } from './session';
import type { Card } from './card';
import { createLazyTooltip } from './lazy-tooltip';
import { loadPart } from './parts';
import { yieldToPage } from './yield-to-page';

export interface EngineDeps {
  /** The content script's import(): a part's URL resolves against the extension only there. */
  importModule: (url: string) => Promise<unknown>;
}

export interface Engine {
  /** Starts the engine; false where the browser cannot paint. */
  start(deps: EngineDeps): Promise<boolean>;
}

export async function startEngine({ importModule }: EngineDeps): Promise<boolean> {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) {
    // Editing the page to underline would break pages' own scripts; say so instead.
    console.info('[Huantai Lens] This browser lacks the CSS Custom Highlight API, so terms cannot be highlighted here.');
    return false;
  }
  // WXT's context (the sentinel has none: see sentinel.ts): it tells this copy of the engine when a
  // newer one starts in the same document, as in development reloads. Its "script started" message
  // goes out as a document event only, not also by window.postMessage into the page's listeners.
  const ctx = new ContentScriptContext('content', { noScriptStartedPostMessage: true });
  const finder = createTermFinder({ termList });
  const prepareFinder = once(() => {
    // Building the automaton and tables is work on the page too (about 5 ms): it gets its own
    // measure, in the task that starts the session rather than the one that evaluates the engine,
    // and only where the extension is on.
    const start = performance.now();
    finder.prepare();
    performance.measure('huantai-lens:setup', { start, end: performance.now() });
  });
  const entries = new Map<string, GlossaryEntry>();
  const store = createSettingsStore({ area: browser.storage.sync });
  let settings: Settings = (await store.load()).settings;
  // Tells this document from the next one in the same frame (the badge resets when the top frame navigates).
  const pageId = [...crypto.getRandomValues(new Uint32Array(2))].map((n) => n.toString(36)).join('');

  const tooltip = lazyCard({ importModule, settings: () => settings });

  const fetchEntries = async (ids: string[]) => {
    const missing = ids.filter((id) => !entries.has(id));
    if (missing.length === 0) return;
    for (const entry of await sendMessage('getEntries', { ids: missing })) entries.set(entry.id, entry);
  };
  const report = ({ painted }: { painted: Record<string, number> }) => {
    // Entries are fetched once after the scan so the first hover needs no round trip, even
    // when the service worker had gone to sleep.
    void sendMessage('reportPageTerms', { pageId, counts: painted }).catch(ignoreClosedPort);
    void fetchEntries(Object.keys(painted)).catch(ignoreClosedPort);
  };
  const scopeOf = (value: number) => termList.terms[value]!.scope;

  let session: Session | null = null;
  const apply = () => {
    const active = isActiveOn({ settings, hostname: location.hostname });
    if (!active && session) {
      session.stop();
      session = null;
      report({ painted: {} });
    } else if (active && !session) {
      prepareFinder();
      session = startSession({ finder, tooltip, settings: () => settings, entries, fetchEntries, scopeOf, onCounts: report, measure, yieldToPage });
    }
    session?.applySettings();
  };
  const unwatch = store.watch((next) => {
    settings = next;
    apply();
  });

  answerMessages({ session: () => session });

  ctx.onInvalidated(() => {
    unwatch();
    session?.stop();
    session = null;
  });
  // Building the finder (10 ms on the stress page) and the scan's first chunk (up to 8 ms) would
  // otherwise share one task, longer than a frame: the page gets the thread back in between.
  if (isActiveOn({ settings, hostname: location.hostname })) {
    prepareFinder();
    await yieldToPage();
  }
  apply();
  return true;
}

/** The card's UI, loaded on first use. */
function lazyCard({ importModule, settings }: { importModule: EngineDeps['importModule']; settings: () => Settings }) {
  return createLazyTooltip({
    load: async () => {
      const card = await loadPart<Card>({ name: 'card', url: browser.runtime.getURL('/card.js'), importModule });
      return card.createTooltip({
        document,
        settings,
        openInGlossary: (entry) => void sendMessage('openGlossary', { id: entry.id }).catch(ignoreClosedPort),
        variants: termList.variants,
        fetchTraditional: async ({ id }) => (await sendMessage('getTraditionalText', { ids: [id] }))[id],
      });
    },
    onError: (error) => console.error('[Huantai Lens] the card did not load', error),
  });
}

/** What the popup, the side panel and the keyboard commands ask of this frame. */
function answerMessages({ session }: { session: () => Session | null }) {
  handleMessage('getPageTerms', () => ({
    url: location.href,
    counts: session()?.counts().painted ?? {},
    unpainted: session()?.counts().unpainted ?? {},
    active: session() !== null,
    scanning: session()?.scanning() ?? false,
  }));
  handleMessage('moveToTerm', ({ data }) => session()?.move({ direction: data.direction }) ?? false);
  handleMessage('revealTerm', ({ data }) => session()?.reveal({ id: data.id, flash, card: data.card }) ?? false);
  handleMessage('getTermOrder', () => session()?.readingOrder() ?? []);
}

function once(run: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    run();
  };
}

/** Briefly marks a range (the popup's "show me where"), then lets it go. */
function flash({ range }: { range: AbstractRange }) {
  const name = 'huantai-lens-active';
  const highlight = new Highlight(range);
  CSS.highlights.set(name, highlight);
  window.setTimeout(() => {
    if (CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
  }, 1600);
}

function measure(detail: ScanMeasure) {
  const { start, end, ...rest } = detail;
  performance.measure('huantai-lens:scan', { start, end, detail: rest });
}

/** The background may be restarting; the next report will get through. */
function ignoreClosedPort(error: unknown) {
  console.debug('[Huantai Lens]', error);
}
