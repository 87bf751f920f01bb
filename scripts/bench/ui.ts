/**
 * What a reader waits for with the real extension, on the demo article: from the pointer entering
 * a painted term to its card on screen (the hover delay included), and the toolbar popup, from
 * navigation to its search box having focus, then from each keystroke to the frame that shows its
 * results. The times are taken in the page (performance.now), so DevTools round trips don't count.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { cell, fmt, type Cell } from './report';

export interface UiResult { hover?: Cell; coldHover?: number; popupReady?: Cell; keystroke?: Cell; error?: string }

const HOVERS = 8;
const OPENS = 5;
const QUERIES = ['zhongguomogu', '中国膜谷', '8万亩'];
/** Blank margin of the demo article, where the pointer rests between hovers. */
const BLANK = { x: 12, y: 500 };

/** In the page: the first `n` distinct one-line painted terms. */
const TERMS = (n: number) => `(() => {
  const seen = new Set();
  CSS.highlights.forEach((h, name) => { if (name.startsWith('huantai-lens')) for (const r of h) {
    const live = new Range(); live.setStart(r.startContainer, r.startOffset); live.setEnd(r.endContainer, r.endOffset);
    if (live.getClientRects().length === 1) seen.add(live.toString().trim());
  } });
  return [...seen].slice(0, ${n});
})()`;

/** In the page: scrolls a painted occurrence of `text` to the middle and arms a watch for its card. */
const ARM = (text: string) => `(() => {
  let target = null;
  CSS.highlights.forEach((h, name) => { if (!target && name.startsWith('huantai-lens')) for (const r of h) {
    const live = new Range(); live.setStart(r.startContainer, r.startOffset); live.setEnd(r.endContainer, r.endOffset);
    if (!target && live.toString().trim() === ${JSON.stringify(text)} && live.getClientRects().length === 1) target = live;
  } });
  if (!target) return null;
  target.startContainer.parentElement.scrollIntoView({ block: 'center' });
  const box = target.getBoundingClientRect();
  const w = window.__benchHover = { entered: 0, shown: 0 };
  addEventListener('pointermove', (e) => {
    if (!w.entered && e.clientX >= box.left && e.clientX <= box.right && e.clientY >= box.top && e.clientY <= box.bottom) w.entered = performance.now();
  }, { capture: true });
  const watch = () => {
    const card = document.querySelector('huantai-lens-ui')?.shadowRoot?.querySelector('.card:not(.loading)');
    const r = card && card.getBoundingClientRect();
    if (w.entered && r && r.width > 0 && r.bottom > 0 && r.top < innerHeight) w.shown = performance.now();
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
  return { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 };
})()`;

async function hoverOnce({ page, text }: { page: Page; text: string }): Promise<number> {
  await page.mouse.move(BLANK.x, BLANK.y);
  await page.waitForFunction(`!document.querySelector('huantai-lens-ui')?.shadowRoot?.querySelector('.card')`, null, { timeout: 5000 });
  const point = (await page.evaluate(ARM(text))) as { x: number; y: number } | null;
  if (!point) throw new Error(`no painted one-line ${text}`);
  await page.waitForTimeout(300); // blocks are painted as they come near the screen
  await page.mouse.move(point.x, point.y, { steps: 5 });
  await page.waitForFunction('window.__benchHover.shown > 0', null, { timeout: 10_000 });
  return (await page.evaluate('window.__benchHover.shown - window.__benchHover.entered')) as number;
}

/** In the popup: from each input event to the end of the frame that shows its results, ms. */
const KEYS = `(() => {
  window.__benchKeys = [];
  document.addEventListener('input', () => {
    const t0 = performance.now();
    requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => window.__benchKeys.push(performance.now() - t0); c.port2.postMessage(0); });
  }, true);
})()`;

async function popup({ context, demo }: { context: BrowserContext; demo: Page }): Promise<{ ready: number[]; keys: number[] }> {
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!worker) throw new Error('the extension has no service worker running');
  await demo.bringToFront();
  const tab = (await worker.evaluate('chrome.tabs.query({ active: true, lastFocusedWindow: true }).then((t) => t[0].id)')) as number;
  const url = `chrome-extension://${new URL(worker.url()).host}/popup.html?tab=${tab}`;
  const ready: number[] = [];
  let keys: number[] = [];
  for (let i = 0; i <= OPENS; i++) {
    const page = await context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(url);
    // Functions, not strings: the popup's CSP refuses the eval a string predicate needs.
    const handle = await page.waitForFunction(() => (document.activeElement?.matches('input') ? performance.now() : 0), null, { polling: 'raf', timeout: 10_000 });
    ready.push((await handle.jsonValue()) as number);
    if (i === OPENS) {
      await page.evaluate(KEYS);
      for (const query of QUERIES) {
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.press('Backspace');
        const skip = (await page.evaluate('window.__benchKeys.length')) as number;
        for (const char of query) {
          const n = (await page.evaluate('window.__benchKeys.length')) as number;
          await page.keyboard.type(char);
          await page.waitForFunction((before) => (window as unknown as { __benchKeys: number[] }).__benchKeys.length > before, n, { timeout: 5000 });
        }
        keys = keys.concat(((await page.evaluate('window.__benchKeys')) as number[]).slice(skip));
      }
    }
    await page.close();
  }
  return { ready: ready.slice(1), keys }; // the first opening compiles the popup's code: not counted
}

export async function measureUi({ context, demoUrl, log }: { context: BrowserContext; demoUrl: string; log: (line: string) => void }): Promise<UiResult> {
  log('UI: hovering terms and opening the popup on the demo article…');
  const page = await context.newPage();
  try {
    await page.goto(demoUrl);
    await page.waitForFunction("performance.getEntriesByName('huantai-lens:scan').length > 0", null, { timeout: 20_000 });
    await page.waitForTimeout(1000);
    const terms = (await page.evaluate(TERMS(HOVERS + 1))) as string[];
    const times: number[] = [];
    for (const text of terms) times.push(await hoverOnce({ page, text }));
    const { ready, keys } = await popup({ context, demo: page });
    return { coldHover: times[0], hover: cell({ values: times.slice(1) }), popupReady: cell({ values: ready }), keystroke: cell({ values: keys }) };
  } finally {
    await page.close();
  }
}

export function formatUi({ result }: { result: UiResult }): string {
  if (result.error) return `UI (demo article): not measured: ${result.error}`;
  return [
    `UI (demo article, lens), ms: pointer on a term → card on screen ${fmt(result.hover!)} over ${result.hover!.n} terms (hover delay included; first, cold: ${result.coldHover?.toFixed(0)})`,
    `  popup: navigation → search box focused ${fmt(result.popupReady!)} over ${result.popupReady!.n} openings; keystroke → next frame ${fmt(result.keystroke!)} over ${result.keystroke!.n} keys`,
  ].join('\n');
}
