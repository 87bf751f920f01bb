/**
 * `npm run bench`: how fast the extension finds and paints terms on real and stress pages, in real
 * headless Chromium, against baselines measured on the same pages in the same run (a text-reading
 * floor, a naive RegExp highlighter and mark.js). Prints a table and budget verdicts and writes
 * bench-results/latest.json. Budgets failing is a finding, not an error: the exit code stays 0.
 * Two more suites time what a reader waits for on the demo article: the tooltip after the hover
 * delay (bench/tooltip.ts) and the popup opening and searching as one types (bench/popup.ts).
 *
 *   npm run bench -- [--suites scan,tooltip,popup,heavy (default: all)] [--hovers 15] [--popup-opens 10]
 *                    [--no-build] [--profile] [--breakdown] [--runs 5] [--mark-runs 3 (0: skip mark.js)] [--mark-timeout 60]
 *                    [--repeat 100] [--pages stress,wikipedia,typical] [--out bench-results/latest.json]
 *                    [--extension dir]   (measure that build instead of building .output/chrome-mv3)
 *                    [--candidate dir]   (another build, measured in the same runs: A/B an optimisation)
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import type { TermList } from '../lib/glossary/types';
import { BrowserNotFoundError, findBrowser } from './browser.mjs';
import { PROJECT_ROOT, startServer } from './serve.mjs';
import { loadGlossary } from './glossary/load';
import { buildExtension, CONTENT_SCRIPT, contentScriptSize } from './bench/build';
import { buildPages, type BenchPage } from './bench/pages';
import { breakdownPage, bundleBreakdown, formatBreakdown, type PageBreakdown } from './bench/breakdown';
import { checkBudgets, formatReport, summarisePage, writeJson } from './bench/report';
import { formatProfile } from './bench/profile';
import { PLAIN_ARGS, runAll, type RunOutcome } from './bench/run';
import { formatTooltip, measureTooltip, tooltipBudgets, type TooltipResult } from './bench/tooltip';
import { formatPopup, measurePopup, popupBudgets, type PopupResult } from './bench/popup';
import { formatHeavyRows, measureHeavyPages, type HeavyRow } from './bench/heavy-pages';

const { values: args } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    breakdown: { type: 'boolean', default: false },
    extension: { type: 'string' },
    candidate: { type: 'string' },
    runs: { type: 'string', default: '5' },
    'mark-runs': { type: 'string', default: '3' },
    'mark-timeout': { type: 'string', default: '60' },
    repeat: { type: 'string', default: '100' },
    pages: { type: 'string', default: 'stress,wikipedia,typical' },
    out: { type: 'string', default: 'bench-results/latest.json' },
    suites: { type: 'string', default: 'scan,tooltip,popup,heavy' },
    hovers: { type: 'string', default: '15' },
    'popup-opens': { type: 'string', default: '10' },
  },
});

/**
 * Keeps saved pages from loading images, styles and frames from their sites, so runs don't depend on
 * the network. Scripts are NOT blocked (inline and eval allowed): the baselines inject theirs.
 */
const OFFLINE_CSP = "default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:";

const SUITES = ['scan', 'tooltip', 'popup', 'heavy'] as const;
type Suite = (typeof SUITES)[number];

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const positive = ({ name, value, allowZero = false }: { name: string; value: string; allowZero?: boolean }) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || (n === 0 && !allowZero)) throw new Error(`--${name} must be a positive number, not ${value}`);
  return n;
};

async function main() {
  const started = Date.now();
  const loadBefore = loadavg()[0] ?? 0;
  const runs = Math.round(positive({ name: 'runs', value: args.runs }));
  const markRuns = Math.round(positive({ name: 'mark-runs', value: args['mark-runs'], allowZero: true }));
  const markTimeoutMs = positive({ name: 'mark-timeout', value: args['mark-timeout'] }) * 1000;
  const repeat = Math.round(positive({ name: 'repeat', value: args.repeat }));
  const hovers = Math.round(positive({ name: 'hovers', value: args.hovers }));
  const popupOpens = Math.round(positive({ name: 'popup-opens', value: args['popup-opens'] }));
  const asked = args.suites.split(',').map((name) => name.trim()).filter((name) => name.length > 0);
  const unknown = asked.filter((name) => !(SUITES as readonly string[]).includes(name));
  if (unknown.length > 0 || asked.length === 0) throw new Error(`--suites takes a comma-separated list of ${SUITES.join(', ')}; not ${args.suites}`);
  const suites = new Set(asked as Suite[]);

  let executablePath: string;
  try {
    executablePath = findBrowser();
  } catch (error) {
    if (!(error instanceof BrowserNotFoundError)) throw error;
    console.error(error.message);
    process.exit(1);
  }

  // A build elsewhere (`--extension dir`) is measured as it is.
  const extensionPath = args.extension ? resolve(args.extension) : join(PROJECT_ROOT, '.output/chrome-mv3');
  if (!args['no-build'] && !args.extension) {
    log('Building the extension (npx wxt build)…');
    buildExtension({ root: PROJECT_ROOT });
  }
  const bundle = contentScriptSize({ extensionPath });

  const { glossary, termList } = loadGlossary({ dataDir: 'data', root: PROJECT_ROOT });
  // The raw forms a naive highlighter would search for: every term and alias as written.
  const terms = [...new Set(glossary.entries.flatMap((entry) => [entry.term, ...(entry.aliases ?? [])]).filter((t) => t.length > 0))];
  const markSource = readFileSync(join(PROJECT_ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');

  const wanted = new Set(suites.has('scan') ? args.pages.split(',').map((id) => id.trim()) : []);
  const plan = suites.has('scan') ? buildPages({ root: PROJECT_ROOT, repeat }) : { pages: [], skipped: [] };
  const pages = plan.pages.filter((page) => wanted.has(page.id));
  const skipped = plan.skipped.filter((page) => wanted.has(page.id));
  for (const page of skipped) log(`SKIPPING ${page.id}: ${page.reason}`);

  const server = await startServer();
  const served = pages.map((page) => ({ page, url: server.addPage(page.path, page.html, { contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': OFFLINE_CSP } }) }));
  let outcome: RunOutcome | undefined;
  let breakdowns: PageBreakdown[] = [];
  let tooltip: TooltipResult | undefined;
  let popup: PopupResult | undefined;
  let heavy: HeavyRow[] | undefined;
  try {
    if (suites.has('scan')) outcome = await runAll({
      extensionPath,
      candidatePath: args.candidate ? resolve(args.candidate) : undefined,
      executablePath,
      pages: served,
      runs,
      markRuns,
      markTimeoutMs,
      terms,
      markSource,
      log,
      profile: args.profile ? { dir: join(PROJECT_ROOT, 'bench-results'), bundlePath: join(extensionPath, CONTENT_SCRIPT) } : undefined,
    });
    if (suites.has('scan') && args.breakdown) breakdowns = await runBreakdowns({ served, executablePath, termList });
    const demoUrl = `${server.origin}/demo/`;
    if (suites.has('tooltip')) {
      log('Tooltip: the real extension on the demo article…');
      tooltip = await measureTooltip({ extensionPath, executablePath, demoUrl, hovers, log });
    }
    if (suites.has('popup')) {
      log('Popup: the real extension, its popup page for the demo article…');
      popup = await measurePopup({ extensionPath, executablePath, demoUrl, root: PROJECT_ROOT, glossary, termList, opens: popupOpens, log });
    }
    if (suites.has('heavy')) {
      log('Heavy pages: CPU time and memory with and without the extension…');
      heavy = await measureHeavyPages({ extensionPath, executablePath, log });
    }
  } finally {
    await server.close();
  }

  const summaries = outcome ? outcome.results.map((result) => summarisePage({ result })) : [];
  // Without the scan suite, of its budgets only the bundle size (measured without a browser) applies.
  const scanBudgets = checkBudgets({ summaries, bundle }).filter((budget) => outcome || budget.name.startsWith('content script'));
  const budgets = [...scanBudgets, ...(tooltip ? tooltipBudgets({ result: tooltip }) : []), ...(popup ? popupBudgets({ result: popup }) : [])];
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const loadAfter = loadavg()[0] ?? 0;
  const browserVersion = outcome?.browserVersion ?? tooltip?.browserVersion ?? popup?.browserVersion ?? 'unknown';
  const header =
    `Huantai Lens benchmark · Chromium ${browserVersion} (headless) · ${cpus().length} CPU(s) · suites: ${[...suites].join(', ')} · ` +
    (outcome ? `${runs} runs per page, medians · ${terms.length} raw terms+aliases for the baselines · mark.js ≤ ${markRuns} run(s), ${markTimeoutMs / 1000} s limit · ` : '') +
    `${seconds} s\n` +
    `load average ${loadBefore.toFixed(1)} at start, ${loadAfter.toFixed(1)} at end (other work on the machine makes single figures noisy; the ratios compare interleaved runs)`;
  const sections = [
    ...(tooltip ? [formatTooltip({ result: tooltip })] : []),
    ...(popup ? [formatPopup({ result: popup })] : []),
    ...(heavy ? [formatHeavyRows(heavy)] : []),
  ];
  console.log(formatReport({ header, summaries, skipped, budgets, bundle, sections }));
  for (const summary of outcome?.profiles ?? []) console.log(`\n${formatProfile({ summary })}`);
  for (const breakdown of breakdowns) console.log(`\n${formatBreakdown({ breakdown })}`);

  const outPath = resolve(PROJECT_ROOT, args.out);
  writeJson({
    path: outPath,
    data: {
      date: new Date().toISOString(),
      environment: { chromium: browserVersion, node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', loadAverage: { start: loadBefore, end: loadAfter } },
      options: { suites: [...suites], hovers, popupOpens, runs, markRuns, markTimeoutMs, repeat, build: !args['no-build'] && !args.extension, extension: extensionPath, candidate: args.candidate ?? null },
      terms: terms.length,
      bundle,
      budgets,
      pages: summaries,
      skipped,
      profiles: outcome?.profiles ?? [],
      breakdowns,
      tooltip: tooltip ?? null,
      heavy: heavy ?? null,
      popup: popup ?? null,
      raw: (outcome?.results ?? []).map(({ page, url, ours, candidate, floor, naive, mark, markNote, errors }) => ({
        id: page.id,
        source: page.source,
        url,
        htmlBytes: Buffer.byteLength(page.html),
        ours,
        candidate,
        floor,
        naive,
        mark,
        markNote,
        errors,
      })),
    },
  });
  log(`Wrote ${outPath}`);
}

/** `--breakdown`: the extension's stages one by one, in a plain browser (see bench/breakdown.ts). */
async function runBreakdowns({ served, executablePath, termList }: { served: { page: BenchPage; url: string }[]; executablePath: string; termList: TermList }) {
  log('Bundling lib/ for the stage breakdown…');
  const code = await bundleBreakdown({ root: PROJECT_ROOT });
  const browser = await chromium.launch({ executablePath, headless: true, args: PLAIN_ARGS });
  try {
    const out: PageBreakdown[] = [];
    for (const { page, url } of served) {
      log(`${page.id}: stage breakdown`);
      out.push(await breakdownPage({ browser, pageId: page.id, url, code, termList }));
    }
    return out;
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
