/** Feeding a segment to the matcher in windows, pausing between them once the chunk's budget is spent. */
import { describe, expect, it } from 'vitest';
import { Chunks, type ChunkMeasure } from '../../../lib/scan/chunks';
import { SEPARATOR } from '../../../lib/scan/normalize';
import { Segment } from '../../../lib/scan/segment';
import { matchSegment, WINDOW, type SegmentMatcher } from '../../../lib/scan/segment-matching';

const text = (data: string) => ({ data }) as unknown as Text;
const block = (name: string) => ({ name }) as unknown as Element;

function setup({ msPerWindow = 0, mayHold = true }: { msPerWindow?: number; mayHold?: boolean } = {}) {
  const clock = { t: 0 };
  const measures: ChunkMeasure[] = [];
  const chunks = new Chunks({ now: () => clock.t, yieldToPage: async () => {}, recordChunk: (m) => measures.push(m), budgetMs: 8 });
  const fed: Array<[number, number]> = [];
  const matcher: SegmentMatcher = {
    begin: () => mayHold,
    feed: ({ from, to }) => {
      fed.push([from, to]);
      clock.t += msPerWindow;
    },
    end: () => ({ count: 1, data: Int32Array.of(0, 2, 5) }),
  };
  return { chunks, matcher, fed, measures };
}

describe('matchSegment', () => {
  it('feeds the whole text in windows, in order, and returns the matches', async () => {
    const { chunks, matcher, fed } = setup();
    const segment = new Segment({ root: block('body') });
    segment.addText(text(''), 'x'.repeat(WINDOW + 10), block('p'));
    const batch = await matchSegment({ segment, matcher, chunks });
    expect(fed).toEqual([[0, WINDOW], [WINDOW, WINDOW + 10]]);
    expect(batch).toEqual({ count: 1, data: Int32Array.of(0, 2, 5) });
  });

  it('counts page text only, not the separators between runs', async () => {
    const { chunks, matcher } = setup();
    const segment = new Segment({ root: block('body') });
    segment.addText(text('中国'), '中国', block('p1'));
    segment.addText(text('膜谷'), '膜谷', block('p2'));
    expect(segment.text).toBe(`中国${SEPARATOR}膜谷`);
    await matchSegment({ segment, matcher, chunks });
    expect(chunks.current.chars).toBe(4);
  });

  it('feeds nothing when the matcher says no term can be in the text, and still counts it', async () => {
    const { chunks, matcher, fed } = setup({ mayHold: false });
    const segment = new Segment({ root: block('body') });
    segment.addText(text('无'), '没有术语', block('p'));
    expect(await matchSegment({ segment, matcher, chunks })).toBeNull();
    expect(fed).toEqual([]);
    expect(chunks.current.chars).toBe(4);
  });

  it('pauses between windows once the budget is spent: no chunk runs much past it', async () => {
    const { chunks, matcher, measures } = setup({ msPerWindow: 3 });
    const segment = new Segment({ root: block('body') });
    segment.addText(text(''), 'x'.repeat(10 * WINDOW), block('p'));
    await matchSegment({ segment, matcher, chunks });
    chunks.close();
    expect(measures.length).toBeGreaterThan(3);
    for (const m of measures) expect(m.end - m.start).toBeLessThanOrEqual(9);
    expect(measures.reduce((n, m) => n + m.chars, 0)).toBe(10 * WINDOW);
  });
});
