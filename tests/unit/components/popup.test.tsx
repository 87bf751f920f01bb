// @vitest-environment happy-dom
/**
 * The popup component with the real glossary and search index and fake browser services: what it
 * lists for a page, how it tells a page that was not scanned, what it remembers, and the entry
 * view taking the results' place. The e2e suite drives the built popup; these pin the logic fast.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { render } from 'preact';
import { I18nProvider } from '../../../components/i18n';
import { MESSAGES } from '../../../lib/i18n';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { useContainer } from './container';
import { Popup, type PopupServices, type PopupState } from '../../../components/Popup';
import { shortcutsOf, type Shortcut } from '../../../components/Shortcuts';
import { CATEGORIES, CATEGORY_IDS } from '../../../lib/glossary/categories';
import type { PageTerms } from '../../../lib/messaging/protocol';
import { createSavedState } from '../../../lib/settings/saved-state';
import { createSearchIndex } from '../../../lib/glossary/search-index';
import { loadGlossary } from '../../../scripts/glossary/load';

// Not `new URL(…)`: under happy-dom that is the DOM's URL, which node:url does not take.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const { glossary, termList } = loadGlossary({ dataDir: 'data', root: ROOT });
const index = createSearchIndex({ glossary, variants: termList.variants });
const idOf = (term: string) => {
  const entry = glossary.entries.find((e) => e.term === term);
  if (!entry) throw new Error(`no entry ${term}`);
  return entry.id;
};

const mount = useContainer();

function fakeServices({ page = null, saved = null }: { page?: PageTerms | null | Promise<PageTerms | null>; saved?: PopupState | null } = {}) {
  const states: PopupState[] = [];
  const services: PopupServices = {
    getPageTerms: vi.fn(() => Promise.resolve(page)),
    revealTerm: vi.fn(() => Promise.resolve(true)),
    copyCitation: vi.fn(() => Promise.resolve()),
    openGlossaryPage: vi.fn(),
    openSettings: vi.fn(),
    saveSettings: vi.fn(() => Promise.resolve()),
    loadState: () => saved,
    saveState: (state) => void states.push(state),
  };
  return { services, states };
}

async function show(services: PopupServices, { shortcuts }: { shortcuts?: Shortcut[] } = {}) {
  await act(async () => {
    render(
      <I18nProvider language="zh" table={MESSAGES.zh}>
        <Popup glossary={glossary} index={index} services={services} shortcuts={shortcuts} />
      </I18nProvider>,
      mount.current,
    );
  });
  // Let getPageTerms settle.
  await act(async () => {
    await Promise.resolve();
  });
}

const input = () => mount.current.querySelector<HTMLInputElement>('input[role=combobox]')!;

async function type(query: string) {
  await act(async () => {
    input().value = query;
    input().dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function press(key: string) {
  await act(async () => {
    input().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

const options = () => [...mount.current.querySelectorAll<HTMLElement>('[role=option]')];
const selectedIndex = () => options().findIndex((o) => o.getAttribute('aria-selected') === 'true');
const openId = () => mount.current.querySelector<HTMLElement>('article.entry-view')?.dataset.id ?? null;

describe('the popup’s “on this page”', () => {
  it('says the page was not scanned when the tab does not answer', async () => {
    const { services } = fakeServices({ page: null });
    await show(services);
    expect(mount.current.querySelector('.on-page')!.textContent).toContain('此页面未被扫描');
  });

  it('shows it is waiting while the page has not answered yet', async () => {
    const { services } = fakeServices({ page: new Promise(() => {}) });
    await show(services);
    expect(mount.current.querySelector('.on-page p')!.textContent).toBe('…');
  });

  it('says so when the page has none of the glossary’s terms', async () => {
    const { services } = fakeServices({ page: { url: 'https://example.com/', active: true, scanning: false, counts: {} } });
    await show(services);
    expect(mount.current.querySelector('.on-page')!.textContent).toContain('本页没有词表中的术语');
  });

  it('lists known terms with a count, most frequent first, and reveals one on click', async () => {
    const counts = { [idOf('两高')]: 1, [idOf('中国膜谷')]: 3, [idOf('高标准农田')]: 2, 'no-such-entry': 9, [idOf('双碳')]: 0 };
    const { services } = fakeServices({ page: { url: 'https://example.com/', active: true, scanning: false, counts } });
    await show(services);
    const rows = [...mount.current.querySelectorAll<HTMLElement>('.on-page li')].map((li) => [li.dataset.id, li.querySelector('.count')!.textContent]);
    expect(rows).toEqual([
      [idOf('中国膜谷'), '×3'],
      [idOf('高标准农田'), '×2'],
      [idOf('两高'), '×1'],
    ]);
    expect(mount.current.querySelector('#on-page-title')!.textContent).toBe('本页术语（3）');
    await act(async () => mount.current.querySelector<HTMLButtonElement>(`li[data-id="${idOf('高标准农田')}"] .on-page-term`)!.click());
    expect(services.revealTerm).toHaveBeenCalledWith({ id: idOf('高标准农田') });
  });

  it('gives way to the results while there is a query', async () => {
    const { services } = fakeServices({ page: { url: 'https://example.com/', active: true, scanning: false, counts: { [idOf('两高')]: 1 } } });
    await show(services);
    await type('zgmg');
    expect(mount.current.querySelector('.on-page')).toBeNull();
    expect(options()[0]!.dataset.id).toBe(idOf('中国膜谷'));
  });
});

describe('the popup’s search and entry view', () => {
  it('shows an opened entry in place of the results, and ↓ brings them back as they were', async () => {
    const { services } = fakeServices();
    await show(services);
    await type('sh');
    expect(options().length).toBeGreaterThan(3);
    await press('ArrowDown');
    await press('ArrowDown');
    const chosen = options()[2]!.dataset.id;
    await press('Enter');
    expect(openId()).toBe(chosen);
    expect(options()).toHaveLength(0);
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(input().hasAttribute('aria-activedescendant')).toBe(false);

    await press('ArrowDown');
    expect(openId()).toBeNull();
    expect(selectedIndex()).toBe(2);
    expect(input().getAttribute('aria-activedescendant')).toBe(`result-${chosen}`);
  });

  it('brings the results back when the box is clicked, and with 返回', async () => {
    const { services } = fakeServices();
    await show(services);
    await type('zgmg');
    await press('Enter');
    expect(openId()).toBe(idOf('中国膜谷'));
    await act(async () => input().click());
    expect(openId()).toBeNull();
    expect(options()).toHaveLength(1);

    await press('Enter');
    const back = [...mount.current.querySelectorAll('button')].find((b) => b.textContent === '返回')!;
    await act(async () => back.click());
    expect(openId()).toBeNull();
    expect(options()).toHaveLength(1);
  });

  it('saves the query, the selection and the open entry as they change', async () => {
    const { services, states } = fakeServices();
    await show(services);
    await type('sh');
    await press('ArrowDown');
    expect(states.at(-1)).toEqual({ query: 'sh', selected: 1, openId: null });
    await press('Enter');
    expect(openId()).not.toBeNull();
    expect(states.at(-1)).toEqual({ query: 'sh', selected: 1, openId: openId() });
  });

  it('saves the entry as soon as it renders, not a frame later (the popup may close first)', async () => {
    const { services, states } = fakeServices();
    await show(services);
    await type('zgmg');
    // Outside act(), which would flush effects: only Preact's own render, in a microtask, runs.
    input().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await Promise.resolve();
    await Promise.resolve();
    expect(openId()).toBe(idOf('中国膜谷'));
    expect(states.at(-1)?.openId).toBe(idOf('中国膜谷'));
  });

  it('starts from what it saved: query, selection and open entry', async () => {
    const saved = { query: 'sh', selected: 3, openId: null };
    const { services } = fakeServices({ saved });
    await show(services);
    expect(input().value).toBe('sh');
    expect(selectedIndex()).toBe(3);

    render(null, mount.current);
    const withEntry = fakeServices({ saved: { query: 'zgmg', selected: 0, openId: idOf('中国膜谷') } });
    await show(withEntry.services);
    expect(openId()).toBe(idOf('中国膜谷'));
  });

  it('ignores a saved entry the glossary no longer has', async () => {
    const { services } = fakeServices({ saved: { query: 'zgmg', selected: 0, openId: 'no-such-entry' } });
    await show(services);
    expect(openId()).toBeNull();
    expect(options()[0]!.dataset.id).toBe(idOf('中国膜谷'));
  });

  it('copies a citation and opens the glossary page at the entry', async () => {
    const { services } = fakeServices();
    await show(services);
    await type('两高');
    await press('Enter');
    const button = (label: string) => [...mount.current.querySelectorAll('button')].find((b) => b.textContent === label)!;
    await act(async () => button('复制引用').click());
    expect(services.copyCitation).toHaveBeenCalledWith(expect.objectContaining({ text: expect.stringContaining('两高（') }));
    expect(button('已复制')).toBeDefined();
    await act(async () => button('在词表页打开').click());
    expect(services.openGlossaryPage).toHaveBeenCalledWith({ id: idOf('两高') });
  });
});

describe('targets in the popup', () => {
  it('shows a target found by its number formatted, comparator and all, with the number marked', async () => {
    const { services } = fakeServices();
    await show(services);
    await type('4.5%');
    const first = options()[0]!;
    expect(first.dataset.id).toBe(idOf('城镇登记失业率'));
    expect(first.querySelector('.matched')!.textContent).toBe('城镇登记失业率 低于4.5%');
    expect([...first.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['4.5%']);
    // A prefix of the number marks only what was typed.
    await type('4.');
    const prefixed = options().find((o) => o.dataset.id === idOf('城镇登记失业率'))!;
    expect(prefixed.querySelector('.matched')!.textContent).toBe('城镇登记失业率 低于4.5%');
    expect([...prefixed.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['4.']);
  });

  it('shows the opened entry’s targets formatted, with its references’ publishers', async () => {
    const { services } = fakeServices();
    await show(services);
    await type('高标准农田');
    await press('Enter');
    const view = mount.current.querySelector('article.entry-view')!;
    expect([...view.querySelectorAll('.targets .target')].map((li) => li.textContent)).toEqual(['建成高标准农田 8万亩']);
    expect(view.querySelector('.targets h3')!.textContent).toBe('桓台 2022 年');
    const entry = glossary.entries.find((e) => e.term === '高标准农田')!;
    expect([...view.querySelectorAll('.references .publisher')].map((p) => p.textContent)).toEqual(entry.references.map((r) => r.publisher));
  });
});

describe('the popup’s saved state', () => {
  const isState = (value: unknown): value is PopupState =>
    typeof value === 'object' && value !== null && typeof (value as PopupState).query === 'string';
  const memory = () => {
    const items = new Map<string, string>();
    return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items };
  };

  it('gives back what it saved', () => {
    const storage = memory();
    const saved = createSavedState({ storage, key: 'popup-state', isValid: isState });
    expect(saved.load()).toBeNull();
    saved.save({ query: '两高', selected: 2, openId: 'liang-gao' });
    expect(createSavedState({ storage, key: 'popup-state', isValid: isState }).load()).toEqual({ query: '两高', selected: 2, openId: 'liang-gao' });
  });

  it('starts fresh from a corrupt or foreign value', () => {
    const storage = memory();
    const saved = createSavedState({ storage, key: 'popup-state', isValid: isState });
    storage.items.set('popup-state', '{not json');
    expect(saved.load()).toBeNull();
    storage.items.set('popup-state', JSON.stringify({ query: 42 }));
    expect(saved.load()).toBeNull();
  });

  it('keeps working when storage refuses to write', () => {
    const saved = createSavedState({
      storage: { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } },
      key: 'popup-state',
      isValid: isState,
    });
    expect(() => saved.save({ query: 'x', selected: 0, openId: null })).not.toThrow();
  });
});

describe('the popup’s site switch', () => {
  it('turns the extension off for the page’s site and back on, saving the settings', async () => {
    const { services } = fakeServices({ page: { url: 'https://www.dzwww.com/news/1.html', active: true, scanning: false, counts: {} } });
    await show(services);
    const box = mount.current.querySelector<HTMLInputElement>('input[name=site-active]')!;
    expect(mount.current.querySelector('.site-switch')!.textContent).toContain('www.dzwww.com');
    expect(box.checked).toBe(true);
    await act(async () => box.click());
    expect(services.saveSettings).toHaveBeenLastCalledWith(expect.objectContaining({ disabledSites: ['www.dzwww.com'] }));
    expect(box.checked).toBe(false);
    await act(async () => box.click());
    expect(services.saveSettings).toHaveBeenLastCalledWith(expect.objectContaining({ disabledSites: [] }));
  });

  it('has no switch for pages that were not scanned', async () => {
    const { services } = fakeServices({ page: null });
    await show(services);
    expect(mount.current.querySelector('input[name=site-active]')).toBeNull();
  });

  it('says when the site is off, and asks again while a page is still being scanned', async () => {
    vi.useFakeTimers();
    try {
      const pages: PageTerms[] = [
        { url: 'https://a.example/', active: true, scanning: true, counts: {} },
        { url: 'https://a.example/', active: true, scanning: false, counts: { [idOf('两高')]: 2 } },
      ];
      const { services } = fakeServices();
      services.getPageTerms = vi.fn(() => Promise.resolve(pages.shift() ?? null));
      await show(services);
      expect(mount.current.querySelector('.on-page')!.textContent).toContain('正在扫描');
      await act(async () => {
        await vi.advanceTimersByTimeAsync(400);
      });
      expect(mount.current.querySelector('.on-page')!.textContent).toContain('两高');
    } finally {
      vi.useRealTimers();
    }
    const off = fakeServices({ page: { url: 'https://b.example/', active: false, scanning: false, counts: {} } });
    await show(off.services);
    expect(mount.current.querySelector('.on-page')!.textContent).toContain('已在此网站关闭');
  });
});

describe('the on-page list follows the settings', () => {
  const page = (extra: Partial<PageTerms> = {}): PageTerms => ({
    url: 'https://news.example.cn/a',
    active: true,
    scanning: false,
    counts: { [idOf('中国膜谷')]: 2, [idOf('两高')]: 1 },
    ...extra,
  });
  const listed = () => [...mount.current.querySelectorAll('.on-page-term .term')].map((el) => el.textContent);

  it('lists nothing once the reader switches the site off, without waiting for the page', async () => {
    const { services } = fakeServices({ page: page() });
    await show(services);
    expect(listed()).toEqual(['中国膜谷', '两高']);
    await act(async () => {
      mount.current.querySelector<HTMLInputElement>('input[name=site-active]')!.click();
    });
    expect(listed()).toEqual([]);
    expect(mount.current.querySelector('#on-page-title')!.textContent).toBe('本页术语');
    expect(services.saveSettings).toHaveBeenCalledWith(expect.objectContaining({ disabledSites: ['news.example.cn'] }));
  });

  it('names the national terms left unpainted and shows them everywhere on one click, then asks the page again', async () => {
    const { services } = fakeServices({ page: page({ unpainted: { [idOf('高标准农田')]: 3, [idOf('双碳')]: 1 } }) });
    await show(services);
    const note = mount.current.querySelector('.national-left-out')!;
    expect(note.textContent).toContain('另有 2 个国家或省级术语未标注');
    await act(async () => {
      note.querySelector<HTMLButtonElement>('button.show-national')!.click();
      await Promise.resolve();
    });
    expect(services.saveSettings).toHaveBeenCalledWith(expect.objectContaining({ nationalEverywhere: true }));
    expect(services.getPageTerms).toHaveBeenCalledTimes(2);
  });

  it('says nothing of national terms where none were left out', async () => {
    const { services } = fakeServices({ page: page() });
    await show(services);
    expect(mount.current.querySelector('.national-left-out')).toBeNull();
  });
});

describe('the popup’s footer', () => {
  it('lists the shortcuts the browser has assigned, says which are not set, and names Esc', async () => {
    const shortcuts = shortcutsOf({ commands: [{ name: 'previous-term', shortcut: '' }, { name: '_execute_action', shortcut: 'Alt+L' }, { name: 'next-term', shortcut: 'Ctrl+Shift+Y' }] });
    expect(shortcuts).toEqual([
      { command: 'next-term', keys: 'Ctrl+Shift+Y' },
      { command: 'previous-term', keys: '' },
    ]);
    await show(fakeServices().services, { shortcuts });
    const rows = [...mount.current.querySelectorAll<HTMLElement>('footer .shortcuts li')];
    expect(rows.map((li) => [li.dataset.command, li.textContent])).toEqual([
      ['next-term', 'Ctrl+Shift+Y 下一个术语'],
      ['previous-term', '未设置 上一个术语'],
      ['close', 'Esc 关闭卡片'],
    ]);
    expect(rows[0]!.querySelector('kbd')!.textContent).toBe('Ctrl+Shift+Y');
  });

  it('holds the colour legend, folded, with every area by name', async () => {
    await show(fakeServices().services);
    const details = mount.current.querySelector<HTMLDetailsElement>('footer details.legend-details')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')!.textContent).toBe('颜色图例');
    expect([...details.querySelectorAll('.legend-name')].slice(0, CATEGORY_IDS.length).map((el) => el.textContent)).toEqual(CATEGORY_IDS.map((id) => CATEGORIES[id].zh));
  });
});
