/**
 * `npm run demo` and the two ways of loading the extension: --load-extension (Chromium) and the
 * DevTools protocol's Extensions.loadUnpacked (what branded Chrome 137+ still honours).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/serve.mjs';
import { allPainted, extensionWorker, startHarness } from './harness';

const run = promisify(execFile);

describe('loading the extension through the DevTools protocol', () => {
  it('paints the demo page without --load-extension', async () => {
    const harness = await startHarness({ via: 'cdp' });
    try {
      const args = await extensionWorker(harness.context).evaluate(() => navigator.userAgent);
      expect(args).toContain('Chrome');
      const page = await harness.openPage('/demo/');
      expect(await allPainted(page)).toContain('地区生产总值');
    } finally {
      await harness.close();
    }
  });
});

describe('npm run demo', () => {
  it('without a display, saves a screenshot and says where', async () => {
    const shot = join(PROJECT_ROOT, 'demo-output/demo.png');
    rmSync(shot, { force: true });
    const { stdout } = await run('node', ['scripts/demo.mjs', '--headless', '--no-build'], { cwd: PROJECT_ROOT, timeout: 60_000 });
    expect(stdout).toContain(shot);
    expect(stdout).toMatch(/\d+ terms painted/);
    expect(existsSync(shot) && statSync(shot).size).toBeGreaterThan(10_000);
  });

  it('with --shots, also saves the card, popup and side panel in both languages and themes, the article and two real pages in each density, and lists them', async () => {
    const dir = join(PROJECT_ROOT, 'demo-output/shots');
    rmSync(dir, { recursive: true, force: true });
    const { stdout } = await run('node', ['scripts/demo.mjs', '--headless', '--no-build', '--shots'], { cwd: PROJECT_ROOT, timeout: 120_000 });
    const names = ['card', 'popup', 'sidepanel'].flatMap((what) =>
      ['zh-CN', 'en-US'].flatMap((language) => ['light', 'dark'].map((theme) => `${what}-${language}-${theme}.png`)),
    ).concat(
      ['every', 'first'].flatMap((density) =>
        ['', '-huantai-mata-lake-wetland-park', '-huantai-membrane-industry-new-economy'].map((page) => `density-${density}${page}.png`),
      ),
    );
    expect(readdirSync(dir).sort()).toEqual(names.sort());
    for (const name of names) {
      expect(stdout).toContain(join(dir, name));
      expect(statSync(join(dir, name)).size).toBeGreaterThan(10_000);
    }
  }, 150_000);

  it('with no browser, explains what to install instead of a stack trace', async () => {
    const failure = await run(process.execPath, ['scripts/demo.mjs', '--headless', '--no-build'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CHROME_PATH: '', PATH: '/nonexistent', DISPLAY: '' },
    }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in failure && failure.code).toBe(1);
    const stderr = 'stderr' in failure ? failure.stderr : '';
    expect(stderr).toContain('apt-get install chromium');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
