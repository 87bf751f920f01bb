/**
 * The programs the bench compares, each a real MV3 extension whose content script runs where ours
 * does (isolated world, every frame, about:blank frames, document_idle), so that none of them gets
 * a cheaper seat: injection, compilation and the frames a page has cost all of them alike. The
 * bench writes the three baselines into temporary folders; `lens` is the built extension.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type PeerId = 'empty' | 'floor' | 'goose' | 'lens';

export interface Peer {
  id: PeerId;
  what: string;
  /** The files of the generated extension, besides its manifest; none for lens (built elsewhere). */
  files?: (args: { forms: string[] }) => Record<string, string>;
}

/** The measure the generated peers record around their work, so it can be read like ours. */
export const WORK_MEASURE = 'bench:work';

/** Reads every text node once: no highlighter can do less and still see the page's text. */
const FLOOR = `(() => {
  const start = performance.now();
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
  let chars = 0, nodes = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) { chars += node.data.length; nodes++; }
  performance.measure('${WORK_MEASURE}', { start, end: performance.now(), detail: { nodes, chars } });
})();`;

/**
 * The "goose-highlighter" method: one alternation of every form as written (longest first, so that
 * a form wins over its own prefix), run over every text node in one go, one StaticRange per match.
 */
const goose = ({ forms }: { forms: string[] }) => `(() => {
  const start = performance.now();
  const pattern = new RegExp(${JSON.stringify(alternation({ forms }))}, 'g');
  const skip = new Set(['SCRIPT', 'STYLE', 'TEXTAREA']);
  const highlight = new Highlight();
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentNode && skip.has(node.parentNode.nodeName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let matches = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      highlight.add(new StaticRange({ startContainer: node, startOffset: m.index, endContainer: node, endOffset: m.index + m[0].length }));
      matches++;
    }
  }
  CSS.highlights.set('bench-goose', highlight);
  performance.measure('${WORK_MEASURE}', { start, end: performance.now(), detail: { matches } });
})();`;

export const PEERS: Peer[] = [
  { id: 'empty', what: 'an empty content script: the browser alone, the baseline', files: () => ({ 'content.js': '' }) },
  { id: 'floor', what: 'reads every text node once (TreeWalker)', files: () => ({ 'content.js': FLOOR }) },
  {
    id: 'goose',
    what: 'one RegExp of all term forms over every text node, a StaticRange per match, one Highlight',
    files: ({ forms }) => ({ 'content.js': goose({ forms }), 'content.css': '::highlight(bench-goose) { background-color: rgba(255, 213, 79, 0.5); }\n' }),
  },
  { id: 'lens', what: 'Huantai Lens, the built extension' },
];

/** Every term and alias as written in data/glossary, longest first: what a naive highlighter searches for. */
export function glossaryForms({ root }: { root: string }): string[] {
  const dir = join(root, 'data/glossary');
  const forms = new Set<string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json') && n !== 'coverage-ignore.json')) {
    const { entries } = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { entries: Array<{ term: string; aliases?: string[] }> };
    for (const entry of entries) for (const form of [entry.term, ...(entry.aliases ?? [])]) if (form.length > 0) forms.add(form);
  }
  return [...forms].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

/** Writes a generated peer's extension into a new temporary folder and returns the folder. */
export function writePeerExtension({ peer, forms }: { peer: Peer; forms: string[] }): string {
  const dir = mkdtempSync(join(tmpdir(), `huantai-bench-${peer.id}-`));
  const files = peer.files!({ forms });
  const manifest = {
    manifest_version: 3,
    name: `bench ${peer.id}`,
    version: '1.0',
    // scripts/browser.mjs waits for an extension's service worker to know it has loaded.
    background: { service_worker: 'background.js' },
    content_scripts: [{
      matches: ['http://*/*', 'https://*/*'],
      all_frames: true,
      match_about_blank: true,
      run_at: 'document_idle',
      js: ['content.js'],
      ...(files['content.css'] ? { css: ['content.css'] } : {}),
    }],
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'background.js'), '');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Goose's RegExp source; also checks in Node that a no-term page has no term. */
export function alternation({ forms }: { forms: string[] }): string {
  return forms.map((form) => form.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|');
}
