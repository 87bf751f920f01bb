import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { CSV_BOM, GLOSSARY_CSV_HEADER, LIST_SEPARATOR, glossaryCsvRows, toCsv } from '../../../lib/glossary/csv';
import { loadGlossary } from '../../../scripts/glossary/load';
import type { GlossaryEntry } from '../../../lib/glossary/types';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** A strict RFC 4180 reader, written independently of toCsv so the round trip proves something. */
function parseCsv({ text }: { text: string }): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (char === '"' || char === '\r' || char === '\n') {
      throw new Error(`unquoted ${JSON.stringify(char)} at ${i}`);
    } else field += char;
  }
  if (quoted || field !== '' || row.length > 0) throw new Error('CSV does not end with a complete CRLF-terminated row');
  return rows;
}

describe('toCsv', () => {
  it('starts with a BOM and ends every row with CRLF', () => {
    const csv = toCsv({ rows: [['id', 'term'], ['zhong-guo-mo-gu', '中国膜谷']] });
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('id,term\r\nzhong-guo-mo-gu,中国膜谷\r\n');
  });

  it('round-trips fields holding commas, quotes, newlines and empty values', () => {
    const rows = [
      ['a,b', 'say "两高"', 'line one\nline two', ''],
      ['', '坚决遏制“两高”项目盲目发展,年内煤炭消费总量压减9.57万吨。', 'crlf\r\ninside', '"'],
    ];
    const csv = toCsv({ rows });
    expect(csv).toContain('"say ""两高"""');
    expect(parseCsv({ text: csv.slice(1) })).toEqual(rows);
  });

  it('writes nothing but the BOM for no rows', () => {
    expect(toCsv({ rows: [] })).toBe(CSV_BOM);
  });
});

describe('glossaryCsvRows', () => {
  const entry: GlossaryEntry = {
    id: 'gao-biao-zhun-nong-tian',
    term: '高标准农田',
    aliases: ['高標準農田', '高标农田'],
    english: 'High-standard farmland',
    pinyin: 'gāo biāo zhǔn nóng tián',
    category: 'rural',
    scope: 'national',
    scopeNote: '国家标准规定的农田建设标准。',
    summary: '旱涝保收、高产稳产的农田。',
    summaryEn: 'Farmland built to the national standard, with stable high yields in drought and flood.',
    explanation: '第一句,带逗号。\n第二句带"引号"。',
    quotes: ['落实最严格的耕地保护制度,建成高标准农田8万亩,示范推广玉米高湿裹包技术3万亩,筑牢粮食安全底线。'],
    related: ['geng-di-bao-hu-zhi-du', 'liang-shi-an-quan'],
    references: [{ title: '农业农村部', url: 'https://www.moa.gov.cn/', publisher: '农业农村部', supports: '高标准农田的定义' }],
    targets: [
      {
        id: 'target-high-standard-farmland',
        indicator: '建成高标准农田',
        value: '8',
        unit: '万亩',
        comparator: '',
        year: 2022,
        quote: '建成高标准农田8万亩',
        entries: ['gao-biao-zhun-nong-tian'],
      },
      {
        id: 'target-x',
        indicator: '城镇登记失业率',
        value: '4.5',
        unit: '%',
        comparator: '低于',
        year: 2022,
        quote: '城镇登记失业率低于4.5%',
        entries: ['gao-biao-zhun-nong-tian'],
      },
    ],
  };

  it('writes a header and one row per entry with lists joined and targets formatted', () => {
    const rows = glossaryCsvRows({ glossary: { entries: [entry] } });
    expect(rows[0]).toEqual([...GLOSSARY_CSV_HEADER]);
    expect(rows[1]).toEqual([
      'gao-biao-zhun-nong-tian',
      '高标准农田',
      `高標準農田${LIST_SEPARATOR}高标农田`,
      'High-standard farmland',
      'gāo biāo zhǔn nóng tián',
      'rural',
      '乡村全面振兴',
      '旱涝保收、高产稳产的农田。',
      '第一句,带逗号。\n第二句带"引号"。',
      `建成高标准农田 8万亩${LIST_SEPARATOR}城镇登记失业率 低于4.5%`,
      entry.quotes[0],
      `geng-di-bao-hu-zhi-du${LIST_SEPARATOR}liang-shi-an-quan`,
      '农业农村部 <https://www.moa.gov.cn/>',
    ]);
    expect(parseCsv({ text: toCsv({ rows }).slice(1) })).toEqual(rows);
  });

  it('exports the real glossary as one CSV row per entry that reads back intact', () => {
    const { glossary } = loadGlossary({ dataDir: 'data', root: ROOT });
    const rows = glossaryCsvRows({ glossary });
    const parsed = parseCsv({ text: toCsv({ rows }).slice(1) });
    expect(parsed).toHaveLength(glossary.entries.length + 1);
    expect(parsed).toEqual(rows);
    expect(parsed.slice(1).map((row) => row[0])).toEqual(glossary.entries.map((e) => e.id));
    expect(parsed.every((row) => row.length === GLOSSARY_CSV_HEADER.length)).toBe(true);
    // The separator must never occur inside a list item, or the lists could not be split again.
    const items = glossary.entries.flatMap((e) => [...e.aliases, ...e.quotes, ...e.references.map((r) => r.title)]);
    expect(items.filter((item) => item.includes(LIST_SEPARATOR))).toEqual([]);
  });
});
