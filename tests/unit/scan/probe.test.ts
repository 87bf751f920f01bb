import { describe, expect, it } from 'vitest';
import { buildProbeTables, createTermProbe } from '../../../lib/scan/probe';
import { createTermFinder, findTerms, matcherInputOf } from '../../../lib/scan/term-finder';
import { buildMatcher } from '../../../lib/scan/matcher';
import { sourceLookupFor } from '../../../lib/scan/normalize';
import { loadGlossary } from '../../../scripts/glossary/load';

const { termList, glossary } = loadGlossary({ dataDir: 'data', root: process.cwd() });
const forms = termList.terms.flatMap((t) => t.forms);
const mayHold = createTermProbe({ tables: buildProbeTables({ forms, variants: termList.variants }) });

describe('the term probe', () => {
  it('lets through every term and alias of the glossary as written, Traditional, full-width and split included', () => {
    for (const entry of glossary.entries) for (const text of [entry.term, ...entry.aliases]) expect(mayHold(`中文 ${text} yy`), text).toBe(true);
    expect(mayHold('中國膜谷')).toBe(true);
    expect(mayHold('中 国\n“膜谷”')).toBe(true);
    expect(mayHold('「兩高」項目')).toBe(true);
    expect(mayHold('推进 5＋N 综合文化服务中心建设')).toBe(true);
    expect(mayHold('经济增长，ＧＤＰ 上升')).toBe(true);
    expect(mayHold('经济 “G D P”')).toBe(true);
  });

  it('folds every written shape of every char of every form (its cut-down fold agrees with the full one)', () => {
    const sourcesOf = sourceLookupFor({ variants: termList.variants });
    for (const form of forms) {
      const chars = [...form];
      chars.forEach((char, i) => {
        for (const source of sourcesOf(char)) {
          const text = [...chars.slice(0, i), source, ...chars.slice(i + 1)].join('');
          expect(mayHold(`中文 ${text}`), `${form} with ${source}`).toBe(true);
        }
      });
    }
  });

  it('stops text that holds only the start of a term, or common words that start terms', () => {
    expect(mayHold('中国人民在高速公路上看到新的城市')).toBe(false);
    expect(mayHold('中国膜')).toBe(false);
    expect(mayHold('The “quick” brown fox — jumped over 100% of the lazy dogs.')).toBe(false);
  });

  it('lets Latin-only forms through only in text that holds Chinese', () => {
    expect(mayHold('GDP grew 6% in the county')).toBe(false);
    expect(mayHold('the Ｇ Ｄ Ｐ grew')).toBe(false);
    expect(mayHold('GDP grew, 报告说')).toBe(true);
  });

  it('changes no result on Chinese text: with and without it, the finder finds the same terms', () => {
    const finder = createTermFinder({ termList });
    // The finder's own matcher input, without the probe in front.
    const matcher = buildMatcher(matcherInputOf({ termList }));
    const samples = [
      '地区 GDP rose; the 两高 projects', '坚决遏制“两高”项目盲目发展', '中國膜谷與兩高', '5 + N综合文化服务中心', '中文g-d-p',
      ...glossary.entries.flatMap((e) => e.quotes),
    ];
    for (const text of samples) {
      const full = matcher.findAll({ text });
      expect(findTerms({ finder, text }), text).toEqual(full);
    }
  });
});
