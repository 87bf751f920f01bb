import { describe, it, expect } from 'vitest';
import { normalizeText, normalizeTerm } from '../../../lib/scan/normalize';
import { buildVariantTable } from '../../../scripts/glossary/variants';

const variants = buildVariantTable({ simplifiedTexts: ['中国膜谷', '两高', '四减四增', '两个100%'] });

/** Offsets must only move forward and end on the original length. */
function expectMapConsistent({ original, text, map }: { original: string; text: string; map: Uint32Array }): void {
  expect(map.length).toBe(text.length + 1);
  expect(map[text.length]).toBe(original.length);
  let increasing = true;
  for (let i = 1; i < text.length; i++) if ((map[i] as number) <= (map[i - 1] as number)) increasing = false;
  expect(increasing).toBe(true);
}

describe('normalizeText', () => {
  it('folds full-width ASCII to ASCII', () => {
    expect(normalizeText({ text: '两个１００％', variants }).text).toBe('两个100%');
    expect(normalizeText({ text: '５＋Ｎ', variants }).text).toBe('5+n');
    expect(normalizeTerm({ text: '１００％', variants })).toBe(normalizeTerm({ text: '100%', variants }));
  });

  it('lower-cases ASCII letters only', () => {
    expect(normalizeText({ text: '5+N GDP ÀB', variants }).text).toBe('5+ngdpÀb');
  });

  it('drops quotes and corner brackets of every style', () => {
    const canonical = '膜产业马踏湖高峰论坛';
    for (const written of [
      '膜产业「马踏湖」高峰论坛',
      '膜产业"马踏湖"高峰论坛',
      '膜产业“马踏湖”高峰论坛',
      '膜产业『马踏湖』高峰论坛',
      "膜产业'马踏湖'高峰论坛",
      '膜产业‘马踏湖’高峰论坛',
      '膜产业＂马踏湖＂高峰论坛',
      '膜产业＇马踏湖＇高峰论坛',
      '膜产业«马踏湖»高峰论坛',
      '膜产业‹马踏湖›高峰论坛',
      '膜产业〝马踏湖〞高峰论坛',
      '膜产业„马踏湖‟高峰论坛',
    ]) {
      expect(normalizeText({ text: written, variants }).text).toBe(canonical);
    }
    expect(normalizeText({ text: '「两个100%」', variants }).text).toBe('两个100%');
  });

  it('keeps other punctuation', () => {
    expect(normalizeText({ text: '两高、四减四增。——（一）', variants }).text).toBe('两高、四减四增。——(一)');
  });

  it('drops every kind of whitespace and invisible char', () => {
    expect(normalizeText({ text: '中国\n膜谷', variants }).text).toBe('中国膜谷');
    expect(normalizeText({ text: '中\u00a0国 膜\u00a0谷', variants }).text).toBe('中国膜谷');
    expect(normalizeText({ text: '中\r\n国\t膜\u3000谷', variants }).text).toBe('中国膜谷');
    expect(normalizeText({ text: '中\u200b国\u00ad膜\u200d谷\u200c\ufeff', variants }).text).toBe('中国膜谷');
  });

  it('maps folded chars back to their original indices', () => {
    const original = '「中国\n膜谷」';
    const { text, map } = normalizeText({ text: original, variants });
    expect(text).toBe('中国膜谷');
    expect(Array.from(map)).toEqual([1, 2, 4, 5, 7]);
    expectMapConsistent({ original, text, map });
  });

  it('converts the glossary chars from Traditional to Simplified', () => {
    expect(normalizeText({ text: '兩高', variants }).text).toBe('两高');
    expect(normalizeText({ text: '中國膜谷', variants }).text).toBe('中国膜谷');
    expect(normalizeText({ text: '四減四增', variants }).text).toBe('四减四增');
    // Not in the glossary's table: left alone.
    expect(normalizeText({ text: '萬', variants }).text).toBe('萬');
    expect(normalizeText({ text: '兩高' }).text).toBe('兩高');
  });

  it('ignores variant entries that are not single BMP chars', () => {
    const odd = { 中國: '中国', 兩: '两', '𠀀': '一', 高: '' };
    expect(normalizeText({ text: '中國兩高𠀀', variants: odd }).text).toBe('中國两高𠀀');
  });

  it('copies surrogate pairs through and keeps offsets after them', () => {
    const original = '😀 中国膜谷𠀀';
    const { text, map } = normalizeText({ text: original, variants });
    expect(text).toBe('😀中国膜谷𠀀');
    expect(map[2]).toBe(3);
    expect(original.slice(map[2], (map[5] as number) + 1)).toBe('中国膜谷');
    expectMapConsistent({ original, text, map });
  });

  it('keeps the length across a lone surrogate', () => {
    const original = 'a\ud800 b';
    const { text, map } = normalizeText({ text: original, variants });
    expect(text).toHaveLength(3);
    expect(Array.from(map)).toEqual([0, 1, 3, 4]);
  });

  it('handles empty and all-dropped text', () => {
    expect(normalizeText({ text: '', variants })).toEqual({ text: '', map: new Uint32Array([0]) });
    const dropped = normalizeText({ text: ' “ ” \n', variants });
    expect(dropped.text).toBe('');
    expect(Array.from(dropped.map)).toEqual([6]);
  });

  it('returns text that needs no folding unchanged', () => {
    const original = '中国膜谷是桓台的名片';
    const { text, map } = normalizeText({ text: original, variants });
    expect(text).toBe(original);
    expect(Array.from(map)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('normalizeTerm folds like normalizeText', () => {
    expect(normalizeTerm({ text: '兩個 １００％', variants })).toBe('两个100%');
    expect(normalizeTerm({ text: '5+N' })).toBe('5+n');
  });

  it('folds a 1 MB page', () => {
    const unit = '桓台县“两高”项目 ５＋Ｎ\n中國膜谷😀 abc ';
    const original = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const { text, map } = normalizeText({ text: original, variants });
    const foldedUnit = '桓台县两高项目5+n中国膜谷😀abc';
    expect(text).toBe(foldedUnit.repeat(Math.ceil(1_000_000 / unit.length)));
    expectMapConsistent({ original, text, map });
  });
});
