/** Reads the glossary files and the report from disk; everything else about them is pure. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compileGlossary, type CompiledGlossary, type GlossaryFile } from './compile';

export const SOURCE_PATH = 'source/huantai-2022-report-news.txt';
/** The hosts whose pages count as primary sources (scripts/glossary/source-policy.ts). */
export const SOURCE_HOSTS_PATH = 'source-hosts.json';

export interface GlossaryInputs {
  files: GlossaryFile[];
  source: string;
  sourceHosts: GlossaryFile;
  /** Every file read, so a bundler can watch them. */
  paths: string[];
}

export function readGlossaryInputs({ dataDir, root = process.cwd() }: { dataDir: string; root?: string }): GlossaryInputs {
  const glossaryDir = join(root, dataDir, 'glossary');
  const sourcePath = join(root, dataDir, SOURCE_PATH);
  const hostsPath = join(root, dataDir, SOURCE_HOSTS_PATH);
  const names = readdirSync(glossaryDir)
    .filter((name) => name.endsWith('.json') && name !== 'coverage-ignore.json')
    .sort();
  const files = names.map((name) => {
    const path = join(glossaryDir, name);
    return { path: relative(root, path), json: readFileSync(path, 'utf8') };
  });
  return {
    files,
    source: readFileSync(sourcePath, 'utf8'),
    sourceHosts: { path: relative(root, hostsPath), json: readFileSync(hostsPath, 'utf8') },
    paths: [sourcePath, hostsPath, ...names.map((name) => join(glossaryDir, name))],
  };
}

export function loadGlossary({ dataDir, root }: { dataDir: string; root?: string }): CompiledGlossary {
  const { files, source, sourceHosts } = readGlossaryInputs({ dataDir, root });
  return compileGlossary({ files, source, sourceHosts });
}
