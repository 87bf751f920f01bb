/**
 * `npm run glossary:check`: compiles the glossary (which enforces the source policy), reports where
 * its facts come from (entries by scope, facts on primary hosts, entries resting on the report only,
 * the non-primary references left and their entries' sourceNotes), which quoted phrases and numbers of
 * the report it leaves unexplained, and the size of both build products. Exits 1 when anything is wrong.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { compileGlossary, GlossaryError, type CompiledGlossary } from './compile';
import { coverageReport, formatCoverageReport, parseIgnoreList, type IgnoreItem } from './coverage';
import { readGlossaryInputs } from './load';
import { formatSourceReport, parseSourcePolicy, sourceReport } from './source-policy';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DATA_DIR = 'data';
const IGNORE_PATH = join(DATA_DIR, 'glossary', 'coverage-ignore.json');

function main(): number {
  const inputs = readGlossaryInputs({ dataDir: DATA_DIR, root: ROOT });
  // Data problems are the author's to fix from the message; a stack trace would only bury it.
  let compiled: CompiledGlossary;
  try {
    compiled = compileGlossary({ files: inputs.files, source: inputs.source, sourceHosts: inputs.sourceHosts });
  } catch (error) {
    if (!(error instanceof GlossaryError)) throw error;
    console.error(error.message);
    return 1;
  }
  let ignore: IgnoreItem[];
  try {
    const ignoreFile = join(ROOT, IGNORE_PATH);
    ignore = existsSync(ignoreFile) ? parseIgnoreList({ json: readFileSync(ignoreFile, 'utf8'), path: IGNORE_PATH }) : [];
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }

  const report = coverageReport({ glossary: compiled.glossary, source: inputs.source, ignore });
  const { glossary, termList } = compiled;
  // compileGlossary has refused a broken host list already, so this parse has no problems.
  const { policy } = parseSourcePolicy(inputs.sourceHosts);
  console.log(formatSourceReport({ report: sourceReport({ entries: glossary.entries, policy }), policy }));
  console.log('');
  console.log(
    formatCoverageReport({
      report,
      extra: [
        `Glossary: ${glossary.entries.length} entries, ${glossary.targets.length} targets, ${ignore.length} ignore items`,
        // Both are what the vite plugin inlines: the content script pays for the first on every page.
        `Term list (content script): ${sizeOf({ value: termList })}`,
        `Full glossary (background): ${sizeOf({ value: glossary })}`,
      ],
    }),
  );
  return report.ok ? 0 : 1;
}

function sizeOf({ value }: { value: unknown }): string {
  const json = Buffer.from(JSON.stringify(value), 'utf8');
  return `${json.length} bytes JSON, ${gzipSync(json).length} bytes gzip`;
}

process.exitCode = main();
