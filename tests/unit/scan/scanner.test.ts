// @vitest-environment happy-dom
/**
 * The scanner on a real (happy-dom) DOM with the real term finder over a tiny term list: which
 * text counts as one run, what it never reads, and how it splits a huge text node into tasks.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { blockOf, isInSkippedRegion, scan, type ChunkMeasure, type Hit, type RunHits, type ScanDeps } from '../../../lib/scan/scanner';
import { createTermFinder, termListOf } from '../../../lib/scan/term-finder';
import { normalizeTerm } from '../../../lib/scan/normalize';
import type { TermList } from '../../../lib/glossary/types';

const variants = { 國: '国', 兩: '两', 項: '项' };
const form = (text: string) => normalizeTerm({ text, variants });
const termList: TermList = termListOf({
  variants,
  terms: [
    { id: 'zhong-guo-mo-gu', category: 'industry', scope: 'county', forms: [form('中国膜谷')] },
    {
      id: 'liang-gao',
      category: 'ecology',
      scope: 'national',
      forms: [form('两高'), form('两高项目')],
      sense: { skipWhenNear: [form('最高人民法院'), form('司法解释')], keepWhenNear: [form('遏制')] },
    },
    { id: 'gao-biao-zhun-nong-tian', category: 'rural', scope: 'national', forms: [form('高标准农田')] },
    { id: 'ma-ta-hu-lun-tan', category: 'industry', scope: 'county', forms: [form('膜产业马踏湖高峰论坛'), form('马踏湖高峰论坛')] },
    { id: 'ma-ta-hu', category: 'industry', scope: 'county', forms: [form('马踏湖')] },
    { id: 'gdp', category: 'industry', scope: 'county', forms: [form('GDP')] },
  ],
});
const finder = createTermFinder({ termList });
const MO_GU = finder.valueOf('zhong-guo-mo-gu')!;
const LIANG_GAO = finder.valueOf('liang-gao')!;
const LUN_TAN = finder.valueOf('ma-ta-hu-lun-tan')!;

interface Harness {
  deps: ScanDeps;
  chunks: ChunkMeasure[];
  runs: Array<{ block: Element; hits: Hit[] }>;
  clock: { t: number };
  yields: number;
}

/**
 * A fake clock that the term finder advances (1 ms per 4,096 chars matched, plus `msPerCall` per window)
 * and each read advances by `msPerClockRead`,
 * so chunks split by "time" deterministically; yieldToPage resolves at once.
 */
function harness({ msPerCall = 0, msPerClockRead = 0, excludedSelector }: { msPerCall?: number; msPerClockRead?: number; excludedSelector?: string } = {}): Harness {
  const h: Harness = {
    chunks: [],
    runs: [],
    clock: { t: 1000 },
    yields: 0,
    deps: undefined as unknown as ScanDeps,
  };
  h.deps = {
    matcher: {
      ...finder,
      feed: (window) => {
        h.clock.t += (window.to - window.from) / 4096 + msPerCall;
        finder.feed(window);
      },
    },
    // Reading the clock also advances it when asked, standing in for the walk's own cost.
    now: () => (h.clock.t += msPerClockRead),
    yieldToPage: async () => {
      h.yields++;
    },
    recordChunk: (measure) => h.chunks.push(measure),
    excludedSelector,
  };
  return h;
}

async function scanBody(h: Harness, roots: Node[] = [document.body], onShadowRoot?: (root: ShadowRoot) => void) {
  return scan({ roots, deps: h.deps, onRun: (run) => h.runs.push({ block: run.block, hits: run.hits.toHits() }), onShadowRoot });
}

/** The page text a hit covers, walking text nodes from its start to its end node. */
function textOf(hit: Hit): string {
  if (hit.startNode === hit.endNode) return hit.startNode.data.slice(hit.startOffset, hit.endOffset);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  walker.currentNode = hit.startNode;
  let out = hit.startNode.data.slice(hit.startOffset);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (node === hit.endNode) return out + node.data.slice(0, hit.endOffset);
    out += node.data;
  }
  throw new Error('end node not after start node');
}

const allHits = (h: Harness) => h.runs.flatMap((run) => run.hits);
const hitTexts = (h: Harness) => allHits(h).map(textOf);

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('scan: runs across inline markup', () => {
  it('finds 中国<b>膜谷</b> as one hit from the outer text node into the <b>', async () => {
    document.body.innerHTML = '<p id="p">做大做强中国<b>膜谷</b>，加快推进</p>';
    const h = harness();
    const result = await scanBody(h);
    const p = document.getElementById('p')!;
    const [hit, ...rest] = allHits(h);
    expect(rest).toEqual([]);
    expect(hit!.startNode).toBe(p.firstChild);
    expect(hit!.startOffset).toBe(4);
    expect(hit!.endNode).toBe(p.querySelector('b')!.firstChild);
    expect(hit!.endOffset).toBe(2);
    expect(hit!.value).toBe(MO_GU);
    expect(h.runs.find((run) => run.hits.length > 0)!.block).toBe(p);
    expect(result.matches).toBe(1);
  });

  it('finds <a>中国</a>膜谷 as one hit from inside the link to the text after it', async () => {
    document.body.innerHTML = '<p id="p">打造<a href="#">中国</a>膜谷品牌</p>';
    const h = harness();
    await scanBody(h);
    const p = document.getElementById('p')!;
    const [hit, ...rest] = allHits(h);
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ startNode: p.querySelector('a')!.firstChild, startOffset: 0, endNode: p.lastChild, endOffset: 2 });
    expect(textOf(hit!)).toBe('中国膜谷');
  });

  it('finds 中国<br>膜谷 as one hit: a line break is not a block boundary', async () => {
    document.body.innerHTML = '<p id="p">做强中国<br>膜谷。</p>';
    const h = harness();
    await scanBody(h);
    const p = document.getElementById('p')!;
    const [hit, ...rest] = allHits(h);
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ startNode: p.firstChild, startOffset: 2, endNode: p.lastChild, endOffset: 2, value: MO_GU });
  });

  it('ends a hit in the node holding its last char, not at offset 0 of the next node', async () => {
    document.body.innerHTML = '<p id="p"><span>中国膜谷</span><span>之后</span></p>';
    const h = harness();
    await scanBody(h);
    const first = document.querySelector('span')!.firstChild;
    expect(allHits(h)).toEqual([{ startNode: first, startOffset: 0, endNode: first, endOffset: 4, value: MO_GU }]);
  });

  it('passes over whitespace-only nodes without joining the words they separate', async () => {
    document.body.innerHTML = '<p><span>中国</span>\n  <span>膜谷</span>，<b>GDP</b> <i>R</i>，<b>GDP</b><i>R</i></p>';
    const h = harness();
    await scanBody(h);
    expect(hitTexts(h)).toEqual(['中国\n  膜谷', 'GDP']);
  });

  it('spans three nodes and keeps wrapping quotes out (“中<i>国膜</i>谷”)', async () => {
    document.body.innerHTML = '<p id="p">“中<i>国膜</i>谷”</p>';
    const h = harness();
    await scanBody(h);
    const p = document.getElementById('p')!;
    expect(allHits(h)).toEqual([{ startNode: p.firstChild, startOffset: 1, endNode: p.lastChild, endOffset: 1, value: MO_GU }]);
  });
});

describe('scan: block boundaries', () => {
  it.each([
    ['paragraphs', '<p>中国</p><p>膜谷</p>'],
    ['list items', '<ul><li>中国</li><li>膜谷</li></ul>'],
    ['table cells', '<table><tr><td>中国</td><td>膜谷</td></tr></table>'],
    ['headings', '<h2>中国</h2>膜谷'],
    ['divs', '<div>中国</div><div>膜谷</div>'],
    ['text before and after a nested block', '<div>中国<p>其他内容</p>膜谷</div>'],
    ['a nested block’s end and its parent’s text', '<div><p>建设中国</p>膜谷</div>'],
    ['an empty block between', '<div>中国<p></p>膜谷</div>'],
    ['a horizontal rule', '<div>中国<hr>膜谷</div>'],
  ])('matches nothing across %s', async (_, html) => {
    document.body.innerHTML = html;
    const h = harness();
    const result = await scanBody(h);
    expect(hitTexts(h)).toEqual([]);
    expect(result.matches).toBe(0);
  });

  it('hands over each run’s hits unbuilt: values at once, the same DOM positions on every ask', async () => {
    document.body.innerHTML = '<p>中国膜谷与两高项目</p><p>高标准农田</p>';
    const runs: RunHits[] = [];
    await scan({ roots: [document.body], deps: harness().deps, onRun: (run) => runs.push(run.hits) });
    expect(runs.map((run) => Array.from({ length: run.count }, (_, i) => run.valueAt(i)))).toEqual([[MO_GU, LIANG_GAO], [finder.valueOf('gao-biao-zhun-nong-tian')]]);
    expect(runs[0]!.toHits()).toBe(runs[0]!.toHits());
    expect(runs[0]!.toHits().map(textOf)).toEqual(['中国膜谷', '两高项目']);
  });

  it('reports each run with the block it belongs to, the parent again after a nested block', async () => {
    document.body.innerHTML = '<div id="d">中国膜谷<p id="p">中国膜谷</p>中国膜谷</div>';
    const h = harness();
    await scanBody(h);
    const d = document.getElementById('d');
    const p = document.getElementById('p');
    expect(h.runs.filter((r) => r.hits.length > 0).map((r) => r.block)).toEqual([d, p, d]);
  });

  it('matches in a block that follows an empty block, with the right block', async () => {
    document.body.innerHTML = '<div id="d"><p></p>中国膜谷</div>';
    const h = harness();
    await scanBody(h);
    expect(h.runs.filter((r) => r.hits.length > 0).map((r) => r.block)).toEqual([document.getElementById('d')]);
  });

  it('blockOf climbs to the nearest block, across a shadow root to its host’s block', () => {
    document.body.innerHTML = '<div id="d"><span id="host"></span></div>';
    const host = document.getElementById('host')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<b>中国膜谷</b>';
    expect(blockOf(root.firstChild!.firstChild!)).toBe(document.getElementById('d'));
  });
});

describe('scan: what it never reads', () => {
  it.each([
    ['script', '<script>var s = "中国膜谷";</script>'],
    ['style', '<style>/* 中国膜谷 */</style>'],
    ['textarea', '<textarea>我想了解中国膜谷</textarea>'],
    ['select/option', '<select><option>中国膜谷</option></select>'],
    ['option in a datalist', '<datalist><option>中国膜谷</option></datalist>'],
    ['code', '<p><code>中国膜谷</code></p>'],
    ['noscript', '<noscript>中国膜谷</noscript>'],
    ['template', '<template><p>中国膜谷</p></template>'],
    ['contenteditable', '<div contenteditable>中国膜谷</div>'],
    ['contenteditable="true"', '<div contenteditable="true"><p>中国膜谷</p></div>'],
    ['contenteditable="plaintext-only"', '<div contenteditable="plaintext-only">中国膜谷</div>'],
    ['button', '<button>中国膜谷</button>'],
    ['ruby annotation', '<p><ruby>中国膜谷<rt>中国膜谷</rt></ruby></p>'],
  ])('skips %s', async (_, html) => {
    document.body.innerHTML = `<p>前文</p>${html}<p>后文</p>`;
    const h = harness();
    await scanBody(h);
    // The ruby base text is reading text; only its annotation is skipped.
    expect(hitTexts(h)).toEqual(html.includes('<ruby>') ? ['中国膜谷'] : []);
  });

  it('does not read an input’s value', async () => {
    document.body.innerHTML = '<p>评论：<input id="i" value="中国膜谷"></p>';
    (document.getElementById('i') as HTMLInputElement).value = '两高项目';
    const h = harness();
    await scanBody(h);
    expect(hitTexts(h)).toEqual([]);
  });

  it('does not join the text on both sides of a skipped element', async () => {
    document.body.innerHTML = '<p>中国<script>1</script>膜谷</p>';
    const h = harness();
    await scanBody(h);
    // Joining them would be defensible too; what matters is that nothing points into the script.
    for (const hit of allHits(h)) {
      expect(isInSkippedRegion(hit.startNode, {})).toBe(false);
      expect(isInSkippedRegion(hit.endNode, {})).toBe(false);
    }
  });

  it('reads contenteditable="false" (and the non-editable island inside an editor is still skipped)', async () => {
    document.body.innerHTML = '<div contenteditable="false">中国膜谷</div><div contenteditable><p contenteditable="false">两高项目</p></div>';
    const h = harness();
    await scanBody(h);
    expect(hitTexts(h)).toEqual(['中国膜谷']);
  });

  it('skips what the excluded selector matches, with everything inside it', async () => {
    document.body.innerHTML = '<p>中国膜谷</p><huantai-lens-ui><p>两高项目</p></huantai-lens-ui><div class="ad"><span>高标准农田</span></div>';
    const h = harness({ excludedSelector: 'huantai-lens-ui, .ad' });
    await scanBody(h);
    expect(hitTexts(h)).toEqual(['中国膜谷']);
  });

  it('skips a root that is itself inside a skipped region', async () => {
    document.body.innerHTML = '<div contenteditable><p id="p">中国膜谷</p></div><textarea id="t">两高</textarea>';
    const h = harness();
    await scanBody(h, [document.getElementById('p')!, document.getElementById('t')!.firstChild!]);
    expect(hitTexts(h)).toEqual([]);
  });

  it('scans a text node root with the block of its parent', async () => {
    document.body.innerHTML = '<div id="d"><span id="s">做大中国膜谷</span></div>';
    const h = harness();
    await scanBody(h, [document.getElementById('s')!.firstChild!]);
    expect(hitTexts(h)).toEqual(['中国膜谷']);
    expect(h.runs[0]!.block).toBe(document.getElementById('d'));
  });
});

describe('scan: shadow roots', () => {
  it('reports open shadow roots without reading them, and their text can be scanned as a root', async () => {
    document.body.innerHTML = '<p>中国膜谷</p><div id="host"><span>light</span></div><p>高标准农田</p>';
    const host = document.getElementById('host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>遏制“两高”项目盲目发展</p>';
    const h = harness();
    const found: ShadowRoot[] = [];
    await scanBody(h, [document.body], (root) => found.push(root));
    expect(found).toEqual([shadow]);
    expect(hitTexts(h)).toEqual(['中国膜谷', '高标准农田']);

    const inner = harness();
    await scanBody(inner, [shadow]);
    expect(allHits(inner).map((hit) => hit.value)).toEqual([LIANG_GAO]);
    expect(textOf(allHits(inner)[0]!)).toBe('两高”项目');
  });

  it('does not report the shadow root of a skipped host', async () => {
    document.body.innerHTML = '<huantai-lens-ui id="ui"></huantai-lens-ui>';
    document.getElementById('ui')!.attachShadow({ mode: 'open' }).innerHTML = '<p>中国膜谷</p>';
    const found: ShadowRoot[] = [];
    await scanBody(harness({ excludedSelector: 'huantai-lens-ui' }), [document.body], (r) => found.push(r));
    expect(found).toEqual([]);
  });
});

describe('scan: senses and folding within a run', () => {
  it('drops the legal 两高 and keeps 遏制“两高”项目 in the next paragraph', async () => {
    document.body.innerHTML =
      '<p>最高人民法院、最高人民检察院（“两高”）联合发布司法解释。</p><p>坚决遏制“两高”项目盲目发展。</p>';
    const h = harness();
    await scanBody(h);
    expect(hitTexts(h)).toEqual(['两高”项目']);
  });

  it('folds Traditional script, corner brackets and line breaks', async () => {
    document.body.innerHTML = '<p>「中國膜谷」與兩高項目，中国\n膜谷</p>';
    const h = harness();
    await scanBody(h);
    expect(hitTexts(h)).toEqual(['中國膜谷', '兩高項目', '中国\n膜谷']);
  });
});

describe('scan: a huge text node', () => {
  const LENGTH = 300_000;
  const WINDOW = 32_768;
  const filler = (n: number) => '经济社会发展'.repeat(Math.ceil(n / 6)).slice(0, n);

  /** Builds a text of LENGTH chars with `planted` terms at the given offsets. */
  function plant(planted: Array<{ at: number; text: string }>): string {
    let out = '';
    for (const { at, text } of [...planted].sort((a, b) => a.at - b.at)) {
      out += filler(at - out.length) + text;
    }
    return out + filler(LENGTH - out.length);
  }

  it('yields exactly the planted hits, across window boundaries, in several chunks', async () => {
    const planted = [
      { at: 0, text: '中国膜谷' },
      { at: 5_000, text: '两高项目' },
      // Straddling the first window boundary, and the second one.
      { at: WINDOW - 2, text: '中国膜谷' },
      { at: 2 * WINDOW - 1, text: '高标准农田' },
      // Ending exactly on a boundary, and starting exactly on one.
      { at: 3 * WINDOW - 4, text: '中国膜谷' },
      { at: 4 * WINDOW, text: '中国膜谷' },
      { at: 200_000, text: '中国\n膜谷' },
      { at: LENGTH - 4, text: '中国膜谷' },
    ];
    const text = plant(planted);
    expect(text.length).toBe(LENGTH);
    document.body.innerHTML = '<p id="p"></p>';
    const node = document.createTextNode(text);
    document.getElementById('p')!.append(node);

    const h = harness({ msPerCall: 5 });
    const result = await scanBody(h);
    const hits = allHits(h);
    expect(hits.map((hit) => ({ start: hit.startOffset, text: textOf(hit) }))).toEqual(
      planted.map(({ at, text: term }) => ({ start: at, text: term })),
    );
    for (const hit of hits) {
      expect(hit.startNode).toBe(node);
      expect(hit.endNode).toBe(node);
    }
    expect(h.chunks.length).toBeGreaterThan(3);
    expect(h.yields).toBe(h.chunks.length - 1);
    for (const chunk of h.chunks) {
      expect(chunk).toEqual({
        start: expect.any(Number),
        end: expect.any(Number),
        textNodes: expect.any(Number),
        chars: expect.any(Number),
        matches: expect.any(Number),
      });
      expect(chunk.end).toBeGreaterThanOrEqual(chunk.start);
      // No chunk matched much more than one window between yields.
      expect(chunk.chars).toBeLessThanOrEqual(WINDOW);
    }
    const sum = (key: 'textNodes' | 'chars' | 'matches') => h.chunks.reduce((n, c) => n + c[key], 0);
    expect(result).toEqual({ textNodes: 1, chars: LENGTH, matches: planted.length });
    expect({ textNodes: sum('textNodes'), chars: sum('chars'), matches: sum('matches') }).toEqual(result);
  });

  it('does not report a term nested in one that straddles a window boundary twice', async () => {
    // 膜产业马踏湖高峰论坛 starts before the boundary; the next window begins inside it, at 产业马踏湖高峰论坛…
    const text = plant([{ at: WINDOW - 1, text: '膜产业马踏湖高峰论坛' }]);
    document.body.innerHTML = '<p></p>';
    document.querySelector('p')!.append(text);
    const h = harness({ msPerCall: 5 });
    await scanBody(h);
    expect(allHits(h).map((hit) => [hit.startOffset, textOf(hit), hit.value])).toEqual([[WINDOW - 1, '膜产业马踏湖高峰论坛', LUN_TAN]]);
  });

  it('applies sense rules with the context just before a window boundary', async () => {
    // The court context ends right before the boundary; the legal 两高 starts on it, and nothing
    // after it tells its sense.
    const context = '最高人民法院、最高人民检察院（“';
    const text = plant([{ at: WINDOW - context.length, text: `${context}两高”）` }]);
    expect(text.slice(WINDOW, WINDOW + 2)).toBe('两高');
    document.body.innerHTML = '<p></p>';
    document.querySelector('p')!.append(text);
    const h = harness({ msPerCall: 5 });
    await scanBody(h);
    expect(hitTexts(h)).toEqual([]);
  });

  it('splits a long page of many small runs into chunks whose totals equal the result', async () => {
    const paragraphs = Array.from({ length: 3000 }, (_, i) => `<p>第${i}段，做大做强<b>中国</b>膜谷。</p>`);
    document.body.innerHTML = paragraphs.join('');
    const h = harness({ msPerClockRead: 8 });
    const result = await scanBody(h);
    expect(result).toEqual({ textNodes: 9000, chars: expect.any(Number), matches: 3000 });
    expect(h.chunks.length).toBeGreaterThan(3);
    const sum = (key: 'textNodes' | 'chars' | 'matches') => h.chunks.reduce((n, c) => n + c[key], 0);
    expect({ textNodes: sum('textNodes'), chars: sum('chars'), matches: sum('matches') }).toEqual(result);
    expect(result.chars).toBe(document.body.textContent!.length);
  });

  it('stops at the next checkpoint once aborted', async () => {
    document.body.innerHTML = Array.from({ length: 2000 }, () => '<p>中国膜谷</p>').join('');
    const h = harness({ msPerClockRead: 8 });
    const signal = { aborted: false };
    const result = await scan({
      roots: [document.body],
      deps: { ...h.deps, yieldToPage: async () => void (signal.aborted = true) },
      onRun: (run) => h.runs.push({ block: run.block, hits: run.hits.toHits() }),
      signal,
    });
    expect(result.matches).toBeLessThan(2000);
    expect(result.matches).toBe(allHits(h).length);
  });
});
