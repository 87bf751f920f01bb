/** The scan's tasks with a fake clock: budgets, pauses, and one measure per task adding up to the totals. */
import { describe, expect, it } from 'vitest';
import { Chunks, type ChunkMeasure } from '../../../lib/scan/chunks';

function setup() {
  const clock = { t: 100, reads: 0 };
  const measures: ChunkMeasure[] = [];
  let yields = 0;
  const chunks = new Chunks({
    now: () => (clock.reads++, clock.t),
    yieldToPage: async () => void yields++,
    recordChunk: (measure) => measures.push(measure),
    budgetMs: 8,
  });
  return { chunks, clock, measures, yields: () => yields };
}

describe('Chunks', () => {
  it('says the budget is spent once the chunk has run that long', () => {
    const { chunks, clock } = setup();
    expect(chunks.spent()).toBe(false);
    clock.t += 8;
    expect(chunks.spent()).toBe(true);
  });

  it('reads the clock only once per stretch of work', () => {
    const { chunks, clock } = setup();
    clock.t += 100;
    const before = clock.reads;
    let due = false;
    let calls = 0;
    while (!due) {
      due = chunks.due(64);
      calls++;
    }
    expect(clock.reads - before).toBe(1);
    expect(calls).toBeGreaterThan(1);
  });

  it('records each chunk once, with what was done in it, and totals them', async () => {
    const { chunks, clock, measures, yields } = setup();
    chunks.current.textNodes += 3;
    chunks.current.chars += 40;
    clock.t += 9;
    await chunks.pause();
    expect(yields()).toBe(1);
    chunks.current.matches += 2;
    clock.t += 1;
    chunks.close();
    expect(measures).toEqual([
      { start: 100, end: 109, textNodes: 3, chars: 40, matches: 0 },
      { start: 109, end: 110, textNodes: 0, chars: 0, matches: 2 },
    ]);
    expect(chunks.total).toEqual({ textNodes: 3, chars: 40, matches: 2 });
  });
});
