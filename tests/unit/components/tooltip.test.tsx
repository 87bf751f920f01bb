// @vitest-environment happy-dom
/**
 * The card (Tooltip, and EntryDetails inside it) with the real glossary: what it leads with for a
 * county, city and national term, the 「桓台 2022 年」 block and what it says on a page about another
 * place, the English summary, the references, the collapsed explanation and the scroll cue. The e2e
 * suite checks the same card laid out in Chromium; happy-dom has no layout, so the sizes the
 * collapse and the cue read are stubbed here.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useContainer } from './container';
import { I18nProvider } from '../../../components/i18n';
import { Tooltip } from '../../../components/Tooltip';
import { splitScopeNote, type PageContext } from '../../../components/EntryDetails';
import { formatTarget } from '../../../lib/glossary/format-target';
import { CATEGORIES, CATEGORY_COLOURS, CATEGORY_IDS } from '../../../lib/glossary/categories';
import type { GlossaryEntry, TraditionalText } from '../../../lib/glossary/types';
import { MESSAGES, type UiLanguage } from '../../../lib/i18n';
import { loadGlossary } from '../../../scripts/glossary/load';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const { glossary, traditional: traditionalTexts } = loadGlossary({ dataDir: 'data', root: ROOT });
const entryByTerm = (term: string) => {
  const entry = glossary.entries.find((e) => e.term === term);
  if (!entry) throw new Error(`no entry ${term}`);
  return entry;
};

const mount = useContainer();
afterEach(() => {
  vi.restoreAllMocks();
});

async function showCard({
  entry,
  context,
  language = 'zh',
  traditional,
  position,
}: {
  entry: GlossaryEntry;
  context?: PageContext;
  language?: UiLanguage;
  traditional?: TraditionalText;
  position?: { index: number; total: number };
}) {
  await act(async () => {
    render(
      <I18nProvider language={language} table={MESSAGES[language]}>
        <Tooltip
          entry={entry}
          context={context}
          traditional={traditional}
          position={position}
          copied={false}
          onCopyCitation={() => {}}
          onOpenInGlossary={() => {}}
        />
      </I18nProvider>,
      mount.current,
    );
  });
  return mount.current.querySelector<HTMLElement>('.card')!;
}

/** The card's parts in document order, by their class: what a reader meets first. */
const order = (card: HTMLElement) =>
  [...card.children].map((el) => el.className.split(' ')[0]).filter((name) => name !== '' && name !== 'more');

/**
 * Gives elements matching `selector` the scroll sizes Chromium would (happy-dom lays nothing out).
 * Getters on the prototype, since the sizes are read while the element first renders.
 */
function stubSizes({ selector, sizes }: { selector: string; sizes: (el: HTMLElement) => { scrollHeight: number; clientHeight: number } }) {
  for (const prop of ['scrollHeight', 'clientHeight'] as const) {
    const original = Object.getOwnPropertyDescriptor(Element.prototype, prop) ?? Object.getOwnPropertyDescriptor(HTMLElement.prototype, prop);
    vi.spyOn(HTMLElement.prototype, prop, 'get').mockImplementation(function (this: HTMLElement) {
      if (this.matches(selector)) return sizes(this)[prop];
      return (original?.get?.call(this) as number | undefined) ?? 0;
    });
  }
}

describe('the card', () => {
  it('leads with a county term’s targets, formatted, right after its summary', async () => {
    const entry = glossary.entries.find((e) => e.scope === 'county' && e.targets.length > 0)!;
    const card = await showCard({ entry });
    expect(order(card).slice(0, 5)).toEqual(['entry-header', 'summary', 'targets', 'explanation', 'quote']);
    const block = card.querySelector('.targets')!;
    expect(block.querySelector('h3')!.textContent).toBe('2022年目标');
    expect(block.classList.contains('huantai')).toBe(false);
    expect([...block.querySelectorAll('.target')].map((li) => li.textContent)).toEqual(entry.targets.map((t) => `${t.indicator} ${formatTarget(t)}`));
    // No scope line: the term is Huantai's own.
    expect(card.querySelector('.scope-note')).toBeNull();
  });

  it('shows every target with its comparator, the number apart as the big part', async () => {
    const entry = entryByTerm('主要预期目标');
    const card = await showCard({ entry });
    const targets = [...card.querySelectorAll('.targets .target')];
    expect(targets.map((li) => li.textContent)).toEqual(entry.targets.map((t) => `${t.indicator} ${formatTarget(t)}`));
    expect(targets.map((li) => li.textContent)).toEqual(expect.arrayContaining(['地区生产总值增长 6%以上', '城乡居民人均可支配收入增长 7%左右']));
    const gdp = targets.find((li) => li.textContent!.startsWith('地区生产总值增长'))!;
    expect(gdp.querySelector('.value .num')!.textContent).toBe('6%');
    expect(gdp.querySelector('.value .cmp')!.textContent).toBe('以上');
  });

  it('puts a national term’s general meaning first, then who set it, then the 「桓台 2022 年」 block', async () => {
    const entry = entryByTerm('高标准农田');
    expect(entry.scope).toBe('national');
    const card = await showCard({ entry });
    expect(order(card)).toEqual(['entry-header', 'summary', 'scope-note', 'targets', 'explanation', 'quote', 'sources']);
    expect(card.querySelector('.summary')!.textContent).toBe(entry.summary);
    const scopeNote = card.querySelector('.scope-note')!;
    expect(scopeNote.textContent).toBe(`全国 ${splitScopeNote({ scopeNote: entry.scopeNote }).setBy}`);
    expect(scopeNote.textContent).toContain('国家标准定义的农田建设标准');
    const block = card.querySelector('.targets.huantai')!;
    expect(block.querySelector('h3')!.textContent).toBe('桓台 2022 年');
    expect([...block.querySelectorAll('.target')].map((li) => li.textContent)).toEqual(['建成高标准农田 8万亩']);
    expect(block.querySelector('.local-use')!.textContent).toBe(entry.localUse);
    expect(block.querySelector('.not-here')).toBeNull();
    expect(block.getAttribute('aria-labelledby')).toBe('targets-title');
  });

  it('keeps a city term’s targets first, with who set it after them', async () => {
    const entry = entryByTerm('全域公园城市');
    expect(entry.scope).toBe('city');
    const card = await showCard({ entry });
    expect(order(card).slice(0, 4)).toEqual(['entry-header', 'summary', 'targets', 'scope-note']);
    expect(card.querySelector('.targets h3')!.textContent).toBe('桓台 2022 年');
    expect(card.querySelector('.scope-note')!.textContent).toMatch(/^淄博市 淄博市人民政府/);
  });

  it('gives a wider term without targets its block for what Huantai does with it', async () => {
    const entry = glossary.entries.find((e) => e.scope === 'national' && e.targets.length === 0 && e.localUse)!;
    const card = await showCard({ entry });
    const block = card.querySelector('.targets.huantai')!;
    expect(block.querySelector('.target')).toBeNull();
    expect(block.querySelector('.local-use')!.textContent).toBe(entry.localUse);
  });

  it('says the targets are Huantai’s, not the page’s place, on a page about elsewhere', async () => {
    for (const term of ['高标准农田', '主要预期目标']) {
      const card = await showCard({ entry: entryByTerm(term), context: 'elsewhere' });
      const block = card.querySelector<HTMLElement>('.targets')!;
      expect(block.dataset.context).toBe('elsewhere');
      expect(block.querySelector('.not-here')!.textContent).toBe('以下是桓台县的目标，不是本页所写地方的');
      // The block is named by both lines, so a screen reader hears the warning with the label.
      expect(block.getAttribute('aria-labelledby')).toBe('targets-title targets-note');
    }
    const english = await showCard({ entry: entryByTerm('高标准农田'), context: 'elsewhere', language: 'en' });
    expect(english.querySelector('.targets h3')!.textContent).toBe('Huantai, 2022');
    expect(english.querySelector('.not-here')!.textContent).toMatch(/Huantai County’s targets, not those of the place this page is about/);
  });

  it('shows the English summary under the Chinese one in the English interface only', async () => {
    const entry = entryByTerm('高标准农田');
    const english = await showCard({ entry, language: 'en' });
    expect(order(english).slice(0, 3)).toEqual(['entry-header', 'summary', 'summary-en']);
    expect(english.querySelector('.summary-en')!.textContent).toBe(entry.summaryEn);
    expect(english.querySelector('.summary-en')!.getAttribute('lang')).toBe('en');
    expect(english.querySelector('.scope-tag')!.textContent).toBe('National');
    const chinese = await showCard({ entry, language: 'zh' });
    expect(chinese.querySelector('.summary-en')).toBeNull();
  });

  it('lists each reference with its publisher, its title as a link, and its date when it has one', async () => {
    const entry = entryByTerm('老旧小区改造');
    expect(entry.references.some((r) => r.date) && entry.references.some((r) => !r.date)).toBe(true);
    const card = await showCard({ entry });
    const items = [...card.querySelectorAll('.references li')];
    expect(card.querySelector('.sources h3')!.textContent).toBe('参考资料');
    expect(items).toHaveLength(entry.references.length);
    entry.references.forEach((ref, i) => {
      const li = items[i]!;
      expect(li.querySelector('.publisher')!.textContent).toBe(ref.publisher);
      const link = li.querySelector('a')!;
      expect({ text: link.textContent, href: link.getAttribute('href'), rel: link.getAttribute('rel') }).toEqual({
        text: ref.title,
        href: ref.url,
        rel: 'noopener noreferrer',
      });
      expect(li.querySelector('.date')?.textContent ?? null).toBe(ref.date ?? null);
      expect(li.textContent).toBe(`${ref.publisher} · ${ref.title}${ref.date ? ` · ${ref.date}` : ''}`);
    });
  });
});

describe('the explanation', () => {
  it('is clamped with a “more” toggle when it is longer than its lines, and the card keeps its height on opening', async () => {
    stubSizes({ selector: '.explanation', sizes: (el) => ({ scrollHeight: 200, clientHeight: el.classList.contains('clamped') ? 66 : 200 }) });
    const entry = entryByTerm('高标准农田');
    const card = await showCard({ entry });
    card.style.maxHeight = '460px';
    vi.spyOn(window, 'getComputedStyle').mockImplementation((el) => ({ height: el === card ? '312px' : '0px' }) as CSSStyleDeclaration);
    const paragraph = card.querySelector('.explanation')!;
    // The whole text is there, only clamped.
    expect(paragraph.textContent).toBe(entry.explanation);
    expect(paragraph.classList.contains('clamped')).toBe(true);
    const toggle = card.querySelector<HTMLButtonElement>('button.more')!;
    expect(toggle.textContent).toBe('更多');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe(paragraph.id);

    await act(async () => toggle.click());
    expect(paragraph.classList.contains('clamped')).toBe(false);
    expect(toggle.textContent).toBe('收起');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    // Placed above its term, a card growing down would cover it: it scrolls instead.
    expect(card.style.maxHeight).toBe('312px');

    await act(async () => toggle.click());
    expect(paragraph.classList.contains('clamped')).toBe(true);
    expect(toggle.textContent).toBe('更多');
  });

  it('has no toggle when it fits in its lines', async () => {
    stubSizes({ selector: '.explanation', sizes: () => ({ scrollHeight: 44, clientHeight: 44 }) });
    const card = await showCard({ entry: entryByTerm('中国膜谷') });
    expect(card.querySelector('button.more')).toBeNull();
  });

  it('starts collapsed again for the next entry', async () => {
    stubSizes({ selector: '.explanation', sizes: (el) => ({ scrollHeight: 200, clientHeight: el.classList.contains('clamped') ? 66 : 200 }) });
    const card = await showCard({ entry: entryByTerm('高标准农田') });
    await act(async () => card.querySelector<HTMLButtonElement>('button.more')!.click());
    const next = await showCard({ entry: entryByTerm('城镇登记失业率') });
    expect(next.querySelector('.explanation')!.classList.contains('clamped')).toBe(true);
  });
});

describe('the scroll cue', () => {
  it('marks the card while there is more below, and not once it is scrolled to the end', async () => {
    let scrollTop = 0;
    stubSizes({ selector: '.card', sizes: () => ({ scrollHeight: 900, clientHeight: 400 }) });
    vi.spyOn(HTMLElement.prototype, 'scrollTop', 'get').mockImplementation(() => scrollTop);
    const card = await showCard({ entry: entryByTerm('高标准农田') });
    expect(card.hasAttribute('data-more')).toBe(true);
    scrollTop = 500;
    await act(async () => void card.dispatchEvent(new Event('scroll')));
    expect(card.hasAttribute('data-more')).toBe(false);
    scrollTop = 100;
    await act(async () => void card.dispatchEvent(new Event('scroll')));
    expect(card.hasAttribute('data-more')).toBe(true);
  });

  it('leaves a card that fits unmarked', async () => {
    stubSizes({ selector: '.card', sizes: () => ({ scrollHeight: 300, clientHeight: 300 }) });
    const card = await showCard({ entry: entryByTerm('中国膜谷') });
    expect(card.hasAttribute('data-more')).toBe(false);
  });
});

describe('the card in Traditional characters', () => {
  it('shows the term, summary, targets with their comparators, explanation, local use and quote as converted at build time', async () => {
    const entry = glossary.entries.find((e) => e.scope !== 'county' && e.localUse && e.targets.some((t) => t.comparator))!;
    const text = traditionalTexts[entry.id]!;
    const card = await showCard({ entry, traditional: text });
    expect(card.getAttribute('lang')).toBe('zh-Hant');
    const read = (selector: string) => card.querySelector(selector)!.textContent;
    expect({ term: read('.term'), summary: read('.summary'), explanation: read('.explanation'), localUse: read('.local-use'), quote: read('.quote') }).toEqual({
      term: text.term,
      summary: text.summary,
      explanation: text.explanation,
      localUse: text.localUse,
      quote: text.quote,
    });
    expect(read('.scope-note')).toContain(splitScopeNote({ scopeNote: text.scopeNote }).setBy);
    expect([...card.querySelectorAll('.target')].map((li) => li.textContent)).toEqual(
      entry.targets.map((t) => `${text.targets[t.id]!.indicator} ${Object.values(text.targets[t.id]!.parts).join('')}`),
    );
    // What is not Chinese text stays: pinyin, English, the references as published.
    expect(read('.pinyin')).toBe(entry.pinyin);
    expect(read('.english')).toBe(entry.english);
    expect([...card.querySelectorAll('.references a')].map((a) => a.textContent)).toEqual(entry.references.map((r) => r.title));
  });

  it('is Simplified, and says so in its lang, without Traditional text', async () => {
    const entry = entryByTerm('两高');
    const card = await showCard({ entry });
    expect(card.getAttribute('lang')).toBe('zh-CN');
    expect(card.querySelector('.term')!.textContent).toBe('两高');
    const traditional = await showCard({ entry, traditional: traditionalTexts[entry.id] });
    expect(traditional.querySelector('.term')!.textContent).toBe('兩高');
  });
});

describe('the position cue and the legend', () => {
  it('says where the term is among the page’s terms when given, in words for a screen reader', async () => {
    const card = await showCard({ entry: entryByTerm('中国膜谷'), position: { index: 3, total: 27 } });
    const cue = card.querySelector('.position')!;
    expect(cue.textContent).toBe('3 / 27');
    expect(cue.getAttribute('aria-label')).toBe('第 3 个术语，共 27 个');
    const hovered = await showCard({ entry: entryByTerm('中国膜谷') });
    expect(hovered.querySelector('.position')).toBeNull();
  });

  it('opens the colour legend in place of the entry, each area in its colour, the term’s own area marked; 返回 brings the entry back', async () => {
    const entry = entryByTerm('高标准农田');
    const card = await showCard({ entry });
    vi.spyOn(window, 'getComputedStyle').mockImplementation(() => ({ height: '300px' }) as CSSStyleDeclaration);
    const toggle = card.querySelector<HTMLButtonElement>('button.legend-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await act(async () => toggle.click());
    const rows = [...card.querySelectorAll<HTMLElement>('.legend li')];
    expect(rows.map((li) => li.dataset.category)).toEqual([...CATEGORY_IDS, 'quiet']);
    for (const id of CATEGORY_IDS) {
      const row = rows.find((li) => li.dataset.category === id)!;
      expect(row.querySelector('.legend-name')!.textContent).toBe(CATEGORIES[id].zh);
      expect(row.querySelector<HTMLElement>('.legend-sample')!.style.textDecorationColor).toBe(CATEGORY_COLOURS[id]);
    }
    expect(card.querySelector('.legend li[aria-current]')?.getAttribute('data-category')).toBe(entry.category);
    expect(card.querySelector('.term')).toBeNull();
    expect(card.getAttribute('aria-labelledby')).toBe('legend-title');
    expect({ expanded: toggle.getAttribute('aria-expanded'), text: toggle.textContent, height: card.style.maxHeight }).toEqual({ expanded: 'true', text: '返回', height: '300px' });
    await act(async () => toggle.click());
    expect(card.querySelector('.term')!.textContent).toBe(entry.term);
    expect(card.querySelector('.legend')).toBeNull();
  });

  it('shows the next term’s card with its entry, not the legend left open on the last one', async () => {
    const card = await showCard({ entry: entryByTerm('高标准农田') });
    await act(async () => card.querySelector<HTMLButtonElement>('button.legend-toggle')!.click());
    const next = await showCard({ entry: entryByTerm('中国膜谷') });
    expect(next.querySelector('.legend')).toBeNull();
    expect(next.querySelector('.term')!.textContent).toBe('中国膜谷');
  });
});

describe('splitScopeNote', () => {
  it('takes who set the term from before the first ；', () => {
    expect(splitScopeNote({ scopeNote: '国家标准定义的农田建设标准；报告提出的是桓台县2022年的建设任务。' })).toEqual({
      setBy: '国家标准定义的农田建设标准',
      rest: '报告提出的是桓台县2022年的建设任务。',
    });
    expect(splitScopeNote({ scopeNote: '没有分号的说明。' })).toEqual({ setBy: '没有分号的说明。', rest: '' });
  });

  it('finds who set it in every wider entry of the glossary', () => {
    for (const entry of glossary.entries.filter((e) => e.scope !== 'county')) {
      const { setBy } = splitScopeNote({ scopeNote: entry.scopeNote });
      expect(setBy.length, entry.term).toBeGreaterThan(3);
      expect(setBy.length, entry.term).toBeLessThan(entry.scopeNote.length);
    }
  });
});
