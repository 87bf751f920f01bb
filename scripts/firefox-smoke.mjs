// Firefox checks for the end-to-end tests: build the Firefox package, lint it with web-ext, and run
// it in a real (headless) Firefox through `web-ext run`. No test driver can reach into Firefox here,
// so the page reports for itself: /reporting/demo/ (scripts/serve.mjs) carries a script of the page's
// own that reads CSS.highlights and the scan measures and POSTs them back to the server.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from './serve.mjs';

const run = promisify(execFile);
const WEB_EXT = join(PROJECT_ROOT, 'node_modules/web-ext/bin/web-ext.js');
export const FIREFOX_BUILD = join(PROJECT_ROOT, '.output/firefox-mv3');
const NAMES = ['firefox-esr', 'firefox'];

export class FirefoxNotFoundError extends Error {}

/** FIREFOX_PATH, else firefox-esr or firefox on PATH. */
export function findFirefox({ env = process.env } = {}) {
  if (env.FIREFOX_PATH) {
    if (existsSync(env.FIREFOX_PATH)) return env.FIREFOX_PATH;
    throw new FirefoxNotFoundError(
      `FIREFOX_PATH is set to ${env.FIREFOX_PATH}, but there is no file there. ` +
        'Point it at a Firefox 140+ executable, or unset it and install "firefox-esr" (sudo apt-get install firefox-esr).',
    );
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const name of NAMES) {
      const path = join(dir, name);
      if (dir && existsSync(path)) return path;
    }
  }
  throw new FirefoxNotFoundError(
    'No Firefox found on PATH. Install the Debian/Ubuntu package "firefox-esr" ' +
      '(sudo apt-get install firefox-esr), or set FIREFOX_PATH to a Firefox 140+ executable.',
  );
}

/**
 * Builds .output/firefox-mv3 unless it is newer than the Chrome build of this run (the e2e global
 * setup builds Chrome first), so the test files that need it build it once between them.
 */
export async function ensureFirefoxBuild() {
  const firefoxManifest = join(FIREFOX_BUILD, 'manifest.json');
  const chromeManifest = join(PROJECT_ROOT, '.output/chrome-mv3/manifest.json');
  const fresh =
    existsSync(firefoxManifest) &&
    (!existsSync(chromeManifest) || statSync(firefoxManifest).mtimeMs >= statSync(chromeManifest).mtimeMs);
  if (fresh) return FIREFOX_BUILD;
  // As a user's `npx wxt build` runs, not with the NODE_ENV=test of the test runner calling this.
  await run('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: PROJECT_ROOT, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NODE_ENV: 'production' } });
  return FIREFOX_BUILD;
}

/** `web-ext lint --output json` over the Firefox build: { summary, errors, warnings, notices }. */
export async function lintFirefoxBuild({ sourceDir = FIREFOX_BUILD } = {}) {
  // web-ext lint exits non-zero when it finds errors; the JSON on stdout is what matters.
  const { stdout } = await run(process.execPath, [WEB_EXT, 'lint', '--source-dir', sourceDir, '--self-hosted', '--output', 'json', '--no-config-discovery'], {
    cwd: PROJECT_ROOT,
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error) => error);
  try {
    return JSON.parse(stdout);
  } catch {
    throw new Error(`web-ext lint gave no JSON report:\n${stdout}`);
  }
}

/**
 * Opens `url` in headless Firefox with the built extension installed as a temporary add-on (no
 * extra prefs: what a user gets), and resolves with what `waitForReport` resolves with. Firefox and
 * web-ext are stopped, and their profile removed, before it returns.
 */
export async function runInFirefox({ url, waitForReport, firefoxPath = findFirefox(), sourceDir = FIREFOX_BUILD, timeoutMs = 60_000 }) {
  const profile = mkdtempSync(join(tmpdir(), 'huantai-lens-firefox-'));
  let output = '';
  const child = spawn(
    process.execPath,
    [
      WEB_EXT, 'run',
      '--target', 'firefox-desktop',
      '--source-dir', sourceDir,
      '--firefox', firefoxPath,
      // Our own empty profile, used in place, so that it can be removed however Firefox ends.
      '--firefox-profile', profile, '--keep-profile-changes',
      '--start-url', url,
      '--no-reload', '--no-input', '--no-config-discovery',
    ],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, MOZ_HEADLESS: '1' },
      // Its own process group: web-ext, Firefox and Firefox's content processes stop together.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const earlyExit = exited.then((code) => {
    throw new Error(`web-ext exited (code ${code}) before the page reported:\n${output}`);
  });
  try {
    return await Promise.race([waitForReport({ timeoutMs }), earlyExit]);
  } catch (error) {
    if (error instanceof Error && !error.message.includes(output)) error.message += `\nweb-ext output:\n${output}`;
    throw error;
  } finally {
    earlyExit.catch(() => {});
    await stopGroup(child.pid, exited);
    rmSync(profile, { recursive: true, force: true });
  }
}

async function stopGroup(pid, exited) {
  if (pid === undefined) return;
  const signal = (name) => {
    try {
      process.kill(-pid, name);
    } catch {
      // The group is already gone.
    }
  };
  signal('SIGTERM');
  const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 5000));
  if ((await Promise.race([exited, timeout])) === 'timeout') signal('SIGKILL');
  // Firefox's content processes may outlive web-ext by a moment; leave none behind.
  await new Promise((resolve) => setTimeout(resolve, 300));
  signal('SIGKILL');
}
