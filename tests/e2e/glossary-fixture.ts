/** The glossary as the build compiles it, for tests to compare what the browser shows against. */
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../scripts/serve.mjs';
import { loadGlossary } from '../../scripts/glossary/load';

export const compiled = loadGlossary({ dataDir: 'data', root: PROJECT_ROOT });
export const entryByTerm = (term: string) => {
  const entry = compiled.glossary.entries.find((e) => e.term === term);
  if (!entry) throw new Error(`no glossary entry for ${term}`);
  return entry;
};
export const CONTENT_SCRIPT = join(PROJECT_ROOT, '.output/chrome-mv3/sentinel.js');
