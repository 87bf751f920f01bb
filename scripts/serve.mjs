// A static server on 127.0.0.1 for the demo, the end-to-end tests and the benchmarks.
//   /demo/                 the report laid out as a news article (tests/fixtures/demo/article.html)
//   /corpus/<file>         real news pages: tests/fixtures/corpus, else ../shared/corpus/pages
//   /pages/<name>.html     hand-written test pages: tests/fixtures/pages (their scripts run)
//   /context/<name>.html   real pages about Huantai and about other places: tests/fixtures/context
//   /page?html=<name>      pages the tests register at run time (see `addPage`)
//   /reporting/demo/?run=<id>  the demo article plus a script of the page's own that reports what the
//                          extension painted (CSS.highlights, scan measures) to POST /report?run=<id>;
//                          for browsers no test driver can reach into (Firefox via web-ext), see `waitForReport`
// Pages are sent with an explicit charset (some declare another in <meta>) and, for corpus pages,
// `script-src 'none'`: saved pages otherwise wait on the network or navigate away offline.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS_DIRS = [join(PROJECT_ROOT, 'tests/fixtures/corpus'), join(PROJECT_ROOT, '../shared/corpus/pages')];
const DEMO_PAGE = join(PROJECT_ROOT, 'tests/fixtures/demo/article.html');
const FIXTURE_PAGES_DIR = join(PROJECT_ROOT, 'tests/fixtures/pages');
const CONTEXT_PAGES_DIR = join(PROJECT_ROOT, 'tests/fixtures/context');

// Runs in the page's own world. Polls CSS.highlights (the page sees the extension's highlights there)
// and the scan measures. Once they have stayed the same for QUIET ms after the first scan, it scrolls
// through the page (only blocks near the screen get painted), waits for quiet again and POSTs them
// once as JSON; after GIVE_UP ms it POSTs whatever it has, so "nothing painted" is reported too.
const REPORTER_SCRIPT = `(() => {
  const QUIET = 1500, GIVE_UP = 30000, started = Date.now();
  const run = new URLSearchParams(location.search).get('run') || '';
  let last = '', since = Date.now(), scrolled = false;
  const snapshot = () => {
    const names = [], texts = [];
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('huantai-lens')) return;
      names.push(name);
      for (const range of highlight) {
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        texts.push(live.toString());
      }
    });
    return { names: names.sort(), texts, measures: performance.getEntriesByName('huantai-lens:scan', 'measure').length };
  };
  const tick = () => {
    const now = snapshot(), key = JSON.stringify(now);
    if (key !== last) { last = key; since = Date.now(); }
    const quiet = now.measures > 0 && Date.now() - since >= QUIET;
    const gaveUp = Date.now() - started >= GIVE_UP;
    if (quiet && !scrolled) {
      // One screen at a time, so that every block passes through the extension's visibility margin.
      if (scrollY + innerHeight < document.documentElement.scrollHeight) scrollBy(0, innerHeight);
      else scrolled = true;
      since = Date.now();
      return void setTimeout(tick, 100);
    }
    const settled = quiet && scrolled;
    if (!settled && !gaveUp) return void setTimeout(tick, 200);
    fetch('/report?run=' + encodeURIComponent(run), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      // The extension's highlight styles as the page sees them.
      body: JSON.stringify({ ...now, settled, decoration: getComputedStyle(document.body, '::highlight(huantai-lens-overall)').textDecorationLine, userAgent: navigator.userAgent, url: location.href }),
    });
  };
  if (!(typeof CSS !== 'undefined' && 'highlights' in CSS)) {
    fetch('/report?run=' + encodeURIComponent(run), { method: 'POST', body: JSON.stringify({ names: [], texts: [], measures: 0, settled: false, error: 'no CSS.highlights', userAgent: navigator.userAgent }) });
  } else tick();
})();
`;

/** A hand-written test page in tests/fixtures/pages, or null (no subfolders, nothing outside it). */
export function fixturePagePath(name, dir = FIXTURE_PAGES_DIR) {
  if (!/^[\w.-]+\.html$/.test(name)) return null;
  const path = join(dir, name);
  return existsSync(path) ? path : null;
}

export function corpusPath(name) {
  for (const dir of CORPUS_DIRS) {
    const path = normalize(join(dir, name));
    if (path.startsWith(dir) && existsSync(path)) return path;
  }
  return null;
}

export async function startServer({ port = 0 } = {}) {
  const pages = new Map();
  /** run id → the report, or the waiters for it. */
  const reports = new Map();
  const waiters = new Map();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
      res.end(body);
    };
    if (url.pathname === '/report' && req.method === 'POST') {
      const run = url.searchParams.get('run') ?? '';
      const chunks = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        let report;
        try {
          report = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          return send(400, 'not JSON', { 'Content-Type': 'text/plain; charset=utf-8' });
        }
        reports.set(run, report);
        for (const resolve of waiters.get(run) ?? []) resolve(report);
        waiters.delete(run);
        send(204, '');
      });
      return;
    }
    if (url.pathname === '/reporting/demo/') {
      const article = readFileSync(DEMO_PAGE, 'utf8');
      const body = article.replace('</body>', '<script src="/reporting/reporter.js"></script>\n</body>');
      return send(200, body, { 'Content-Type': 'text/html; charset=utf-8' });
    }
    if (url.pathname === '/reporting/reporter.js') {
      return send(200, REPORTER_SCRIPT, { 'Content-Type': 'text/javascript; charset=utf-8' });
    }
    if (url.pathname === '/' || url.pathname === '/demo/' || url.pathname === '/demo') {
      return send(200, readFileSync(DEMO_PAGE), { 'Content-Type': 'text/html; charset=utf-8' });
    }
    if (url.pathname.startsWith('/corpus/')) {
      const name = decodeURIComponent(url.pathname.slice('/corpus/'.length));
      const path = corpusPath(name);
      if (!path) return send(404, `no corpus page ${name}`, { 'Content-Type': 'text/plain; charset=utf-8' });
      const charset = name.includes('gb2312') ? 'gb18030' : 'utf-8';
      return send(200, readFileSync(path), {
        'Content-Type': `text/html; charset=${charset}`,
        'Content-Security-Policy': "script-src 'none'",
      });
    }
    if (url.pathname.startsWith('/pages/') || url.pathname.startsWith('/context/')) {
      const context = url.pathname.startsWith('/context/');
      const name = decodeURIComponent(url.pathname.slice(context ? '/context/'.length : '/pages/'.length));
      const path = fixturePagePath(name, context ? CONTEXT_PAGES_DIR : FIXTURE_PAGES_DIR);
      if (!path) return send(404, `no test page ${name}`, { 'Content-Type': 'text/plain; charset=utf-8' });
      return send(200, readFileSync(path), { 'Content-Type': 'text/html; charset=utf-8' });
    }
    const page = pages.get(url.pathname);
    if (page) return send(200, page.body, { 'Content-Type': page.contentType, ...page.headers });
    return send(404, 'not found', { 'Content-Type': 'text/plain; charset=utf-8' });
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  return {
    origin,
    /** Serves `body` at `path` (e.g. /t/hostile.html) until the server closes. */
    addPage(path, body, { contentType = 'text/html; charset=utf-8', headers = {} } = {}) {
      pages.set(path, { body, contentType, headers });
      return origin + path;
    },
    /**
     * The report a /reporting/ page sent for `run` (see REPORTER_SCRIPT): at once if it has arrived,
     * else when it does; rejects after `timeoutMs`.
     */
    waitForReport(run, { timeoutMs = 60_000 } = {}) {
      if (reports.has(run)) return Promise.resolve(reports.get(run));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.set(run, (waiters.get(run) ?? []).filter((w) => w !== done));
          reject(new Error(`No report from the page for run ${run} within ${timeoutMs / 1000} s.`));
        }, timeoutMs);
        const done = (report) => {
          clearTimeout(timer);
          resolve(report);
        };
        waiters.set(run, [...(waiters.get(run) ?? []), done]);
      });
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
