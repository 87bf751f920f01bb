import Fuse from 'fuse.js';
import { loadGlossary } from './scripts/glossary/load';
import { createSearchIndex } from './lib/search-index';
import { normalizeText } from './lib/normalize';
const { glossary, termList } = loadGlossary({ dataDir: 'data', root: '/work/main' });
for (let i = 0; i < 5; i++) { const t0 = performance.now(); createSearchIndex({ glossary, variants: termList.variants }); console.log('build', (performance.now() - t0).toFixed(2)); }
let t0 = performance.now();
for (const e of glossary.entries) { normalizeText({text: e.summary, variants: termList.variants}); }
console.log('norm', (performance.now() - t0).toFixed(2));
t0 = performance.now();
for (const e of glossary.entries) { for (const ch of e.english) ch.normalize('NFKD'); }
console.log('nfkd', (performance.now() - t0).toFixed(2));
const eng = glossary.entries.map(e => e.english);
t0 = performance.now();
const f = new Fuse(eng, { threshold: 0.35, ignoreLocation: true, includeScore: true, shouldSort: false });
console.log('fuse build', (performance.now() - t0).toFixed(2));
for (const q of ['shengcaizhengjinrong', 'x'.repeat(32), 'membrane vally', 'zhongg']) {
  const ts: number[] = [];
  for (let i = 0; i < 50; i++) { const s = performance.now(); f.search(q); ts.push(performance.now() - s); }
  ts.sort((a,b)=>a-b); console.log('fuse eng', q.slice(0,10), ts[25]!.toFixed(3));
}
