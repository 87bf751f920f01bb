// @vitest-environment happy-dom
/**
 * The glossary page component with the real glossary and fake services (hash, downloads,
 * clipboard): what a hash opens, the area filter, and what each export hands to the download.
 * The e2e suite checks the same page built and downloaded in Chromium.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { render } from 'preact';
import { I18nProvider } from '../../../components/i18n';
import { MESSAGES } from '../../../lib/i18n';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { useContainer } from './container';
import { GlossaryPage, type GlossaryPageServices } from '../../../components/GlossaryPage';
import { CSV_BOM, GLOSSARY_CSV_HEADER } from '../../../lib/glossary/csv';
import { CATEGORY_IDS } from '../../../lib/glossary/categories';
import { formatTarget } from '../../../lib/glossary/format-target';
import { createSearchIndex } from '../../../lib/glossary/search-index';
import { loadGlossary } from '../../../scripts/glossary/load';

// Not `new URL(…)`: under happy-dom that is the DOM's URL, which node:url does not take.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const { glossary, termList } = loadGlossary({ dataDir: 'data', root: ROOT });
const index = createSearchIndex({ glossary, variants: termList.variants });
const idOf = (term: string) => glossary.entries.find((e) => e.term === term)!.id;

const mount = useContainer();

function fakeServices(initialHash = '') {
  let hash = initialHash;
  const listeners = new Set<() => void>();
  const downloads: Array<{ filename: string; type: string; content: string }> = [];
  const services: GlossaryPageServices = {
    copyCitation: vi.fn(() => Promise.resolve()),
    download: (file) => void downloads.push(file),
    getHash: () => hash,
    setHash: (next) => {
      hash = next;
      listeners.forEach((listener) => listener());
    },
    onHashChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { services, downloads };
}

async function show(services: GlossaryPageServices) {
  await act(async () => {
    render(
      <I18nProvider language="zh" table={MESSAGES.zh}>
        <GlossaryPage glossary={glossary} index={index} services={services} />
      </I18nProvider>,
      mount.current,
    );
  });
}

const detailId = () => mount.current.querySelector<HTMLElement>('.detail article.entry-view')?.dataset.id ?? null;
const button = (label: string | RegExp) =>
  [...mount.current.querySelectorAll('button')].find((b) => (typeof label === 'string' ? b.textContent === label : label.test(b.textContent ?? '')))!;
/** CSV lines without quoted line breaks: the first field of each row. */
const firstFields = (csv: string) => csv.slice(CSV_BOM.length).split('\r\n').filter(Boolean).map((line) => line.split(',')[0]);

describe('the glossary page', () => {
  it('opens the entry the hash names, and follows the hash as it changes', async () => {
    const { services } = fakeServices(idOf('两高'));
    await show(services);
    expect(detailId()).toBe(idOf('两高'));
    await act(async () => services.setHash(idOf('中国膜谷')));
    expect(detailId()).toBe(idOf('中国膜谷'));
    await act(async () => services.setHash(''));
    expect(detailId()).toBeNull();
    expect(mount.current.querySelector('.detail')!.textContent).toContain('选择一个词条');
  });

  it('says when the hash names no entry', async () => {
    const { services } = fakeServices('no-such-entry');
    await show(services);
    expect(detailId()).toBeNull();
    expect(mount.current.querySelector('.detail')!.textContent).toContain('没有找到词条“no-such-entry”');
  });

  it('shows the targets view for #targets, one row per target', async () => {
    const { services } = fakeServices('targets');
    await show(services);
    expect(mount.current.querySelectorAll('.targets-view tbody tr')).toHaveLength(glossary.targets.length);
    expect(mount.current.querySelector('.columns')).toBeNull();
  });

  it('formats every target in the targets view as the card does', async () => {
    const { services } = fakeServices('targets');
    await show(services);
    for (const target of glossary.targets) {
      const cells = [...mount.current.querySelectorAll(`tr[data-target="${target.id}"] td`)].map((td) => td.textContent);
      expect(cells[1], target.id).toBe(formatTarget(target));
    }
    const byIndicator = (indicator: string) =>
      mount.current.querySelector(`tr[data-target="${glossary.targets.find((t) => t.indicator === indicator)!.id}"] td.value`)!.textContent;
    expect(byIndicator('城镇登记失业率')).toBe('低于4.5%');
    expect(byIndicator('“长者食堂”县域覆盖')).toBe('实现全覆盖');
    expect(byIndicator('新增市级以上重点人才工程人选')).toBe('力争10人以上');
  });

  it('lists an entry’s references with publisher, linked title and date', async () => {
    const entry = glossary.entries.find((e) => e.term === '高标准农田')!;
    const { services } = fakeServices(entry.id);
    await show(services);
    const items = [...mount.current.querySelectorAll('.detail .references li')];
    expect(items.map((li) => li.textContent)).toEqual(entry.references.map((r) => `${r.publisher} · ${r.title}${r.date ? ` · ${r.date}` : ''}`));
    expect(items.map((li) => li.querySelector('a')!.getAttribute('href'))).toEqual(entry.references.map((r) => r.url));
  });

  it('filters the list by area', async () => {
    const { services } = fakeServices();
    await show(services);
    expect(mount.current.querySelectorAll('.entry-list li')).toHaveLength(glossary.entries.length);
    for (const id of CATEGORY_IDS) {
      await act(async () => mount.current.querySelectorAll<HTMLButtonElement>('.areas button')[CATEGORY_IDS.indexOf(id) + 1]!.click());
      const shown = [...mount.current.querySelectorAll('.entry-list li')].map((li) => li.id.replace('entry-', ''));
      expect(shown).toEqual(glossary.entries.filter((e) => e.category === id).map((e) => e.id));
    }
  });

  it('exports the whole glossary, then only the results of a search', async () => {
    const { services, downloads } = fakeServices();
    await show(services);
    await act(async () => button('导出全部 CSV').click());
    expect(downloads[0]).toMatchObject({ filename: 'huantai-glossary.csv', type: 'text/csv;charset=utf-8' });
    expect(downloads[0]!.content.startsWith(CSV_BOM + GLOSSARY_CSV_HEADER.join(','))).toBe(true);

    const input = mount.current.querySelector<HTMLInputElement>('input[role=combobox]')!;
    await act(async () => {
      input.value = 'shouru';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const shown = [...mount.current.querySelectorAll<HTMLElement>('[role=option]')].map((o) => o.dataset.id);
    expect(shown.length).toBeGreaterThan(1);
    await act(async () => button(/导出当前结果 CSV/).click());
    expect(downloads[1]!.filename).toBe('huantai-glossary-results.csv');
    expect(firstFields(downloads[1]!.content)).toEqual(['id', ...shown]);

    await act(async () => button(/导出 Anki 卡片/).click());
    const notes = downloads[2]!.content.split('\n').filter((line) => line && !line.startsWith('#'));
    expect(notes.map((note) => note.split('\t')[0])).toEqual(shown);
  });

  it('copies the citation of the open entry', async () => {
    const { services } = fakeServices(idOf('高标准农田'));
    await show(services);
    await act(async () => button('复制引用').click());
    expect(services.copyCitation).toHaveBeenCalledWith(expect.objectContaining({ text: expect.stringMatching(/^高标准农田（High-standard farmland）：/) }));
  });
});
