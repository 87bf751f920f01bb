/**
 * The sentinel: the content script of every frame a reader opens. It finds out whether the frame
 * may hold a glossary term (lib/scan/sentinel) and only then loads the engine (engine.ts) through
 * parts.ts. A frame without a term pays for one read of its text and the probe; it answers the
 * popup's presence ping ("here, no terms") and keeps watching for text added later.
 */
import probe from 'virtual:huantai-glossary/probe';
import { answerPresence } from '../../lib/messaging/presence';
import { createTermProbe } from '../../lib/scan/probe';
import { watchForTerms } from '../../lib/scan/sentinel';
import type { Engine } from './engine';
import { loadPart } from './parts';
import { yieldToPage } from './yield-to-page';
import './highlights.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) {
      // Editing the page to underline would break pages' own scripts; say so instead.
      console.info('[Huantai Lens] This browser lacks the CSS Custom Highlight API, so terms cannot be highlighted here.');
      return;
    }
    let engineRunning = false;
    const stopAnswering = answerPresence({ runtime: browser.runtime, presence: () => ({ url: location.href, engine: engineRunning }) });
    const importModule = (url: string) => import(/* @vite-ignore */ url);
    const startEngine = async () => {
      const engine = await loadPart<Engine>({ name: 'engine', url: browser.runtime.getURL('/engine.js'), importModule });
      if (ctx.isInvalid) return;
      await engine.start({ ctx, importModule });
      engineRunning = true;
    };
    const sentinel = watchForTerms({
      document,
      mayHoldTerm: createTermProbe(probe),
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
    ctx.onInvalidated(() => {
      stopAnswering();
      sentinel.stop();
    });
  },
});
