/** Acting on a page like a reader: find text on screen, point at it, read the tooltip. */
import type { Page } from 'playwright-core';

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
