/** Run building, with stand-ins for text nodes and blocks: which texts share a run, and what the segment's arrays say. */
import { describe, expect, it } from 'vitest';
import { SEPARATOR } from '../../../lib/scan/normalize';
import { Segment, SEGMENT_CHARS } from '../../../lib/scan/segment';

const text = (data: string) => ({ data }) as unknown as Text;
const block = (name: string) => ({ name }) as unknown as Element;
const P = block('p');
const DIV = block('div');

describe('Segment', () => {
  it('joins the texts of one block into one run, and starts a run in another block', () => {
    const segment = new Segment({ root: DIV });
    const [a, b, c] = [text('中国'), text('膜谷'), text('两高')];
    segment.addText(a, a.data, P);
    segment.addText(b, b.data, P);
    segment.addText(c, c.data, DIV);
    expect(segment.text).toBe(`中国膜谷${SEPARATOR}两高`);
    expect(segment.runs).toBe(2);
    expect(segment.runBlocks.slice(0, 2)).toEqual([P, DIV]);
    expect(segment.runStarts.slice(0, 2)).toEqual([0, 5]);
    expect(segment.nodes.slice(0, segment.entries)).toEqual([a, b, null, c]);
    expect(segment.starts.slice(0, segment.entries)).toEqual([0, 2, 4, 5]);
    expect(segment.runEntries.slice(0, 2)).toEqual([0, 3]);
    expect({ length: segment.length, chars: segment.chars }).toEqual({ length: 7, chars: 6 });
  });

  it('starts a new run after a block boundary, even in the same block (中国<hr>膜谷)', () => {
    const segment = new Segment({ root: DIV });
    segment.addText(text('中国'), '中国', DIV);
    segment.endRun();
    segment.addText(text('膜谷'), '膜谷', DIV);
    expect(segment.text).toBe(`中国${SEPARATOR}膜谷`);
    expect(segment.runs).toBe(2);
  });

  it('keeps words a whitespace-only node separated apart, within a run only', () => {
    const segment = new Segment({ root: DIV });
    segment.addText(text('GDP'), 'GDP', P);
    segment.passWhitespace();
    segment.addText(text('R'), 'R', P);
    segment.passWhitespace();
    segment.endRun();
    segment.addText(text('x'), 'x', P);
    expect(segment.text).toBe(`GDP R${SEPARATOR}x`);
    expect(segment.chars).toBe(5);
  });

  it('is full at SEGMENT_CHARS of page text, and empty again after reset (its arrays reused)', () => {
    const segment = new Segment({ root: DIV });
    const nodes = segment.nodes;
    segment.addText(text('x'), 'x'.repeat(SEGMENT_CHARS - 1), P);
    expect(segment.full).toBe(false);
    segment.addText(text('y'), 'y', P);
    expect(segment.full).toBe(true);
    segment.reset();
    expect({ text: segment.text, entries: segment.entries, runs: segment.runs, length: segment.length, chars: segment.chars }).toEqual({ text: '', entries: 0, runs: 0, length: 0, chars: 0 });
    expect(segment.nodes).toBe(nodes);
    // The next text does not start with a separator.
    segment.endRun();
    segment.addText(text('z'), 'z', P);
    expect(segment.text).toBe('z');
  });
});
