/** Builds the extension (unless told not to) and weighs the content script bundle. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const CONTENT_SCRIPT = '.output/chrome-mv3/content-scripts/content.js';

export function buildExtension({ root }: { root: string }): void {
  execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

export interface BundleSize {
  path: string;
  bytes: number;
  gzipBytes: number;
}

export function contentScriptSize({ root }: { root: string }): BundleSize {
  const path = join(root, CONTENT_SCRIPT);
  if (!existsSync(path)) throw new Error(`${CONTENT_SCRIPT} does not exist: build the extension first (run without --no-build).`);
  const bytes = readFileSync(path);
  return { path: CONTENT_SCRIPT, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}
