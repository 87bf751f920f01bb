// @vitest-environment happy-dom
/**
 * The side panel component with the real glossary and fake services: what it says for each kind of
 * tab, that it reads again when told the page changed, what a click asks for, and the shortcuts.
 * The e2e suite checks the order against a real page; these pin the logic fast.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { useContainer } from './container';
import { I18nProvider } from '../../../components/i18n';
import { SidePanel, type PanelPage, type SidePanelServices } from '../../../components/SidePanel';
import { shortcutsOf } from '../../../components/Shortcuts';
import { MESSAGES } from '../../../lib/i18n';
import { loadGlossary } from '../../../scripts/glossary/load';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const { glossary } = loadGlossary({ dataDir: 'data', root: ROOT });
const idOf = (term: string) => glossary.entries.find((e) => e.term === term)!.id;

const mount = useContainer();

function fakeServices(pages: PanelPage[]) {
  let onChange = () => undefined as void;
  const services: SidePanelServices = {
    read: vi.fn(() => Promise.resolve(pages.length > 1 ? pages.shift()! : pages[0]!)),
    watch: (listener) => {
      onChange = listener;
      return () => undefined;
    },
    reveal: vi.fn(() => Promise.resolve(true)),
  };
  return {
    services,
    changed: async () => {
      await act(async () => onChange());
      await act(() => Promise.resolve());
    },
  };
}

async function show(services: SidePanelServices, shortcuts = shortcutsOf({ commands: [{ name: 'next-term', shortcut: 'Alt+Shift+N' }, { name: 'previous-term', shortcut: '' }] })) {
  await act(async () => {
    render(
      <I18nProvider language="zh" table={MESSAGES.zh}>
        <SidePanel glossary={glossary} services={services} shortcuts={shortcuts} />
      </I18nProvider>,
      mount.current,
    );
  });
  await act(() => Promise.resolve());
}

const page = (counts: Record<string, number>, order: string[], more: Partial<Exclude<PanelPage, null | 'no-tab'>> = {}): PanelPage => ({
  url: 'https://news.example/a',
  active: true,
  scanning: false,
  counts,
  unpainted: {},
  order,
  ...more,
});
const listed = () => [...mount.current.querySelectorAll<HTMLElement>('.panel-area li[data-id]')].map((li) => li.dataset.id);
const status = () => mount.current.querySelector('.panel-status')?.textContent;

describe('SidePanel', () => {
  it.each([
    ['no-tab' as const, '打开一个网页'],
    [null, '此页面未被扫描'],
    [page({}, [], { active: false }), '已在此网站关闭'],
    [page({}, []), '本页没有词表中的术语'],
    [page({}, [], { scanning: true }), '正在扫描本页'],
  ])('says what there is to say for %j', async (shown, text) => {
    await show(fakeServices([shown]).services);
    expect(status()).toContain(text);
    expect(listed()).toEqual([]);
  });

  it('lists in reading order by area, reads again when the page changes, and a click asks for the card', async () => {
    const [a, b, c] = [idOf('中国膜谷'), idOf('四减四增'), idOf('高标准农田')];
    const { services, changed } = fakeServices([page({ [a]: 2, [b]: 1 }, [b, a]), page({ [a]: 2, [b]: 1, [c]: 4 }, [c, b, a])]);
    await show(services);
    // Areas in the report's order (产业 before 生态), whatever the page's order; inside an area, the page's.
    expect(listed()).toEqual([a, b]);
    await changed();
    expect(services.read).toHaveBeenCalledTimes(2);
    expect(listed()).toEqual([a, c, b]);
    expect([...mount.current.querySelectorAll<HTMLElement>('.panel-area')].map((area) => area.dataset.category)).toEqual(['industry', 'rural', 'ecology']);
    expect(mount.current.querySelector('.panel-site')?.textContent).toBe('news.example');
    mount.current.querySelector<HTMLButtonElement>(`li[data-id="${c}"] button.panel-term`)!.click();
    expect(services.reveal).toHaveBeenCalledWith({ id: c });
  });

  it('lists the keyboard commands with their keys, and says when one has none', async () => {
    await show(fakeServices(['no-tab']).services);
    const rows = [...mount.current.querySelectorAll('.shortcut-list li')].map((row) => row.textContent);
    expect(rows).toEqual(['Alt+Shift+N 下一个术语', '未设置 上一个术语', 'Esc 关闭卡片']);
  });
});
