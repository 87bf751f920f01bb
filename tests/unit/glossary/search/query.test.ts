import { describe, expect, it } from 'vitest';
import { parseQuery, segmentsIntoSyllables, type SyllableSet } from '../../../../lib/glossary/search/query';

const SYLLABLES = ['zhong', 'guo', 'mo', 'gu', 'xi', 'an', 'xian', 'lv', 'lu', 'se'];
const syllables: SyllableSet = { has: (s) => SYLLABLES.includes(s), longest: 5 };
const variants = {};
const read = (query: string) => parseQuery({ query, variants, syllables });

describe('segmentsIntoSyllables', () => {
  it.each(['mogu', 'zhongguomogu', 'xian', 'xianmo', 'lvse'])('reads %s as syllables', (text) => {
    expect(segmentsIntoSyllables({ text, syllables })).toBe(true);
  });

  it.each(['mog', 'famous', 'mogux', 'zhongguomogo', ''])('does not read %s as syllables', (text) => {
    expect(segmentsIntoSyllables({ text, syllables })).toBe(false);
  });
});

describe('parseQuery', () => {
  it('reads syllables and runs of consonants (initials) as pinyin', () => {
    for (const query of ['mogu', 'mo gu', 'MóGǔ', 'lǜ sè', 'ssz', 'ZGMG']) expect(read(query).readsAsPinyin, query).toBe(true);
  });

  it('does not read English, numbers or Chinese as pinyin', () => {
    for (const query of ['famous', 'membrane', '4.5', '100', '中国膜谷', 'mogu中国']) expect(read(query).readsAsPinyin, query).toBe(false);
  });

  it('keeps a latin key only for queries that are all latin', () => {
    expect(read('Mo Gu')).toMatchObject({ latinQ: 'mogu', hasCjk: false, hasLetters: true });
    expect(read('GDP增长')).toMatchObject({ latinQ: '', hasCjk: true, hasLetters: false });
  });
});
