import { describe, it, expect } from 'vitest';
import { buildVariantTable } from '../../../scripts/glossary/variants';
import { normalizeTerm } from '../../../lib/scan/normalize';

const GLOSSARY = ['中国膜谷', '两高', '四减四增', '两个100%'];

describe('buildVariantTable', () => {
  const table = buildVariantTable({ simplifiedTexts: GLOSSARY });

  it('maps the Traditional forms of the glossary chars back to them', () => {
    expect(table['兩']).toBe('两');
    expect(table['國']).toBe('国');
    expect(table['減']).toBe('减');
    expect(table['個']).toBe('个');
  });

  it('leaves out chars that are the same in both scripts and chars the glossary does not use', () => {
    expect(table['膜']).toBeUndefined();
    expect(table['谷']).toBeUndefined();
    expect(table['萬']).toBeUndefined();
    expect(table['進']).toBeUndefined();
    expect(buildVariantTable({ simplifiedTexts: ['一万亩', '推进'] })).toMatchObject({ 萬: '万', 進: '进' });
  });

  it('holds only single BMP chars, never a glossary char as a key, and sorted keys', () => {
    const glossaryChars = new Set(GLOSSARY.join(''));
    for (const [from, to] of Object.entries(table)) {
      expect(from).toHaveLength(1);
      expect(to).toHaveLength(1);
      expect(glossaryChars.has(from)).toBe(false);
      expect(glossaryChars.has(to)).toBe(true);
    }
    const keys = Object.keys(table);
    expect(keys).toEqual([...keys].sort());
    expect(JSON.stringify(buildVariantTable({ simplifiedTexts: [...GLOSSARY].reverse() }))).toBe(JSON.stringify(table));
  });

  it('maps 後 to 后 only when the glossary writes 后', () => {
    expect(buildVariantTable({ simplifiedTexts: ['中国'] })['後']).toBeUndefined();
    expect(buildVariantTable({ simplifiedTexts: ['以后'] })['後']).toBe('后');
  });

  it('maps every Traditional form of a one-to-many char (发: 發, 髮)', () => {
    const result = buildVariantTable({ simplifiedTexts: ['发展', '头发'] });
    expect(result['發']).toBe('发');
    expect(result['髮']).toBe('发');
  });

  it('never maps a char the glossary itself uses as Simplified', () => {
    // 乾 folds to 干 in OpenCC, but 乾隆 keeps it, so it must stay itself.
    const result = buildVariantTable({ simplifiedTexts: ['骨干', '乾隆'] });
    expect(result['乾']).toBeUndefined();
    expect(result['幹']).toBe('干');
    // Taiwan writes 着 as 著, but 显著 uses 著 in Simplified: mapping it would turn 显著 into 显着.
    const both = buildVariantTable({ simplifiedTexts: ['着力', '显著'] });
    expect(both['著']).toBeUndefined();
    expect(buildVariantTable({ simplifiedTexts: ['着力'] })['著']).toBe('着');
  });

  it('settles a Traditional char reached from two glossary chars by the converters\' own answer', () => {
    expect(buildVariantTable({ simplifiedTexts: ['其余', '其馀'] })['餘']).toBe('余');
  });

  it('learns from Traditional aliases without treating their chars as glossary chars', () => {
    const result = buildVariantTable({ simplifiedTexts: ['中国膜谷', '中國膜谷', '膜产业马踏湖高峰论坛'] });
    expect(result['國']).toBe('国');
    // Hong Kong and OpenCC standard forms differ from Taiwan's: both are covered.
    expect(result['峯']).toBe('峰');
    expect(result['論']).toBe('论');
    expect(result['壇']).toBe('坛');
  });

  it('makes Traditional spellings normalize to the glossary form', () => {
    expect(normalizeTerm({ text: '兩高', variants: table })).toBe('两高');
    expect(normalizeTerm({ text: '中國膜谷', variants: table })).toBe('中国膜谷');
    expect(normalizeTerm({ text: '四減四增', variants: table })).toBe('四减四增');
    expect(normalizeTerm({ text: '兩個100%', variants: table })).toBe('两个100%');
  });

  it('returns an empty table for no Han text', () => {
    expect(buildVariantTable({ simplifiedTexts: [] })).toEqual({});
    expect(buildVariantTable({ simplifiedTexts: ['5+N', 'GDP'] })).toEqual({});
  });
});
