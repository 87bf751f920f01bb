/**
 * Hostile pages, generated: markup-looking text, huge and deep documents, pages that never stop
 * changing, a React-style page that checks its own DOM, frames of every kind, strict CSP and
 * Trusted Types, quirks mode, GB2312, right-to-left, vertical text and ruby.
 *
 * Shared by tests/e2e/hostile.test.ts and scripts/bench/pages.ts, so this module imports
 * nothing test-only. Every page's scripts are plain JavaScript strings (never functions handed over
 * with toString: tsx and vitest may wrap those in helpers the page lacks).
 *
 * Pages with a script get `window.__hostile` (see PRELUDE): `pwned` counts calls of alert/confirm/
 * prompt (nothing may execute), `broken` is set by a page that finds a node it did not create,
 * `mutations` counts what the page's own MutationObserver saw once `watch()` ran, and `ticks` holds
 * the times of a 10 ms setInterval started by `tick()`, so the test can find the longest gap.
 */

export interface GeneratedPage {
  html: string;
  /**
   * For the heavy pages: the text of every block as the scanner should read it (a run), so that a
   * test can count the terms in it with the glossary's own finder.
   */
  blocks?: () => string[];
}

/** Text with no glossary term in it (checked by the tests with the finder). */
export const FILLER = '本段文字只是填充，不含任何术语。';

const PRELUDE = `
window.__hostile = { pwned: 0, broken: false, mutations: 0, ticks: [], errors: [] };
window.alert = window.confirm = window.prompt = function () { window.__hostile.pwned++; };
window.addEventListener('error', function (e) { window.__hostile.errors.push(String(e.message)); });
window.__hostile.watch = function () {
  // From DOMContentLoaded on: the parser's own insertions after this script are not counted.
  var start = function () {
    new MutationObserver(function (records) { window.__hostile.mutations += records.length; })
      .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
};
window.__hostile.tick = function () {
  setInterval(function () { window.__hostile.ticks.push(performance.now()); }, 10);
};
`;

function page({ title, body, head = '', doctype = true, lang = 'zh-CN', htmlAttrs = '', prelude = true }: {
  title: string;
  body: string;
  head?: string;
  doctype?: boolean;
  lang?: string;
  htmlAttrs?: string;
  prelude?: boolean;
}): string {
  return [
    doctype ? '<!doctype html>' : '',
    `<html lang="${lang}"${htmlAttrs}>`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${title}</title>`,
    prelude ? `<script>${PRELUDE}</script>` : '',
    head,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Markup-looking text

/**
 * Text that looks like markup, around and inside terms, and terms where the scanner must not look
 * (attributes, script, style, noscript). Expected painted texts per element id: MARKUP_EXPECTED.
 */
export function markupPage(): GeneratedPage {
  return {
    html: page({
      title: '中国膜谷 &lt;script&gt;alert(1)&lt;/script&gt;',
      head: '<style>#css::after { content: "中国膜谷"; }</style>',
      body: `
<p id="escaped">&lt;img src=x onerror=alert(1)&gt;中国膜谷&lt;/img&gt;</p>
<p id="inside">&lt;img src=x onerror=alert(1)&gt;中国&lt;b&gt;膜谷&lt;/b&gt;&lt;/img&gt;</p>
<pre id="script-text">&lt;script&gt;alert("四减四增");document.body.remove()&lt;/script&gt;</pre>
<p id="links"><a href="javascript:alert('两高')">javascript:alert('跨境电商')</a>，再看<a href="javascript:void(0)" onclick="alert(1)">中国膜谷</a>。</p>
<p id="attr" title="中国膜谷" data-html="&lt;img src=x onerror=alert(1)&gt;四减四增" aria-label="高标准农田">属性里的词不算。</p>
<p id="literal">&lt;b&gt;两高&lt;/b&gt;项目</p>
<p id="entities">中&#x56FD;膜&#35895;，&amp;lt;四减四增&amp;gt;</p>
<p id="comment">中国<!-- 注释 <script>alert(1)</script> -->膜谷</p>
<xmp id="xmp"><img src=x onerror=alert(1)>高标准农田</img></xmp>
<p id="css">伪元素里的词不算</p>
<noscript><p id="noscript">中国膜谷</p></noscript>
<script>var source = "<b>中国膜谷</b>"; window.__hostile.watch();</script>
`,
    }),
  };
}

/** What markupPage must have painted, per id of the element the range starts in. */
export const MARKUP_EXPECTED: Record<string, string[]> = {
  escaped: ['中国膜谷'],
  'script-text': ['四减四增'],
  links: ['中国膜谷', '跨境电商'],
  literal: ['两高'],
  entities: ['中国膜谷', '四减四增'],
  comment: ['中国膜谷'],
  xmp: ['高标准农田'],
};

// ---------------------------------------------------------------------------------------------
// Heavy pages

/** Builds the huge text: FILLER repeated, with terms planted at exact offsets. Runs in the page and in Node. */
const HUGE_TEXT_BUILDER = `function buildHugeText(length, plants, unit) {
  var pieces = [], at = 0;
  function fill(to) {
    if (to <= at) return;
    var offset = at % unit.length;
    var count = Math.ceil((to - at + offset) / unit.length);
    pieces.push(unit.repeat(count).slice(offset, offset + to - at));
    at = to;
  }
  for (var i = 0; i < plants.length; i++) {
    fill(plants[i][0]);
    pieces.push(plants[i][1]);
    at += plants[i][1].length;
  }
  fill(length);
  return pieces.join('');
}`;

/** 32,768: the scanner's window; terms are planted across its edges too. */
const W = 32_768;

export function hugeTextPlants(length: number): Array<[number, string]> {
  const plants: Array<[number, string]> = [
    [0, '中国膜谷'],
    [W - 2, '中国膜谷'],
    [2 * W - 1, '四减四增'],
    [3 * W - 4, '高标准农田'],
  ];
  for (let at = 1_000_000; at < length - 100; at += 1_000_000) plants.push([at, '中国膜谷']);
  if (length > 5_000_100) plants.push([5_000_003, '四减四增']);
  plants.push([length - 4, '中国膜谷']);
  return plants.sort((a, b) => a[0] - b[0]);
}

export function buildHugeText(length: number): string {
  const build = new Function(`return (${HUGE_TEXT_BUILDER})`)() as (length: number, plants: Array<[number, string]>, unit: string) => string;
  return build(length, hugeTextPlants(length), FILLER);
}

/** One text node of `length` characters (10 Mi by default) in one block. */
export function hugeTextPage({ length = 10 * 1024 * 1024 }: { length?: number } = {}): GeneratedPage {
  return {
    html: page({
      title: 'A single huge text node',
      body: `<div id="huge"></div>
<script>
(function () {
  var build = ${HUGE_TEXT_BUILDER};
  var text = build(${length}, ${JSON.stringify(hugeTextPlants(length))}, ${JSON.stringify(FILLER)});
  document.getElementById('huge').appendChild(document.createTextNode(text));
  window.__hostile.watch();
  window.__hostile.tick();
})();
</script>`,
    }),
    blocks: () => [buildHugeText(length)],
  };
}

function paragraphText(i: number): string {
  let text = `第${i}段。${FILLER}`;
  if (i % 1000 === 500) text += '做大做强中国膜谷。';
  if (i % 2000 === 700) text += '扎实开展四减四增。';
  // A term cut in two by a block boundary is not a term.
  if (i % 5000 === 0) text += '中国';
  if (i % 5000 === 1) text = `膜谷${text}`;
  return text;
}

/** `count` paragraphs (100,000 by default), from the parser: 中国膜谷 every 1,000th, 四减四增 every 2,000th. */
export function paragraphsPage({ count = 100_000 }: { count?: number } = {}): GeneratedPage {
  const paragraphs: string[] = [];
  for (let i = 0; i < count; i++) paragraphs.push(`<p>${paragraphText(i)}</p>`);
  return {
    html: page({
      title: `${count} paragraphs`,
      body: `<article id="article">\n${paragraphs.join('\n')}\n</article>
<script>window.__hostile.watch(); window.__hostile.tick();</script>`,
    }),
    blocks: () => Array.from({ length: count }, (_, i) => paragraphText(i)),
  };
}

/**
 * A short article among `frames` ad slots (12 by default): about:blank frames that the page's
 * script fills the way ad scripts do, with a script, an empty box and whitespace, but no text. Each
 * shares the page's main thread, and the content script runs in each.
 */
export function adFramesPage({ frames = 12 }: { frames?: number } = {}): GeneratedPage {
  const slots = Array.from({ length: frames }, (_, i) => `<iframe class="ad" name="ad${i}" width="300" height="50"></iframe>`).join('\n');
  return {
    html: page({
      title: `An article and ${frames} ad frames`,
      body: `<article id="article">
<p>2022年，桓台县将做大做强中国膜谷，扎实开展四减四增。</p>
${slots}
<p>建成高标准农田8万亩，坚决遏制“两高”项目盲目发展。</p>
</article>
<script>
document.querySelectorAll('iframe.ad').forEach(function (frame, i) {
  var doc = frame.contentDocument;
  var script = doc.createElement('script');
  script.textContent = 'var slot = ' + i + ';';
  var box = doc.createElement('div');
  box.style.cssText = 'width:300px;height:50px;background:#eee';
  doc.body.append(script, '\\n  ', box, '\\n');
});
window.__hostile.tick();
</script>`,
    }),
  };
}

/**
 * Elements nested `depth` deep (5,000 by default; built by script, as the HTML parser flattens
 * anything deeper than 512): divs with a paragraph holding 中国膜谷 at the bottom, and spans inside
 * one paragraph with 四减 at the top and 四增 at the bottom (one term across all the levels).
 * The divs are `display: contents`: Chromium 156 itself (without any extension) crashes laying out
 * 3,000 nested block boxes. To the scanner they are still 5,000 nested blocks (it reads tag names).
 */
export function deepPage({ depth = 5000 }: { depth?: number } = {}): GeneratedPage {
  return {
    html: page({
      title: `Nested ${depth} deep`,
      head: '<style>#deep div { display: contents; }</style>',
      body: `<div id="deep"></div>
<p id="deep-inline">深处：四减</p>
<script>
(function () {
  var depth = ${depth};
  var at = document.getElementById('deep');
  for (var i = 0; i < depth; i++) { var div = document.createElement('div'); at.appendChild(div); at = div; }
  var p = document.createElement('p');
  p.id = 'bottom';
  p.textContent = '最底层：做大做强中国膜谷。';
  at.appendChild(p);
  at = document.getElementById('deep-inline');
  for (var j = 0; j < depth; j++) { var span = document.createElement(j % 2 ? 'span' : 'b'); at.appendChild(span); at = span; }
  at.appendChild(document.createTextNode('四增'));
  window.__hostile.watch();
  window.__hostile.tick();
})();
</script>`,
    }),
    blocks: () => ['最底层：做大做强中国膜谷。', '深处：四减四增'],
  };
}

function cellText(r: number, c: number): string {
  if (r % 100 === 7 && c === 3) return '建成高标准农田';
  // 中国 | 膜谷 in neighbouring cells: two blocks, no term.
  if (r % 500 === 250 && c === 5) return '中国';
  if (r % 500 === 250 && c === 6) return '膜谷';
  return `格${r}-${c}`;
}

/** A table of rows × cols cells (50,000 by default), from the parser. */
export function tablePage({ rows = 5000, cols = 10 }: { rows?: number; cols?: number } = {}): GeneratedPage {
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let row = '<tr>';
    for (let c = 0; c < cols; c++) row += `<td>${cellText(r, c)}</td>`;
    lines.push(`${row}</tr>`);
  }
  return {
    html: page({
      // Its only term, 高标准农田, is national: the title names 桓台 so the page is about Huantai and it is painted.
      title: `桓台: a table of ${rows * cols} cells`,
      body: `<table id="table"><tbody>\n${lines.join('\n')}\n</tbody></table>
<script>window.__hostile.watch(); window.__hostile.tick();</script>`,
    }),
    blocks: () => {
      const out: string[] = [];
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out.push(cellText(r, c));
      return out;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Pages that never stop changing

/**
 * A ticker that adds a line (with 中国膜谷) every `intervalMs` and drops the oldest beyond 30, and a
 * clock whose text node is rewritten on every tick. `__hostile.stop()` ends it with ten fixed lines
 * holding 高标准农田, so the DOM ends the same however long it ran.
 */
export function tickerPage({ intervalMs = 5 }: { intervalMs?: number } = {}): GeneratedPage {
  return {
    html: page({
      title: 'A page that mutates forever',
      body: `<article>
<h1>滚动快讯</h1>
<p id="static">正文：扎实开展新一轮四减四增行动。</p>
<p id="clock-line">时间：<span id="clock">0</span></p>
<div id="ticker"></div>
</article>
<script>
(function () {
  var ticker = document.getElementById('ticker');
  var clock = document.getElementById('clock').firstChild;
  var n = 0;
  var timer = setInterval(function () {
    var line = document.createElement('p');
    line.textContent = '第' + (n++) + '条：做大做强中国膜谷。';
    ticker.appendChild(line);
    if (ticker.childElementCount > 30) ticker.firstElementChild.remove();
    clock.data = String(n);
  }, ${intervalMs});
  window.__hostile.stop = function () {
    clearInterval(timer);
    var lines = [];
    for (var i = 0; i < 10; i++) {
      var p = document.createElement('p');
      p.textContent = '最终第' + i + '条：建成高标准农田。';
      lines.push(p);
    }
    ticker.replaceChildren.apply(ticker, lines);
    clock.data = '停止';
  };
  window.__hostile.lines = function () { return n; };
})();
</script>`,
    }),
  };
}

/**
 * Infinite scroll: when the sentinel at the bottom comes into view, a batch of 20 paragraphs is
 * appended (跨境电商 in every 4th, 高标准农田 in every 10th from the 4th); beyond 6 batches the oldest
 * is removed, as virtualised lists do.
 */
export function infiniteScrollPage(): GeneratedPage {
  const initial = Array.from({ length: 30 }, (_, i) => `<p>开篇第${i}段。${i % 10 === 0 ? '做大做强中国膜谷。' : FILLER}</p>`).join('\n');
  return {
    html: page({
      title: 'Infinite scroll',
      head: '<style>p { min-height: 64px; margin: 0; } #sentinel { height: 10px; }</style>',
      body: `<main id="feed">
<section class="batch" id="batch-0">
${initial}
</section>
</main>
<div id="sentinel"></div>
<script>
(function () {
  var feed = document.getElementById('feed');
  var loaded = 0;
  function load() {
    loaded++;
    var section = document.createElement('section');
    section.className = 'batch';
    section.id = 'batch-' + loaded;
    for (var i = 0; i < 20; i++) {
      var p = document.createElement('p');
      var text = '第' + loaded + '批第' + i + '段。';
      if (i % 4 === 0) text += '鼓励发展跨境电商。';
      if (i % 10 === 3) text += '建成高标准农田。';
      p.textContent = text + '${FILLER}';
      section.appendChild(p);
    }
    feed.appendChild(section);
    if (feed.children.length > 6) feed.firstElementChild.remove();
  }
  new IntersectionObserver(function (records) {
    if (records.some(function (r) { return r.isIntersecting; })) load();
  }).observe(document.getElementById('sentinel'));
  window.__hostile.loaded = function () { return loaded; };
})();
</script>`,
    }),
  };
}

/**
 * A page that renders like React: it owns every node under #root, re-renders every 100 ms (setting
 * textContent, rewriting text nodes' data, replacing children) and before each render checks that
 * every element holds exactly the nodes it created, and no attribute it did not set; anything
 * foreign sets `__hostile.broken` and logs console.error. `__hostile.stop()` renders a fixed state.
 */
export function reactPage(): GeneratedPage {
  return {
    html: page({
      title: 'A React-style page',
      body: `<div id="root"></div>
<script>
(function () {
  var STATES = [
    ['今年要做大做强中国膜谷。', '继续推进四减四增。', '建成', '高标准农田', '鼓励发展跨境电商。'],
    ['本段没有术语。', '建成高标准农田。', '做大做强', '中国膜谷', '坚决遏制两高项目盲目发展。'],
    ['鼓励发展跨境电商。', '本段没有术语。', '扎实开展', '四减四增', '今年要做大做强中国膜谷。'],
  ];
  var root = document.getElementById('root');
  // The "components": elements and the text nodes they own.
  var title = document.createElement('h2');
  var para = document.createElement('p');
  var mixed = document.createElement('p');
  var bold = document.createElement('b');
  var list = document.createElement('ul');
  var owned = new Map();
  var renders = 0;
  function own(el, nodes) { owned.set(el, nodes); }
  function check() {
    var problems = [];
    owned.forEach(function (nodes, el) {
      var kids = Array.prototype.slice.call(el.childNodes);
      if (kids.length !== nodes.length || kids.some(function (k, i) { return k !== nodes[i]; })) problems.push(el.localName + ' children');
      if (el.attributes.length !== (el === root ? 1 : 0)) problems.push(el.localName + ' attributes');
    });
    if (problems.length) {
      window.__hostile.broken = true;
      console.error('React-style page: foreign nodes or attributes: ' + problems.join(', '));
    }
  }
  function render(state) {
    var s = STATES[state % STATES.length];
    if (renders > 0) check();
    // textContent: a new text node every render.
    title.textContent = s[0];
    own(title, [title.firstChild]);
    // A text node kept and rewritten (React's text updates).
    if (!para.firstChild) para.appendChild(document.createTextNode(''));
    para.firstChild.data = s[1];
    own(para, [para.firstChild]);
    // Text around an inline element, a term across the two.
    if (!mixed.firstChild) { mixed.appendChild(document.createTextNode('')); mixed.appendChild(bold); bold.appendChild(document.createTextNode('')); }
    mixed.firstChild.data = s[2];
    bold.firstChild.data = s[3];
    own(mixed, [mixed.firstChild, bold]);
    own(bold, [bold.firstChild]);
    // A keyed list, replaced wholesale.
    var items = [s[4], s[1]].map(function (text) { var li = document.createElement('li'); li.textContent = text; return li; });
    list.replaceChildren.apply(list, items);
    own(list, items);
    items.forEach(function (li) { own(li, [li.firstChild]); });
    if (!title.parentNode) root.append(title, para, mixed, list);
    own(root, [title, para, mixed, list]);
    renders++;
  }
  render(0);
  var timer = setInterval(function () { render(renders); }, 100);
  window.__hostile.renders = function () { return renders; };
  window.__hostile.stop = function () { clearInterval(timer); check(); render(0); check(); };
})();
</script>`,
    }),
  };
}

/** The texts each state-0 render paints (the state `stop()` leaves). */
export const REACT_FINAL_TERMS = ['中国膜谷', '四减四增', '高标准农田', '跨境电商', '四减四增'];

// ---------------------------------------------------------------------------------------------
// Frames and shadow roots

/**
 * Nested open shadow roots and six frames: same-origin, cross-origin (`crossOrigin` serves
 * /hostile/frame-cross.html), about:blank filled by this page's script, srcdoc, an about:blank
 * holding only a script (as ads write them), and an empty one `window.fillLate()` fills.
 */
export function framesPage({ crossOrigin }: { crossOrigin: string }): GeneratedPage {
  return {
    html: page({
      title: 'Shadow roots and frames',
      body: `<p id="main">主页面：做大做强中国膜谷。</p>
<div id="outer"></div>
<iframe name="same" src="/hostile/frame-same.html" width="500" height="120"></iframe>
<iframe name="cross" src="${crossOrigin}/hostile/frame-cross.html" width="500" height="120"></iframe>
<iframe name="blank" width="500" height="120"></iframe>
<iframe name="srcdoc" width="500" height="120" srcdoc="<!doctype html><meta charset=utf-8><p id=s>srcdoc 框架：建成高标准农田。</p>"></iframe>
<iframe name="late" width="500" height="60"></iframe>
<iframe name="adlike" width="300" height="60"></iframe>
<script>
(function () {
  var outer = document.getElementById('outer').attachShadow({ mode: 'open' });
  var p1 = document.createElement('p');
  p1.textContent = '外层影子：扎实开展四减四增。';
  var inner = document.createElement('div');
  outer.append(p1, inner);
  var shadow2 = inner.attachShadow({ mode: 'open' });
  var p2 = document.createElement('p');
  p2.textContent = '内层影子：建成高标准农田。';
  var deeper = document.createElement('span');
  shadow2.append(p2, deeper);
  var shadow3 = deeper.attachShadow({ mode: 'open' });
  shadow3.append('第三层：鼓励发展跨境电商');
  var doc = document.querySelector('iframe[name=blank]').contentDocument;
  var p3 = doc.createElement('p');
  p3.textContent = '空白框架：扎实开展四减四增。';
  doc.body.appendChild(p3);
  // An ad's about:blank frame: a script (naming a term in its source) and whitespace, no text.
  var ad = document.querySelector('iframe[name=adlike]').contentDocument;
  var slot = ad.createElement('script');
  slot.textContent = 'var slot = "中国膜谷";';
  ad.body.append(slot, '   ');
  // Text for the empty frame, when the test asks for it.
  window.fillLate = function () {
    var late = document.querySelector('iframe[name=late]').contentDocument;
    var p4 = late.createElement('p');
    p4.textContent = '后来的文字：做大做强中国膜谷。';
    late.body.appendChild(p4);
  };
})();
</script>`,
    }),
  };
}

export function frameChildPage({ text }: { text: string }): GeneratedPage {
  return {
    html: page({
      title: 'A framed page',
      body: `<p id="framed">${text}</p><div id="host"></div>
<script>document.getElementById('host').attachShadow({ mode: 'open' }).append('框架里的影子：两高项目');</script>`,
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Odd documents

const PLAIN_BODY = `<article>
<h1 id="h">做大做强中国膜谷</h1>
<p id="p1">扎实开展新一轮四减四增行动，建成高标准农田8万亩。</p>
<p id="p2">鼓励发展跨境电商。</p>
</article>`;
export const PLAIN_TERMS = ['中国膜谷', '四减四增', '高标准农田', '跨境电商'];

/** No scripts at all (the CSP would refuse them): the body only. */
export function cspPage(): GeneratedPage {
  return { html: page({ title: 'Strict CSP', body: PLAIN_BODY, prelude: false }) };
}

/**
 * Trusted Types required: the page builds its article with its own policy; `__hostile.enforced`
 * is true once a plain string assigned to innerHTML was refused.
 */
export function trustedTypesPage(): GeneratedPage {
  return {
    html: page({
      title: 'Trusted Types',
      body: `<div id="app"></div>
<script>
(function () {
  var policy = trustedTypes.createPolicy('hostile', { createHTML: function (s) { return s; } });
  document.getElementById('app').innerHTML = policy.createHTML(${JSON.stringify(PLAIN_BODY)});
  try { document.createElement('div').innerHTML = '<b>x</b>'; } catch (e) { window.__hostile.enforced = e instanceof TypeError; }
  window.__hostile.watch();
})();
</script>`,
    }),
  };
}

/** No doctype: quirks mode (body is the scrolling element), a term far down the page too. */
export function quirksPage(): GeneratedPage {
  return {
    html: page({
      title: 'Quirks mode',
      doctype: false,
      body: `${PLAIN_BODY}
<table width="100%"><tr><td id="cell">表格里：坚决遏制两高项目盲目发展</td></tr></table>
<div style="height: 2400px"></div>
<p id="far">页面很下面：做大做强中国膜谷。</p>
<div style="height: 600px"></div>
<script>window.__hostile.watch();</script>`,
    }),
  };
}

/** Right to left: Arabic and Hebrew around the terms, bdo reversing them. */
export function rtlPage(): GeneratedPage {
  return {
    html: page({
      title: 'Right to left',
      lang: 'ar',
      htmlAttrs: ' dir="rtl"',
      body: `<p id="mixed">مرحبا بكم 做大做强中国膜谷 في المدينة، שלום 四减四增 عالم</p>
<p id="bdo"><bdo dir="rtl">建成高标准农田</bdo> نص</p>
<p id="ltr" dir="ltr">鼓励发展跨境电商 English inside RTL</p>
<script>window.__hostile.watch();</script>`,
    }),
  };
}
export const RTL_TERMS = ['中国膜谷', '四减四增', '高标准农田', '跨境电商'];

/** Vertical text, right to left columns. */
export function verticalPage(): GeneratedPage {
  return {
    html: page({
      title: 'Vertical text',
      head: '<style>#v { writing-mode: vertical-rl; height: 420px; font-size: 20px; line-height: 1.8; margin: 40px auto; }</style>',
      body: `<div id="v">
<p id="v1">今年要做大做强中国膜谷，建成高标准农田8万亩。</p>
<p id="v2">扎实开展新一轮四减四增行动。</p>
<p id="v3">鼓励发展跨境电商，发展海外仓。</p>
</div>
<script>window.__hostile.watch();</script>`,
    }),
  };
}
export const VERTICAL_TERMS = ['中国膜谷', '高标准农田', '四减四增', '跨境电商', '海外仓'];

/** Ruby: the base text is the term; <rt>/<rp> annotations are not read. */
export function rubyPage(): GeneratedPage {
  return {
    html: page({
      title: 'Ruby',
      body: `<p id="per-char"><ruby>中<rt>zhōng</rt>国<rt>guó</rt>膜<rt>mó</rt>谷<rt>gǔ</rt></ruby>是膜产业园区。</p>
<p id="whole"><ruby>四减四增<rp>(</rp><rt>sì jiǎn sì zēng</rt><rp>)</rp></ruby>行动。</p>
<p id="rb"><ruby><rb>高标准</rb><rb>农田</rb><rt>gāo biāo zhǔn</rt><rt>nóng tián</rt></ruby>建设。</p>
<p id="annotation-only">注音：<ruby>字<rt>中国膜谷</rt></ruby></p>
<script>window.__hostile.watch();</script>`,
    }),
  };
}

/** base text → the first and last base characters of each painted range in rubyPage. */
export const RUBY_EXPECTED = [
  { id: 'per-char', start: '中', end: '谷' },
  { id: 'whole', start: '四减四增', end: '四减四增' },
  { id: 'rb', start: '高标准', end: '农田' },
];

// ---------------------------------------------------------------------------------------------
// GB2312

let gbTable: Map<string, [number, number]> | null = null;

/**
 * GB2312 bytes for `text` (Node has a GB decoder but no encoder): the table is built by decoding
 * every two-byte GB2312 code once.
 */
export function encodeGb2312(text: string): Uint8Array {
  if (!gbTable) {
    gbTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let hi = 0xa1; hi <= 0xf7; hi++) {
      for (let lo = 0xa1; lo <= 0xfe; lo++) {
        const ch = decoder.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbTable.has(ch)) gbTable.set(ch, [hi, lo]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbTable.get(ch);
      if (!pair) throw new Error(`${ch} is not in GB2312`);
      bytes.push(...pair);
    }
  }
  return Uint8Array.from(bytes);
}

/** A page in GB2312 that declares it only in <meta> (serve it as text/html without a charset). */
export function gb2312Page(): Uint8Array {
  const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="gb2312">
<title>国标编码的页面</title>
</head>
<body>
<p id="g1">今年要做大做强中国膜谷，建成高标准农田。</p>
<p id="g2">扎实开展新一轮四减四增行动，鼓励发展跨境电商。</p>
</body>
</html>
`;
  return encodeGb2312(html);
}
