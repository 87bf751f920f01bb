import type { BrowserContext, Page, Worker } from 'playwright-core';
export class BrowserNotFoundError extends Error {}
export function findBrowser(args?: { env?: Record<string, string | undefined> }): string;
export function launchWithExtension(args: {
  extensionPath: string;
  executablePath?: string;
  headless?: boolean;
  via?: 'auto' | 'flag' | 'cdp';
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** navigator.language of the pages (and so the extension's 'auto' interface language). */
  locale?: string;
  /** A touch screen (for page.touchscreen). */
  hasTouch?: boolean;
}): Promise<{ context: BrowserContext; extensionId: string; worker: Worker }>;
/** popup.html as a tab, reading the terms of `tab`. */
export function openPopup(args: { context: BrowserContext; extensionId: string; tab: Page }): Promise<Page>;
