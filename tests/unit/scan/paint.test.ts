/** Painting with fakes: CSS.highlights is a Map, a Highlight a Set, a range a plain object naming its hit. */
import { describe, expect, it } from 'vitest';
import { createBlockStore } from '../../../lib/scan/highlight-blocks';
import { createPainter } from '../../../lib/scan/paint';
import { runHitsOf, type Hit } from '../../../lib/scan/run-hits';

// Term values 0, 1, 2: an industry term, an ecology term, a wider (national) industry term.
const GROUPS = ['industry', 'ecology', 'industry-wide'];
const COLOURS = ['industry', 'ecology', 'industry'];
const hit = (value: number, offset = 0): Hit => ({ startNode: {} as Text, startOffset: offset, endNode: {} as Text, endOffset: offset + 2, value });

function setup() {
  const registry = new Map<string, Set<{ hit: Hit }>>();
  let made = 0;
  const painter = createPainter({
    registry: registry as unknown as HighlightRegistry,
    createHighlight: () => new Set() as unknown as Highlight,
    createRange: (h) => (made++, { hit: h }) as unknown as AbstractRange,
    groupOf: (value) => GROUPS[value]!,
    colourOf: (value) => COLOURS[value]!,
  });
  const store = createBlockStore();
  const block = (...hits: Hit[]) => store.add({ block: {} as Element, hits: runHitsOf(hits), root: undefined, gap: 0 }).state;
  const sizes = () => Object.fromEntries([...registry].map(([name, set]) => [name, set.size]));
  return { painter, registry, block, sizes, made: () => made };
}

describe('createPainter', () => {
  it('paints a block’s hits into one highlight per group, registered under the group’s name', () => {
    const s = setup();
    const state = s.block(hit(0), hit(0, 5), hit(1));
    expect(s.painter.paint(state)).toBe(3);
    expect(s.sizes()).toEqual({ 'huantai-lens-industry': 2, 'huantai-lens-ecology': 1 });
    expect(state.ranges!.map((r) => r.value)).toEqual([0, 0, 1]);
    // Painting twice adds nothing.
    expect(s.painter.paint(state)).toBe(0);
  });

  it('unpaints and paints again with the same ranges, made once', () => {
    const s = setup();
    const state = s.block(hit(0), hit(1));
    s.painter.paint(state);
    expect(s.painter.unpaint(state)).toBe(2);
    expect(s.sizes()).toEqual({ 'huantai-lens-industry': 0, 'huantai-lens-ecology': 0 });
    expect(s.painter.unpaint(state)).toBe(0);
    s.painter.paint(state);
    expect(s.sizes()).toEqual({ 'huantai-lens-industry': 1, 'huantai-lens-ecology': 1 });
    expect(s.made()).toBe(2);
  });

  it('paints nothing while disabled', () => {
    const s = setup();
    const state = s.block(hit(0));
    s.painter.setEnabled(false);
    expect(s.painter.paint(state)).toBe(0);
    s.painter.setEnabled(true);
    expect(s.painter.paint(state)).toBe(1);
  });

  it('paints a wider term under its area’s name: one name per colour, whatever the group', () => {
    const s = setup();
    s.painter.paint(s.block(hit(0), hit(2), hit(1)));
    expect(s.sizes()).toEqual({ 'huantai-lens-industry': 2, 'huantai-lens-ecology': 1 });
  });

  it('paints under the names of the style, in one quiet grey, or not at all, once repainted', () => {
    const s = setup();
    const state = s.block(hit(0), hit(2), hit(1));
    const repaint = (appearance: Parameters<typeof s.painter.setAppearance>[0]) => {
      s.painter.unpaint(state);
      s.painter.setAppearance(appearance);
      s.painter.paint(state);
    };
    s.painter.paint(state);
    repaint({ style: 'background', hidden: new Set(['ecology']), quiet: new Set(['industry-wide']) });
    expect(s.sizes()).toEqual({ 'huantai-lens-industry': 0, 'huantai-lens-ecology': 0, 'huantai-lens-bg-industry': 1, 'huantai-lens-quiet': 1 });
    expect(s.painter.isShown(1)).toBe(false);
    repaint({ style: 'off', hidden: new Set() });
    expect(Object.values(s.sizes()).every((size) => size === 0)).toBe(true);
    expect(s.painter.isShown(1)).toBe(true);
    repaint({ style: 'underline', hidden: new Set() });
    expect(s.sizes()).toMatchObject({ 'huantai-lens-industry': 2, 'huantai-lens-ecology': 1, 'huantai-lens-bg-industry': 0, 'huantai-lens-quiet': 0 });
    // The ranges moved; none was made again.
    expect(s.made()).toBe(3);
  });

  it('destroy removes every name it registered', () => {
    const s = setup();
    s.painter.paint(s.block(hit(0), hit(1)));
    s.painter.destroy();
    expect(s.registry.size).toBe(0);
  });
});
