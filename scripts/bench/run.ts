/**
 * Runs every measurement: the extension and the baselines take turns on each page, run by run,
 * so a drift in machine load affects all of them alike; mark.js runs last (it is by far the slowest).
 * With a candidate build (`--candidate`), it takes its turn right after ours, for A/B comparisons
 * of an optimisation on a machine whose load drifts.
 */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { launchWithExtension } from '../browser.mjs';
import { measureFloor, measureMark, measureNaive, type FloorRun, type MarkRun, type NaiveRun } from './baselines';
import { prepareContext } from './browser-setup';
import { measureOurs, prepareOursContext, type OurRun } from './ours';
import type { BenchPage } from './pages';
import { profilePage, type ProfileSummary } from './profile';

export const PLAIN_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1280, height: 900 };

export interface PageMeasurements {
  page: BenchPage;
  url: string;
  ours: OurRun[];
  /** The same measurements of the `--candidate` build, when given. */
  candidate?: OurRun[];
  floor: FloorRun[];
  naive: NaiveRun[];
  mark: MarkRun[];
  /** Why mark.js has fewer runs than asked, if it has. */
  markNote?: string;
  errors: string[];
}

export interface RunOptions {
  extensionPath: string;
  /** Another build of the extension (a .output/chrome-mv3 directory) to measure alongside. */
  candidatePath?: string;
  executablePath: string;
  pages: { page: BenchPage; url: string }[];
  runs: number;
  markRuns: number;
  markTimeoutMs: number;
  terms: string[];
  markSource: string;
  log: (line: string) => void;
  /** Also profile one extra load of each page (see profile.ts), writing into `profileDir`. */
  profile?: { dir: string; bundlePath: string };
}

export interface RunOutcome {
  results: PageMeasurements[];
  browserVersion: string;
  profiles: ProfileSummary[];
}

/** mark.js runs longer than this are not repeated. */
const MARK_REPEAT_LIMIT_MS = 5_000;
/** After this many failed runs in a row of the extension on a page, its remaining runs are skipped. */
const GIVE_UP_AFTER = 2;
/** No single measurement may take longer than this (the extension's own waits are shorter). */
const STEP_TIMEOUT_MS = 90_000;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const message = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0]! : String(error));

async function launchExtension({ path, executablePath }: { path: string; executablePath: string }): Promise<BrowserContext> {
  const { context } = await launchWithExtension({ extensionPath: path, executablePath, headless: true, via: 'flag', viewport: VIEWPORT });
  await prepareContext({ context });
  await prepareOursContext({ context });
  return context;
}

export async function runAll(options: RunOptions): Promise<RunOutcome> {
  const { log } = options;
  log(`Starting Chromium with the extension${options.candidatePath ? ', another with the candidate build' : ''}, and a plain one for the baselines…`);
  const contexts: BrowserContext[] = [];
  const plain: Browser = await chromium.launch({ executablePath: options.executablePath, headless: true, args: PLAIN_ARGS });
  try {
    const ours = await launchExtension({ path: options.extensionPath, executablePath: options.executablePath });
    contexts.push(ours);
    const candidate = options.candidatePath ? await launchExtension({ path: options.candidatePath, executablePath: options.executablePath }) : undefined;
    if (candidate) contexts.push(candidate);
    const baselineContext = await plain.newContext({ viewport: VIEWPORT });
    await prepareContext({ context: baselineContext });

    const results: PageMeasurements[] = options.pages.map(({ page, url }) => ({
      page,
      url,
      ours: [],
      candidate: candidate ? [] : undefined,
      floor: [],
      naive: [],
      mark: [],
      errors: [],
    }));
    const warmup = options.pages.find(({ page }) => page.id === 'typical') ?? options.pages[0];
    if (warmup) {
      log(`Warm-up load of ${warmup.page.title} (not counted)…`);
      for (const context of contexts) await measureOurs({ context, url: warmup.url, firstMeasureTimeoutMs: 20_000 }).catch(() => undefined);
      await measureNaive({ context: baselineContext, url: warmup.url, terms: options.terms }).catch(() => undefined);
    }

    for (const result of results) {
      let failures = 0;
      for (let run = 1; run <= options.runs; run++) {
        const t0 = Date.now();
        const measured = await attempt({ result, what: 'extension', action: () => measureOurs({ context: ours, url: result.url, scrollTo: result.page.scrollTo }), into: result.ours });
        if (candidate && result.candidate) {
          await attempt({ result, what: 'candidate', action: () => measureOurs({ context: candidate, url: result.url, scrollTo: result.page.scrollTo }), into: result.candidate });
        }
        const t1 = Date.now();
        await attempt({ result, what: 'floor', action: () => measureFloor({ context: baselineContext, url: result.url }), into: result.floor });
        await attempt({ result, what: 'naive', action: () => measureNaive({ context: baselineContext, url: result.url, terms: options.terms }), into: result.naive });
        log(`${result.page.id}: run ${run}/${options.runs} done (extension${candidate ? 's' : ''} ${seconds(t1 - t0)}, baselines ${seconds(Date.now() - t1)})`);
        failures = measured === undefined ? failures + 1 : 0;
        if (failures >= GIVE_UP_AFTER && run < options.runs) {
          result.errors.push(`extension: gave up on this page after ${failures} failed runs in a row`);
          log(`${result.page.id}: the extension failed ${failures} runs in a row; skipping the rest of this page's runs`);
          break;
        }
      }
    }
    await baselineContext.close();

    const profiles: ProfileSummary[] = [];
    if (options.profile) {
      for (const { page, url } of options.pages) {
        log(`${page.id}: profiling one more load with the extension`);
        try {
          profiles.push(await profilePage({ context: ours, pageId: page.id, url, outDir: options.profile.dir, bundlePath: options.profile.bundlePath }));
        } catch (error) {
          log(`${page.id}: profiling failed: ${message(error)}`);
        }
      }
    }

    for (const result of results) {
      for (let run = 1; run <= options.markRuns; run++) {
        log(`${result.page.id}: mark.js run ${run}/${options.markRuns} (stops at ${Math.round(options.markTimeoutMs / 1000)} s)`);
        const outcome = await attempt({
          result,
          what: 'mark.js',
          action: () => measureMark({ browser: plain, prepare: (context) => prepareContext({ context }), url: result.url, terms: options.terms, markSource: options.markSource, timeoutMs: options.markTimeoutMs }),
          into: result.mark,
          timeoutMs: options.markTimeoutMs + 2 * STEP_TIMEOUT_MS,
        });
        if (outcome?.timedOut) {
          result.markNote = `did not finish within ${Math.round(options.markTimeoutMs / 1000)} s (${outcome.marks} marks by then); no further runs`;
          break;
        }
        // One run that slow makes the point; repeating it would take most of the benchmark's time.
        if (outcome && outcome.ms > MARK_REPEAT_LIMIT_MS) {
          if (run < options.markRuns) result.markNote = `one run only: it took ${(outcome.ms / 1000).toFixed(1)} s (runs over ${MARK_REPEAT_LIMIT_MS / 1000} s are not repeated)`;
          break;
        }
      }
    }
    return { results, browserVersion: plain.version(), profiles };
  } finally {
    for (const context of contexts) await context.close().catch(() => undefined);
    await plain.close().catch(() => undefined);
  }
}

async function attempt<T>({ result, what, action, into, timeoutMs = STEP_TIMEOUT_MS }: {
  result: PageMeasurements;
  what: string;
  action: () => Promise<T>;
  into: T[];
  timeoutMs?: number;
}): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${seconds(timeoutMs)}`)), timeoutMs);
    });
    const value = await Promise.race([action(), timeout]);
    into.push(value);
    return value;
  } catch (error) {
    result.errors.push(`${what}: ${message(error)}`);
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
