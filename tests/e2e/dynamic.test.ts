/**
 * Pages that change after load, in a real Chromium with the built extension: text a page adds is
 * painted, text it removes loses its ranges, a single-page app that swaps its article gets the new
 * terms and loses the old ones, and a page that never stops changing gets a bounded share of time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { allPainted, badgeOf, type Harness, paintedInside, startHarness, waitForScanIdle } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());


/** Ranges whose nodes have left the page, and ranges painted twice at the same place. */
function staleAndDuplicates(page: Page): Promise<{ stale: number; duplicates: number; total: number }> {
  return page.evaluate(() => {
    let stale = 0;
    let duplicates = 0;
    let total = 0;
    const seen = new Map<Node, Set<number>>();
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('huantai-lens')) continue;
      for (const range of highlight) {
        total++;
        if (!range.startContainer.isConnected || !range.endContainer.isConnected) stale++;
        const offsets = seen.get(range.startContainer) ?? new Set<number>();
        if (offsets.has(range.startOffset)) duplicates++;
        offsets.add(range.startOffset);
        seen.set(range.startContainer, offsets);
      }
    }
    return { stale, duplicates, total };
  });
}


describe('a page adding and removing text', () => {
  let page: Page;
  beforeAll(async () => {
    page = await harness.openPage('/demo/');
  });
  afterAll(() => page?.close());

  it('paints a paragraph the page adds after load', async () => {
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'added';
      p.append('快讯：推进碳达峰碳中和，做大做强', Object.assign(document.createElement('a'), { textContent: '中国' }), '膜谷。');
      document.querySelector('article h1')!.after(p);
      scrollTo(0, 0);
    });
    await expect.poll(() => paintedInside(page, '#added'), { timeout: 10_000 }).toEqual(['中国膜谷', '碳达峰碳中和'].sort());
    expect(await staleAndDuplicates(page)).toMatchObject({ stale: 0, duplicates: 0 });
  });

  it('paints text the page appends to a paragraph already painted, without painting the rest twice', async () => {
    const selector = '#added';
    await page.evaluate((sel) => document.querySelector(sel)!.scrollIntoView({ block: 'center' }), selector);
    await expect.poll(() => paintedInside(page, selector)).toEqual(['中国膜谷', '碳达峰碳中和'].sort());
    await page.evaluate((sel) => document.querySelector(sel)!.append('另见：建成高标准农田。'), selector);
    await expect.poll(() => paintedInside(page, selector), { timeout: 10_000 }).toEqual(['中国膜谷', '碳达峰碳中和', '高标准农田'].sort());
    expect(await staleAndDuplicates(page)).toMatchObject({ stale: 0, duplicates: 0 });
  });

  it('paints text the page rewrites in place (a text node’s data)', async () => {
    await page.evaluate(() => {
      const meta = document.querySelector('.meta')!;
      (meta.firstChild as Text).data = '更新：扎实开展新一轮“四减四增”行动';
    });
    await expect.poll(() => paintedInside(page, '.meta'), { timeout: 10_000 }).toEqual(['四减四增']);
  });

  it('removes the ranges of a painted paragraph the page removes', async () => {
    const selector = '#added';
    await page.evaluate((sel) => document.querySelector(sel)!.scrollIntoView({ block: 'center' }), selector);
    await expect.poll(() => paintedInside(page, selector)).toContain('中国膜谷');
    const removed = await page.evaluate((sel) => {
      const p = document.querySelector(sel)!;
      p.remove();
      return p.textContent;
    }, selector);
    expect(removed).toContain('碳达峰碳中和');
    // The removed paragraph held the page's only 碳达峰碳中和.
    await expect.poll(async () => (await allPainted(page)).includes('碳达峰碳中和'), { timeout: 10_000 }).toBe(false);
    expect(await staleAndDuplicates(page)).toMatchObject({ stale: 0, duplicates: 0 });
    // What stays painted is still painted (the rest of the article was rescanned, not lost).
    await expect.poll(() => paintedInside(page, 'article')).toContain('地区生产总值');
  });
});

describe('a single-page app that swaps its article', () => {
  it('paints the new article’s terms and drops the old ones, badge included', async () => {
    const page = await harness.openPage('/pages/spa.html');
    try {
      expect((await allPainted(page)).sort()).toEqual(['中国膜谷', '膜产业“马踏湖”高峰论坛', '跨境电商', '海外仓'].sort());
      await expect.poll(() => badgeOf(page)).toBe('4');

      await page.click('#next');
      expect(await page.evaluate(() => location.search)).toBe('?story=2');
      await expect.poll(async () => (await allPainted(page)).sort(), { timeout: 10_000 }).toEqual(['四减四增', '粮食安全', '高标准农田'].sort());
      expect(await staleAndDuplicates(page)).toMatchObject({ stale: 0, duplicates: 0 });
      await expect.poll(() => badgeOf(page)).toBe('3');
    } finally {
      await page.close();
    }
  });
});

describe('a page that never stops changing', () => {
  it('gets a bounded share of the main thread, and is painted once it settles', async () => {
    const page = await harness.openPage('/demo/');
    try {
      await waitForScanIdle(page);
      const window = 3000;
      const { busy, elapsed } = await page.evaluate(async (ms) => {
        const ticker = document.createElement('div');
        ticker.id = 'ticker';
        document.querySelector('article')!.prepend(ticker);
        scrollTo(0, 0);
        const startedAt = performance.now();
        let n = 0;
        // A live ticker: a new line every animation frame, each with a term in it.
        await new Promise<void>((resolve) => {
          const tick = () => {
            const line = document.createElement('p');
            line.textContent = `第${n++}条：建成高标准农田，做大做强中国膜谷。`;
            ticker.append(line);
            if (performance.now() - startedAt < ms) requestAnimationFrame(tick);
            else resolve();
          };
          requestAnimationFrame(tick);
        });
        const endedAt = performance.now();
        const busyMs = performance
          .getEntriesByName('huantai-lens:scan')
          .filter((e) => e.startTime >= startedAt)
          .reduce((sum, e) => sum + Math.min(e.startTime + e.duration, endedAt) - e.startTime, 0);
        return { busy: busyMs, elapsed: endedAt - startedAt };
      }, window);
      // The watcher pauses ten times each burst's length; allow for debounce slack and the
      // measures' own overhead on a busy two-core machine.
      expect(busy / elapsed).toBeLessThan(0.25);
      const lines = await page.evaluate(() => document.querySelectorAll('#ticker p').length);
      expect(lines).toBeGreaterThan(20);
      // Once the page is quiet, everything it added is found (painted as it comes on screen).
      await expect
        .poll(
          async () => {
            const painted = await paintedInside(page, '#ticker');
            const onScreen = await page.evaluate(() => {
              const bottom = innerHeight * 2;
              return [...document.querySelectorAll('#ticker p')].filter((p) => p.getBoundingClientRect().top < bottom).length;
            });
            return painted.filter((t) => t === '中国膜谷').length >= onScreen && onScreen > 0;
          },
          { timeout: 20_000 },
        )
        .toBe(true);
      expect(await staleAndDuplicates(page)).toMatchObject({ stale: 0, duplicates: 0 });
    } finally {
      await page.close();
    }
  });
});
