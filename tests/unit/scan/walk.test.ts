// @vitest-environment happy-dom
/** The walk on a happy-dom page: which runs it builds, under which blocks, and what it never reads. */
import { beforeEach, describe, expect, it } from 'vitest';
import { Chunks } from '../../../lib/scan/chunks';
import { SEPARATOR } from '../../../lib/scan/normalize';
import { Segment } from '../../../lib/scan/segment';
import { contextsUnder, walkRoot } from '../../../lib/scan/walk';

async function walk(root: Node = document.body, { excludedSelector, onShadowRoot }: { excludedSelector?: string; onShadowRoot?: (root: ShadowRoot) => void } = {}) {
  const segment = new Segment({ root });
  const chunks = new Chunks({ now: () => 0, yieldToPage: async () => {}, recordChunk: () => {}, budgetMs: 8 });
  let flushes = 0;
  await walkRoot({ root, segment, chunks, excludedSelector, onShadowRoot, flush: async () => void flushes++ });
  const runs = Array.from({ length: segment.runs }, (_, i) => (segment.runBlocks[i] as Element).id);
  return { text: segment.text.split(SEPARATOR), runs, textNodes: chunks.current.textNodes, flushes };
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('walkRoot', () => {
  it('builds one run per stretch of inline text, under its nearest block', async () => {
    document.body.innerHTML = '<div id="d">做大<b>中国</b>膜谷<p id="p">其他<i>内容</i></p>之后</div><p id="q">建成<a href="#">高标准</a>农田</p>';
    expect(await walk()).toEqual({ text: ['做大中国膜谷', '其他内容', '之后', '建成高标准农田'], runs: ['d', 'p', 'd', 'q'], textNodes: 9, flushes: 0 });
  });

  it('ends a run at an empty block, even in the same block, not at a <br>', async () => {
    document.body.innerHTML = '<div id="d">中国<hr>膜谷<p></p>两高<br>项目</div>';
    expect((await walk()).text).toEqual(['中国', '膜谷', '两高项目']);
  });

  it('reads nothing in skipped or excluded elements, and reports shadow roots of the others', async () => {
    document.body.innerHTML = '<p id="p">正文<script>var x = "中国膜谷";</script><textarea>两高</textarea></p><div contenteditable>编辑</div><x-ui id="ui"></x-ui><div id="host"></div>';
    document.getElementById('ui')!.attachShadow({ mode: 'open' });
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    const found: ShadowRoot[] = [];
    const result = await walk(document.body, { excludedSelector: 'x-ui', onShadowRoot: (root) => found.push(root) });
    expect(result.text).toEqual(['正文']);
    expect(found).toEqual([shadow]);
  });

  it('walks a shadow root under the block around its host, and a text node root under its parent’s', async () => {
    document.body.innerHTML = '<div id="d"><span id="host"></span></div><p id="p"><b>做大中国膜谷</b></p>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '组件里的<i>文字</i>';
    expect(await walk(shadow)).toMatchObject({ text: ['组件里的文字'], runs: ['d'] });
    expect(await walk(document.querySelector('b')!.firstChild!)).toMatchObject({ text: ['做大中国膜谷'], runs: ['p'] });
  });

  it('hands a full segment over at the next block boundary', async () => {
    document.body.innerHTML = `<p>${'字'.repeat(20_000)}</p><p>后文</p>`;
    expect((await walk()).flushes).toBe(1);
  });

  it('contextsUnder decides each element once, from its parent down', () => {
    document.body.innerHTML = '<div id="d"><span><b id="b">x</b></span><code><i id="i">y</i></code></div>';
    const contextOf = contextsUnder({ root: document.body, enclosing: document.body });
    expect(contextOf(document.getElementById('b')!)).toBe(document.getElementById('d'));
    expect(contextOf(document.getElementById('i')!)).toBeNull();
  });
});
