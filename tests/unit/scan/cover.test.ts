/** Which blocks of a group stay observed: boxes in px from the top of the screen, reach 1,000 px. */
import { describe, expect, it } from 'vitest';
import { coverOf } from '../../../lib/scan/cover';

const box = (top: number, height = 20) => ({ top, bottom: top + height });
const cover = (boxes: Array<[string, { top: number; bottom: number }]>) => [...coverOf({ boxes, reach: 1000 })].sort();

describe('coverOf', () => {
  it('keeps the top block of a group shorter than the reach', () => {
    expect(cover([['a', box(0)], ['b', box(300)], ['c', box(900)]])).toEqual(['a']);
  });

  it('keeps each block the last kept one cannot answer for (paragraphs between tall photos)', () => {
    expect(cover([['a', box(0)], ['b', box(1500)], ['c', box(1600)], ['d', box(3000)]])).toEqual(['a', 'b', 'd']);
  });

  it('measures a block by its bottom: a tall block below the kept one is kept', () => {
    expect(cover([['a', box(0)], ['b', box(500, 800)]])).toEqual(['a', 'b']);
  });

  it('goes by position, not by the order it is given', () => {
    expect(cover([['c', box(900)], ['a', box(0)], ['b', box(300)]])).toEqual(['a']);
  });

  it('keeps blocks with no box: where they will appear is unknown', () => {
    expect(cover([['a', box(0)], ['hidden', { top: 0, bottom: 0 }]])).toEqual(['a', 'hidden']);
  });

  it('keeps every block when the reach is unknown (0)', () => {
    expect([...coverOf({ boxes: [['a', box(0)], ['b', box(30)]], reach: 0 })].sort()).toEqual(['a', 'b']);
  });
});
