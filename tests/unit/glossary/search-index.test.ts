import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { loadGlossary } from '../../../scripts/glossary/load';
import { createSearchIndex, DEFAULT_LIMIT, type SearchResult, type SearchTier } from '../../../lib/glossary/search-index';
import type { GlossaryEntry } from '../../../lib/glossary/types';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const { glossary, termList } = loadGlossary({ dataDir: 'data', root: ROOT });
const index = createSearchIndex({ glossary, variants: termList.variants });

/** Entries are looked up by their term so the tests survive id changes. */
function entry(term: string): GlossaryEntry {
  const found = glossary.entries.find((e) => e.term === term);
  if (found === undefined) throw new Error(`no entry with term ${term}`);
  return found;
}

function search(query: string, limit?: number): SearchResult[] {
  return index.search({ query, ...(limit === undefined ? {} : { limit }) });
}

function first(query: string): SearchResult {
  const result = search(query)[0];
  if (result === undefined) throw new Error(`no result for ${query}`);
  return result;
}

/** The marked parts of a result's highlight, as the UI would cut them. */
function marked(result: SearchResult): string[] {
  return result.highlight.ranges.map(([s, e]) => result.highlight.text.slice(s, e));
}

const TIER_ORDER: SearchTier[] = ['exact', 'prefix', 'contains', 'fuzzy'];

describe('search: terms, aliases and Traditional forms', () => {
  it('finds a term typed exactly, first, and marks all of it', () => {
    const result = first('两高');
    expect(result.entry).toBe(entry('两高'));
    expect(result).toMatchObject({ field: 'term', tier: 'exact', score: 0 });
    expect(result.highlight).toEqual({ text: '两高', ranges: [[0, 2]] });
  });

  it('ignores quote marks and spaces in the query', () => {
    expect(first('“两高”').entry).toBe(entry('两高'));
    expect(first('中国 膜谷').entry).toBe(entry('中国膜谷'));
  });

  it('finds Traditional spellings and shows the spelling typed', () => {
    const membrane = first('中國膜谷');
    expect(membrane.entry).toBe(entry('中国膜谷'));
    expect(membrane.tier).toBe('exact');
    expect(membrane.highlight).toEqual({ text: '中國膜谷', ranges: [[0, 4]] });

    expect(first('兩高').entry).toBe(entry('两高'));
    expect(first('城市綠道').entry).toBe(entry('城市绿道'));
    // Traditional characters the glossary lists nowhere as a whole alias still fold.
    expect(first('膜產業').entry).toBe(entry('膜产业“马踏湖”高峰论坛'));
  });

  it('finds aliases, case- and width-insensitively', () => {
    for (const query of ['GDP', 'gdp', 'ＧＤＰ']) {
      const result = first(query);
      expect(result.entry).toBe(entry('地区生产总值'));
      expect(result.field).toBe('alias');
      expect(result.highlight).toEqual({ text: 'GDP', ranges: [[0, 3]] });
    }
    const forum = search('马踏湖高峰论坛')[0];
    expect(forum?.entry).toBe(entry('膜产业“马踏湖”高峰论坛'));
    expect(forum?.field).toBe('alias');
  });

  it('marks the matched characters of a term found by a part of it', () => {
    const results = search('膜');
    const membrane = results.find((r) => r.entry === entry('中国膜谷'));
    expect(membrane?.highlight).toEqual({ text: '中国膜谷', ranges: [[2, 3]] });
    const forum = results.find((r) => r.entry === entry('膜产业“马踏湖”高峰论坛'));
    expect(forum?.highlight.ranges).toEqual([[0, 1]]);
  });
});

describe('search: English names and summaries', () => {
  it('finds the English name, case-insensitively, and marks the words typed', () => {
    for (const query of ['membrane valley', 'MEMBRANE VALLEY', 'Membrane Valley']) {
      const result = first(query);
      expect(result.entry).toBe(entry('中国膜谷'));
      expect(result.field).toBe('english');
      expect(result.highlight.text).toBe('China Membrane Valley');
      expect(result.highlight.ranges).toEqual([[6, 21]]);
    }
    expect(first('China Membrane Valley').tier).toBe('exact');
  });

  it('finds an entry by a phrase of its summary and marks the phrase', () => {
    const result = first('旱涝保收');
    expect(result.entry).toBe(entry('高标准农田'));
    expect(result.field).toBe('summary');
    expect(result.highlight.text).toBe(entry('高标准农田').summary);
    expect(marked(result)).toEqual(['旱涝保收']);
  });
});

describe('search: pinyin', () => {
  it('finds full toneless pinyin typed with or without spaces, in any case', () => {
    for (const query of ['zhongguomogu', 'zhong guo mo gu', 'ZhongGuoMoGu', 'zhōng guó mó gǔ']) {
      const result = first(query);
      expect(result.entry).toBe(entry('中国膜谷'));
      expect(result).toMatchObject({ field: 'pinyin', tier: 'exact' });
      expect(result.highlight).toEqual({ text: '中国膜谷', ranges: [[0, 4]] });
    }
  });

  it('marks the characters of the syllables typed', () => {
    const start = first('Zhongguo');
    expect(start.entry).toBe(entry('中国膜谷'));
    expect(start.tier).toBe('prefix');
    expect(start.highlight.ranges).toEqual([[0, 2]]);

    // A syllable typed halfway marks its character.
    expect(first('zhongguom').highlight.ranges).toEqual([[0, 3]]);

    const middle = first('mogu');
    expect(middle.entry).toBe(entry('中国膜谷'));
    expect(middle.tier).toBe('contains');
    expect(middle.highlight.ranges).toEqual([[2, 4]]);
  });

  it('maps syllables past punctuation and literal tokens in the term', () => {
    // 沉浸式、体验式消费: the 、 has no syllable.
    const consumption = search('tiyanshi').find((r) => r.entry === entry('沉浸式、体验式消费'));
    expect(consumption?.field).toBe('pinyin');
    expect(consumption !== undefined && marked(consumption)).toEqual(['体验式']);

    // 膜产业“马踏湖”高峰论坛: the quotes stay unmarked between the marked syllables.
    const forum = first('matahugaofeng');
    expect(forum.entry).toBe(entry('膜产业“马踏湖”高峰论坛'));
    expect(forum.highlight.ranges).toEqual([
      [4, 7],
      [8, 10],
    ]);

    // 两个100%: "100%" is read as itself.
    const twoHundreds = first('liangge100');
    expect(twoHundreds.entry).toBe(entry('两个100%'));
    expect(twoHundreds.highlight).toEqual({ text: '两个100%', ranges: [[0, 6]] });
  });

  it('ranks an exact pinyin match first', () => {
    const result = first('lianggao');
    expect(result.entry).toBe(entry('两高'));
    expect(result.tier).toBe('exact');
  });

  it('accepts ü typed as v or u', () => {
    for (const query of ['lvse', 'luse', 'lǜ sè', 'LVSE']) {
      const result = first(query);
      expect(result.entry).toBe(entry('绿色低碳转型'));
      expect(result.highlight.ranges).toEqual([[0, 2]]);
    }
    expect(first('chengshilvdao').entry).toBe(entry('城市绿道'));
    expect(first('chengshiludao').entry).toBe(entry('城市绿道'));
  });

  it('finds pinyin initials', () => {
    const result = first('zgmg');
    expect(result.entry).toBe(entry('中国膜谷'));
    expect(result).toMatchObject({ field: 'initials', tier: 'exact' });
    expect(result.highlight).toEqual({ text: '中国膜谷', ranges: [[0, 4]] });

    expect(first('gbznt').entry).toBe(entry('高标准农田'));
    const start = search('zgm').find((r) => r.entry === entry('中国膜谷'));
    expect(start?.highlight.ranges).toEqual([[0, 3]]);
  });
});

describe('search: numbers from the targets', () => {
  it('finds a value with its unit and marks it in the target text', () => {
    const result = first('8万亩');
    expect(result.entry).toBe(entry('高标准农田'));
    expect(result.field).toBe('target');
    expect(result.highlight).toEqual({ text: '建成高标准农田 8万亩', ranges: [[8, 11]] });
    expect(first('８万亩').entry).toBe(entry('高标准农田'));
    expect(first('3万亩').entry).toBe(entry('玉米高湿裹包技术'));
  });

  it('finds a value with or without its unit', () => {
    for (const query of ['4.5%', '4.5']) {
      const result = first(query);
      expect(result.entry).toBe(entry('城镇登记失业率'));
      expect(result.highlight.text).toBe('城镇登记失业率 4.5%');
      expect(marked(result)).toEqual([query]);
    }
  });

  it('finds every entry a target belongs to', () => {
    const top = search('9.57万吨')
      .slice(0, 2)
      .map((r) => r.entry);
    expect(top).toEqual(expect.arrayContaining([entry('绿色低碳转型'), entry('煤炭消费总量')]));
    expect(first('100家').entry).toBe(entry('高新技术企业'));
    // With the comparator as the report writes it, marking the number.
    const growth = search('6%以上').slice(0, 2);
    expect(growth.map((r) => r.entry)).toEqual(expect.arrayContaining([entry('地区生产总值'), entry('主要预期目标')]));
    expect(growth[0] !== undefined && marked(growth[0])).toEqual(['6%']);
    expect(first('全覆盖').entry).toBe(entry('长者食堂'));
  });

  it('matches numbers whole or from their start, never inside another number', () => {
    // 0家 is inside 100家, 50家 and 60家, which must not count.
    expect(search('0家').filter((r) => r.field === 'target')).toEqual([]);
    const partial = search('9.5').find((r) => r.entry === entry('煤炭消费总量'));
    expect(partial?.tier).toBe('prefix');
    expect(partial !== undefined && marked(partial)).toEqual(['9.5']);
  });
});

describe('search: typos', () => {
  it.each([
    ['zhongguomogo', '中国膜谷'],
    ['membrane vally', '中国膜谷'],
    ['中国模谷', '中国膜谷'],
    ['gaobiaozhunnongtain', '高标准农田'],
    ['organic urbn renewal', '城市有机更新'],
  ])('%s finds %s', (query, term) => {
    const result = first(query);
    expect(result.entry).toBe(entry(term));
    expect(result.tier).toBe('fuzzy');
  });

  it('marks where a typo\'d query landed', () => {
    expect(first('中国模谷').highlight).toEqual({ text: '中国膜谷', ranges: [[0, 4]] });
    expect(first('zhongguomogo').highlight).toEqual({ text: '中国膜谷', ranges: [[0, 4]] });
    const english = first('membrane vally');
    expect(english.highlight.text).toBe('China Membrane Valley');
    expect(marked(english).join('')).toMatch(/^Membrane Vall/);
  });
});

describe('search: ranking', () => {
  it('puts exact matches before prefix matches', () => {
    const results = search('马踏湖');
    expect(results[0]?.entry).toBe(entry('马踏湖'));
    expect(results[0]?.tier).toBe('exact');
    expect(results[1]?.entry).toBe(entry('膜产业“马踏湖”高峰论坛'));
    expect(results[1]?.tier).toBe('prefix');
  });

  it('puts prefix matches before matches inside a term, shorter terms first', () => {
    const results = search('城市');
    const startsWith = results.filter((r) => r.entry.term.startsWith('城市'));
    expect(startsWith.length).toBeGreaterThan(3);
    expect(results.slice(0, startsWith.length)).toEqual(startsWith);
    expect(results[0]?.entry.term).toHaveLength(4);
    expect(results.some((r) => r.entry === entry('五好城市'))).toBe(true);
  });

  it('ranks the 膜 entries at the top of a 膜 search', () => {
    const results = search('膜');
    const named = glossary.entries.filter((e) => e.term.includes('膜'));
    expect(named).toContain(entry('中国膜谷'));
    // Every entry named with 膜 comes before those that only mention it (summary, English…).
    expect(new Set(results.slice(0, named.length).map((r) => r.entry))).toEqual(new Set(named));
    expect(results.length).toBeGreaterThan(named.length);
  });

  it('ranks GDP first for gdp', () => {
    expect(first('gdp').entry).toBe(entry('地区生产总值'));
  });

  it('returns scores ascending and tiers in order', () => {
    for (const query of ['膜', '城市', 'zhong', 'lianggao', 'membrane', '100', 'zhongguomogo', '中国模谷', 'a']) {
      const results = search(query);
      for (let i = 1; i < results.length; i++) {
        const previous = results[i - 1] as SearchResult;
        const current = results[i] as SearchResult;
        expect(current.score).toBeGreaterThanOrEqual(previous.score);
        expect(TIER_ORDER.indexOf(current.tier)).toBeGreaterThanOrEqual(TIER_ORDER.indexOf(previous.tier));
      }
      for (const r of results) {
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
      }
    }
  });

  it('lists each entry once', () => {
    const ids = search('城市').map((r) => r.entry.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('search: latin that reads as pinyin', () => {
  const membrane = () => entry('中国膜谷');

  it('finds only the entries whose pinyin holds mo gu for mogu, not English words it resembles', () => {
    const results = search('mogu');
    const withMoGu = glossary.entries.filter((e) => /(^|\s)mó gǔ(\s|$)/.test(e.pinyin));
    expect(withMoGu).toContain(membrane());
    expect(results.map((r) => r.entry)).toEqual(withMoGu);
    expect(results.every((r) => r.field === 'pinyin' || r.field === 'initials')).toBe(true);
  });

  it('never fuzzy-matches an English word from inside it', () => {
    // famous starts a word of "Internet-famous …": a typo of it is found …
    const famous = glossary.entries.filter((e) => /\bfamous\b/i.test(e.english));
    expect(famous.length).toBeGreaterThan(0);
    const typo = search('famus').filter((r) => r.field === 'english');
    expect(new Set(typo.map((r) => r.entry))).toEqual(new Set(famous));
    for (const r of typo) expect(marked(r)[0]?.toLowerCase()).toMatch(/^famou/);
    // … but not its tail, which no word starts with.
    expect(search('amous').filter((r) => r.field === 'english')).toEqual([]);
  });

  it('matches English words only whole when the query reads as pinyin', () => {
    // mo is a syllable (膜): "Modern …" must not come before 中国膜谷.
    const results = search('mo');
    expect(results.some((r) => r.entry === membrane())).toBe(true);
    for (const r of results.filter((r) => r.field === 'english')) {
      expect(marked(r).join(' ').toLowerCase().split(/[^a-z0-9]+/)).toContain('mo');
    }
    expect(glossary.entries.some((e) => /\bmo[a-z]/i.test(e.english))).toBe(true);
    // A whole word still finds its English name.
    expect(first('china').entry).toBe(membrane());
  });
});

describe('suggestions: initials one edit away', () => {
  const suggest = (query: string) => index.suggest({ query }).map((r) => r.entry);

  it.each([
    ['ssz', '四减四增', 'a letter missing'],
    ['sjszz', '四减四增', 'a letter extra'],
    ['sjsc', '四减四增', 'a letter wrong'],
    ['jssz', '四减四增', 'two letters swapped'],
    ['zgmh', '中国膜谷', 'the last letter wrong'],
  ])('%s finds nothing and suggests %s (%s)', (query, term) => {
    expect(search(query)).toEqual([]);
    expect(suggest(query)).toContain(entry(term));
  });

  it('suggests only entries whose initials are one edit from the query, unmarked', () => {
    for (const result of index.suggest({ query: 'ssz' })) {
      expect(result).toMatchObject({ field: 'initials', tier: 'fuzzy', highlight: { text: result.entry.term, ranges: [] } });
    }
    expect(suggest('qwxq')).toEqual([]);
    // Two letters are one edit from most of the glossary: nothing is offered.
    expect(suggest('sz')).toEqual([]);
    expect(suggest('四减')).toEqual([]);
    expect(index.suggest({ query: 'ssz', limit: 0 })).toEqual([]);
  });
});

describe('search: edges', () => {
  it('returns nothing for an empty or blank query', () => {
    for (const query of ['', ' ', '   \n\t', '\u3000', '“”']) expect(search(query)).toEqual([]);
  });

  it('honours the limit, 20 by default', () => {
    expect(DEFAULT_LIMIT).toBe(20);
    expect(search('z')).toHaveLength(20);
    expect(search('z', 3)).toHaveLength(3);
    expect(search('z', 0)).toEqual([]);
  });

  it('survives very long queries', () => {
    expect(search('x'.repeat(1000)).length).toBeLessThanOrEqual(DEFAULT_LIMIT);
    expect(search('中国膜谷'.repeat(250))).toEqual([]);
    const pasted = search('中国膜谷' + ' '.repeat(995));
    expect(pasted[0]?.entry).toBe(entry('中国膜谷'));
  });

  it('gives highlight ranges inside the text, sorted and apart', () => {
    const queries = ['两高', '中國膜谷', 'gdp', 'membrane', '旱涝保收', 'zhongguo', 'zgmg', 'tiyanshi', '8万亩', '4.5', 'zhongguomogo', 'membrane vally', '中国模谷', 'z', '膜', '城'];
    for (const query of queries) {
      for (const result of search(query)) {
        const { text, ranges } = result.highlight;
        expect(ranges.length).toBeGreaterThan(0);
        let end = 0;
        for (const [s, e] of ranges) {
          expect(s).toBeGreaterThanOrEqual(end);
          expect(e).toBeGreaterThan(s);
          expect(e).toBeLessThanOrEqual(text.length);
          end = e;
        }
      }
    }
  });

  it('keeps no state between searches on the shared index', () => {
    const before = search('膜');
    search('zhongguomogo');
    search('8万亩');
    expect(search('膜')).toEqual(before);
    // A second index over the same data answers the same.
    const other = createSearchIndex({ glossary, variants: termList.variants });
    expect(other.search({ query: 'lianggao' })).toEqual(search('lianggao'));
  });
});
