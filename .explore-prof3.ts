import { loadGlossary } from './scripts/glossary/load';
import { normalizeText, normalizeTerm } from './lib/normalize';
const { glossary, termList } = loadGlossary({ dataDir: 'data', root: '/work/main' });
const variants = termList.variants;
function time(label: string, fn: () => void) { fn(); const t0 = performance.now(); for (let i = 0; i < 50; i++) fn(); console.log(label, ((performance.now() - t0) / 50).toFixed(3)); }
time('normalizeText spellings', () => { for (const e of glossary.entries) for (const t of [e.term, ...e.aliases]) normalizeText({ text: t, variants }); });
time('normalizeTerm raw', () => { for (const e of glossary.entries) for (const t of [e.term, ...e.aliases]) normalizeTerm({ text: t }); });
time('summary', () => { for (const e of glossary.entries) normalizeText({ text: e.summary, variants }); });
time('nfkd per char english', () => { for (const e of glossary.entries) for (const ch of e.english) ch.normalize('NFKD').replace(/\p{M}/gu, ''); });
time('pinyin tokens', () => { for (const e of glossary.entries) for (const t of e.pinyin.split(/\s+/u)) t.normalize('NFD').replace(/\p{M}/gu, ''); });
