/**
 * Bundles one of the bench's in-page entry modules (which import the extension's own lib/ code)
 * into an IIFE that assigns a global, for `page.addScriptTag({ content })` in a plain page.
 * Used by the stage breakdown (breakdown-entry.ts) and the search timing (search-entry.ts).
 */
import { join } from 'node:path';
import { build } from 'vite';

export async function bundleForPage({ root, entry, name }: { root: string; entry: string; name: string }): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    build: {
      write: false,
      minify: false,
      lib: { entry: join(root, entry), formats: ['iife'], name, fileName: name },
    },
  });
  const output = (Array.isArray(result) ? result[0] : result) as { output: Array<{ type: string; code?: string }> };
  const chunk = output.output.find((item) => item.type === 'chunk');
  if (!chunk?.code) throw new Error(`bundling ${entry} produced no code`);
  return chunk.code;
}
