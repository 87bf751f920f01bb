import { readFileSync } from 'node:fs';
import { createSearchIndex } from './lib/search-index';
const { glossary, termList } = JSON.parse(readFileSync('/tmp/glossary.json', 'utf8'));
let t0 = performance.now();
const idx = createSearchIndex({ glossary, variants: termList.variants });
console.log('cold build', (performance.now() - t0).toFixed(2));
t0 = performance.now();
idx.search({ query: 'zhongguomogo' });
console.log('cold first search', (performance.now() - t0).toFixed(2));
const ts: number[] = [];
for (let i = 0; i < 200; i++) { const s = performance.now(); createSearchIndex({ glossary, variants: termList.variants }); ts.push(performance.now() - s); }
ts.sort((a, b) => a - b);
console.log('warm build median', ts[100]!.toFixed(2), 'min', ts[0]!.toFixed(2));
