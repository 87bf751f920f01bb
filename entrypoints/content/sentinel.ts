/**
 * The sentinel: the content script of every frame a reader opens. It finds out whether the frame
 * may hold a glossary term (lib/scan/sentinel) and only then loads the engine (engine.ts) through
 * parts.ts. A frame without a term pays for one read of its text and the probe, and keeps watching
 * for text added later; the top frame also answers the popup's presence ping ("here, no terms").
 *
 * It is built as a plain script (entrypoints/sentinel.ts, listed in the manifest by wxt.config.ts),
 * not as a WXT content script, and touches no extension API until it needs one: in 30 ad frames
 * (the bench's zh-ad-frames) WXT's content-script context (its "script started" event, its
 * location watcher) and creating chrome.runtime cost 0.5 ms a frame, more than reading the
 * frame's text. The engine makes the WXT context where it runs.
 */
import type { browser as Browser } from 'wxt/browser';
import probe from 'virtual:huantai-glossary/probe';
import { answerPresence } from '../../lib/messaging/presence';
import { createTermProbe } from '../../lib/scan/probe';
import { watchForTerms } from '../../lib/scan/sentinel';
import type { Engine } from './engine';
import { loadPart } from './parts';
import { yieldToPage } from './yield-to-page';

/** The extension's API, looked up on first use (see above). After an update or uninstall it is gone: null. */
function extensionApi(): typeof Browser | null {
  const scope = globalThis as unknown as { browser?: typeof Browser; chrome?: typeof Browser };
  const api = scope.browser?.runtime?.id ? scope.browser : scope.chrome;
  return api?.runtime?.id ? api : null;
}

export function runSentinel(): void {
  // Whether the browser can paint is the engine's question (engine.ts): asking here made every
  // frame create its CSS.highlights registry.
  let engineRunning = false;
  // The presence ping goes to the top frame only (frameId 0): frames below need no listener.
  const api = window === window.top ? extensionApi() : null;
  if (api) answerPresence({ runtime: api.runtime, presence: () => ({ url: location.href, engine: engineRunning }) });
  const importModule = (url: string) => import(/* @vite-ignore */ url);
  const startEngine = async () => {
    const found = extensionApi();
    // An old copy of the sentinel, left in the page by an update or uninstall, has nothing to start.
    if (found === null) return;
    const engine = await loadPart<Engine>({ name: 'engine', url: found.runtime.getURL('/engine.js'), importModule });
    engineRunning = await engine.start({ importModule });
  };
  watchForTerms({
    document,
    mayHoldTerm: createTermProbe({ tables: probe }),
    createMutationObserver: (callback) => new MutationObserver(callback),
    onFound: () => void startEngine().catch((error: unknown) => console.error('[Huantai Lens] the engine did not start', error)),
    // The observable contract: every chunk of scanning work is a 'huantai-lens:scan' measure; the
    // sentinel's find no matches, only whether the engine is needed.
    recordSlice: ({ start, end, textNodes, chars }) =>
      performance.measure('huantai-lens:scan', { start, end, detail: { textNodes, chars, matches: 0, sentinel: true } }),
    now: () => performance.now(),
    setTimer: (callback, ms) => window.setTimeout(callback, ms),
    yieldToPage,
  });
}
