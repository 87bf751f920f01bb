import { describe, expect, it } from 'vitest';
import { fuzzySpan } from '../../../../lib/glossary/search/ranges';

const wordStarts = (text: string) => new Set([...text.matchAll(/[a-z0-9]+/g)].map((m) => m.index));

describe('fuzzySpan', () => {
  it('finds the span with the fewest edits anywhere when no starts are given', () => {
    const text = 'internet-famous attraction';
    const { range, errors } = fuzzySpan({ pattern: 'amous', text });
    expect(errors).toBe(0);
    expect(text.slice(...range)).toBe('amous');
  });

  it('begins the span only at an allowed start', () => {
    const text = 'internet-famous attraction';
    const anchored = fuzzySpan({ pattern: 'amous', text, starts: wordStarts(text) });
    expect(anchored.errors).toBeGreaterThan(1);
    expect(wordStarts(text).has(anchored.range[0])).toBe(true);

    const typo = fuzzySpan({ pattern: 'famus', text, starts: wordStarts(text) });
    expect(typo.errors).toBe(1);
    expect(text.slice(...typo.range)).toMatch(/^famou?s?$/);
  });

  it('counts the edits of a typo across words', () => {
    const text = 'china membrane valley';
    const { range, errors } = fuzzySpan({ pattern: 'membrane vally', text, starts: wordStarts(text) });
    expect(errors).toBe(1);
    expect(range[0]).toBe(6);
  });

  it('gives an empty span for empty input', () => {
    expect(fuzzySpan({ pattern: '', text: 'abc' })).toEqual({ range: [0, 0], errors: 0 });
    expect(fuzzySpan({ pattern: 'abc', text: '' })).toEqual({ range: [0, 0], errors: 3 });
  });
});
