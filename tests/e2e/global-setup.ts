/** Builds the extension once per run and serves the test pages; every e2e file shares both. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findBrowser } from '../../scripts/browser.mjs';
import { PROJECT_ROOT, startServer } from '../../scripts/serve.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    origin: string;
    extensionPath: string;
    browserPath: string;
  }
}

export default async function setup(project: TestProject) {
  // Fails the run with the package to install rather than skipping the browser tests.
  const browserPath = findBrowser();
  if (!process.env.E2E_SKIP_BUILD) {
    // Vitest sets NODE_ENV=test, which the build inherits: Preact's JSX then compiles to its dev
    // runtime (source paths and line numbers in the bundle, 310 B more gzipped). Test what ships.
    execFileSync('npx', ['wxt', 'build'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
  }
  const server = await startServer();
  project.provide('origin', server.origin);
  project.provide('extensionPath', join(PROJECT_ROOT, '.output/chrome-mv3'));
  project.provide('browserPath', browserPath);
  return () => server.close();
}
