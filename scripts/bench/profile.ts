/**
 * `--profile`: one extra load per page with the V8 sampling profiler on, to see where the content
 * script's time goes. Writes a .cpuprofile (open it in DevTools → Performance) and summarises the
 * self time of everything running under the content script's frames. The bundle is minified, so
 * each hot function is shown with the start of its source text in content.js.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { MEASURE_NAME } from './ours';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface HotFunction {
  name: string;
  /** Where it is: content.js line:column, or the native/builtin name. */
  where: string;
  /** The first characters of the function's source in the minified bundle. */
  snippet: string;
  selfMs: number;
  share: number;
}

export interface ProfileSummary {
  pageId: string;
  file: string;
  /** Self time of all frames under the content script, ms. */
  contentScriptMs: number;
  /** Garbage collection while the profile ran (not attributable to a script), ms. */
  gcMs: number;
  top: HotFunction[];
}

export async function profilePage({ context, pageId, url, outDir, bundlePath, quietMs = 500 }: {
  context: BrowserContext;
  pageId: string;
  url: string;
  outDir: string;
  bundlePath: string;
  quietMs?: number;
}): Promise<ProfileSummary> {
  const page = await context.newPage();
  try {
    const session = await context.newCDPSession(page);
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 50 });
    await session.send('Profiler.start');
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, MEASURE_NAME, { timeout: 60_000 });
    let previous = -1;
    for (;;) {
      const count = await page.evaluate((name) => performance.getEntriesByName(name).length, MEASURE_NAME);
      if (count === previous) break;
      previous = count;
      await page.waitForTimeout(quietMs);
    }
    const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, `profile-${pageId}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    return { pageId, file, ...summariseProfile({ profile, bundleSource: readFileSync(bundlePath, 'utf8') }) };
  } finally {
    await page.close();
  }
}

const isContentScript = (frame: CallFrame) => frame.url.startsWith('chrome-extension://') && frame.url.includes('/content-scripts/');

export function summariseProfile({ profile, bundleSource, top = 15 }: { profile: CpuProfile; bundleSource: string; top?: number }): Omit<ProfileSummary, 'pageId' | 'file'> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const underContent = new Map<number, boolean>();
  const isUnder = (id: number): boolean => {
    const known = underContent.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id)!;
    const up = parent.get(id);
    const value = isContentScript(node.callFrame) || (up !== undefined && isUnder(up));
    underContent.set(id, value);
    return value;
  };
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0)));

  const lines = bundleSource.split('\n');
  const groups = new Map<string, HotFunction>();
  let contentUs = 0;
  let gcUs = 0;
  for (const [id, us] of selfUs) {
    const { callFrame } = byId.get(id)!;
    if (callFrame.functionName === '(garbage collector)') gcUs += us;
    if (!isUnder(id)) continue;
    contentUs += us;
    const own = isContentScript(callFrame);
    const where = own ? `content.js ${callFrame.lineNumber + 1}:${callFrame.columnNumber + 1}` : `${callFrame.url || 'native'}`;
    const key = `${callFrame.functionName}@${where}`;
    const group = groups.get(key) ?? {
      name: callFrame.functionName || '(anonymous)',
      where,
      snippet: own ? (lines[callFrame.lineNumber] ?? '').slice(callFrame.columnNumber, callFrame.columnNumber + 110) : '',
      selfMs: 0,
      share: 0,
    };
    group.selfMs += us / 1000;
    groups.set(key, group);
  }
  const list = [...groups.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, top);
  for (const item of list) item.share = contentUs > 0 ? item.selfMs / (contentUs / 1000) : 0;
  return { contentScriptMs: contentUs / 1000, gcMs: gcUs / 1000, top: list };
}

export function formatProfile({ summary }: { summary: ProfileSummary }): string {
  const out = [
    `profile of ${summary.pageId} (${summary.file}): ${summary.contentScriptMs.toFixed(1)} ms sampled under the content script, ${summary.gcMs.toFixed(1)} ms GC in the page`,
  ];
  for (const hot of summary.top) {
    out.push(`  ${hot.selfMs.toFixed(1).padStart(7)} ms ${(hot.share * 100).toFixed(0).padStart(3)}%  ${hot.name} @ ${hot.where}${hot.snippet ? `  ${hot.snippet}` : ''}`);
  }
  return out.join('\n');
}
