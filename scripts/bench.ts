/**
 * `npm run bench`: what Huantai Lens costs a page, against three other content scripts run the same
 * way in the same runs: `empty` (the browser alone), `floor` (reads every text node once) and
 * `goose` (one RegExp of every term form, a StaticRange per match). Each is a real MV3 extension in
 * its own headless Chromium; each run opens a fresh tab in each, the peers taking turns. Prints a
 * table of medians (lowest–highest run in brackets) and the budget verdicts, and writes
 * bench-results/latest.json. A failing budget is a finding, not an error: the exit code stays 0.
 *
 *   npm run bench -- [--runs 5] [--pages default|heavy|all|<id>,…] [--repeat 100] [--quiet-ms 500]
 *                    [--no-build] [--extension dir] [--trace] [--profile] [--no-ui] [--out file]
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import type { BrowserContext } from 'playwright-core';
import { BrowserNotFoundError, findBrowser, launchWithExtension } from './browser.mjs';
import { PROJECT_ROOT, startServer } from './serve.mjs';
import { measureLoad, type LoadRun } from './bench/measure';
import { choosePages, withIdleProbe, type PageSpec } from './bench/pages';
import { alternation, glossaryForms, PEERS, writePeerExtension, type PeerId } from './bench/peers';
import { cell, checkBudgets, fmt, formatBudgets, formatTable, pageRows, type Results } from './bench/report';
import { formatUi, measureUi, type UiResult } from './bench/ui';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    pages: { type: 'string', default: 'default' },
    repeat: { type: 'string', default: '100' },
    'quiet-ms': { type: 'string', default: '500' },
    'no-build': { type: 'boolean', default: false },
    extension: { type: 'string' },
    trace: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'no-ui': { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench-results/latest.json' },
  },
});

/** Saved pages must not reach the network: everything from elsewhere is refused (inline scripts run). */
const csp = (extraOrigin = '') => `default-src 'self' ${extraOrigin} 'unsafe-inline' 'unsafe-eval' data: blob:`.replace(/ {2}/gu, ' ');
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const count = ({ name, value }: { name: string; value: string }) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} takes a whole number ≥ 1, not ${value}`);
  return n;
};
const message = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0]! : String(error));

interface Served { spec: PageSpec; url: string; source: string }

/** Makes and serves every chosen page; a page that cannot be had here (no shared corpus) is skipped with a note. */
function servePages({ server, specs, repeat, forms }: {
  server: Awaited<ReturnType<typeof startServer>>;
  specs: PageSpec[];
  repeat: number;
  forms: string[];
}): { served: Served[]; skipped: Array<{ id: string; reason: string }> } {
  const crossOrigin = server.origin.replace('127.0.0.1', 'localhost');
  const served: Served[] = [];
  const skipped: Array<{ id: string; reason: string }> = [];
  const anyTerm = new RegExp(alternation({ forms }), 'u');
  for (const spec of specs) {
    const made = spec.make({ root: PROJECT_ROOT, repeat, crossOrigin });
    if ('skip' in made) {
      skipped.push({ id: spec.id, reason: made.skip });
      continue;
    }
    // A generated page meant to hold no term must hold none, or its budget measures something else.
    if (spec.kind === 'no-term' && made.source === 'generated' && anyTerm.test(made.html.replace(/<[^>]*>/gu, ''))) throw new Error(`${spec.id} holds a glossary term`);
    const headers = { 'Content-Security-Policy': csp(spec.id === 'frames' ? crossOrigin : '') };
    for (const [path, html] of Object.entries(made.extra ?? {})) server.addPage(path, html, { headers });
    served.push({ spec, url: server.addPage(`/bench/${spec.id}.html`, withIdleProbe(made.html), { headers }), source: made.source });
  }
  return { served, skipped };
}

/** Each peer in its own browser (an extension's content script runs in every tab of its browser); fills `into` as they start. */
async function launchPeers({ executablePath, lensPath, forms, into }: {
  executablePath: string;
  lensPath: string;
  forms: string[];
  into: { contexts: Map<PeerId, BrowserContext>; temp: string[] };
}): Promise<void> {
  for (const peer of PEERS) {
    const path = peer.files ? writePeerExtension({ peer, forms }) : lensPath;
    if (peer.files) into.temp.push(path);
    const { context } = await launchWithExtension({ extensionPath: path, executablePath, via: 'flag' });
    into.contexts.set(peer.id, context);
  }
}

/** The runs: page by page, run by run, every peer once per run, in an order that rotates. */
async function runPages({ served, warmUpUrl, contexts, runs, trace, profile, quietMs }: {
  served: Served[];
  warmUpUrl: string;
  contexts: Map<PeerId, BrowserContext>;
  runs: number;
  trace: boolean;
  profile: boolean;
  quietMs: number;
}): Promise<{ results: Results; errors: string[] }> {
  const results: Results = new Map();
  const errors: string[] = [];
  const ids = [...contexts.keys()];
  // Not counted: a browser's first pages pay for starting renderers and compiling the content script.
  for (const context of contexts.values()) for (let i = 0; i < 2; i++) await measureLoad({ context, url: warmUpUrl, quietMs }).catch(() => undefined);
  for (const { spec, url } of served) {
    const byPeer = new Map<PeerId, LoadRun[]>(ids.map((id) => [id, []]));
    results.set(spec.id, { kind: spec.kind, runs: byPeer });
    for (let run = 0; run < runs; run++) {
      const started = Date.now();
      // Rotating the order spreads whatever drifts during a run (GC, the other browsers' housekeeping) over all peers.
      for (const id of [...ids.slice(run % ids.length), ...ids.slice(0, run % ids.length)]) {
        try {
          byPeer.get(id)!.push(await measureLoad({ context: contexts.get(id)!, url, scroll: spec.scroll, watchMs: spec.watchMs, trace: trace || profile || !!spec.trace, profile, quietMs }));
        } catch (error) {
          errors.push(`${spec.id} ${id} run ${run + 1}: ${message(error)}`);
        }
        // Lets the closed tab's renderer finish exiting before the next load shares the 2 cores with it.
        await new Promise((done) => setTimeout(done, 250));
      }
      log(`${spec.id}: run ${run + 1}/${runs} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
  }
  return { results, errors };
}

/** `--profile`: where the content scripts' traced tasks spent their time, averaged per run. */
function formatProfile({ results }: { results: Results }): string {
  const out = ['Profile (self time inside each peer\'s traced tasks, ms per load):'];
  for (const [page, { runs }] of results) {
    for (const [peer, list] of runs) {
      const add = (into: Map<string, number>, from?: Record<string, number>) => Object.entries(from ?? {}).forEach(([k, v]) => into.set(k, (into.get(k) ?? 0) + v / list.length));
      const events = new Map<string, number>();
      const callbacks = new Map<string, number>();
      for (const run of list) {
        add(events, run.profile?.byEvent);
        add(callbacks, run.profile?.byCallback);
      }
      const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' · ');
      if (events.size > 0) out.push(`  ${page} ${peer}: ${top(events)}`, `    callbacks: ${top(callbacks) || '—'}`);
    }
  }
  return out.join('\n');
}

async function main() {
  const started = Date.now();
  const loadBefore = loadavg()[0] ?? 0;
  const runs = count({ name: 'runs', value: args.runs });
  const quietMs = count({ name: 'quiet-ms', value: args['quiet-ms'] });
  const specs = choosePages({ names: args.pages.split(',').map((s) => s.trim()).filter(Boolean) });
  let executablePath: string;
  try {
    executablePath = findBrowser();
  } catch (error) {
    if (!(error instanceof BrowserNotFoundError)) throw error;
    console.error(error.message);
    return process.exit(1);
  }
  const lensPath = args.extension ? resolve(args.extension) : join(PROJECT_ROOT, '.output/chrome-mv3');
  if (!args['no-build'] && !args.extension) {
    log('Building the extension (npx wxt build)…');
    execFileSync('npx', ['wxt', 'build'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  if (!existsSync(join(lensPath, 'manifest.json'))) throw new Error(`No built extension at ${lensPath}: run without --no-build, or pass --extension <dir>.`);
  const forms = glossaryForms({ root: PROJECT_ROOT });
  const server = await startServer();
  const { served, skipped } = servePages({ server, specs, repeat: count({ name: 'repeat', value: args.repeat }), forms });
  for (const { id, reason } of skipped) log(`SKIPPING ${id}: ${reason}`);
  const contexts = new Map<PeerId, BrowserContext>();
  const temp: string[] = [];
  let outcome: Awaited<ReturnType<typeof runPages>>;
  let ui: UiResult | null = null;
  let version = 'unknown';
  try {
    await launchPeers({ executablePath, lensPath, forms, into: { contexts, temp } });
    version = contexts.get('lens')?.browser()?.version() ?? version;
    outcome = await runPages({ served, warmUpUrl: `${server.origin}/demo/`, contexts, runs, trace: args.trace, profile: args.profile, quietMs });
    if (!args['no-ui']) ui = await measureUi({ context: contexts.get('lens')!, demoUrl: `${server.origin}/demo/`, log }).catch((error: unknown) => ({ error: message(error) }) as UiResult);
  } finally {
    for (const context of contexts.values()) await context.close().catch(() => undefined);
    for (const dir of temp) rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
  report({ outcome, served, skipped, ui, runs, version, seconds: (Date.now() - started) / 1000, forms: forms.length, lensPath, quietMs, loadBefore });
}

function report({ outcome, served, skipped, ui, runs, version, seconds, forms, lensPath, quietMs, loadBefore }: {
  outcome: { results: Results; errors: string[] };
  served: Served[];
  skipped: Array<{ id: string; reason: string }>;
  ui: UiResult | null;
  runs: number;
  version: string;
  seconds: number;
  forms: number;
  lensPath: string;
  quietMs: number;
  /** Other work on the machine inflates wall-time figures (measures, traced tasks): the load average says how much there was. */
  loadBefore: number;
}) {
  const rows = [...outcome.results].flatMap(([page, { runs: byPeer }]) => pageRows({ page, runs: byPeer }));
  const budgets = checkBudgets({ rows, results: outcome.results });
  const baselines = [...outcome.results].map(([page, { runs: byPeer }]) => `${page} ${fmt(cell({ values: (byPeer.get('empty') ?? []).map((r) => r.taskMs) }))}`);
  console.log([
    `Huantai Lens bench · Chromium ${version} (headless) · ${cpus().length} CPUs, load average ${loadBefore.toFixed(1)} → ${loadavg()[0]?.toFixed(1)} · ${runs} runs per page and peer, medians (lowest–highest) · ${seconds.toFixed(0)} s`,
    `peers: ${PEERS.map((p) => `${p.id} = ${p.what}`).join('; ')} (goose: ${forms} forms)`,
    `+task / +script: CDP TaskDuration / ScriptDuration (main-thread time, from navigation until no new measure for ${quietMs} ms) above the empty peer's median; ` +
      `own measures: lens 'huantai-lens:scan', floor and goose 'bench:work', summed over frames; longest task: traced, the longest main-thread task running the peer's script.`,
    ...served.map(({ spec, source }) => `  ${spec.id.padEnd(13)} ${spec.what} (${source})`),
    `the empty peer's own TaskDuration, ms: ${baselines.join(' · ')}`,
    '',
    formatTable({ rows }),
    '',
    ...skipped.map(({ id, reason }) => `SKIPPED ${id}: ${reason}`),
    ...outcome.errors.map((e) => `ERROR ${e}`),
    ...[...outcome.results].flatMap(([page, { runs: byPeer }]) => [...byPeer].filter(([, list]) => list.some((r) => !r.quiet)).map(([peer]) => `NOTE ${page} ${peer}: still recording measures when the wait ran out (30 s)`)),
    ...(ui ? [formatUi({ result: ui }), ''] : []),
    ...(args.profile ? [formatProfile({ results: outcome.results }), ''] : []),
    formatBudgets({ budgets }),
  ].join('\n'));
  const path = resolve(PROJECT_ROOT, args.out);
  mkdirSync(dirname(path), { recursive: true });
  const json = {
    date: new Date().toISOString(),
    environment: { chromium: version, node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', loadAverage: [loadBefore, loadavg()[0]] },
    options: { runs, pages: args.pages, repeat: Number(args.repeat), quietMs, trace: args.trace, profile: args.profile, extension: lensPath },
    peers: PEERS.map(({ id, what }) => ({ id, what })),
    pages: served.map(({ spec, url, source }) => ({ id: spec.id, what: spec.what, kind: spec.kind, source, url })),
    skipped, budgets, rows, ui, errors: outcome.errors,
    runs: Object.fromEntries([...outcome.results].map(([page, { runs: byPeer }]) => [page, Object.fromEntries(byPeer)])),
  };
  writeFileSync(path, JSON.stringify(json, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n');
  log(`Wrote ${path}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
