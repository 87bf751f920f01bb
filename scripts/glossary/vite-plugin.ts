/**
 * Serves the compiled glossary as virtual modules: the sentinel bundles only the probe's tables, the
 * engine the term list, and the background alone carries the explanations (and their Traditional text). A bad glossary fails the build.
 */
import type { Plugin } from 'vite';
import { compileGlossary } from './compile';
import { readGlossaryInputs } from './load';

const MODULES = {
  'virtual:huantai-glossary/terms': 'termList',
  'virtual:huantai-glossary/entries': 'glossary',
  'virtual:huantai-glossary/probe': 'probe',
  'virtual:huantai-glossary/traditional': 'traditional',
} as const;
type VirtualId = keyof typeof MODULES;

export function glossaryPlugin({ dataDir }: { dataDir: string }): Plugin {
  return {
    name: 'huantai-glossary',
    enforce: 'pre',
    resolveId(id) {
      return id in MODULES ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith('\0virtual:huantai-glossary/')) return undefined;
      const inputs = readGlossaryInputs({ dataDir });
      for (const path of inputs.paths) this.addWatchFile(path);
      const compiled = compileGlossary(inputs);
      const value = compiled[MODULES[id.slice(1) as VirtualId]];
      // JSON.parse of a string literal parses faster than the same object as JS source.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});`;
    },
  };
}
