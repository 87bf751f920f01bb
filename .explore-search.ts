import { loadGlossary } from './scripts/glossary/load';
import { createSearchIndex } from './lib/search-index';
const { glossary, termList } = loadGlossary({ dataDir: 'data', root: '/work/main' });
let t0 = performance.now();
const index = createSearchIndex({ glossary, variants: termList.variants });
console.log('build ms', (performance.now() - t0).toFixed(2));
t0 = performance.now();
createSearchIndex({ glossary, variants: termList.variants });
console.log('build2 ms', (performance.now() - t0).toFixed(2));
const queries = process.argv.slice(2);
for (const query of queries) {
  const r = index.search({ query, limit: 6 });
  console.log(`\n== ${query}`);
  for (const x of r) {
    const h = x.highlight;
    const marked = h.ranges.map(([s, e]) => h.text.slice(s, e)).join('|');
    console.log(x.score.toFixed(4), x.tier, x.field, x.entry.term, '::', h.text.slice(0, 40), JSON.stringify(h.ranges), '[' + marked + ']');
  }
}
// timing
const all = ['z','zh','zho','zhon','zhong','zhongg','zhonggu','zhongguo','zhongguomogo','膜','中国','中国模谷','membrane vally','m','me','mem','memb','lianggao','两高','8万亩','4.5','gdp','城市','x'.repeat(1000), 'qwertyuiopasdfgh', '高新技术', 'shengcaizhengjinrong', 'zgmg'];
const times: number[] = [];
for (let rep = 0; rep < 30; rep++) for (const q of all) { const s = performance.now(); index.search({ query: q }); times.push(performance.now() - s); }
times.sort((a, b) => a - b);
console.log('\nmedian', times[times.length >> 1]!.toFixed(3), 'p95', times[Math.floor(times.length * 0.95)]!.toFixed(3), 'max', times[times.length - 1]!.toFixed(3));
for (const q of all) { const ts: number[] = []; for (let i = 0; i < 50; i++) { const s = performance.now(); index.search({ query: q }); ts.push(performance.now() - s); } ts.sort((a,b)=>a-b); console.log(q.slice(0,20).padEnd(22), ts[25]!.toFixed(3)); }
