/**
 * What the built manifests ask for, against the README's "Permissions" table: every permission,
 * optional permission, host permission, content-script match pattern and frame flag, and Firefox's
 * data-collection declaration, must have a row there naming it verbatim with its reason, and every
 * row must name something the manifests still ask for. Also: no remote code (strict extension-page
 * CSP, no script loaded from a URL, no requests to remote URLs), and the one web-accessible
 * resource is the engine the content script import()s, to web pages only (Chrome: dynamic URL).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureFirefoxBuild } from '../../scripts/firefox-smoke.mjs';
import { PROJECT_ROOT } from '../../scripts/serve.mjs';

const BUILDS = { chrome: join(PROJECT_ROOT, '.output/chrome-mv3'), firefox: join(PROJECT_ROOT, '.output/firefox-mv3') };
type BrowserName = keyof typeof BUILDS;

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: Array<{ matches?: string[]; all_frames?: boolean; match_about_blank?: boolean; match_origin_as_fallback?: boolean }>;
  content_security_policy?: Record<string, string> | string;
  web_accessible_resources?: Array<{ resources: string[]; matches?: string[]; use_dynamic_url?: boolean }>;
  browser_specific_settings?: { gecko?: { data_collection_permissions?: { required?: string[]; optional?: string[] } } };
  side_panel?: { default_path?: string };
  sidebar_action?: { default_panel?: string; default_title?: string };
}

/** One thing a manifest asks for: its verbatim name and the manifest key the README must name with it. */
interface Ask {
  name: string;
  key: string;
}

function asksOf(manifest: Manifest): Ask[] {
  const asks: Ask[] = [];
  const add = (key: string, names: string[] | undefined) => names?.forEach((name) => asks.push({ name, key }));
  add('permissions', manifest.permissions);
  add('optional_permissions', manifest.optional_permissions);
  add('host_permissions', manifest.host_permissions);
  add('optional_host_permissions', manifest.optional_host_permissions);
  for (const script of manifest.content_scripts ?? []) {
    add('matches', script.matches);
    // Flags that widen where the content script runs count as asks too.
    for (const flag of ['all_frames', 'match_about_blank', 'match_origin_as_fallback'] as const) {
      if (script[flag]) asks.push({ name: flag, key: 'content_scripts' });
    }
  }
  for (const exposed of manifest.web_accessible_resources ?? []) add('web_accessible_resources', exposed.resources);
  const dataCollection = manifest.browser_specific_settings?.gecko?.data_collection_permissions;
  add('data_collection_permissions', [...(dataCollection?.required ?? []), ...(dataCollection?.optional ?? [])]);
  return asks;
}

/** The README's "## Permissions" table: first cell names (in backticks), second the key, last the reason. */
function readmeRows() {
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Permissions\n');
  expect(start, 'README.md has no "## Permissions" section').toBeGreaterThan(-1);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);
  return section
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[\s|:-]+\|$/.test(line))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()))
    .filter((cells) => cells[0]?.includes('`'))
    .map((cells) => ({
      names: [...cells[0]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!),
      where: cells[1] ?? '',
      why: cells.at(-1) ?? '',
    }));
}

function readManifest(browser: BrowserName): Manifest {
  const path = join(BUILDS[browser], 'manifest.json');
  expect(existsSync(path), `${path} is missing: build with npx wxt build${browser === 'firefox' ? ' -b firefox' : ''}`).toBe(true);
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

function filesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesOf(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const REMOTE = String.raw`(?:https?:)?\/\/`;
const QUOTE = '[`\'"]';
/** Ways built JavaScript could load code from, or talk to, the network. */
const FORBIDDEN_IN_JS: Array<[RegExp, string]> = [
  [/\bimportScripts\s*\(/, 'importScripts()'],
  [new RegExp(String.raw`\bimport\s*\(\s*${QUOTE}${REMOTE}`), 'import() of a URL'],
  [new RegExp(String.raw`\bfrom\s*${QUOTE}${REMOTE}`), 'static import of a URL'],
  [new RegExp(String.raw`\bnew\s+(?:Shared)?Worker\s*\(\s*${QUOTE}${REMOTE}`), 'worker from a URL'],
  [new RegExp(String.raw`\.src\s*=\s*${QUOTE}${REMOTE}`), 'element src set to a URL'],
  [new RegExp(String.raw`\bfetch\s*\(\s*${QUOTE}${REMOTE}`), 'fetch() of a URL'],
  [/\bXMLHttpRequest\b/, 'XMLHttpRequest'],
  [/\bWebSocket\b/, 'WebSocket'],
  [/\bEventSource\b/, 'EventSource'],
  [/\bsendBeacon\b/, 'sendBeacon'],
];
/** Vite's modulepreload polyfill fetches the page's own chunks (`link.href` of rel=modulepreload links). */
const MODULEPRELOAD_FETCH = /\bfetch\s*\(\s*[\w$]+\.href\s*,/g;

/** Whether an extension_pages CSP lets in nothing beyond the extension's own files. */
function cspProblems(csp: string): string[] {
  const directives = new Map(
    csp.split(';').map((part) => part.trim()).filter(Boolean).map((part) => {
      const [name, ...sources] = part.split(/\s+/);
      return [name!.toLowerCase(), sources] as const;
    }),
  );
  const problems: string[] = [];
  for (const required of ['script-src', 'object-src']) {
    const sources = directives.get(required);
    if (!sources || sources.length === 0) problems.push(`no ${required}`);
    else if (!sources.every((s) => s === "'self'" || s === "'none'")) problems.push(`${required} ${sources.join(' ')}`);
  }
  for (const [name, sources] of directives) {
    for (const source of sources) {
      if (/^'(unsafe-|wasm-unsafe-eval)|^\*|:/.test(source)) problems.push(`${name} allows ${source}`);
    }
  }
  return problems;
}

beforeAll(async () => {
  await ensureFirefoxBuild();
});

describe.each(Object.keys(BUILDS) as BrowserName[])('the %s manifest', (browser) => {
  it('asks for nothing the README does not justify, and the README justifies nothing it does not ask for', () => {
    const rows = readmeRows();
    expect(rows.length).toBeGreaterThan(0);
    const asks = asksOf(readManifest(browser));
    const unjustified = asks.filter(({ name, key }) => {
      const row = rows.find((r) => r.names.includes(name));
      return !row || !row.where.includes(`\`${key}\``) || row.why.length < 20;
    });
    expect(unjustified, 'each needs a README Permissions row: | `name` | `manifest key` | reason |').toEqual([]);

    const all = (Object.keys(BUILDS) as BrowserName[]).flatMap((b) => asksOf(readManifest(b)));
    const stale = rows.flatMap((row) => row.names).filter((name) => !all.some((ask) => ask.name === name));
    expect(stale, 'README Permissions rows for things neither manifest asks for').toEqual([]);
  });

  it('runs extension pages under a CSP that allows only its own scripts', () => {
    const csp = readManifest(browser).content_security_policy;
    expect(typeof csp).toBe('object');
    const policies = csp as Record<string, string>;
    expect(Object.keys(policies)).toEqual(['extension_pages']);
    expect(cspProblems(policies.extension_pages!)).toEqual([]);
    expect(policies.extension_pages).toBe("script-src 'self'; object-src 'self'");
  });

  it('exposes only the engine and the card, only to the pages the content script runs on', () => {
    const exposed = readManifest(browser).web_accessible_resources;
    expect(exposed).toEqual([
      {
        resources: ['engine.js', 'card.js'],
        matches: ['http://*/*', 'https://*/*'],
        // Chrome serves it under a per-session id, so a page cannot probe a fixed URL to fingerprint
        // the reader; Firefox's moz-extension id is random per install already.
        ...(browser === 'chrome' ? { use_dynamic_url: true } : {}),
      },
    ]);
  });

  // One page for both: Chrome's side panel (which needs the sidePanel permission) and Firefox's sidebar (which needs none).
  it('declares the side panel page the way this browser takes it', () => {
    const manifest = readManifest(browser);
    expect(existsSync(join(BUILDS[browser], 'sidepanel.html'))).toBe(true);
    if (browser === 'chrome') {
      expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
      expect(manifest.permissions).toContain('sidePanel');
      expect(manifest.sidebar_action).toBeUndefined();
    } else {
      expect(manifest.sidebar_action).toEqual({ default_panel: 'sidepanel.html', default_title: '__MSG_sidePanelTitle__' });
      expect(manifest.side_panel).toBeUndefined();
      expect(manifest.permissions).not.toContain('sidePanel');
    }
  });

  it('loads no code from the network and makes no requests', () => {
    const problems: string[] = [];
    for (const file of filesOf(BUILDS[browser])) {
      const name = relative(BUILDS[browser], file);
      if (/\.(m?js)$/.test(file)) {
        const code = readFileSync(file, 'utf8');
        for (const [pattern, what] of FORBIDDEN_IN_JS) if (pattern.test(code)) problems.push(`${name}: ${what}`);
        const fetches = code.match(/\bfetch\s*\(/g)?.length ?? 0;
        const preloads = code.match(MODULEPRELOAD_FETCH)?.length ?? 0;
        if (fetches > preloads) problems.push(`${name}: ${fetches - preloads} fetch() call(s)`);
        // The background and the content script run beside pages: not even the preload polyfill there.
        if (fetches > 0 && !name.startsWith('chunks/')) problems.push(`${name}: fetch()`);
      } else if (file.endsWith('.html')) {
        const html = readFileSync(file, 'utf8');
        for (const tag of html.match(/<(?:script|link|iframe|img)\b[^>]*>/gi) ?? []) {
          if (new RegExp(String.raw`\b(?:src|href)\s*=\s*["']?${REMOTE}`, 'i').test(tag)) problems.push(`${name}: ${tag}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the README check itself', () => {
  it('finds a permission the README does not name', () => {
    const rows = readmeRows();
    const asks = asksOf({ permissions: ['storage', 'tabs'], content_scripts: [{ matches: ['<all_urls>'], all_frames: true }] });
    expect(asks.filter(({ name }) => !rows.some((r) => r.names.includes(name))).map((a) => a.name)).toEqual(['tabs', '<all_urls>']);
  });

  it('rejects CSPs that let in more than the extension', () => {
    expect(cspProblems("script-src 'self'; object-src 'self'")).toEqual([]);
    expect(cspProblems("script-src 'none'; object-src 'none'; default-src 'self'")).toEqual([]);
    expect(cspProblems("script-src 'self' https://cdn.example; object-src 'self'")).not.toEqual([]);
    expect(cspProblems("script-src 'self' 'wasm-unsafe-eval'; object-src 'self'")).not.toEqual([]);
    expect(cspProblems("object-src 'self'")).not.toEqual([]);
  });
});
