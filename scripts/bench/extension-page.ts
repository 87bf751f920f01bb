/**
 * For the interaction suites (tooltip.ts, popup.ts): the real extension in headless Chromium, and
 * a page it has finished scanning.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { launchWithExtension } from '../browser.mjs';
import { prepareContext } from './browser-setup';

export const VIEWPORT = { width: 1280, height: 900 };

export async function launchExtensionContext({ extensionPath, executablePath }: { extensionPath: string; executablePath: string }): Promise<{
  context: BrowserContext;
  extensionId: string;
  browserVersion: string;
}> {
  const { context, extensionId } = await launchWithExtension({ extensionPath, executablePath, headless: true, via: 'flag', viewport: VIEWPORT });
  await prepareContext({ context });
  return { context, extensionId, browserVersion: context.browser()?.version() ?? 'unknown' };
}

/** Opens `url` and waits until the extension's scan measures exist and no new one has appeared for a while. */
export async function openScanned({ context, url, quietMs = 400 }: { context: BrowserContext; url: string; quietMs?: number }): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  await page.waitForFunction(() => performance.getEntriesByName('huantai-lens:scan').length > 0, null, { timeout: 15_000 });
  let previous = -1;
  for (;;) {
    const count = await page.evaluate(() => performance.getEntriesByName('huantai-lens:scan').length);
    if (count === previous) return page;
    previous = count;
    await page.waitForTimeout(quietMs);
  }
}

/** The extension's id for a tab: bring it to the front and ask the service worker for the active tab. */
export async function tabIdOf({ context, extensionId, tab }: { context: BrowserContext; extensionId: string; tab: Page }): Promise<number> {
  const worker = context.serviceWorkers().find((w) => w.url().includes(extensionId));
  if (!worker) throw new Error('extension service worker not running');
  await tab.bringToFront();
  return worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { tabs: { query: (q: object) => Promise<Array<{ id?: number }>> } } };
    const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (active?.id === undefined) throw new Error('no active tab');
    return active.id;
  });
}
