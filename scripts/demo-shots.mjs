// What `npm run demo -- --headless` shows: a card opened on the demo article, and with --shots the
// card, the popup and the side panel in both interface languages and both themes (issue #20).
import { join } from 'node:path';
import { openPopup } from './browser.mjs';

const CARD_TERM = '高标准农田'; // has 2022 targets, so the shots show the target list
const POPUP_QUERY = '高标准';
const LANGUAGES = [
  { setting: 'zh', name: 'zh-CN' },
  { setting: 'en', name: 'en-US' },
];
const THEMES = ['light', 'dark'];
// Real pages about Huantai (tests/fixtures/context) for the density shots beside the demo article: a
// travel post that repeats its paragraph (马踏湖 eight times) and membrane-industry news (several terms once).
const DENSITY_PAGES = ['huantai-mata-lake-wetland-park', 'huantai-membrane-industry-new-economy'];

/**
 * Hovers the first painted occurrence of `term` on `page` and waits for its card to show the entry.
 * Returns the part of the viewport around term and card, for a screenshot's clip.
 */
export async function openCard({ page, term, margin = 24 }) {
  // Only blocks near the screen get painted: bring the term's paragraph there first.
  await page.evaluate((text) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.textContent.includes(text)) return node.parentElement.scrollIntoView({ block: 'center' });
    }
    throw new Error(`${text} is not on the page`);
  }, term);
  const termBox = await waitForValue(page, (text) => {
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('huantai-lens')) continue;
      for (const painted of highlight) {
        const range = document.createRange();
        range.setStart(painted.startContainer, painted.startOffset);
        range.setEnd(painted.endContainer, painted.endOffset);
        const rect = range.getClientRects()[0];
        if (range.toString() === text && rect && rect.top >= 0 && rect.bottom <= innerHeight) return rect.toJSON();
      }
    }
    return null;
  }, term);
  const x = termBox.left + termBox.width / 2;
  const y = termBox.top + termBox.height / 2;
  // Arrive from elsewhere, as a pointer does, so pointermove fires on the term.
  await page.mouse.move(x - 40, y - 40);
  await page.mouse.move(x, y, { steps: 4 });
  const cardBox = await waitForValue(page, () => {
    const card = document.querySelector('huantai-lens-ui')?.shadowRoot?.querySelector('.card:not(.loading)');
    return card ? card.getBoundingClientRect().toJSON() : null;
  });
  const viewport = page.viewportSize();
  const left = Math.max(0, Math.min(termBox.left, cardBox.left) - margin);
  const top = Math.max(0, Math.min(termBox.top, cardBox.top) - margin);
  const right = Math.min(viewport.width, Math.max(termBox.right, cardBox.right) + margin);
  const bottom = Math.min(viewport.height, Math.max(termBox.bottom, cardBox.bottom) + margin);
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * Saves {card,popup,sidepanel}-{zh-CN,en-US}-{light,dark}.png, density-{every,first}.png (the demo article) and
 * density-{every,first}-<page>.png (the DENSITY_PAGES) into `dir`, choosing language, theme and density through the
 * settings as a reader does, and returns the files' paths.
 */
export async function saveShots({ context, extensionId, article, dir }) {
  const files = [];
  for (const language of LANGUAGES) {
    for (const theme of THEMES) {
      await setSettings({ context, extensionId, settings: { version: 2, language: language.setting, theme } });
      const file = (what) => join(dir, `${what}-${language.name}-${theme}.png`);
      files.push(
        await shootCard({ article, file: file('card') }),
        await shootPopup({ context, extensionId, article, file: file('popup') }),
        await shootSidePanel({ context, extensionId, article, file: file('sidepanel') }),
      );
    }
  }
  const demoUrl = article.url();
  const pages = [{ url: demoUrl, suffix: '' }, ...DENSITY_PAGES.map((name) => ({ url: new URL(`/context/${name}.html`, demoUrl).href, suffix: `-${name}` }))];
  for (const density of ['every', 'first']) {
    await setSettings({ context, extensionId, settings: { version: 2, language: 'zh', theme: 'light', density } });
    for (const { url, suffix } of pages) files.push(await shootDensity({ article, url, file: join(dir, `density-${density}${suffix}.png`) }));
  }
  await article.goto(demoUrl);
  return files;
}

/** A page's first screen as painted with this density (every occurrence, or each term's first). */
async function shootDensity({ article, url, file }) {
  await article.bringToFront();
  // Loaded afresh, so the content script starts from the new settings.
  await article.goto(url);
  await article.waitForFunction(() => [...CSS.highlights.keys()].some((name) => name.startsWith('huantai-lens')), null, { timeout: 15_000 });
  await article.screenshot({ path: file, animations: 'disabled' });
  return file;
}

async function shootCard({ article, file }) {
  // A reload makes the content script start from the new settings rather than race their change event.
  await article.bringToFront();
  await article.reload();
  await article.waitForFunction(() => performance.getEntriesByName('huantai-lens:scan').length > 0, null, { timeout: 15_000 });
  const clip = await openCard({ page: article, term: CARD_TERM });
  await article.screenshot({ path: file, clip, animations: 'disabled' });
  return file;
}

async function shootPopup({ context, extensionId, article, file }) {
  const popup = await openPopup({ context, extensionId, tab: article });
  // About the size Chromium gives the real popup.
  await popup.setViewportSize({ width: 400, height: 600 });
  const box = popup.getByRole('combobox');
  await box.click();
  // The popup remembers the last query: type over it.
  await popup.keyboard.press('ControlOrMeta+A');
  await popup.keyboard.type(POPUP_QUERY);
  await popup.locator('[role=listbox] [role=option]').first().waitFor();
  await popup.screenshot({ path: file, animations: 'disabled' });
  await popup.close();
  return file;
}

async function shootSidePanel({ context, extensionId, article, file }) {
  // No driver can open Chrome's side panel: sidepanel.html goes in a tab of the article's window.
  const panel = await context.newPage();
  // About the width Chrome gives a side panel.
  await panel.setViewportSize({ width: 400, height: 800 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  // The panel follows its window's active tab, never itself: bring the article forward, as a reader switches tabs.
  await article.bringToFront();
  await panel.locator('.panel-area li[data-id]').first().waitFor();
  await panel.screenshot({ path: file, animations: 'disabled' });
  await panel.close();
  return file;
}

/** Writes the stored settings from the service worker; fields left out fall back to their defaults. */
async function setSettings({ context, extensionId, settings }) {
  const worker = context.serviceWorkers().find((w) => w.url().includes(extensionId));
  if (!worker) throw new Error('extension service worker not running');
  await worker.evaluate((value) => globalThis.chrome.storage.sync.set({ settings: value }), settings);
}

/** Polls `fn` in the page until it returns a value other than null, and returns that value. */
async function waitForValue(page, fn, arg) {
  const handle = await page.waitForFunction(fn, arg, { timeout: 10_000 });
  return handle.jsonValue();
}
