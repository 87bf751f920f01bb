// A static server on 127.0.0.1 for the demo, the end-to-end tests and the benchmarks.
//   /demo/                 the report laid out as a news article (tests/fixtures/demo/article.html)
//   /corpus/<file>         real news pages: tests/fixtures/corpus, else ../shared/corpus/pages
//   /pages/<name>.html     hand-written test pages: tests/fixtures/pages (their scripts run)
//   /page?html=<name>      pages the tests register at run time (see `addPage`)
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

/** A hand-written test page in tests/fixtures/pages, or null (no subfolders, nothing outside it). */
export function fixturePagePath(name) {
  if (!/^[\w.-]+\.html$/.test(name)) return null;
  const path = join(FIXTURE_PAGES_DIR, name);
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
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
      res.end(body);
    };
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
    if (url.pathname.startsWith('/pages/')) {
      const name = decodeURIComponent(url.pathname.slice('/pages/'.length));
      const path = fixturePagePath(name);
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
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
