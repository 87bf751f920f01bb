// `npm run demo`: builds the extension, serves the demo news page on 127.0.0.1 and opens it in the
// user's Chrome or Chromium with the extension loaded. With no display (--headless, or no DISPLAY
// on Linux) it saves a screenshot of the page instead and prints where it is; with --shots also
// the card, popup and side panel in both languages and themes (demo-output/shots/).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserNotFoundError, findBrowser, launchWithExtension } from './browser.mjs';
import { openCard, saveShots } from './demo-shots.mjs';
import { PROJECT_ROOT, startServer } from './serve.mjs';

const args = new Set(process.argv.slice(2));
const headless = args.has('--headless') || (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);

let executablePath;
try {
  executablePath = findBrowser();
} catch (error) {
  if (!(error instanceof BrowserNotFoundError)) throw error;
  console.error(`\n${error.message}\n`);
  process.exit(1);
}

if (!args.has('--no-build')) {
  console.log('Building the extension…');
  execFileSync('npx', ['wxt', 'build'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
const extensionPath = join(PROJECT_ROOT, '.output/chrome-mv3');
const server = await startServer({ port: Number(process.env.DEMO_PORT ?? 0) });
const url = `${server.origin}/demo/`;
console.log(`Demo page: ${url}`);
console.log(`Browser:   ${executablePath}${headless ? ' (headless)' : ''}`);

const { context, extensionId } = await launchWithExtension({ extensionPath, executablePath, headless, viewport: headless ? { width: 1280, height: 900 } : null });
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(url);

if (headless) {
  // Show what a reader sees: the painted terms and one open tooltip.
  await page.waitForFunction(() => performance.getEntriesByName('huantai-lens:scan').length > 0, null, { timeout: 15_000 });
  await openCard({ page, term: '中国膜谷' });
  const dir = join(PROJECT_ROOT, 'demo-output');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'demo.png');
  await page.screenshot({ path: file });
  const terms = await page.evaluate(() => {
    let n = 0;
    CSS.highlights.forEach((h, name) => {
      if (name.startsWith('huantai-lens')) n += h.size;
    });
    return n;
  });
  console.log(`No display: saved a screenshot of the demo page (${terms} terms painted so far, tooltip open) to\n  ${file}`);
  if (args.has('--shots')) {
    const shotsDir = join(dir, 'shots');
    mkdirSync(shotsDir, { recursive: true });
    const files = await saveShots({ context, extensionId, article: page, dir: shotsDir });
    console.log(`Saved ${files.length} screenshots of the card, popup and side panel:\n${files.map((f) => `  ${f}`).join('\n')}`);
  }
  await context.close();
  await server.close();
} else {
  console.log('Hover an underlined term to see its explanation. Close the browser window to stop.');
  context.on('close', () => void server.close().then(() => process.exit(0)));
  process.on('SIGINT', () => void context.close());
}
