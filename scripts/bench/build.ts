/** Builds the extension (unless told not to) and weighs the content script bundle. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The content script bundle, inside a built extension directory. */
export const CONTENT_SCRIPT = 'content-scripts/content.js';

export function buildExtension({ root }: { root: string }): void {
  execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

export interface BundleSize {
  path: string;
  bytes: number;
  gzipBytes: number;
}

export function contentScriptSize({ extensionPath }: { extensionPath: string }): BundleSize {
  const path = join(extensionPath, CONTENT_SCRIPT);
  const shown = relative(process.cwd(), path) || path;
  if (!existsSync(path)) throw new Error(`${shown} does not exist: build the extension first (run without --no-build).`);
  const bytes = readFileSync(path);
  return { path: shown, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}
