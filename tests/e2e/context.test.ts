/**
 * A page about somewhere else is not told Huantai's story: on real pages about other places
 * (tests/fixtures/context, excerpts of public pages rebuilt as plain HTML) no national or
 * provincial term is painted by default, and Huantai's own terms only where they occur; on pages
 * about Huantai the wider terms are painted too. The context rule itself on small pages: 桓台 in
 * the text, in Traditional script, only in a footer link, a county term split over tags.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadGlossary } from '../../scripts/glossary/load';
import { createTermFinder, findTerms } from '../../lib/scan/term-finder';
import { extensionWorker, paintedTexts, startHarness, type Harness } from './harness';

interface ContextPage {
  file: string;
  about: 'elsewhere' | 'huantai';
  place: string;
}
const PAGES: ContextPage[] = JSON.parse(readFileSync(new URL('../fixtures/context/pages.json', import.meta.url), 'utf8'));
const { termList } = loadGlossary({ dataDir: 'data', root: process.cwd() });
const finder = createTermFinder({ termList });
const termOf = (text: string) => {
  const [match] = findTerms({ finder, text });
  return match === undefined ? undefined : termList.terms[match.value];
};

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

const setSettings = async (settings: Record<string, unknown> | null) => {
  const worker = extensionWorker(harness.context);
  await worker.evaluate(async (value) => {
    const { chrome } = globalThis as unknown as { chrome: typeof browser };
    if (value === null) await chrome.storage.sync.clear();
    else await chrome.storage.sync.set({ settings: value });
  }, settings);
};
beforeEach(() => setSettings(null));

/** Painted texts with the highlight names they are under. */
async function painted(page: Page): Promise<Array<{ name: string; text: string }>> {
  return Object.entries(await paintedTexts(page)).flatMap(([name, texts]) => texts.map((text) => ({ name, text })));
}

describe('the development set: real pages about other places and about Huantai', () => {
  it('holds at least 15 pages about elsewhere (one in Traditional script) and 5 about Huantai', () => {
    expect(PAGES.filter((p) => p.about === 'elsewhere').length).toBeGreaterThanOrEqual(15);
    expect(PAGES.filter((p) => p.about === 'huantai').length).toBeGreaterThanOrEqual(5);
    expect(PAGES.some((p) => p.about === 'elsewhere' && p.file.includes('traditional'))).toBe(true);
  });

  const elsewhere = PAGES.filter((p) => p.about === 'elsewhere');
  it.each(elsewhere.map((p) => [p.file, p.place] as const))('%s (%s): no national or provincial term painted', async (file) => {
    const page = await harness.openPage(`/context/${file}`);
    try {
      const wide = (await painted(page)).filter(({ text }) => {
        const term = termOf(text);
        return term !== undefined && (term.scope === 'national' || term.scope === 'province');
      });
      expect(wide).toEqual([]);
      // Whatever is painted is a county or city term that stands in the page's own text.
      const body = await page.evaluate(() => document.body.innerText);
      for (const { text } of await painted(page)) expect(body).toContain(text);
    } finally {
      await page.close();
    }
  });

  it('does not take the lake of 汶上 for Huantai’s 马踏湖', async () => {
    const page = await harness.openPage('/context/elsewhere-wenshang-nanwang-mata-lake.html');
    try {
      expect(await painted(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  const huantai = PAGES.filter((p) => p.about === 'huantai');
  it.each(huantai.map((p) => p.file))('%s: every term the page holds is painted, wider ones included', async (file) => {
    const page = await harness.openPage(`/context/${file}`);
    try {
      const html = readFileSync(new URL(`../fixtures/context/${file}`, import.meta.url), 'utf8');
      const text = html.replace(/<[^>]+>/g, '');
      const expected = [...new Set(findTerms({ finder, text }).map((m) => termList.terms[m.value]!.id))].sort();
      await expect.poll(async () => [...new Set((await painted(page)).map(({ text: t }) => termOf(t)?.id))].sort()).toEqual(expected);
    } finally {
      await page.close();
    }
  });
});

describe('the context rule', () => {
  const article = (body: string, title = '新闻') =>
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
  const WIDE = '<p>全市建成高标准农田10万亩，地区生产总值增长5%。</p>';
  const serve = (name: string, html: string) => {
    const path = `/context-rule/${name}.html`;
    harness.context.route(`**${path}`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    return path;
  };
  /** WIDE's national terms painted (in their area's colour, under its name: paint.test.ts). */
  const wideNames = async (page: Page) => (await painted(page)).map(({ text }) => text).filter((text) => WIDE.includes(text)).sort();

  it.each([
    ['names 桓台 in its text', article(`<p>桓台县召开会议。</p>${WIDE}`), true],
    ['names 桓臺 in Traditional script', article(`<p>桓臺縣召開會議。</p>${WIDE}`), true],
    ['names 桓台 in its title only', article(WIDE, '桓台新闻'), true],
    ['holds a county term split over tags', article(`<p>做大做强中国<b>膜</b>谷。</p>${WIDE}`), true],
    ['names 桓台 only in a footer link', article(`${WIDE}<footer><a href="#">桓台县人民政府</a></footer>`), false],
    ['names 桓台 only in the navigation', article(`<nav><a href="#">桓台</a></nav>${WIDE}`), false],
    ['names no place of Huantai', article(WIDE), false],
    // A long text node (asked natively, see namesHuantai); the terms come first, on the first
    // screen, where they are painted at once.
    ['names 桓台 once in a paragraph of 10,000 characters', article(`${WIDE}<p>${'会议'.repeat(5000)}桓台县。</p>`), true],
    ['names 桓台 only in a footer after a paragraph of 10,000 characters', article(`${WIDE}<p>${'会议'.repeat(5000)}</p><footer>桓台县人民政府</footer>`), false],
  ])('a page that %s', async (_, html, expected) => {
    const page = await harness.openPage(serve(`case-${Math.random().toString(36).slice(2)}`, html));
    try {
      expect(await wideNames(page)).toEqual(expected ? ['地区生产总值', '高标准农田'] : []);
    } finally {
      await page.close();
    }
  });

  it('with “Explain national terms on every page” on, paints them elsewhere in the quiet style', async () => {
    await setSettings({ version: 2, nationalEverywhere: true });
    const page = await harness.openPage(serve('quiet', article(WIDE)));
    try {
      const names = [...new Set((await painted(page)).map(({ name }) => name))].sort();
      expect(names).toEqual(['huantai-lens-quiet']);
      expect(await wideNames(page)).toEqual(['地区生产总值', '高标准农田']);
    } finally {
      await page.close();
    }
  });

  it('lists in the popup only what is painted', async () => {
    const here = await harness.openPage(serve('counts-here', article(`<p>桓台县做大做强中国膜谷。</p>${WIDE}`)));
    const elsewhere = await harness.openPage(serve('counts-elsewhere', article(`<p>做大做强中国膜谷。</p>`.replace('中国膜谷', '膜产业') + WIDE)));
    try {
      for (const [tab, expected] of [
        [here, ['中国膜谷', '地区生产总值', '高标准农田']],
        [elsewhere, []],
      ] as const) {
        const popup = await harness.openPopup(tab);
        await expect.poll(async () => (await popup.locator('.on-page-term').allTextContents()).map((t) => t.replace(/[\s×\d]+$/u, '')).sort()).toEqual(
          [...expected].sort(),
        );
        await popup.close();
      }
    } finally {
      await here.close();
      await elsewhere.close();
    }
  });
});
