import { describe, it, expect } from 'vitest';
import {
  coverageReport,
  formatCoverageReport,
  parseIgnoreList,
  type CoverageItem,
  type IgnoreItem,
} from '../../../scripts/glossary/coverage';
import type { GlossaryEntry, Target } from '../../../lib/glossary/types';

const SOURCE = `淄博1月17日讯 报告提出做大做强“中国膜谷”,举办膜产业“马踏湖”高峰论坛。
坚决遏制“两高”项目盲目发展,年内煤炭消费总量压减9.57万吨。
新建口袋公园10处,新增城市绿道10公里。
确保实现“两个100%”。改造提升“5+N”综合文化服务中心10处。
打造“文化客厅”,建成“暖心家园”1处。
扫描“鲁中晨报”APP
二维码查看`;

function entry({ id, term, aliases = [] }: { id: string; term: string; aliases?: string[] }): GlossaryEntry {
  return {
    id,
    term,
    aliases,
    english: id,
    pinyin: '',
    category: 'industry',
    scope: 'county',
    scopeNote: '',
    summary: '',
    summaryEn: '',
    explanation: '',
    quotes: [term],
    related: [],
    references: [],
    targets: [],
  };
}

function target({ id, value, quote }: { id: string; value: string; quote: string }): Target {
  return { id, indicator: id, value, unit: '', comparator: '', year: 2022, quote, entries: ['x'] };
}

const ENTRIES = [
  entry({ id: 'zhong-guo-mo-gu', term: '中国膜谷' }),
  entry({ id: 'mo-chan-ye-ma-ta-hu-gao-feng-lun-tan', term: '膜产业“马踏湖”高峰论坛' }),
  entry({ id: 'liang-gao', term: '两高', aliases: ['兩高'] }),
  entry({ id: 'liang-ge-100', term: '两个100%' }),
  entry({ id: '5-n-zong-he-wen-hua-fu-wu-zhong-xin', term: '5+N综合文化服务中心' }),
  entry({ id: 'nuan-xin-jia-yuan', term: '暖心家园' }),
];

const TARGETS = [
  target({ id: 'coal', value: '9.57', quote: '坚决遏制“两高”项目盲目发展,年内煤炭消费总量压减9.57万吨。' }),
  target({ id: 'pocket-parks', value: '10', quote: '新建口袋公园10处,新增城市绿道10公里。' }),
  target({ id: 'greenways', value: '10', quote: '新建口袋公园10处, 新增城市绿道10公里。' }),
  target({ id: 'centres', value: '10', quote: '改造提升“5+N”综合文化服务中心10处。' }),
];

const IGNORE: IgnoreItem[] = [
  { text: '淄博1月17日讯', reason: 'dateline' },
  { text: '扫描“鲁中晨报”APP 二维码查看', reason: 'masthead' },
];

const statusOf = (items: CoverageItem[]) => items.map((item) => `${item.text} ${item.status}`);

describe('coverageReport', () => {
  const report = coverageReport({ glossary: { entries: ENTRIES, targets: TARGETS }, source: SOURCE, ignore: IGNORE });

  it('covers a quoted phrase by an entry naming it or containing it, and ignores listed ones', () => {
    expect(statusOf(report.phrases)).toEqual([
      '中国膜谷 covered',
      '马踏湖 covered',
      '两高 covered',
      '两个100% covered',
      '5+N covered',
      '文化客厅 uncovered',
      '暖心家园 covered',
      '鲁中晨报 ignored',
    ]);
    expect(report.phrases.find((p) => p.text === '马踏湖')?.by).toBe('entry mo-chan-ye-ma-ta-hu-gao-feng-lun-tan');
    expect(report.phrases.find((p) => p.text === '鲁中晨报')?.by).toBe('ignore "扫描“鲁中晨报”APP 二维码查看"');
  });

  it('shows where an uncovered item is', () => {
    const culture = report.phrases.find((p) => p.text === '文化客厅');
    expect(culture?.context).toContain('打造“【文化客厅】”,建成');
  });

  it('covers a number by a target quoting it, by an entry containing it, or by the ignore list', () => {
    expect(statusOf(report.numbers)).toEqual([
      '1 ignored',
      '17 ignored',
      '9.57 covered',
      '10 covered',
      '10 covered',
      '100 covered',
      '5 covered',
      '10 covered',
      '1 uncovered',
    ]);
    const by = report.numbers.map((n) => n.by);
    expect(by.slice(2, 8)).toEqual([
      'target coal',
      'target pocket-parks',
      'target greenways',
      'entry liang-ge-100',
      'entry 5-n-zong-he-wen-hua-fu-wu-zhong-xin',
      'target centres',
    ]);
    expect(report.ok).toBe(false);
  });

  it('lets one target account for one occurrence of its figure only', () => {
    const withoutGreenways = coverageReport({
      glossary: { entries: ENTRIES, targets: TARGETS.filter((t) => t.id !== 'greenways') },
      source: SOURCE,
      ignore: IGNORE,
    });
    const tens = withoutGreenways.numbers.filter((n) => n.context.includes('城市绿道') && n.text === '10');
    expect(statusOf(tens)).toEqual(['10 covered', '10 uncovered']);
  });

  it('does not count a figure that is only part of a target’s value', () => {
    const partial = coverageReport({
      glossary: { entries: [], targets: [target({ id: 'coal', value: '9.57', quote: '年内煤炭消费总量压减9.57万吨。' })] },
      source: '年内煤炭消费总量压减9.57万吨。新增9处。',
      ignore: [],
    });
    expect(statusOf(partial.numbers)).toEqual(['9.57 covered', '9 uncovered']);
  });

  it('needs a target’s quote around the number, not just the same value elsewhere', () => {
    const elsewhere = coverageReport({
      glossary: { entries: [], targets: [target({ id: 'pocket-parks', value: '10', quote: '新建口袋公园10处,' })] },
      source: '新建口袋公园10处,新增城市绿道10公里。',
      ignore: [],
    });
    expect(statusOf(elsewhere.numbers)).toEqual(['10 covered', '10 uncovered']);
  });

  it('fails on an ignore item that is not in the report, and flags one that excuses nothing', () => {
    const stale = coverageReport({
      glossary: { entries: ENTRIES, targets: TARGETS },
      source: SOURCE,
      ignore: [...IGNORE, { text: '淄博1月18日讯', reason: 'typo' }, { text: '中国膜谷', reason: 'already covered' }],
    });
    expect(stale.missingIgnores).toEqual([{ text: '淄博1月18日讯', reason: 'typo' }]);
    expect(stale.unusedIgnores).toEqual([{ text: '中国膜谷', reason: 'already covered' }]);
    const text = formatCoverageReport({ report: stale });
    expect(text).toContain('"淄博1月18日讯" does not occur in the report');
    expect(text).toContain('"中国膜谷" excuses nothing');
  });

  it('passes once everything is covered or ignored', () => {
    const complete = coverageReport({
      glossary: {
        entries: [...ENTRIES, entry({ id: 'wen-hua-ke-ting', term: '文化客厅' })],
        targets: [...TARGETS, target({ id: 'warm-home', value: '1', quote: '建成“暖心家园”1处。' })],
      },
      source: SOURCE,
      ignore: IGNORE,
    });
    expect(complete.ok).toBe(true);
    const text = formatCoverageReport({ report: complete, extra: ['Term list: 1 bytes'] });
    expect(text).toContain('Quoted phrases (“…”) in the report: 8 (covered 7, ignored 1, uncovered 0)');
    expect(text).toContain('Numbers in the report: 9 (covered 7, ignored 2, uncovered 0)');
    expect(text).toContain('Term list: 1 bytes');
    expect(text).toMatch(/OK: nothing uncovered\.$/u);
  });

  it('lists each uncovered item with its context in the printed report', () => {
    const text = formatCoverageReport({ report });
    expect(text).toContain('uncovered 1)');
    expect(text).toContain('✗ 文化客厅  …');
    expect(text).toContain('✗ 1  …');
    expect(text).toMatch(/FAILED/u);
  });
});

describe('parseIgnoreList', () => {
  it('reads a valid list', () => {
    expect(parseIgnoreList({ json: JSON.stringify(IGNORE), path: 'ignore.json' })).toEqual(IGNORE);
  });

  it('names the bad field of a bad item', () => {
    expect(() => parseIgnoreList({ json: '[{ "text": "淄博1月17日讯", "reason": " " }]', path: 'ignore.json' })).toThrow(
      'ignore.json: field "[0].reason": must not be empty',
    );
    expect(() => parseIgnoreList({ json: '[{ "text": "淄博" }', path: 'ignore.json' })).toThrow('ignore.json: not valid JSON');
  });
});
