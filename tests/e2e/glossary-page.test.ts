/**
 * The glossary page (chrome-extension://<id>/glossary.html) in a real Chromium with the built
 * extension: browsing by area, searching, #<id> links (the tooltip's "open in glossary" uses
 * them), the #targets view and the downloads, each checked against the compiled glossary.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../scripts/serve.mjs';
import { citationOf } from '../../lib/glossary/citation';
import { formatTarget } from '../../lib/glossary/format-target';
import { GLOSSARY_CSV_HEADER } from '../../lib/glossary/csv';
import { CATEGORIES, CATEGORY_IDS } from '../../lib/glossary/categories';
import { startHarness, type Harness } from './harness';
import { compiled, entryByTerm } from './glossary-fixture';
import { hoverText } from './page-helpers';

const SCREENSHOTS = join(PROJECT_ROOT, 'tests/e2e/screenshots');
const { glossary } = compiled;
const entryById = (id: string) => glossary.entries.find((e) => e.id === id);

let harness: Harness;
let glossaryUrl: string;
beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  harness = await startHarness();
  glossaryUrl = `chrome-extension://${harness.extensionId}/glossary.html`;
});
afterAll(() => harness?.close());

async function openGlossary(hash = ''): Promise<Page> {
  const page = await harness.context.newPage();
  // A missing element fails the test in seconds, not after Playwright's 30.
  page.setDefaultTimeout(10_000);
  await page.goto(glossaryUrl + hash);
  await page.waitForSelector('.glossary-page');
  return page;
}

/** The entries listed in the browse column, by area heading. */
function listed(page: Page): Promise<Array<{ area: string; ids: string[] }>> {
  return page.$$eval('section.area', (sections) =>
    sections.map((section) => ({
      area: section.querySelector('h2')?.id.replace(/^area-/, '') ?? '',
      ids: [...section.querySelectorAll('.entry-list li')].map((li) => li.id.replace(/^entry-/, '')),
    })),
  );
}

const detailId = (page: Page) => page.locator('.detail article.entry-view').getAttribute('data-id');
const hashOf = (page: Page) => page.evaluate(() => location.hash);

/** RFC 4180, as Excel and the export write it: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) throw new Error('CSV does not end with a line break');
  return rows;
}

async function downloadOf(page: Page, click: () => Promise<void>): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { download, text: readFileSync(path, 'utf8') };
}

describe('browsing', () => {
  it('lists every entry under its area, and the area buttons filter the list', async () => {
    const page = await openGlossary();
    const all = await listed(page);
    expect(all.map((s) => s.area)).toEqual(CATEGORY_IDS);
    expect(all.flatMap((s) => s.ids).sort()).toEqual(glossary.entries.map((e) => e.id).sort());
    for (const { area, ids } of all) for (const id of ids) expect(entryById(id)!.category, id).toBe(area);
    await page.screenshot({ path: join(SCREENSHOTS, 'glossary-entries.png') });

    const buttons = page.getByRole('group', { name: '按领域浏览' }).getByRole('button');
    expect(await buttons.allTextContents()).toEqual(['全部', ...CATEGORY_IDS.map((id) => CATEGORIES[id].zh)]);
    for (const id of CATEGORY_IDS) {
      await buttons.filter({ hasText: CATEGORIES[id].zh }).click();
      expect(await buttons.filter({ hasText: CATEGORIES[id].zh }).getAttribute('aria-pressed')).toBe('true');
      const shown = await listed(page);
      expect(shown.map((s) => s.area), id).toEqual([id]);
      expect(shown[0]!.ids.sort(), id).toEqual(glossary.entries.filter((e) => e.category === id).map((e) => e.id).sort());
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'glossary-area.png') });
    await buttons.filter({ hasText: '全部' }).click();
    expect((await listed(page)).flatMap((s) => s.ids)).toHaveLength(glossary.entries.length);
    await page.close();
  });

  it('opens an entry from the list, with a link to share and related entries that open in turn', async () => {
    const page = await openGlossary();
    const entry = entryByTerm('中国膜谷');
    await page.locator(`#entry-${entry.id} a`).click();
    await expect.poll(() => detailId(page)).toBe(entry.id);
    expect(await hashOf(page)).toBe(`#${entry.id}`);
    expect(await page.title()).toContain(entry.term);
    expect(await page.locator('.detail').textContent()).toContain(`glossary.html#${entry.id}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'glossary-entry.png') });

    const related = entryById(entry.related[0]!)!;
    await page.locator('.detail .related a', { hasText: related.term }).first().click();
    await expect.poll(() => detailId(page)).toBe(related.id);
    expect(await hashOf(page)).toBe(`#${related.id}`);
    // The browser's Back goes to the previous entry.
    await page.goBack();
    await expect.poll(() => detailId(page)).toBe(entry.id);
    await page.close();
  });
});

describe('searching', () => {
  it('finds entries as the popup does, moves with ↑/↓ and opens with Enter', async () => {
    const page = await openGlossary();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    await page.keyboard.type('zhong guo mo gu');
    const options = page.getByRole('listbox').getByRole('option');
    await expect.poll(() => options.first().getAttribute('data-id')).toBe(entryByTerm('中国膜谷').id);
    expect(await options.first().locator('mark').allTextContents()).toEqual(['中国膜谷']);
    // The area list gives way to the results.
    expect(await page.locator('section.area').count()).toBe(0);

    await page.getByRole('combobox').fill('');
    await page.keyboard.type('gao');
    await expect.poll(() => options.count()).toBeGreaterThan(2);
    const second = await options.nth(1).getAttribute('data-id');
    await page.keyboard.press('ArrowDown');
    expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByRole('combobox').getAttribute('aria-activedescendant')).toBe(`result-${second}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => detailId(page)).toBe(second);
    expect(await hashOf(page)).toBe(`#${second}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'glossary-search.png') });
    await page.close();
  });
});

describe('links into the glossary', () => {
  it('opens the entry a #<id> link names, and says when it names none', async () => {
    const entry = entryByTerm('两高');
    const page = await openGlossary(`#${entry.id}`);
    await expect.poll(() => detailId(page)).toBe(entry.id);
    const detail = page.locator('.detail');
    expect(await detail.locator('h2.term').textContent()).toBe(entry.term);
    expect(await detail.locator('.english').textContent()).toBe(entry.english);
    expect(await detail.locator('p.explanation').textContent()).toBe(entry.explanation);
    expect(await detail.locator('blockquote.quote').allTextContents()).toEqual(entry.quotes);
    // The entry is marked in the list too.
    expect(await page.locator(`#entry-${entry.id}`).getAttribute('class')).toContain('current');
    // Body text at the stylesheet's size, not Chromium's 75% default for extension pages.
    expect(await detail.locator('p.explanation').evaluate((p) => getComputedStyle(p).fontSize)).toBe('14px');
    expect(await page.locator(`#entry-${entry.id} .term`).evaluate((t) => getComputedStyle(t).fontSize)).toBe('14px');

    // A link to an entry the glossary does not have says so.
    await page.goto(`${glossaryUrl}#no-such-entry`);
    await expect.poll(() => page.locator('.detail').textContent()).toContain('没有找到词条“no-such-entry”');
    expect(await page.locator('.detail article').count()).toBe(0);
    await page.close();
  });

  it('shows an entry as the card does: its 「桓台 2022 年」 block, then references with publisher, title and date', async () => {
    const entry = entryByTerm('高标准农田');
    const page = await openGlossary(`#${entry.id}`);
    await expect.poll(() => detailId(page)).toBe(entry.id);
    const detail = page.locator('.detail');
    expect(await detail.locator('.targets h3').textContent()).toBe('桓台 2022 年');
    expect(await detail.locator('.targets .target').allTextContents()).toEqual(entry.targets.map((t) => `${t.indicator} ${formatTarget(t)}`));
    expect(await detail.locator('.targets .local-use').textContent()).toBe(entry.localUse);
    const references = await detail.locator('.references li').evaluateAll((items) =>
      items.map((li) => ({
        publisher: li.querySelector('.publisher')?.textContent ?? null,
        title: li.querySelector('a')?.textContent ?? null,
        href: li.querySelector('a')?.getAttribute('href') ?? null,
        date: li.querySelector('.date')?.textContent ?? null,
      })),
    );
    expect(references).toEqual(entry.references.map((r) => ({ publisher: r.publisher, title: r.title, href: r.url, date: r.date ?? null })));
    // The explanation starts collapsed; 更多 opens it.
    const more = detail.getByRole('button', { name: '更多' });
    await more.click();
    expect(await detail.locator('p.explanation').getAttribute('class')).toBe('explanation');
    expect(await detail.getByRole('button', { name: '收起' }).getAttribute('aria-expanded')).toBe('true');
    await page.close();
  });

  it('is where the tooltip’s “在词表中打开” goes', async () => {
    const demo = await harness.openPage('/demo/');
    const entry = entryByTerm('中国膜谷');
    await hoverText(demo, entry.term);
    const open = demo.locator('huantai-lens-ui').getByRole('button', { name: '在词表中打开' });
    await open.waitFor();
    const [page] = await Promise.all([harness.context.waitForEvent('page'), open.click()]);
    await page.waitForSelector('.glossary-page');
    expect(page.url()).toBe(`${glossaryUrl}#${entry.id}`);
    await expect.poll(() => detailId(page)).toBe(entry.id);
    await page.close();
    await demo.close();
  });
});

describe('the 2022 targets', () => {
  it('lists every target once, grouped under the area of its entry', async () => {
    const page = await openGlossary('#targets');
    await page.waitForSelector('.targets-view');
    const rows = await page.$$eval('.targets-view section', (sections) =>
      sections.flatMap((section) =>
        [...section.querySelectorAll('tbody tr')].map((tr) => ({
          area: section.querySelector('h2')?.id.replace(/^targets-/, ''),
          id: (tr as HTMLElement).dataset.target,
        })),
      ),
    );
    expect(rows).toHaveLength(glossary.targets.length);
    expect(rows.map((r) => r.id).sort()).toEqual(glossary.targets.map((t) => t.id).sort());
    for (const { area, id } of rows) {
      const target = glossary.targets.find((t) => t.id === id)!;
      expect(area, id).toBe(entryById(target.entries[0]!)!.category);
    }
    expect(await page.getByRole('link', { name: '2022年目标' }).getAttribute('aria-current')).toBe('page');
    await page.screenshot({ path: join(SCREENSHOTS, 'glossary-targets.png'), fullPage: true });

    // One row in full: 城镇登记失业率 低于4.5%.
    const target = glossary.targets.find((t) => t.indicator === '城镇登记失业率')!;
    expect(target).toMatchObject({ value: '4.5', unit: '%', comparator: '低于' });
    const cells = await page.locator(`tr[data-target="${target.id}"] td`).allTextContents();
    expect(cells[0]).toBe('城镇登记失业率');
    expect(cells[1]).toBe(formatTarget(target));
    expect(cells[1]).toBe('低于4.5%');
    expect(cells[2]).toBe('低于');
    const links = page.locator(`tr[data-target="${target.id}"] td a`);
    expect(await links.allTextContents()).toEqual(target.entries.map((id) => entryById(id)!.term));
    expect(cells[4]).toBe(target.quote);
    expect(target.quote).toContain('城镇登记失业率低于4.5%');

    // Every value with its comparator, as the card and the popup show it (实现全覆盖, 力争10人以上).
    const values = await page.$$eval('.targets-view tbody tr', (trs) => trs.map((tr) => [(tr as HTMLElement).dataset.target, tr.querySelector('td.value')?.textContent]));
    expect(values.sort()).toEqual(glossary.targets.map((t) => [t.id, formatTarget(t)]).sort());
    expect(values.map(([, value]) => value)).toEqual(expect.arrayContaining(['实现全覆盖', '力争10人以上', '7%左右']));

    // Its entry link opens the entry.
    await page.locator(`tr[data-target="${target.id}"] td a`).first().click();
    await expect.poll(() => detailId(page)).toBe(target.entries[0]);
    await page.close();
  });
});

describe('exports', () => {
  it('downloads the whole glossary as CSV: a BOM, a header, one row per entry', async () => {
    const page = await openGlossary();
    const { download, text } = await downloadOf(page, () => page.getByRole('button', { name: '导出全部 CSV' }).click());
    expect(download.suggestedFilename()).toBe('huantai-glossary.csv');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([...GLOSSARY_CSV_HEADER]);
    expect(rows).toHaveLength(glossary.entries.length + 1);
    expect(rows.slice(1).map((row) => row[0])).toEqual(glossary.entries.map((e) => e.id));
    for (const row of rows) expect(row).toHaveLength(GLOSSARY_CSV_HEADER.length);
    const liangGao = rows.find((row) => row[1] === '两高')!;
    expect(liangGao[GLOSSARY_CSV_HEADER.indexOf('explanation')]).toBe(entryByTerm('两高').explanation);
    await page.close();
  });

  it('downloads the current results as CSV, in the order shown', async () => {
    const page = await openGlossary();
    await page.getByRole('combobox').click();
    await page.keyboard.type('gao');
    const options = page.getByRole('listbox').getByRole('option');
    await expect.poll(() => options.count()).toBeGreaterThan(2);
    const shown = await options.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.id));
    const button = page.getByRole('button', { name: /导出当前结果 CSV/ });
    expect(await button.textContent()).toContain(`（${shown.length}）`);
    const { download, text } = await downloadOf(page, () => button.click());
    expect(download.suggestedFilename()).toBe('huantai-glossary-results.csv');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([...GLOSSARY_CSV_HEADER]);
    expect(rows.slice(1).map((row) => row[0])).toEqual(shown);
    await page.close();
  });

  it('disables exporting a search with no results, saying why, and enables it again with results', async () => {
    const page = await openGlossary();
    await page.getByRole('combobox').click();
    await page.keyboard.type('qxqxq');
    const csv = page.getByRole('button', { name: /导出当前结果 CSV/ });
    const anki = page.getByRole('button', { name: '导出 Anki 卡片（当前结果）' });
    await expect.poll(() => csv.isDisabled()).toBe(true);
    expect(await anki.isDisabled()).toBe(true);
    expect(await csv.textContent()).toContain('（0）');
    // The reason is on the page, and it is what both buttons are described by.
    const reason = page.getByText('没有搜索结果，无可导出。');
    expect(await reason.isVisible()).toBe(true);
    for (const button of [csv, anki]) {
      const described = await button.getAttribute('aria-describedby');
      expect(await page.locator(`#${described}`).textContent()).toBe('没有搜索结果，无可导出。');
    }
    expect(await page.getByRole('button', { name: '导出全部 CSV' }).isDisabled()).toBe(false);

    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('gao');
    await expect.poll(() => csv.isDisabled()).toBe(false);
    expect(await anki.isDisabled()).toBe(false);
    expect(await reason.count()).toBe(0);
    await page.close();
  });

  it('downloads Anki notes: header lines, then one line per entry', async () => {
    const page = await openGlossary();
    const { download, text } = await downloadOf(page, () => page.getByRole('button', { name: /导出 Anki/ }).click());
    expect(download.suggestedFilename()).toBe('huantai-glossary-anki.txt');
    const lines = text.split('\n').filter((line) => line !== '');
    const header = lines.filter((line) => line.startsWith('#'));
    expect(header).toEqual(['#separator:tab', '#html:true', '#guid column:1', '#tags column:4']);
    const notes = lines.slice(header.length);
    expect(notes).toHaveLength(glossary.entries.length);
    for (const note of notes) expect(note.split('\t')).toHaveLength(4);
    expect(notes.map((note) => note.split('\t')[0])).toEqual(glossary.entries.map((e) => e.id));
    await page.close();
  });
});

describe('copying a citation', () => {
  it('puts the entry’s citation on the clipboard', async () => {
    // Chromium grants no permissions to extension origins; the clipboard is the browser's, so
    // the test server's page reads it back.
    await harness.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.origin });
    const entry = entryByTerm('高标准农田');
    const page = await openGlossary(`#${entry.id}`);
    await page.locator('.detail').getByRole('button', { name: '复制引用' }).click();
    await expect.poll(() => page.locator('.detail button.copy').textContent()).toBe('已复制');
    const reader = await harness.openPage('/pages/negatives.html', { waitForScan: false });
    await reader.bringToFront();
    expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(citationOf({ entry, source: glossary.source }).text);
    await reader.close();
    await page.close();
  });
});
