import { describe, expect, it } from 'vitest';
import { buildRootSkipData, loadRootSkip, skipAtRoot } from '../../../lib/scan/root-skip';

const has = (table: Uint8Array, char: string) => table[char.charCodeAt(0)] === 1;

describe('buildRootSkipData / loadRootSkip', () => {
  const tables = loadRootSkip({ data: buildRootSkipData({ patterns: ['中国膜谷', 'gdp', '两高'], variants: { 國: '国', 兩: '两' } }) });

  it('takes every raw shape of a first char: Traditional, upper case, full width', () => {
    for (const char of ['中', 'g', 'G', 'ｇ', 'Ｇ', '两', '兩']) expect(has(tables.firsts, char), char).toBe(true);
    for (const char of ['国', 'd', '高', 'x']) expect(has(tables.firsts, char), char).toBe(false);
  });

  it('takes every raw shape of a second char, and every dropped char (a space or quote may come between)', () => {
    for (const char of ['国', '國', 'd', 'D', 'ｄ', '高', ' ', '“', '\n', '\u3000']) expect(has(tables.seconds, char), JSON.stringify(char)).toBe(true);
    for (const char of ['中', 'g', '膜', 'x']) expect(has(tables.seconds, char), char).toBe(false);
  });

  it('lets anything follow the first char of a one-char pattern', () => {
    const data = buildRootSkipData({ patterns: ['谷', '两高'] });
    expect(data.anySecond).toBe(true);
    expect(loadRootSkip({ data }).seconds.every((flag) => flag === 1)).toBe(true);
  });

  it('ships only strings and a flag', () => {
    const data = buildRootSkipData({ patterns: ['中国膜谷', ''] });
    expect(data).toEqual({ firsts: '中', seconds: '国', anySecond: false });
  });
});

describe('skipAtRoot', () => {
  const { firsts, seconds } = loadRootSkip({ data: buildRootSkipData({ patterns: ['中国膜谷', '两高'] }) });
  const skip = (text: string, from = 0, to = text.length) => skipAtRoot(firsts, seconds, text, from, to);

  it('stops at the first char that may start a pattern with the next char', () => {
    expect(skip('的的中国')).toBe(2);
    expect(skip('中的中 国')).toBe(2);
    expect(skip('两两高')).toBe(1);
  });

  it('skips a first char whose next char cannot follow it', () => {
    expect(skip('中文两岸的的的')).toBe(6);
  });

  it('stops at the window end, and hands the text’s last char to the main loop', () => {
    expect(skip('的的中国', 0, 2)).toBe(2);
    expect(skip('的的的', 0, 3)).toBe(2);
    expect(skip('的的的', 1, 3)).toBe(2);
  });
});
