/**
 * What the card adds around the entry, in a real Chromium with the built extension: Traditional
 * text for Traditional terms and pages, the "n / total" cue of the keyboard commands, the colour
 * legend (card and popup), the shortcuts in the popup's footer, and "open in glossary" centring
 * the entry on the glossary page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CATEGORIES, CATEGORY_COLOURS, CATEGORY_IDS } from '../../lib/glossary/categories';
import { assignedShortcuts, extensionWorker, scrollThrough, startHarness, type Harness } from './harness';
import { compiled, entryByTerm } from './glossary-fixture';
import { centreOf, fireCommand, hoverText, paintedInDocumentOrder } from './page-helpers';

const HOST = 'huantai-lens-ui';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

interface Card {
  term: string | null;
  summary: string | null;
  lang: string | null;
  position: string | null;
}

/** The open card once it shows an entry (not while it loads), or null. */
function readCard(page: Page): Promise<Card | null> {
  return page.evaluate((tag) => {
    const card = document.querySelector(tag)?.shadowRoot?.querySelector('.card:not(.loading)');
    if (!card) return null;
    const text = (selector: string) => card.querySelector(selector)?.textContent?.trim() ?? null;
    return { term: text('.term'), summary: text('.summary'), lang: card.getAttribute('lang'), position: text('.position') };
  }, HOST);
}

/** Hovers the nth occurrence of `text` and waits for a card for `term`; Esc closes it again after `check`. */
async function cardFor(page: Page, { text, occurrence = 0, term }: { text: string; occurrence?: number; term: string }): Promise<Card> {
  await hoverText(page, text, occurrence);
  await expect.poll(async () => (await readCard(page))?.term, { message: `${text} #${occurrence}` }).toBe(term);
  const card = (await readCard(page))!;
  await page.keyboard.press('Escape');
  await expect.poll(() => readCard(page)).toBeNull();
  return card;
}

/** The rows of a legend: each area's name and the colour its sample is underlined in. */
function legendRows(root: Page, { inCard }: { inCard: boolean }) {
  return root.evaluate(
    ([tag, card]) => {
      const scope = card ? document.querySelector(tag)!.shadowRoot! : document;
      return [...scope.querySelectorAll<HTMLElement>('.legend li')].map((li) => {
        const sample = li.querySelector<HTMLElement>('.legend-sample')!;
        return {
          category: li.dataset.category!,
          name: li.querySelector('.legend-name')!.textContent,
          colour: getComputedStyle(sample).textDecorationColor,
          visible: sample.checkVisibility(),
        };
      });
    },
    [HOST, inCard] as const,
  );
}

/** '#c0392b' as getComputedStyle gives it. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

const expectedLegend = () => CATEGORY_IDS.map((id) => ({ category: id, name: CATEGORIES[id].zh, colour: rgb(CATEGORY_COLOURS[id]), visible: true }));

describe('the card’s script', () => {
  it('is Traditional on a Traditional page: term and summary as the build converted them', async () => {
    const page = await harness.openPage('/pages/traditional.html');
    for (const { text, id } of [
      { text: '兩高', id: 'liang-gao' },
      { text: '中國膜谷', id: 'zhong-guo-mo-gu' },
    ]) {
      const traditional = compiled.traditional[id]!;
      const simplified = compiled.glossary.entries.find((e) => e.id === id)!;
      // The term as the page itself writes it.
      const card = await cardFor(page, { text, term: text });
      expect(card).toMatchObject({ term: traditional.term, summary: traditional.summary, lang: 'zh-Hant' });
      expect(card.summary).not.toBe(simplified.summary);
    }
    // 中国膜谷 written in Simplified on this zh-Hant page: the page's language decides.
    expect(await cardFor(page, { text: '「中国膜谷」', term: '中國膜谷' })).toMatchObject({ lang: 'zh-Hant' });
    await page.close();
  });

  it('is Simplified on a Simplified page, except for a term in Traditional characters or in a zh-TW paragraph', async () => {
    const page = await harness.openPage('/pages/script-mix.html');
    const liangGao = entryByTerm('两高');
    const moGu = entryByTerm('中国膜谷');
    expect(await cardFor(page, { text: '两高', term: '两高' })).toMatchObject({ summary: liangGao.summary, lang: 'zh-CN' });
    expect(await cardFor(page, { text: '中国膜谷', term: '中国膜谷' })).toMatchObject({ summary: moGu.summary, lang: 'zh-CN' });
    expect(await cardFor(page, { text: '兩高', term: '兩高' })).toMatchObject({ summary: compiled.traditional[liangGao.id]!.summary, lang: 'zh-Hant' });
    expect(await cardFor(page, { text: '中国膜谷', occurrence: 1, term: '中國膜谷' })).toMatchObject({
      summary: compiled.traditional[moGu.id]!.summary,
      lang: 'zh-Hant',
    });
    await page.close();
  });
});

describe('the keyboard commands’ position cue', () => {
  it('says "n / total", n the term’s place among the painted terms in document order, total their number', async () => {
    const page = await harness.openPage('/demo/');
    // Every term painted, as for a reader who has scrolled through the article.
    await scrollThrough(page);
    const painted = (await paintedInDocumentOrder(page)).map((range) => range.text);
    expect(painted.length).toBeGreaterThan(10);
    await page.bringToFront();
    const worker = extensionWorker(harness.context);
    const expectAt = (n: number) => expect.poll(() => readCard(page)).toMatchObject({ term: painted[n - 1], position: `${n} / ${painted.length}` });
    for (let n = 1; n <= 4; n++) {
      await fireCommand(worker, 'next-term');
      await expectAt(n);
    }
    await fireCommand(worker, 'previous-term');
    await expectAt(3);
    // A card opened by the pointer is not on the keyboard's path: no cue.
    await page.keyboard.press('Escape');
    await hoverText(page, '中国膜谷');
    await expect.poll(async () => (await readCard(page))?.term).toBe('中国膜谷');
    expect((await readCard(page))!.position).toBeNull();
    await page.close();
  });
});

describe('the legend and the shortcuts', () => {
  it('opens the legend from the card: every area by name, in the colour the page paints it', async () => {
    const page = await harness.openPage('/demo/');
    await hoverText(page, '中国膜谷');
    await expect.poll(async () => (await readCard(page))?.term).toBe('中国膜谷');
    const button = await centreOf(page, 'button.legend-toggle');
    // Into the card and onto the button, as a reader would: the card stays open on the way.
    await page.mouse.move(button.x, button.y, { steps: 8 });
    await page.mouse.click(button.x, button.y);
    await expect.poll(async () => (await legendRows(page, { inCard: true })).length).toBeGreaterThan(0);
    const rows = await legendRows(page, { inCard: true });
    expect(rows.filter((row) => row.category !== 'quiet')).toEqual(expectedLegend());
    // The colour on the page itself, as Chromium computes its highlight.
    const painted = await page.evaluate(() => getComputedStyle(document.body, '::highlight(huantai-lens-industry)').textDecorationColor);
    expect(rows.find((row) => row.category === 'industry')!.colour).toBe(painted);
    await page.close();
  });

  it('lists the shortcuts in the popup’s footer as the browser has them assigned, and opens the legend there', async () => {
    const tab = await harness.openPage('/demo/');
    const assigned = await assignedShortcuts(harness.context);
    const popup = await harness.openPopup(tab);
    await popup.waitForSelector('footer .shortcuts li');
    const rows = await popup.$$eval('footer .shortcuts li', (items) => items.map((li) => [(li as HTMLElement).dataset.command, li.textContent]));
    expect(rows).toEqual([
      ['next-term', `${assigned['next-term'] || '未设置'} 下一个术语`],
      ['previous-term', `${assigned['previous-term'] || '未设置'} 上一个术语`],
      ['close', 'Esc 关闭卡片'],
    ]);

    expect((await legendRows(popup, { inCard: false })).some((row) => row.visible)).toBe(false);
    await popup.getByText('颜色图例', { exact: true }).click();
    await expect.poll(async () => (await legendRows(popup, { inCard: false })).filter((row) => row.category !== 'quiet')).toEqual(expectedLegend());
    await popup.close();
    await tab.close();
  });
});

describe('open in glossary', () => {
  it('leaves the entry centred in the glossary page’s viewport', async () => {
    const page = await harness.openPage('/demo/');
    const entry = entryByTerm('中国膜谷');
    await hoverText(page, '中国膜谷');
    await expect.poll(async () => (await readCard(page))?.term).toBe('中国膜谷');
    const open = await centreOf(page, 'button.open');
    await page.mouse.move(open.x, open.y, { steps: 8 });
    const [glossary] = await Promise.all([harness.context.waitForEvent('page'), page.mouse.click(open.x, open.y)]);
    await glossary.waitForSelector(`#entry-${entry.id}`);
    const where = () =>
      glossary.evaluate((id) => {
        const box = document.getElementById(`entry-${id}`)!.getBoundingClientRect();
        const centre = box.top + box.height / 2;
        return {
          offCentre: Math.abs(centre - innerHeight / 2) / innerHeight,
          // Centring needs room below: an entry at the end of the list can only go as far as the page does.
          roomBelow: document.documentElement.scrollHeight - (scrollY + centre) >= innerHeight / 2,
        };
      }, entry.id);
    await expect.poll(async () => (await where()).offCentre).toBeLessThan(0.15);
    expect((await where()).roomBelow).toBe(true);
    await glossary.close();
    await page.close();
  });
});
