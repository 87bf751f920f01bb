/** Matches back to runs and text nodes: a segment filled by hand, matches as the matcher would give them. */
import { describe, expect, it } from 'vitest';
import { reportRuns, runHitsOf, type RunReport } from '../../../lib/scan/run-hits';
import { Segment } from '../../../lib/scan/segment';

const text = (data: string) => ({ data }) as unknown as Text;
const block = (name: string) => ({ name }) as unknown as Element;
const ROOT = block('body');
const batch = (...triples: Array<[number, number, number]>) => ({ count: triples.length, data: Int32Array.from(triples.flat()) });

/** p1: 做大中国 + 膜谷 (two nodes), p2: 建成高标准农田 — joined as 做大中国膜谷␞建成高标准农田. */
function filled() {
  const segment = new Segment({ root: ROOT });
  const nodes = { a: text('做大中国'), b: text('膜谷'), c: text('建成高标准农田') };
  const blocks = { p1: block('p1'), p2: block('p2') };
  segment.addText(nodes.a, nodes.a.data, blocks.p1);
  segment.addText(nodes.b, nodes.b.data, blocks.p1);
  segment.addText(nodes.c, nodes.c.data, blocks.p2);
  return { segment, nodes, blocks };
}

describe('reportRuns', () => {
  it('hands each run its matches, as hits spanning text nodes, with the block and the gap before it', () => {
    const { segment, nodes, blocks } = filled();
    const runs: RunReport[] = [];
    const after = reportRuns({ segment, batch: batch([2, 6, 7], [9, 14, 3]), sinceLastHit: 100, onRun: (run) => runs.push(run) });
    expect(runs.map((run) => ({ block: run.block, root: run.root, gap: run.gap, count: run.hits.count, values: [run.hits.valueAt(0)] }))).toEqual([
      { block: blocks.p1, root: ROOT, gap: 102, count: 1, values: [7] },
      { block: blocks.p2, root: ROOT, gap: 3, count: 1, values: [3] },
    ]);
    expect(runs[0]!.hits.toHits()).toEqual([{ startNode: nodes.a, startOffset: 2, endNode: nodes.b, endOffset: 2, value: 7 }]);
    expect(runs[1]!.hits.toHits()).toEqual([{ startNode: nodes.c, startOffset: 2, endNode: nodes.c, endOffset: 7, value: 3 }]);
    // Builds the hits once.
    expect(runs[0]!.hits.toHits()).toBe(runs[0]!.hits.toHits());
    // Chars after the last match, for the next segment's first gap.
    expect(after).toBe(0);
  });

  it('ends a hit in the node holding its last char, not at offset 0 of the next', () => {
    const { segment, nodes } = filled();
    const runs: RunReport[] = [];
    reportRuns({ segment, batch: batch([0, 4, 1]), sinceLastHit: 0, onRun: (run) => runs.push(run) });
    expect(runs[0]!.hits.toHits()).toEqual([{ startNode: nodes.a, startOffset: 0, endNode: nodes.a, endOffset: 4, value: 1 }]);
  });

  it('keeps the hits of a segment whose arrays are then reused', () => {
    const { segment, nodes } = filled();
    const runs: RunReport[] = [];
    reportRuns({ segment, batch: batch([9, 14, 3]), sinceLastHit: 0, onRun: (run) => runs.push(run) });
    segment.reset();
    segment.addText(text('另一段'), '另一段', block('p3'));
    expect(runs[0]!.hits.toHits()[0]!.startNode).toBe(nodes.c);
  });

  it('runHitsOf hands over hits already built', () => {
    const hit = { startNode: text('x'), startOffset: 0, endNode: text('x'), endOffset: 1, value: 4 };
    const run = runHitsOf([hit]);
    expect({ count: run.count, value: run.valueAt(0), hits: run.toHits() }).toEqual({ count: 1, value: 4, hits: [hit] });
  });
});
