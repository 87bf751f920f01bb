// @vitest-environment happy-dom
/**
 * The highlighter with fakes for everything the browser provides: CSS.highlights is a Map, a
 * Highlight a Set, a range a plain object naming its hit, and visibility is driven by the test.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createHighlighter, HIGHLIGHT_PREFIX, type HighlighterDeps, type VisibilityRecord, type VisibilityReport } from '../../../lib/scan/highlighter';
import { runHitsOf, scan, type Hit } from '../../../lib/scan/scanner';
import { createTermFinder, termListOf } from '../../../lib/scan/term-finder';
import { normalizeTerm } from '../../../lib/scan/normalize';
import type { TermList } from '../../../lib/glossary/types';

const form = (text: string) => normalizeTerm({ text });
const termList: TermList = termListOf({
  variants: {},
  terms: [
    { id: 'zhong-guo-mo-gu', category: 'industry', scope: 'county', forms: [form('中国膜谷')] },
    { id: 'liang-gao', category: 'ecology', scope: 'national', forms: [form('两高'), form('两高项目')] },
    { id: 'gao-biao-zhun-nong-tian', category: 'rural', scope: 'national', forms: [form('高标准农田')] },
  ],
});
const finder = createTermFinder({ termList });
const MO_GU = finder.valueOf('zhong-guo-mo-gu')!;
const LIANG_GAO = finder.valueOf('liang-gao')!;
const NONG_TIAN = finder.valueOf('gao-biao-zhun-nong-tian')!;

interface FakeRange {
  hit: Hit;
}

/** The observer's reach in these tests: boxes are made up, in px from the top of the screen. */
const REACH = 1000;

function setup({ groupBlocks = 1 }: { groupBlocks?: number } = {}) {
  const registry = new Map<string, Set<FakeRange>>();
  const observed = new Set<Element>();
  let onVisible: (report: VisibilityReport) => void = () => {
    throw new Error('watchVisibility not called');
  };
  const paints: Array<{ painted: number }> = [];
  let t = 0;
  const deps: HighlighterDeps = {
    registry: registry as unknown as HighlightRegistry,
    createHighlight: () => new Set<FakeRange>() as unknown as Highlight,
    createRange: (hit) => ({ hit }) as unknown as AbstractRange,
    watchVisibility: (callback) => {
      onVisible = callback;
      return {
        observe: (el) => void observed.add(el),
        unobserve: (el) => void observed.delete(el),
        disconnect: () => observed.clear(),
      };
    },
    groupOf: (value) => finder.categoryOf(value),
    colourOf: (value) => finder.categoryOf(value),
    // A group per block unless a test says otherwise: most are about which blocks are painted
    // when; see 'groups'.
    groupBlocks,
    // Nothing painted ahead, groups gone far unpainted at once: see lazy-paint.test.ts for bunching.
    paintAhead: { groups: 0, chars: 0 },
    unpaintAfter: -1,
    recordPaint: ({ painted }) => void paints.push({ painted }),
    now: () => t++,
  };
  const highlighter = createHighlighter(deps);
  return {
    highlighter,
    registry,
    observed,
    paints,
    /** The browser reporting elements on screen. */
    show: (...elements: Element[]) => onVisible({ reach: REACH, records: elements.map((element) => ({ element, near: true, top: 0, bottom: 20 })) }),
    /** The browser reporting elements far above the screen. */
    hide: (...elements: Element[]) => onVisible({ reach: REACH, records: elements.map((element) => ({ element, near: false, top: -5000, bottom: -4980 })) }),
    report: (records: VisibilityRecord[]) => onVisible({ reach: REACH, records }),
    /** Every painted range's hit text, by highlight name. */
    painted(): Record<string, string[]> {
      const out: Record<string, string[]> = {};
      for (const [name, set] of registry) if (set.size > 0) out[name] = [...set].map((r) => textOf(r.hit)).sort();
      return out;
    },
    rangeCount: () => [...registry.values()].reduce((n, set) => n + set.size, 0),
  };
}

function textOf(hit: Hit): string {
  if (hit.startNode === hit.endNode) return hit.startNode.data.slice(hit.startOffset, hit.endOffset);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  walker.currentNode = hit.startNode;
  let out = hit.startNode.data.slice(hit.startOffset);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (node === hit.endNode) return out + node.data.slice(0, hit.endOffset);
    out += node.data;
  }
  return out;
}

/** Scans `roots` with the real scanner and hands every run to the highlighter. */
async function scanInto(highlighter: ReturnType<typeof createHighlighter>, roots: Node[] = [document.body]) {
  await scan({
    roots,
    deps: { matcher: finder, now: () => 0, yieldToPage: async () => {}, recordChunk: () => {} },
    onRun: (run) => highlighter.addRun(run),
  });
}

const byId = (id: string) => document.getElementById(id)!;

beforeEach(() => {
  document.body.innerHTML = `
    <div id="a"><p id="a1">做大做强中国膜谷，建设中国<b>膜谷</b>。</p><p id="a2">建成高标准农田8万亩。</p></div>
    <div id="b"><p id="b1">遏制“两高”项目盲目发展，中国膜谷。</p></div>
    <p id="c">没有术语的段落。</p>`;
});

describe('counts and lazy painting', () => {
  it('counts every hit, painted or not, and paints nothing before a block is visible', async () => {
    const s = setup();
    await scanInto(s.highlighter);
    expect(s.highlighter.counts()).toEqual(
      new Map([
        [MO_GU, 3],
        [NONG_TIAN, 1],
        [LIANG_GAO, 1],
      ]),
    );
    expect(s.rangeCount()).toBe(0);
    // Only blocks with hits are watched.
    expect(s.observed).toEqual(new Set([byId('a1'), byId('a2'), byId('b1')]));
  });

  it('creates ranges only for visible blocks, in highlights named by category', async () => {
    const s = setup();
    await scanInto(s.highlighter);
    s.show(byId('a1'));
    expect(s.painted()).toEqual({ [`${HIGHLIGHT_PREFIX}-industry`]: ['中国膜谷', '中国膜谷'] });
    // Still observed: it is unpainted when it goes far from the screen.
    expect(s.observed.has(byId('a1'))).toBe(true);
    expect(s.paints).toEqual([{ painted: 2 }]);

    s.show(byId('b1'), byId('a2'));
    expect(s.painted()).toEqual({
      'huantai-lens-industry': ['中国膜谷', '中国膜谷', '中国膜谷'],
      'huantai-lens-ecology': ['两高”项目'],
      'huantai-lens-rural': ['高标准农田'],
    });
    // Seen again (a second intersection): nothing is painted twice.
    s.show(byId('a1'));
    expect(s.rangeCount()).toBe(5);
    expect([...s.highlighter.paintedRanges()].map((p) => p.value).sort()).toEqual([MO_GU, MO_GU, MO_GU, LIANG_GAO, NONG_TIAN].sort());
  });

  it('paints a run added to a block already on screen at once', async () => {
    const s = setup();
    await scanInto(s.highlighter, [byId('a1')]);
    s.show(byId('a1'));
    expect(s.rangeCount()).toBe(2);
    // The block's own text after a nested block is a second run of the same block.
    const extra = document.createTextNode('两高项目');
    byId('a1').append(extra);
    s.highlighter.addRun({ block: byId('a1'), hits: runHitsOf([{ startNode: extra, startOffset: 0, endNode: extra, endOffset: 4, value: LIANG_GAO }]) });
    expect(s.painted()['huantai-lens-ecology']).toEqual(['两高项目']);
    expect(s.rangeCount()).toBe(3);
    expect(s.highlighter.counts().get(LIANG_GAO)).toBe(1);
  });

  it('counts a run’s hits at once but builds their DOM positions only to paint them', () => {
    const s = setup();
    const text = byId('a2').firstChild as Text;
    let built = 0;
    const hits = [{ startNode: text, startOffset: 2, endNode: text, endOffset: 7, value: NONG_TIAN }];
    s.highlighter.addRun({ block: byId('a2'), hits: { count: 1, valueAt: () => NONG_TIAN, toHits: () => (built++, hits) } });
    expect(s.highlighter.counts().get(NONG_TIAN)).toBe(1);
    expect(built).toBe(0);
    s.show(byId('a2'));
    expect(built).toBe(1);
    expect(s.painted()).toEqual({ 'huantai-lens-rural': ['高标准农田'] });
  });

  it('paintBlock paints a block whatever its visibility', async () => {
    const s = setup();
    await scanInto(s.highlighter);
    s.highlighter.paintBlock({ block: byId('a2') });
    expect(s.painted()).toEqual({ 'huantai-lens-rural': ['高标准农田'] });
    // Unpainted with its group once that is reported far from the screen.
    s.show(byId('a2'));
    s.hide(byId('a2'));
    expect(s.rangeCount()).toBe(0);
  });
});

describe('hitAt', () => {
  it('finds a painted hit by node and offset, including one spanning two text nodes', async () => {
    const s = setup();
    await scanInto(s.highlighter);
    s.show(byId('a1'), byId('b1'));
    const a1 = byId('a1');
    const first = a1.firstChild as Text; // 做大做强中国膜谷，建设中国
    const bold = a1.querySelector('b')!.firstChild as Text; // 膜谷

    expect(s.highlighter.hitAt({ node: first, offset: 3 })).toBeUndefined();
    expect(s.highlighter.hitAt({ node: first, offset: 4 })?.value).toBe(MO_GU);
    expect(s.highlighter.hitAt({ node: first, offset: 7 })?.hit.startOffset).toBe(4);
    expect(s.highlighter.hitAt({ node: first, offset: 8 })).toBeUndefined();

    // 中国 at the end of the first node and 膜谷 in <b> are one hit, found from either node.
    const fromStart = s.highlighter.hitAt({ node: first, offset: 11 });
    const fromEnd = s.highlighter.hitAt({ node: bold, offset: 1 });
    expect(fromStart).toBeDefined();
    expect(fromEnd).toBe(fromStart);
    expect(fromStart!.hit).toMatchObject({ startNode: first, startOffset: 11, endNode: bold, endOffset: 2 });
    expect(s.highlighter.hitAt({ node: bold, offset: 2 })).toBeUndefined();

    // Not a text node, or a text node without hits.
    expect(s.highlighter.hitAt({ node: a1, offset: 0 })).toBeUndefined();
    expect(s.highlighter.hitAt({ node: byId('c').firstChild!, offset: 1 })).toBeUndefined();
  });

  it('finds nothing in a block that is not painted yet, or no longer', async () => {
    const s = setup();
    await scanInto(s.highlighter);
    const node = byId('a2').firstChild!;
    expect(s.highlighter.hitAt({ node, offset: 3 })).toBeUndefined();
    s.show(byId('a2'));
    expect(s.highlighter.hitAt({ node, offset: 3 })?.value).toBe(NONG_TIAN);
    s.highlighter.setEnabled(false);
    expect(s.highlighter.hitAt({ node, offset: 3 })).toBeUndefined();
  });
});

describe('clearWithin', () => {
  it('drops the hits and ranges of blocks inside the roots, and keeps the rest', async () => {
    const s = setup();
    await scanInto(s.highlighter);
    s.show(byId('a1'), byId('a2'), byId('b1'));
    s.highlighter.clearWithin({ roots: [byId('a')] });
    expect(s.highlighter.counts()).toEqual(
      new Map([
        [MO_GU, 1],
        [LIANG_GAO, 1],
      ]),
    );
    expect(s.painted()).toEqual({ 'huantai-lens-industry': ['中国膜谷'], 'huantai-lens-ecology': ['两高”项目'] });
    expect(s.highlighter.hitAt({ node: byId('a1').firstChild!, offset: 5 })).toBeUndefined();
    expect([...s.highlighter.allHits()].map(({ block }) => block)).toEqual([byId('b1'), byId('b1')]);

    // Rescanning what was cleared brings back exactly what was there.
    await scanInto(s.highlighter, [byId('a')]);
    s.show(byId('a1'), byId('a2'));
    expect(s.rangeCount()).toBe(5);
    expect(s.highlighter.counts().get(MO_GU)).toBe(3);
  });

  it('drops the hits of blocks no longer in the page, whatever the roots, and stops watching them', async () => {
    const s = setup();
    await scanInto(s.highlighter);
    s.show(byId('b1'));
    const b = byId('b');
    const a2 = byId('a2');
    b.remove();
    a2.remove();
    s.highlighter.clearWithin({ roots: [] });
    expect(s.highlighter.counts()).toEqual(new Map([[MO_GU, 2]]));
    expect(s.rangeCount()).toBe(0);
    expect(s.observed).toEqual(new Set([byId('a1')]));
  });

  it('clears a block that is a root itself', async () => {
    const s = setup();
    await scanInto(s.highlighter);
    s.show(byId('a2'));
    s.highlighter.clearWithin({ roots: [byId('a2')] });
    expect(s.highlighter.counts().get(NONG_TIAN)).toBeUndefined();
    expect(s.rangeCount()).toBe(0);
  });

  it('clears hits in a shadow root when the shadow root is the root, though their block is the host’s', async () => {
    document.body.innerHTML = '<div id="d">宿主<span id="host"></span></div><p id="p">中国膜谷</p>';
    const shadow = byId('host').attachShadow({ mode: 'open' });
    shadow.innerHTML = '两高项目<b>高标准农田</b>';
    const s = setup();
    await scanInto(s.highlighter, [document.body, shadow]);
    s.show(byId('d'), byId('p'));
    expect(s.rangeCount()).toBe(3);

    s.highlighter.clearWithin({ roots: [shadow] });
    await scanInto(s.highlighter, [shadow]);
    s.show(byId('d'));
    // Not twice: the shadow root's old hits went before it was scanned again.
    expect(s.highlighter.counts()).toEqual(
      new Map([
        [MO_GU, 1],
        [LIANG_GAO, 1],
        [NONG_TIAN, 1],
      ]),
    );
    expect(s.rangeCount()).toBe(3);
  });
});

describe('setEnabled and destroy', () => {
  it('setEnabled(false) removes every range and paints nothing until enabled again', async () => {
    const s = setup();
    await scanInto(s.highlighter);
    s.show(byId('a1'), byId('b1'));
    expect(s.rangeCount()).toBe(4);
    s.highlighter.setEnabled(false);
    expect(s.rangeCount()).toBe(0);
    expect([...s.highlighter.paintedRanges()]).toEqual([]);
    // Counts are about the page, not the paint.
    expect(s.highlighter.counts().get(MO_GU)).toBe(3);

    s.show(byId('a2'));
    expect(s.rangeCount()).toBe(0);

    s.highlighter.setEnabled(true);
    expect(s.observed).toEqual(new Set([byId('a1'), byId('a2'), byId('b1')]));
    s.show(byId('a1'), byId('a2'), byId('b1'));
    expect(s.rangeCount()).toBe(5);
  });

  it('destroy removes its highlights from the registry', async () => {
    const s = setup();
    await scanInto(s.highlighter);
    s.show(byId('a1'), byId('a2'), byId('b1'));
    expect([...s.registry.keys()].sort()).toEqual(['huantai-lens-ecology', 'huantai-lens-industry', 'huantai-lens-rural']);
    s.highlighter.destroy();
    expect(s.registry.size).toBe(0);
    expect(s.highlighter.counts().size).toBe(0);
    expect(s.observed.size).toBe(0);
  });
});

describe('appearance from the settings', () => {
  it('registers the same highlights under the background names, or not at all', async () => {
    const s = setup();
    await scanInto(s.highlighter);
    s.show(byId('a1'), byId('b1'));
    const underline = s.painted();
    expect(Object.keys(underline).sort()).toEqual([`${HIGHLIGHT_PREFIX}-ecology`, `${HIGHLIGHT_PREFIX}-industry`]);

    s.highlighter.setAppearance({ style: 'background', hidden: new Set() });
    expect(s.painted()).toEqual({
      [`${HIGHLIGHT_PREFIX}-bg-ecology`]: underline[`${HIGHLIGHT_PREFIX}-ecology`],
      [`${HIGHLIGHT_PREFIX}-bg-industry`]: underline[`${HIGHLIGHT_PREFIX}-industry`],
    });

    s.highlighter.setAppearance({ style: 'off', hidden: new Set() });
    expect(s.painted()).toEqual({});
    // Unpainted is not unexplained: hovering still finds the term.
    const text = byId('b1').firstChild as Text;
    expect(s.highlighter.hitAt({ node: text, offset: text.data.indexOf('两高') + 1 })?.value).toBe(LIANG_GAO);
  });

  it('leaves the painted ranges where they are when a new appearance paints alike (a settings change elsewhere)', async () => {
    const s = setup();
    await scanInto(s.highlighter);
    s.show(byId('a1'), byId('b1'));
    s.highlighter.setAppearance({ style: 'background', hidden: new Set(['society']), density: 'every' });
    const sets = [...s.registry.values()];
    const calls: string[] = [];
    for (const set of sets) {
      const { add, delete: remove } = set;
      set.add = (range) => (calls.push('add'), add.call(set, range));
      set.delete = (range) => (calls.push('delete'), remove.call(set, range));
    }
    // Equal, though made afresh: the density's default, the sets' order, an empty quiet set.
    s.highlighter.setAppearance({ style: 'background', hidden: new Set(['society']), quiet: new Set() });
    expect(calls).toEqual([]);
    s.highlighter.setAppearance({ style: 'background', hidden: new Set(['society']), quiet: new Set(['ecology-wide']) });
    expect(calls).not.toEqual([]);
  });

  it('hides an area: not painted and not explained on hover', async () => {
    const s = setup();
    await scanInto(s.highlighter);
    s.show(byId('b1'));
    s.highlighter.setAppearance({ style: 'underline', hidden: new Set(['ecology']) });
    expect(Object.keys(s.painted())).toEqual([`${HIGHLIGHT_PREFIX}-industry`]);
    const text = byId('b1').firstChild as Text;
    expect(s.highlighter.hitAt({ node: text, offset: text.data.indexOf('两高') + 1 })).toBeUndefined();
    expect(s.highlighter.hitAt({ node: text, offset: text.data.indexOf('膜谷') })?.value).toBe(MO_GU);
    // Areas painted later still follow the setting.
    s.highlighter.setAppearance({ style: 'underline', hidden: new Set() });
    expect(Object.keys(s.painted()).sort()).toEqual([`${HIGHLIGHT_PREFIX}-ecology`, `${HIGHLIGHT_PREFIX}-industry`]);
  });
});

describe('density', () => {
  const FIRST = { style: 'underline', hidden: new Set<string>(), density: 'first' } as const;
  /** Text of each painted range with the id of its block, in the page's order. */
  const paintedWhere = (s: ReturnType<typeof setup>) =>
    [...s.registry.values()]
      .flatMap((set) => [...set].map((r) => `${r.hit.startNode.parentElement!.closest('p')!.id}:${textOf(r.hit)}`))
      .sort();

  it('with "first", paints each term once, where the page first says it, and explains only that one', async () => {
    const s = setup();
    await scanInto(s.highlighter);
    s.highlighter.setAppearance(FIRST);
    s.show(byId('a1'), byId('a2'), byId('b1'));
    expect(paintedWhere(s)).toEqual(['a1:中国膜谷', 'a2:高标准农田', 'b1:两高”项目']);
    const b1 = byId('b1').firstChild as Text;
    expect(s.highlighter.hitAt({ node: b1, offset: b1.data.indexOf('膜谷') })).toBeUndefined();
    expect([...s.highlighter.allHits()].map(({ hit }) => textOf(hit)).sort()).toEqual(['中国膜谷', '两高”项目', '高标准农田'].sort());
    // Counts stay the page's occurrences: the badge and the popup count every one.
    expect(s.highlighter.counts().get(MO_GU)).toBe(3);
  });

  it('switching density repaints what is on screen, both ways', async () => {
    const s = setup();
    await scanInto(s.highlighter);
    s.show(byId('a1'), byId('b1'));
    expect(s.rangeCount()).toBe(4);
    s.highlighter.setAppearance(FIRST);
    expect(paintedWhere(s)).toEqual(['a1:中国膜谷', 'b1:两高”项目']);
    s.highlighter.setAppearance({ ...FIRST, density: 'every' });
    expect(s.rangeCount()).toBe(4);
  });

  it('paints the next occurrence once the first has gone from the page', async () => {
    const s = setup();
    await scanInto(s.highlighter);
    s.highlighter.setAppearance(FIRST);
    s.show(byId('a1'), byId('b1'));
    byId('a').remove();
    s.highlighter.clearWithin({ roots: [document.body] });
    await scanInto(s.highlighter);
    s.show(byId('b1'));
    expect(paintedWhere(s)).toEqual(['b1:两高”项目', 'b1:中国膜谷']);
  });
});

describe('groups', () => {
  const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => `<p id="p${i}">第${i}段：中国膜谷</p>`).join('');
  const ids = (elements: Iterable<Element>) => [...elements].map((el) => el.id).sort();
  /** Boxes for p0…p(n-1), `spacing` px apart from `top`. */
  const boxes = (n: number, { top, spacing }: { top: number; spacing: number }) =>
    Array.from({ length: n }, (_, i) => ({ element: byId(`p${i}`), near: top + i * spacing < REACH && top + i * spacing + 20 > -REACH, top: top + i * spacing, bottom: top + i * spacing + 20 }));

  it('watches a group through its first block and paints all of it when that comes near', async () => {
    document.body.innerHTML = paragraphs(5);
    const s = setup({ groupBlocks: 64 });
    await scanInto(s.highlighter);
    expect(ids(s.observed)).toEqual(['p0']);
    expect(s.highlighter.counts().get(MO_GU)).toBe(5);
    s.show(byId('p0'));
    expect(s.paints).toEqual([{ painted: 5 }]);
  });

  it('paints a block found in a group already near the screen at once; another root starts its own group', async () => {
    document.body.innerHTML = paragraphs(5);
    const s = setup({ groupBlocks: 64 });
    await scanInto(s.highlighter);
    s.show(byId('p0'));
    expect(s.rangeCount()).toBe(5);
    // Found later in the same scan of the same root (the scan yielded in between).
    document.body.insertAdjacentHTML('beforeend', '<p id="next">中国膜谷</p>');
    const text = byId('next').firstChild as Text;
    s.highlighter.addRun({ block: byId('next'), hits: runHitsOf([{ startNode: text, startOffset: 0, endNode: text, endOffset: 4, value: MO_GU }]), root: document.body });
    expect(s.rangeCount()).toBe(6);
    expect(s.observed.has(byId('next'))).toBe(false);
    // Another root's blocks say nothing about where p0 is: they are grouped and watched apart.
    document.body.insertAdjacentHTML('beforeend', '<p id="late">中国膜谷</p>');
    await scanInto(s.highlighter, [byId('late')]);
    expect(s.rangeCount()).toBe(6);
    expect(s.observed.has(byId('late'))).toBe(true);
  });

  it('starts a new group where much text lies between two blocks with hits, and after a scan', async () => {
    document.body.innerHTML = `${paragraphs(2)}<p>${'没有术语。'.repeat(500)}</p><p id="far">中国膜谷</p>`;
    const s = setup({ groupBlocks: 64 });
    await scanInto(s.highlighter);
    // The first group is complete once `far` starts the next: all of it is observed, to size it.
    expect(ids(s.observed)).toEqual(['far', 'p0', 'p1']);
    s.highlighter.endScan();
    document.body.insertAdjacentHTML('beforeend', '<p id="after">中国膜谷</p>');
    const text = byId('after').firstChild as Text;
    s.highlighter.addRun({ block: byId('after'), hits: runHitsOf([{ startNode: text, startOffset: 0, endNode: text, endOffset: 4, value: MO_GU }]), root: document.body });
    expect(s.observed.has(byId('after'))).toBe(true);
  });

  it('sizes a complete group: paragraphs close together are watched through one, paragraphs far apart each', async () => {
    document.body.innerHTML = paragraphs(5);
    const s = setup({ groupBlocks: 64 });
    await scanInto(s.highlighter);
    s.highlighter.endScan();
    // Its first and last blocks are observed together, and stay observed.
    expect(ids(s.observed)).toEqual(['p0', 'p4']);
    s.report(boxes(5, { top: 5000, spacing: 100 }));
    expect(ids(s.observed)).toEqual(['p0', 'p4']);

    const tall = setup({ groupBlocks: 64 });
    await scanInto(tall.highlighter);
    tall.highlighter.endScan();
    // Too far apart for the first to answer for the rest: every block is observed, once.
    tall.report(boxes(5, { top: 5000, spacing: 1500 }));
    expect(ids(tall.observed)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    tall.report(boxes(5, { top: 5000, spacing: 1500 }));
    expect(ids(tall.observed)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(tall.rangeCount()).toBe(0);
    // A jump into the middle of the group: the paragraph under the screen is reported, the group painted.
    tall.show(byId('p3'));
    expect(tall.rangeCount()).toBe(5);
  });

  it('paints a group the screen is inside when it is sized (a page restored scrolled down)', async () => {
    document.body.innerHTML = paragraphs(5);
    const s = setup({ groupBlocks: 64 });
    await scanInto(s.highlighter);
    s.highlighter.endScan();
    s.report(boxes(5, { top: -3000, spacing: 1500 }));
    expect(s.rangeCount()).toBe(0);
    s.report(boxes(5, { top: -3000, spacing: 1500 }));
    expect(s.rangeCount()).toBe(5);
  });

  it('unpaints a group once its first and last blocks are both past the screen, below or above', async () => {
    document.body.innerHTML = paragraphs(3);
    const s = setup({ groupBlocks: 64 });
    await scanInto(s.highlighter);
    s.highlighter.endScan();
    s.report(boxes(3, { top: 0, spacing: 50 }));
    expect(ids(s.observed)).toEqual(['p0', 'p2']);
    expect(s.rangeCount()).toBe(3);
    s.report(boxes(3, { top: 5000, spacing: 50 }).filter((r) => r.element !== byId('p1')));
    expect(s.rangeCount()).toBe(0);

    s.show(byId('p0'), byId('p2'));
    expect(s.rangeCount()).toBe(3);
    // Gone above: its last block, which may have moved down since (an image loaded), still counts.
    s.hide(byId('p0'));
    expect(s.rangeCount()).toBe(3);
    s.hide(byId('p2'));
    expect(s.rangeCount()).toBe(0);
    expect(ids(s.observed)).toEqual(['p0', 'p2']);
    expect(s.paints.at(-1)).toEqual({ painted: 0 });
  });

  it('keeps a group painted whose last block is still below the screen, and sizes it again', async () => {
    document.body.innerHTML = paragraphs(3);
    const s = setup({ groupBlocks: 64 });
    await scanInto(s.highlighter);
    s.highlighter.endScan();
    s.report(boxes(3, { top: 0, spacing: 50 }));
    s.hide(byId('p0'));
    // An image loaded between p0 and p1: p1 and p2 are now on screen.
    s.report([{ element: byId('p2'), near: false, top: 3000, bottom: 3020 }]);
    expect(s.rangeCount()).toBe(3);
    expect(ids(s.observed)).toEqual(['p0', 'p1', 'p2']);
    s.report([
      { element: byId('p0'), near: false, top: -3000, bottom: -2980 },
      { element: byId('p1'), near: true, top: 100, bottom: 120 },
      { element: byId('p2'), near: true, top: 150, bottom: 170 },
    ]);
    expect(s.rangeCount()).toBe(3);
    // p1 answers for p2, but a group's last block stays observed.
    expect(ids(s.observed)).toEqual(['p0', 'p1', 'p2']);
  });

  it('hands watching over to the blocks a removed watched block stood for', async () => {
    document.body.innerHTML = paragraphs(4);
    const s = setup({ groupBlocks: 64 });
    await scanInto(s.highlighter);
    s.highlighter.endScan();
    s.report(boxes(4, { top: 5000, spacing: 10 }));
    expect(ids(s.observed)).toEqual(['p0', 'p3']);
    byId('p0').remove();
    s.highlighter.clearWithin({ roots: [] });
    // The rest of its group is sized again.
    expect(ids(s.observed)).toEqual(['p1', 'p3']);
    s.show(byId('p1'));
    expect(s.rangeCount()).toBe(3);
  });

  it('paintBlock paints one block of a group far from the screen, unpainted with the group later', async () => {
    document.body.innerHTML = paragraphs(3);
    const s = setup({ groupBlocks: 64 });
    await scanInto(s.highlighter);
    s.highlighter.paintBlock({ block: byId('p1') });
    expect(s.rangeCount()).toBe(1);
    s.show(byId('p0'));
    expect(s.rangeCount()).toBe(3);
    s.report([{ element: byId('p0'), near: false, top: 5000, bottom: 5020 }]);
    expect(s.rangeCount()).toBe(0);
  });
});
