import { describe, expect, it } from 'vitest';
import { keepLatinInChinese } from '../../../lib/scan/latin-forms';
import { SEPARATOR } from '../../../lib/scan/normalize';

/** A batch of the given (start, end) matches, all of value 7. */
function batchOf(text: string, words: string[]) {
  const data = new Int32Array(3 * words.length);
  let from = 0;
  words.forEach((word, m) => {
    const start = text.indexOf(word, from);
    data.set([start, start + word.length, 7], 3 * m);
    from = start + word.length;
  });
  return { count: words.length, data };
}
const kept = (text: string, words: string[]) => {
  const batch = keepLatinInChinese({ batch: batchOf(text, words), text });
  return Array.from({ length: batch.count }, (_, m) => text.slice(batch.data[3 * m], batch.data[3 * m + 1]));
};

describe('Latin-only forms stand only in Chinese text', () => {
  it('drops GDP in English text and keeps it beside Chinese', () => {
    expect(kept('The GDP of the county grew by 6 per cent last year.', ['GDP'])).toEqual([]);
    expect(kept('全县GDP增长6%以上', ['GDP'])).toEqual(['GDP']);
    expect(kept('2022年 GDP growth', ['GDP'])).toEqual(['GDP']);
  });

  it('keeps Chinese matches whatever surrounds them, and looks no further than the run', () => {
    expect(kept('a long English sentence about 两高 here', ['两高'])).toEqual(['两高']);
    expect(kept(`中文${SEPARATOR}GDP figures in English`, ['GDP'])).toEqual([]);
  });

  it('drops only the Latin matches that stand in no Chinese text, and compacts the rest', () => {
    const text = 'GDP, said the long English paragraph, 全县GDP增长 — and then, much later in the paragraph, GDP again.';
    const batch = keepLatinInChinese({ batch: batchOf(text, ['GDP', 'GDP', 'GDP']), text });
    expect(batch.count).toBe(1);
    expect(batch.data[0]).toBe(text.indexOf('全县') + 2);
  });
});

describe('the term finder keeps Latin-only forms in Chinese text only', () => {
  it('finds GDP (地区生产总值) beside Chinese, not in an English sentence', async () => {
    const { loadGlossary } = await import('../../../scripts/glossary/load');
    const { createTermFinder, findTerms } = await import('../../../lib/scan/term-finder');
    const { termList } = loadGlossary({ dataDir: 'data', root: process.cwd() });
    const finder = createTermFinder({ termList });
    const idsIn = (text: string) => findTerms({ finder, text }).map((m) => termList.terms[m.value]!.id);
    expect(idsIn('Regional GDP grew by 6% last year, the county said.')).toEqual([]);
    expect(idsIn('全县GDP增长6%以上')).toEqual(['di-qu-sheng-chan-zong-zhi']);
  });
});
