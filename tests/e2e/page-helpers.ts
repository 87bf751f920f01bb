/** Acting on a page like a reader: find text on screen, point at it, read the tooltip. */
import type { Page, Worker } from 'playwright-core';

/** Scrolls the first occurrence of `text` into view and returns the centre of its middle character. */
export function pointOf(page: Page, text: string, occurrence = 0): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([needle, nth]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(needle);
        if (at < 0 || seen++ < nth) continue;
        node.parentElement!.scrollIntoView({ block: 'center' });
        const middle = at + Math.floor(needle.length / 2);
        const range = document.createRange();
        range.setStart(node, middle);
        range.setEnd(node, middle + 1);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      throw new Error(`text ${needle} is not on the page`);
    },
    [text, occurrence] as const,
  );
}

export async function hoverText(page: Page, text: string, occurrence = 0): Promise<void> {
  const { x, y } = await pointOf(page, text, occurrence);
  // Arrive from elsewhere, as a pointer does, so pointermove fires on the term.
  await page.mouse.move(x - 40, y - 40);
  await page.mouse.move(x, y, { steps: 4 });
}

export function tooltipText(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('huantai-lens-ui')?.shadowRoot?.querySelector('.card')?.textContent ?? '');
}

/**
 * Fires a keyboard command in the service worker, through the background's own listener: headless
 * Chromium does not deliver extension shortcuts (tooltip.test.ts says why).
 */
export async function fireCommand(worker: Worker, command: 'next-term' | 'previous-term') {
  await worker.evaluate(async (name) => {
    const { chrome } = globalThis as unknown as { chrome: typeof browser };
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (!tab?.id) throw new Error('no active tab');
    const event = chrome.commands.onCommand as unknown as { dispatch?: (command: string, tab: unknown) => void };
    if (typeof event.dispatch === 'function') return event.dispatch(name, tab);
    // What background.ts sends, in @webext-core/messaging's message format.
    const message = { id: Date.now(), type: 'moveToTerm', data: { direction: name === 'next-term' ? 'next' : 'previous' }, timestamp: Date.now() };
    await chrome.tabs.sendMessage(tab.id, message, { frameId: 0 });
  }, command);
}

/** The centre of an element in the card, in page coordinates. */
export function centreOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([tag, sel]) => {
      const el = document.querySelector(tag)?.shadowRoot?.querySelector(sel);
      if (!el) throw new Error(`no ${sel} in the tooltip`);
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    ['huantai-lens-ui', selector] as const,
  );
}

/** Every painted range of the page (the flash of "show me where" left out) in document order: its text and box. */
export function paintedInDocumentOrder(page: Page): Promise<{ text: string; top: number; bottom: number }[]> {
  return page.evaluate(() => {
    const ranges: Range[] = [];
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('huantai-lens') || name === 'huantai-lens-active') return;
      for (const r of highlight) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        ranges.push(live);
      }
    });
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((r) => ({ text: r.toString(), top: r.getBoundingClientRect().top, bottom: r.getBoundingClientRect().bottom }));
  });
}
