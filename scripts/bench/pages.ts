/**
 * The pages the bench loads, in one table. Real pages are served without their scripts and with
 * a CSP that refuses anything from outside (runs must not depend on the network, and saved pages
 * otherwise wait on it or navigate away); generated pages keep their own scripts.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { corpusPath } from '../serve.mjs';
import { deepPage, FILLER, frameChildPage, framesPage, hugeTextPage, paragraphsPage, tablePage, tickerPage } from '../../tests/e2e/hostile-pages';

/** Which budgets a page is judged by (see report.ts). */
export type PageKind = 'no-term' | 'stress' | 'typical' | 'other';

export interface PageSpec {
  id: string;
  what: string;
  kind: PageKind;
  /** Only run when asked for by name or with `--pages heavy`. */
  heavy?: boolean;
  /** Scroll through the whole page after it is quiet (stress). */
  scroll?: boolean;
  /** Trace every load (the longest task of each content script) even without --trace. */
  trace?: boolean;
  /** Pages that never stop changing are watched this long instead of until quiet. */
  watchMs?: number;
  make: (ctx: PageContext) => Made;
}

export interface PageContext {
  root: string;
  repeat: number;
  /** Another origin on the bench server (localhost instead of 127.0.0.1), for a cross-origin frame. */
  crossOrigin: string;
}

/** The page's HTML and where it came from, or why it cannot be had here. */
export type Made = { html: string; source: string; /** More paths to serve, e.g. a page's frames. */ extra?: Record<string, string> } | { skip: string };

/**
 * Scripts go, and so do frames from other sites: offline they could only show an error page, which
 * no content script runs in, but which cost the browser most of zh-gmw's main-thread time (26 of
 * them: 1 s of 1.15 s) and most of its variation from load to load.
 */
const strip = (html: string) =>
  html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/giu, '')
    .replace(/<iframe\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\/[^>]*>[\s\S]*?<\/iframe\s*>/giu, '')
    .replace(/<meta\b[^>]*http-equiv\s*=\s*["']?(?:refresh|content-security-policy)[^>]*>/giu, '');

const escapeHtml = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

function corpus({ root, name }: { root: string; name: string }): Made {
  const path = corpusPath(name);
  if (!path) return { skip: `${name} is in neither tests/fixtures/corpus nor ../shared/corpus/pages` };
  return { html: strip(readFileSync(path, 'utf8')), source: relative(root, path) };
}

const shell = ({ lang, title, body }: { lang: string; title: string; body: string }) =>
  `<!doctype html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;

const EN_PARAGRAPH = `The harbour town woke slowly that autumn morning. Fishing boats drifted back from the night's work,
gulls argued over the nets, and the baker on the corner set out loaves still warm from the oven. Children walked to school
along the sea wall, counting the ships at anchor, while their teachers unlocked classrooms that smelled of chalk and floor
polish. By nine the market square was full of voices: farmers selling apples and cheese, a man mending umbrellas, two old
friends arguing about the weather as they had every week for forty years. Nobody hurried, and nobody seemed to mind.`;

const AD_TEXTS = ['限时特惠，全场满减，点击了解详情。', '新品上市，欢迎到店选购。', '周末出游，酒店预订低至五折。', '在线课程，零基础也能学会。', '家电以旧换新，补贴送到家。'];

/** A short article without any term among `frames` ad slots that the page's script fills with a little text (no term either). */
function adFrames({ frames }: { frames: number }): string {
  const slots = Array.from({ length: frames }, (_, i) => `<iframe class="ad" name="ad${i}" width="300" height="60"></iframe>`).join('\n');
  const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>第${i + 1}段。${FILLER}${FILLER}</p>`).join('\n');
  const body = `<article><h1>本地简讯</h1>\n${paragraphs}\n<aside>${slots}</aside></article>
<script>
var ads = ${JSON.stringify(AD_TEXTS)};
document.querySelectorAll('iframe.ad').forEach(function (frame, i) {
  var doc = frame.contentDocument, p = doc.createElement('p');
  p.textContent = ads[i % ads.length];
  doc.body.appendChild(p);
});
</script>`;
  return shell({ lang: 'zh-CN', title: `An article and ${frames} ad frames`, body });
}

/** zh-gmw with the report's paragraphs appended `repeat` times, each copy in its own section, at the end of the article. */
function stress({ root, repeat }: PageContext): Made {
  const base = corpus({ root, name: 'zh-gmw.html' });
  if ('skip' in base) return base;
  const lines = readFileSync(join(root, 'data/source/huantai-2022-report-news.txt'), 'utf8').split(/\r?\n/u).map((l) => l.trim()).filter(Boolean);
  const copy = lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n');
  const insert = Array.from({ length: repeat }, (_, i) => `<section class="bench-report-copy" data-copy="${i + 1}">\n${copy}\n</section>`).join('\n');
  const at = base.html.search(/<div id="contentLiability">|<\/article>|<\/body>/iu);
  return { html: at < 0 ? base.html + insert : base.html.slice(0, at) + insert + '\n' + base.html.slice(at), source: `${base.source} + report ×${repeat}` };
}

const generated = (html: string, source = 'generated'): Made => ({ html, source });

export const PAGES: PageSpec[] = [
  { id: 'en-paragraph', what: 'one paragraph of English', kind: 'no-term', make: () => generated(shell({ lang: 'en', title: 'A paragraph', body: `<p>${EN_PARAGRAPH}</p>` })) },
  { id: 'en-cnn', what: 'a large English news page (2.6 MB)', kind: 'no-term', make: ({ root }) => corpus({ root, name: 'perf-en-cnn.html' }) },
  { id: 'zh-ad-frames', what: 'a short Chinese article, no term, 30 about:blank ad frames with a little text', kind: 'no-term', make: () => generated(adFrames({ frames: 30 })) },
  {
    id: 'frames',
    what: 'shadow roots and six frames (same-origin, cross-origin, about:blank, srcdoc); the cross-origin one runs in its own process, outside +task',
    kind: 'other',
    make: ({ crossOrigin }) => ({
      html: framesPage({ crossOrigin }).html,
      source: 'tests/e2e/hostile-pages.ts',
      extra: {
        '/hostile/frame-same.html': frameChildPage({ text: '同源框架：鼓励发展跨境电商。' }).html,
        '/hostile/frame-cross.html': frameChildPage({ text: '跨源框架：做大做强中国膜谷。' }).html,
      },
    }),
  },
  { id: 'en-wikipedia', what: 'a long English Wikipedia article', kind: 'other', make: ({ root }) => corpus({ root, name: 'perf-en-wikipedia.html' }) },
  { id: 'stress', what: 'zh-gmw + the report appended', kind: 'stress', scroll: true, trace: true, make: stress },
  { id: 'zh-gmw', what: 'a Chinese news article', kind: 'typical', make: ({ root }) => corpus({ root, name: 'zh-gmw.html' }) },
  { id: 'demo', what: 'the demo article: the report as news', kind: 'typical', make: ({ root }) => generated(readFileSync(join(root, 'tests/fixtures/demo/article.html'), 'utf8'), 'tests/fixtures/demo/article.html') },
  { id: 'huge-text', what: 'one text node of 10 Mi characters', kind: 'other', heavy: true, make: () => generated(hugeTextPage().html, 'tests/e2e/hostile-pages.ts') },
  { id: 'paragraphs', what: '100,000 paragraphs', kind: 'other', heavy: true, make: () => generated(paragraphsPage().html, 'tests/e2e/hostile-pages.ts') },
  { id: 'deep', what: 'elements nested 5,000 deep', kind: 'other', heavy: true, make: () => generated(deepPage().html, 'tests/e2e/hostile-pages.ts') },
  { id: 'table', what: 'a table of 50,000 cells', kind: 'other', heavy: true, make: () => generated(tablePage().html, 'tests/e2e/hostile-pages.ts') },
  { id: 'ticker', what: 'a ticker mutating every 5 ms, watched 5 s', kind: 'other', heavy: true, watchMs: 5000, make: () => generated(tickerPage().html, 'tests/e2e/hostile-pages.ts') },
];

/**
 * Runs in the page's main world from its <head>: the end of the first idle period after
 * DOMContentLoaded (see the first-paint budget in report.ts for why that moment).
 */
const IDLE_PROBE = `<script>document.addEventListener('DOMContentLoaded', function () {
  requestIdleCallback(function (deadline) { var now = performance.now(); window.__benchIdle = { start: now, end: now + deadline.timeRemaining() }; });
});</script>`;

export function withIdleProbe(html: string): string {
  const head = /<head\b[^>]*>/iu.exec(html);
  return head ? html.slice(0, head.index + head[0].length) + IDLE_PROBE + html.slice(head.index + head[0].length) : IDLE_PROBE + html;
}

/** The pages `--pages` names: ids, `default` (all but the heavy ones), `heavy`, or `all`. */
export function choosePages({ names }: { names: string[] }): PageSpec[] {
  const unknown = names.filter((n) => !['default', 'heavy', 'all'].includes(n) && !PAGES.some((p) => p.id === n));
  if (unknown.length > 0) throw new Error(`--pages: unknown ${unknown.join(', ')}; pages are ${PAGES.map((p) => p.id).join(', ')} (or default, heavy, all)`);
  return PAGES.filter((p) => names.includes('all') || names.includes(p.id) || (names.includes('default') && !p.heavy) || (names.includes('heavy') && p.heavy));
}
