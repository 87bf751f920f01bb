// @vitest-environment happy-dom
/** What a rescan clears: blocks inside the roots, blocks gone from the page, and hits inside a shadow root. */
import { beforeEach, describe, expect, it } from 'vitest';
import { clearWithin, isInside } from '../../../lib/scan/clearing';
import type { Hit } from '../../../lib/scan/run-hits';

const byId = (id: string) => document.getElementById(id)!;

function run(roots: Node[], hitsOf: (block: Element) => Hit[] = () => []) {
  const forgotten: string[] = [];
  const dropped: Record<string, number> = {};
  const blocks = [...document.querySelectorAll('p, div')].map((el) => [el, el] as [Element, Element]);
  clearWithin({
    roots,
    blocks: [...blocks, [removed, removed]],
    forget: (block) => forgotten.push(block.id),
    dropHits: (block, drop) => {
      const gone = hitsOf(block).filter(drop).length;
      if (gone > 0) dropped[block.id] = gone;
    },
  });
  return { forgotten: forgotten.sort(), dropped };
}

let removed: Element;
beforeEach(() => {
  document.body.innerHTML = '<div id="a"><p id="a1">一</p><p id="a2">二</p></div><p id="b">三</p><div id="d">宿主<span id="host"></span></div>';
  removed = document.createElement('p');
  removed.id = 'removed';
});

describe('clearWithin', () => {
  it('forgets the blocks inside the roots (a root itself included) and those no longer in the page', () => {
    expect(run([byId('a')]).forgotten).toEqual(['a', 'a1', 'a2', 'removed']);
    expect(run([byId('b')]).forgotten).toEqual(['b', 'removed']);
  });

  it('drops only the hits inside a shadow root from the block around its host', () => {
    const shadow = byId('host').attachShadow({ mode: 'open' });
    shadow.innerHTML = '<b>两高项目</b>';
    const inside = shadow.firstChild!.firstChild as Text;
    const outside = byId('d').firstChild as Text;
    const hit = (node: Text): Hit => ({ startNode: node, startOffset: 0, endNode: node, endOffset: 1, value: 0 });
    const result = run([shadow], (block) => (block.id === 'd' ? [hit(inside), hit(outside)] : []));
    expect(result).toEqual({ forgotten: ['removed'], dropped: { d: 1 } });
  });

  it('isInside looks through shadow roots to their hosts', () => {
    const shadow = byId('host').attachShadow({ mode: 'open' });
    shadow.innerHTML = '<b>x</b>';
    expect(isInside(byId('d'), shadow.firstChild!.firstChild!)).toBe(true);
    expect(isInside(byId('a'), shadow.firstChild!)).toBe(false);
  });
});
