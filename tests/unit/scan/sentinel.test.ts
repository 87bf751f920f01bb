// @vitest-environment happy-dom
/** The sentinel on a real (happy-dom) DOM with the real probe: when a frame gets the engine. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addedRoots, HAN_CHAR, readForTerms, watchForTerms } from '../../../lib/scan/sentinel';
import { createTermProbe } from '../../../lib/scan/probe';
import { loadGlossary } from '../../../scripts/glossary/load';

const { termList } = loadGlossary({ dataDir: 'data', root: process.cwd() });
const mayHoldTerm = createTermProbe({ tables: termList.probe });

/** The sentinel's timers wait until the mutations are all delivered, then run. */
const timers: Array<() => void> = [];
async function settle() {
  await new Promise((resolve) => setTimeout(resolve, 5));
  while (timers.length > 0) timers.shift()!();
  await new Promise((resolve) => setTimeout(resolve, 5));
}

function start({ clock = () => 0 }: { clock?: () => number } = {}) {
  const onFound = vi.fn();
  const slices: Array<{ textNodes: number; chars: number }> = [];
  const yields = { count: 0 };
  const watch = watchForTerms({
    document,
    mayHoldTerm,
    createMutationObserver: (callback) => new MutationObserver(callback),
    onFound,
    recordSlice: ({ textNodes, chars }) => slices.push({ textNodes, chars }),
    now: clock,
    setTimer: (callback) => timers.push(callback),
    yieldToPage: async () => void yields.count++,
  });
  return { onFound, watch, slices, yields };
}

afterEach(() => {
  document.body.innerHTML = '';
  timers.length = 0;
});

describe('watchForTerms: whether a frame gets the engine', () => {
  it.each([
    ['an empty body', '', false],
    ['whitespace between elements', '\n  <div>\n  <img alt="">\n  </div>\n', false],
    ['an ad’s script and style, naming a term', '<script>var slot = "中国膜谷";</script><style>/* 中国膜谷 */</style>\n', false],
    ['English text', '<p>The county’s GDP grew by 6 per cent.</p>', false],
    ['Chinese text without a term', '<p>中国人民在高速公路上看到新的城市。</p>', false],
    ['a term split over tags', '<p>做大做强中国<b>膜</b>谷</p>', true],
    ['a Traditional-script term', '<p>遏制「兩高」項目</p>', true],
    ['a term after a script naming another', '<script>var s = "两高";</script><p>建成高标准农田8万亩</p>', true],
    ['a Latin form in its own tag, Chinese after it', '<p><b>GDP</b>增长6.5%</p>', true],
    ['a Latin form paragraphs before any Chinese', `<p>GDP</p>${'<p>More English words.</p>'.repeat(20)}<p>中国人民</p>`, false],
  ])('%s', async (_, html, expected) => {
    document.body.innerHTML = html;
    const { onFound, watch } = start();
    await settle();
    expect(onFound).toHaveBeenCalledTimes(expected ? 1 : 0);
    watch.stop();
  });

  it('records every slice it reads, with its text nodes and chars', async () => {
    document.body.innerHTML = '<p>加载中</p><p>请稍候</p>';
    const { slices } = start();
    await settle();
    document.body.append('两高');
    await settle();
    expect(slices).toEqual([
      { textNodes: 2, chars: 6 },
      { textNodes: 1, chars: 2 },
    ]);
  });

  it('reads a burst of mutations once', async () => {
    const { slices } = start();
    await settle();
    for (let i = 0; i < 50; i++) document.body.append(`第${i}条`);
    await settle();
    expect(slices).toHaveLength(2);
    expect(slices[1]!.textNodes).toBe(50);
  });

  it('starts the engine when a single-page app adds its article later, and then stops watching', async () => {
    document.body.innerHTML = '<div id="app">加载中…</div>';
    const { onFound } = start();
    await settle();
    document.getElementById('app')!.append('坚决遏制', '“两高”项目盲目发展');
    await settle();
    expect(onFound).toHaveBeenCalledTimes(1);
    document.body.append('中国膜谷');
    await settle();
    expect(onFound).toHaveBeenCalledTimes(1);
  });

  it('sees a term an edit completes, and ignores scripts added later', async () => {
    document.body.innerHTML = '<p id="p">中国膜</p>';
    const { onFound } = start();
    await settle();
    const script = document.createElement('script');
    script.textContent = 'var s = "中国膜谷";';
    document.body.append(script);
    await settle();
    expect(onFound).not.toHaveBeenCalled();
    (document.getElementById('p')!.firstChild as Text).data = '中国膜谷';
    await settle();
    expect(onFound).toHaveBeenCalledTimes(1);
  });

  it('stops watching when stopped', async () => {
    const { onFound, watch } = start();
    await settle();
    watch.stop();
    document.body.append('中国膜谷');
    await settle();
    expect(onFound).not.toHaveBeenCalled();
  });
});

describe('readForTerms', () => {
  const read = (roots: Node[], clock: () => number = () => 0) => {
    const slices: number[] = [];
    let yields = 0;
    const result = readForTerms({
      roots,
      mayHoldTerm,
      now: clock,
      yieldToPage: async () => void yields++,
      recordSlice: ({ chars }) => slices.push(chars),
      stopped: () => false,
    });
    return { result, slices, yields: () => yields };
  };

  it('finds a term in a huge text node, in a window past the first, and one straddling two windows', async () => {
    const filler = '本段文字只是填充。'.repeat(20_000);
    expect(await read([document.createTextNode(`${filler}中国膜谷`)]).result).toBe(true);
    const straddling = document.createTextNode(`${'填'.repeat((1 << 16) - 2)}中国膜谷${'填'.repeat(100)}`);
    expect(await read([straddling]).result).toBe(true);
    expect(await read([document.createTextNode(filler)]).result).toBe(false);
  });

  it('finds a term after a long stretch without Chinese, and a Latin form split over tags just before Chinese', async () => {
    const english = Array.from({ length: 4000 }, (_, i) => `<p>Paragraph ${i} of an English page, about nothing.</p>`).join('');
    document.body.innerHTML = `${english}<p>做大做强中国<b>膜</b>谷</p>`;
    expect(await read([document.body]).result).toBe(true);
    document.body.innerHTML = `${english}<span>地区<i>G</i>D<b>P</b></span>`;
    expect(await read([document.body]).result).toBe(true);
    document.body.innerHTML = english;
    expect(await read([document.body]).result).toBe(false);
  });

  it('passes over text only when it holds none of the chars a term’s key may start with', () => {
    const firsts = /^\[((?:\\u[0-9a-f]{4})+)\]/.exec(termList.probe.candidates)![1]!.match(/[0-9a-f]{4}/g)!;
    expect(firsts.length).toBeGreaterThan(100);
    for (const code of firsts) expect(HAN_CHAR.test(String.fromCharCode(parseInt(code, 16))), code).toBe(true);
  });

  it('gives the page its thread back in slices on a long read', async () => {
    document.body.innerHTML = Array.from({ length: 3000 }, (_, i) => `<p>第${i}段，没有术语。</p>`).join('');
    let time = 0;
    const { result, slices, yields } = read([document.body], () => (time += 1));
    expect(await result).toBe(false);
    expect(yields()).toBeGreaterThan(1);
    expect(slices.length).toBe(yields() + 1);
    expect(slices.reduce((a, b) => a + b, 0)).toBe(document.body.textContent!.length);
  });

  it('addedRoots: added nodes, and the parent of edited text', () => {
    const p = document.createElement('p');
    const text = document.createTextNode('农田');
    p.append(text);
    const records = [
      { type: 'childList', addedNodes: [p, document.createComment('x')] },
      { type: 'characterData', target: text, addedNodes: [] },
    ] as unknown as MutationRecord[];
    expect(addedRoots(records)).toEqual([p, p]);
  });
});
