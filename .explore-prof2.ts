import { loadGlossary } from './scripts/glossary/load';
import { createSearchIndex } from './lib/search-index';
const { glossary, termList } = loadGlossary({ dataDir: 'data', root: '/work/main' });
const t0 = performance.now();
for (let i = 0; i < 50; i++) createSearchIndex({ glossary, variants: termList.variants });
console.log('avg build', ((performance.now() - t0)/50).toFixed(2));
