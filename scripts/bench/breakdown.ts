/**
 * `--breakdown`: where the extension's scan time goes, stage by stage. The extension's own modules
 * (bundled from lib/ with breakdown-entry.ts) run in a plain page's main world, each stage as one
 * uninterrupted task, repeated; see breakdown-entry.ts for the stages.
 */
import type { Browser } from 'playwright-core';
import type { TermList } from '../../lib/glossary/types';
import { prepareContext } from './browser-setup';
import { bundleForPage } from './bundle';
import type { Stage, StageResult } from './breakdown-entry';
import { median } from './stats';

export const STAGES: Stage[] = ['walk', 'match', 'walk+find', 'full-no-io', 'full'];

export interface PageBreakdown {
  pageId: string;
  stages: Array<StageResult & { coldMs: number; warmMs: number }>;
  setupMs: number;
}

/** The in-page library, as an IIFE assigning `HuantaiBreakdown`. */
export function bundleBreakdown({ root }: { root: string }): Promise<string> {
  return bundleForPage({ root, entry: 'scripts/bench/breakdown-entry.ts', name: 'HuantaiBreakdown' });
}

export async function breakdownPage({ browser, pageId, url, code, termList, reps = 12 }: {
  browser: Browser;
  pageId: string;
  url: string;
  code: string;
  termList: TermList;
  reps?: number;
}): Promise<PageBreakdown> {
  const stages: PageBreakdown['stages'] = [];
  let setupMs = Number.NaN;
  for (const stage of STAGES) {
    // A fresh page per stage, so that each stage's first repetition is cold.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      await prepareContext({ context });
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      await page.addScriptTag({ content: code });
      const result = await page.evaluate(
        (args) => (globalThis as unknown as { HuantaiBreakdown: { runStage: (a: typeof args) => Promise<StageResult> } }).HuantaiBreakdown.runStage(args),
        { termList, stage, reps },
      );
      setupMs = median({ values: [result.setupMs] });
      stages.push({ ...result, coldMs: result.times[0] ?? Number.NaN, warmMs: Math.min(...result.times) });
    } finally {
      await context.close();
    }
  }
  return { pageId, stages, setupMs };
}

export function formatBreakdown({ breakdown }: { breakdown: PageBreakdown }): string {
  const get = (stage: Stage) => breakdown.stages.find((s) => s.stage === stage);
  const cell = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(1));
  const lines = [
    `breakdown of ${breakdown.pageId} (the extension's modules in the page's main world, no yielding; cold = first run on a fresh page, warm = fastest of the rest)`,
    `  ${'stage'.padEnd(38)}${'cold ms'.padStart(9)}${'warm ms'.padStart(9)}${'chars'.padStart(10)}${'matches'.padStart(9)}   (match counts joined segment chars)`,
  ];
  const describe: Record<Stage, string> = {
    walk: 'walk: DOM walk + runs, matcher stubbed',
    match: 'match: fold + automaton + senses',
    'walk+find': 'walk + find (no highlighter)',
    'full-no-io': '+ highlighter.addRun, IO stubbed',
    full: 'full: + highlighter.addRun (IO observe)',
  };
  for (const stage of STAGES) {
    const s = get(stage);
    lines.push(`  ${describe[stage].padEnd(38)}${cell(s?.coldMs).padStart(9)}${cell(s?.warmMs).padStart(9)}${(s ? s.chars.toLocaleString('en-US') : '—').padStart(10)}${(s ? s.matches.toLocaleString('en-US') : '—').padStart(9)}`);
  }
  const full = get('full');
  const walkFind = get('walk+find');
  const noIo = get('full-no-io');
  if (full && walkFind && noIo) {
    lines.push(
      `  highlighter bookkeeping (full-no-io − walk+find): cold ${cell(noIo.coldMs - walkFind.coldMs)} ms, warm ${cell(noIo.warmMs - walkFind.warmMs)} ms; ` +
        `IntersectionObserver.observe (full − full-no-io): cold ${cell(full.coldMs - noIo.coldMs)} ms, warm ${cell(full.warmMs - noIo.warmMs)} ms; ` +
        `building the term finder: ${cell(breakdown.setupMs)} ms`,
    );
  }
  return lines.join('\n');
}
