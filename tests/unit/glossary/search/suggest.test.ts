import { describe, expect, it } from 'vitest';
import { withinOneEdit } from '../../../../lib/glossary/search/suggest';

describe('withinOneEdit', () => {
  it.each([
    ['sjsz', 'sjsz', 'equal'],
    ['sjsz', 'sjsc', 'one letter wrong'],
    ['sjsz', 'ssz', 'one letter missing'],
    ['sjsz', 'sjszz', 'one letter extra'],
    ['sjsz', 'jssz', 'two neighbours swapped'],
    ['zgmg', 'zgm', 'the last letter missing'],
    ['zgmg', 'gmg', 'the first letter missing'],
  ])('%s and %s are one edit apart at most (%s)', (a, b) => {
    expect(withinOneEdit(a, b)).toBe(true);
    expect(withinOneEdit(b, a)).toBe(true);
  });

  it.each([
    ['sjsz', 'sz', 'two letters missing'],
    ['sjsz', 'sscc', 'two letters wrong'],
    ['sjsz', 'zsjs', 'not neighbours swapped'],
    ['abc', 'bca', 'a rotation'],
  ])('%s and %s are further apart (%s)', (a, b) => {
    expect(withinOneEdit(a, b)).toBe(false);
    expect(withinOneEdit(b, a)).toBe(false);
  });
});
