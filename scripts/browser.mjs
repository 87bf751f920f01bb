// Finds the Chrome or Chromium to drive and loads the built extension into it. Shared by the demo,
// the end-to-end tests and the benchmarks, so all three load the extension the same way.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { chromium } from 'playwright-core';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

export class BrowserNotFoundError extends Error {}

/** CHROME_PATH, else the first Chrome/Chromium on PATH. */
export function findBrowser({ env = process.env } = {}) {
  if (env.CHROME_PATH) {
    if (existsSync(env.CHROME_PATH)) return env.CHROME_PATH;
    throw new BrowserNotFoundError(`CHROME_PATH is set to ${env.CHROME_PATH}, but there is no file there.`);
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const name of NAMES) {
      const path = join(dir, name);
      if (dir && existsSync(path)) return path;
    }
  }
  throw new BrowserNotFoundError(
    'No Chrome or Chromium found on PATH. Install the Debian/Ubuntu package "chromium" ' +
      '(sudo apt-get install chromium fonts-noto-cjk), or set CHROME_PATH to a Chrome or Chromium executable.',
  );
}

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Lets the DevTools protocol load an unpacked extension (branded Chrome 137+ ignores --load-extension).
  '--enable-unsafe-extension-debugging',
];

/**
 * Starts the browser with the extension loaded. `via: 'flag'` uses --load-extension (Chromium,
 * Chrome for Testing); `via: 'cdp'` uses Extensions.loadUnpacked, as web-ext and WXT's runner do,
 * which branded Chrome still honours; `via: 'auto'` tries the flag, then the protocol.
 */
export async function launchWithExtension({ extensionPath, executablePath = findBrowser(), headless = true, via = 'auto', viewport = { width: 1280, height: 900 }, colorScheme = 'light', hasTouch = false, locale }) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'huantai-lens-profile-'));
  const useFlag = via !== 'cdp';
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless,
    viewport,
    colorScheme,
    hasTouch,
    ...(locale ? { locale } : {}),
    args: [
      ...ARGS,
      ...(useFlag ? [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`] : []),
    ],
    ignoreDefaultArgs: ['--disable-extensions'],
  });
  let worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!worker && useFlag) {
    worker = await context.waitForEvent('serviceworker', { timeout: via === 'auto' ? 5000 : 20_000 }).catch(() => undefined);
  }
  if (!worker) {
    const browser = context.browser();
    if (!browser) throw new Error('The browser gave no DevTools session to load the extension through.');
    const session = await browser.newBrowserCDPSession();
    await session.send('Extensions.loadUnpacked', { path: extensionPath });
    worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'))
      ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  }
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, worker };
}

/**
 * The popup reading the terms of `tab`, opened as a tab of its own: no driver can open the real
 * toolbar popup, so popup.html is told the tab through its ?tab= parameter.
 */
export async function openPopup({ context, extensionId, tab }) {
  const tabId = await tabIdOf({ context, extensionId, tab });
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

/** The tab id of a page: bring it to the front and ask the service worker for the active tab. */
async function tabIdOf({ context, extensionId, tab }) {
  const worker = context.serviceWorkers().find((w) => w.url().includes(extensionId));
  if (!worker) throw new Error('extension service worker not running');
  await tab.bringToFront();
  return worker.evaluate(async () => {
    const [active] = await globalThis.chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (active?.id === undefined) throw new Error('no active tab');
    return active.id;
  });
}
