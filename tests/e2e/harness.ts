/** What every e2e test file needs: the built extension loaded into a real Chromium, and its pages. */
import { inject } from 'vitest';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { launchWithExtension, openPopup } from '../../scripts/browser.mjs';

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  origin: string;
  /** Opens a URL (absolute, or a path on the test server) and waits for the first scan to finish. */
  openPage(url: string, options?: { waitForScan?: boolean }): Promise<Page>;
  /** The popup page, reading the terms of `tab` (a page opened with openPage). */
  openPopup(tab: Page): Promise<Page>;
  close(): Promise<void>;
}

export async function startHarness(options: { via?: 'flag' | 'cdp'; colorScheme?: 'light' | 'dark'; hasTouch?: boolean } = {}): Promise<Harness> {
  const origin = inject('origin');
  const { context, extensionId } = await launchWithExtension({
    extensionPath: inject('extensionPath'),
    executablePath: inject('browserPath'),
    via: options.via ?? 'flag',
    colorScheme: options.colorScheme,
    hasTouch: options.hasTouch,
    // The readers this is for browse in Chinese; English is tested by choosing it in the settings.
    locale: 'zh-CN',
  });
  return {
    context,
    extensionId,
    origin,
    async openPage(url, { waitForScan = true } = {}) {
      const page = await context.newPage();
      await page.goto(url.startsWith('/') ? origin + url : url);
      if (waitForScan) await waitForScanIdle(page);
      return page;
    },
    openPopup: (tab) => openPopup({ context, extensionId, tab }),
    close: () => context.close(),
  };
}

/** Waits until scan measures exist and no new one has appeared for a while. */
export async function waitForScanIdle(page: Page, quietMs = 400): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('huantai-lens:scan').length > 0, null, { timeout: 15_000 });
  let previous = -1;
  for (;;) {
    const count = await page.evaluate(() => performance.getEntriesByName('huantai-lens:scan').length);
    if (count === previous) return;
    previous = count;
    await page.waitForTimeout(quietMs);
  }
}

/** What the page's own world sees in CSS.highlights: for each huantai-lens highlight, the text of its ranges. */
export function paintedTexts(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('huantai-lens')) return;
      out[name] = [...highlight].map((range) => {
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        return live.toString();
      });
    });
    return out;
  });
}

export async function allPainted(page: Page): Promise<string[]> {
  return Object.values(await paintedTexts(page)).flat();
}

/** Scrolls a page top to bottom like a reader, so blocks painted on approach get painted. */
export async function scrollThrough(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const step = await page.evaluate(() => innerHeight);
  for (let y = 0; y <= height; y += step) {
    await page.evaluate((top) => scrollTo(0, top), y);
    await page.waitForTimeout(50);
  }
  await page.evaluate(() => scrollTo(0, 0));
  await waitForScanIdle(page, 200);
}

/** The texts painted in this frame whose range starts inside `selector` (without one: all of them), sorted. */
export function paintedInside(frame: Page | Frame, selector?: string): Promise<string[]> {
  return frame.evaluate((sel) => {
    const container = sel ? document.querySelector(sel) : null;
    const out: string[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('huantai-lens')) continue;
      for (const range of highlight) {
        if (sel && !container?.contains(range.startContainer)) continue;
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        out.push(live.toString());
      }
    }
    return out.sort();
  }, selector);
}

/** The extension's service worker, to drive the browser APIs a test needs (storage, commands, tabs). */
export function extensionWorker(context: BrowserContext) {
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!worker) throw new Error('extension service worker not running');
  return worker;
}

/** The extension's commands as the browser has them assigned now: name → keys ('' when none is set). */
export function assignedShortcuts(context: BrowserContext): Promise<Record<string, string>> {
  return extensionWorker(context).evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: typeof browser };
    return Object.fromEntries((await chrome.commands.getAll()).map((c) => [c.name ?? '', c.shortcut ?? '']));
  });
}

/** The toolbar badge text of a page's tab, as the extension's service worker sees it. */
export async function badgeOf(page: Page): Promise<string> {
  const worker = extensionWorker(page.context());
  await page.bringToFront();
  return worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: typeof browser };
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.action.getBadgeText({ tabId: tab!.id! });
  });
}
