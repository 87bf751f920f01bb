/**
 * The pipe end to end on the demo page: the content script scans and paints, asks the background
 * over messaging for the entries, and what the background answers is what the tooltip shows.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPainted, scrollThrough, startHarness, type Harness } from './harness';
import { CONTENT_SCRIPT, entryByTerm } from './glossary-fixture';
import { hoverText, tooltipText } from './page-helpers';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

describe('the demo page', () => {
  it('paints glossary terms and shows the explanation the background serves', async () => {
    const page = await harness.openPage('/demo/');
    await scrollThrough(page);
    const painted = await allPainted(page);
    expect(painted).toContain('中国膜谷');
    // 两高 is written “两高”项目 there: the alias 两高项目 spans the quote mark.
    expect(painted.filter((text) => text.startsWith('两高'))).toEqual(['两高”项目']);

    const entry = entryByTerm('中国膜谷');
    // The explanation travels over messaging: the content script bundle does not carry it.
    expect(readFileSync(CONTENT_SCRIPT, 'utf8')).not.toContain(entry.summary);

    await hoverText(page, '中国膜谷');
    await expect.poll(() => tooltipText(page)).toContain(entry.summary);
    expect(await tooltipText(page)).toContain(entry.english);
  });
});
