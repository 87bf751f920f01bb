import { writeFileSync } from 'node:fs';
import { loadGlossary } from './scripts/glossary/load';
writeFileSync('/tmp/glossary.json', JSON.stringify(loadGlossary({ dataDir: 'data', root: '/work/main' })));
