/**
 * The side panel in a real Chromium with the built extension. Chromium will not open a side panel
 * for a test, so sidepanel.html is opened in a tab of its own, in the same window as the article
 * tabs, and the test brings an article to the front as a reader switches tabs: the panel follows
 * the active tab of its window (never itself). What it lists is checked against what the page
 * painted, in the order the page's own ranges come in the document.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../scripts/serve.mjs';
import { CATEGORY_IDS } from '../../lib/glossary/categories';
import { formatTarget } from '../../lib/glossary/format-target';
import { createTermFinder, findTerms } from '../../lib/scan/term-finder';
import { assignedShortcuts, type Harness, scrollThrough, startHarness, waitForScanIdle } from './harness';
import { compiled, entryByTerm } from './glossary-fixture';
import { paintedInDocumentOrder } from './page-helpers';

const SCREENSHOTS = join(PROJECT_ROOT, 'tests/e2e/screenshots');
const finder = createTermFinder({ termList: compiled.termList });
const entryById = (id: string) => compiled.glossary.entries.find((e) => e.id === id)!;

let harness: Harness;
let demo: Page;
let panel: Page;
beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  harness = await startHarness();
  demo = await harness.openPage('/demo/');
  panel = await harness.context.newPage();
  panel.setDefaultTimeout(10_000);
  // About the width Chrome gives a side panel.
  await panel.setViewportSize({ width: 360, height: 800 });
  await panel.goto(`chrome-extension://${harness.extensionId}/sidepanel.html`);
  await panel.waitForSelector('main.side-panel');
  await demo.bringToFront();
});
afterAll(() => harness?.close());

/** The glossary id of a painted text, folding it the way the page text was folded. */
function termIdOf(text: string): string {
  const [match, ...rest] = findTerms({ finder, text });
  if (!match || rest.length > 0 || match.start !== 0 || match.end !== text.length) throw new Error(`${text} is not exactly one term`);
  return finder.idOf(match.value);
}

/** What the panel lists: its areas in order, each with its rows in order. */
function panelGroups(): Promise<Array<{ category: string; rows: Array<{ id: string; term: string; count: number; summary: string; targets: string[] }> }>> {
  return panel.$$eval('.panel-area', (areas) =>
    areas.map((area) => ({
      category: (area as HTMLElement).dataset.category ?? '',
      rows: [...area.querySelectorAll('li[data-id]')].map((li) => ({
        id: (li as HTMLElement).dataset.id ?? '',
        term: li.querySelector('.term')?.textContent ?? '',
        count: Number((li.querySelector('.count')?.textContent ?? '').replace('×', '')),
        summary: li.querySelector('.summary')?.textContent ?? '',
        targets: [...li.querySelectorAll('.target')].map((target) => target.querySelector('.value')?.textContent ?? ''),
      })),
    })),
  );
}
const listedIds = async () => (await panelGroups()).flatMap((group) => group.rows.map((row) => row.id));
const followedUrl = () => panel.locator('.panel-site').getAttribute('data-url', { timeout: 1000 }).catch(() => null);

/** Every painted range of the page in document order, as glossary ids, and each id's first place among them. */
async function paintedInOrder(page: Page): Promise<{ first: string[]; counts: Map<string, number> }> {
  await scrollThrough(page);
  const texts = (await paintedInDocumentOrder(page)).map((range) => range.text);
  const counts = new Map<string, number>();
  for (const id of texts.map(termIdOf)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return { first: [...counts.keys()], counts };
}

/** The ids of `first` grouped as the panel must: areas in the glossary's order, reading order inside. */
const expectedGroups = (first: string[]) =>
  CATEGORY_IDS.map((category) => ({ category, ids: first.filter((id) => entryById(id).category === category) })).filter((g) => g.ids.length > 0);

describe('the side panel', () => {
  it('lists the page’s terms by the report’s areas, each area in the order the page mentions them, with summary and targets', async () => {
    const { first, counts } = await paintedInOrder(demo);
    expect(first.length).toBeGreaterThan(50);
    await expect.poll(async () => (await listedIds()).length, { timeout: 10_000 }).toBe(first.length);
    await panel.screenshot({ path: join(SCREENSHOTS, 'sidepanel.png'), fullPage: false });

    const groups = await panelGroups();
    expect(groups.map((g) => ({ category: g.category, ids: g.rows.map((r) => r.id) }))).toEqual(expectedGroups(first));
    // More than one area, or the grouping proves nothing.
    expect(groups.length).toBeGreaterThan(3);
    for (const row of groups.flatMap((g) => g.rows)) {
      const entry = entryById(row.id);
      expect(row).toEqual({
        id: entry.id,
        term: entry.term,
        count: counts.get(entry.id),
        summary: entry.summary,
        targets: entry.targets.map((target) => formatTarget(target)),
      });
    }
    expect(groups.flatMap((g) => g.rows).some((row) => row.targets.length > 0)).toBe(true);
  });

  it('scrolls to a term’s first occurrence and opens its card there when the term is clicked', async () => {
    // Far down a page just opened: its paragraph is not painted yet.
    const entry = entryByTerm('城镇登记失业率');
    const page = await harness.openPage('/demo/?click');
    await page.bringToFront();
    await expect.poll(followedUrl).toBe(page.url());
    expect(await page.evaluate(() => scrollY)).toBe(0);
    await panel.locator(`.panel-area li[data-id="${entry.id}"] button.panel-term`).click();

    const cardTerm = () =>
      page.evaluate(() => document.querySelector('huantai-lens-ui')?.shadowRoot?.querySelector('.card .term')?.textContent ?? null);
    await expect.poll(cardTerm, { timeout: 5000 }).toBe(entry.term);
    const shown = await page.evaluate((term) => {
      // Where the page text first says it, found here by walking the text.
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(term);
        if (at < 0 || node.parentElement!.closest('textarea, script, style')) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + term.length);
        const rect = range.getBoundingClientRect();
        return { top: rect.top, bottom: rect.bottom, innerHeight, scrollY };
      }
      return null;
    }, entry.term);
    expect(shown).not.toBeNull();
    expect(shown!.scrollY).toBeGreaterThan(0);
    expect(shown!.top).toBeGreaterThanOrEqual(0);
    expect(shown!.bottom).toBeLessThanOrEqual(shown!.innerHeight);
    await page.close();
  });

  it('follows the tab the reader switches to (a page with a shadow root and a frame, back, a blank tab)', async () => {
    const framed = await harness.openPage('/pages/shadow-frame.html');
    await framed.bringToFront();
    await expect.poll(followedUrl).toBe(framed.url());
    // One term in the page's text, two in its shadow root, and 跨境电商 only in the same-origin frame
    // (the frame's own report, added up by the background).
    const expected = ['高标准农田', '中国膜谷', '四减四增', '跨境电商'].map((term) => entryByTerm(term).id).sort();
    await expect.poll(async () => (await listedIds()).sort(), { timeout: 10_000 }).toEqual(expected);

    await demo.bringToFront();
    await expect.poll(followedUrl).toBe(demo.url());
    const { first } = await paintedInOrder(demo);
    await expect.poll(listedIds).toEqual(expectedGroups(first).flatMap((g) => g.ids));

    const blank = await harness.openPage('about:blank', { waitForScan: false });
    await blank.bringToFront();
    await expect.poll(() => panel.locator('.panel-status').textContent({ timeout: 1000 }).catch(() => '')).toContain('此页面未被扫描');
    await blank.close();
    await framed.close();
    await demo.bringToFront();
    await expect.poll(followedUrl).toBe(demo.url());
  });

  it('updates as the page changes: a paragraph added at the end puts its term last in its area', async () => {
    await demo.bringToFront();
    await expect.poll(followedUrl).toBe(demo.url());
    const before = await listedIds();
    expect(before.length).toBeGreaterThan(0);
    // A county term (painted on any page) the demo does not have, written so that it is exactly that term.
    const added = compiled.glossary.entries.find((entry) => {
      if (entry.scope !== 'county' || before.includes(entry.id)) return false;
      try {
        return termIdOf(entry.term) === entry.id;
      } catch {
        return false;
      }
    });
    expect(added).toBeDefined();
    await demo.evaluate((term) => {
      const p = document.createElement('p');
      p.textContent = `补记：${term}。`;
      document.body.append(p);
    }, added!.term);

    await expect.poll(listedIds, { timeout: 10_000 }).toContain(added!.id);
    const area = (await panelGroups()).find((g) => g.category === added!.category)!;
    expect(area.rows.at(-1)).toMatchObject({ id: added!.id, count: 1 });
    await waitForScanIdle(demo);
  });

  it('lists the keyboard commands with the keys the browser has for them now', async () => {
    // The manifest's own commands (getAll also reports the browser's _execute_action, the popup's key).
    const declared = Object.keys((JSON.parse(readFileSync(join(inject('extensionPath'), 'manifest.json'), 'utf8')) as { commands: object }).commands);
    expect(declared.sort()).toEqual(['next-term', 'previous-term']);
    const commands = Object.entries(await assignedShortcuts(harness.context))
      .filter(([name]) => declared.includes(name))
      .map(([name, keys]) => ({ name, keys }));
    expect(commands).toHaveLength(2);
    const shown = await panel.$$eval('.shortcuts li[data-command$="-term"]', (rows) =>
      rows.map((row) => ({ name: (row as HTMLElement).dataset.command ?? '', keys: row.querySelector('kbd, .muted')?.textContent ?? '', label: row.lastChild?.textContent?.trim() ?? '' })),
    );
    const labels: Record<string, string> = { 'next-term': '下一个术语', 'previous-term': '上一个术语' };
    // Headless Chromium leaves the suggested keys unassigned (see tooltip.test.ts): then the panel says so.
    expect(shown).toEqual(commands.map((c) => ({ name: c.name, keys: c.keys || '未设置', label: labels[c.name] })));
    expect(await panel.locator('.shortcuts').textContent()).toContain('chrome://extensions/shortcuts');
  });
});
