/**
 * `npm run glossary:export -- --format csv|json [--out <file>]`: the compiled glossary for people
 * who review it outside the extension (translators, the county's editors), on stdout or in a file.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { GlossaryError, type CompiledGlossary } from './compile';
import { glossaryCsvRows, toCsv } from '../../lib/glossary/csv';
import { loadGlossary } from './load';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FORMATS = ['csv', 'json'] as const;
type Format = (typeof FORMATS)[number];
const USAGE = 'usage: npm run glossary:export -- --format csv|json [--out <file>]';

function main({ argv }: { argv: string[] }): number {
  let format: Format;
  let out: string | undefined;
  try {
    const { values } = parseArgs({
      args: argv,
      options: { format: { type: 'string' }, out: { type: 'string' } },
      strict: true,
    });
    const known = FORMATS.find((name) => name === values.format);
    if (known === undefined) {
      const given = values.format === undefined ? 'no --format given' : `unknown format "${values.format}"`;
      console.error(`${given}; expected one of: ${FORMATS.join(', ')}\n${USAGE}`);
      return 1;
    }
    format = known;
    out = values.out;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }

  let compiled: CompiledGlossary;
  try {
    compiled = loadGlossary({ dataDir: 'data', root: ROOT });
  } catch (error) {
    // The author needs the list of problems, not a stack trace.
    if (error instanceof GlossaryError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }

  const text =
    format === 'csv'
      ? toCsv({ rows: glossaryCsvRows({ glossary: compiled.glossary }) })
      : `${JSON.stringify(compiled.glossary, null, 2)}\n`;
  if (out === undefined) {
    // Piping into head or less closes stdout early; that is the reader's choice, not a failure.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
    process.stdout.write(text);
  } else {
    writeFileSync(out, text, 'utf8');
    console.error(`Wrote ${compiled.glossary.entries.length} entries as ${format} to ${out}`);
  }
  return 0;
}

process.exitCode = main({ argv: process.argv.slice(2) });
