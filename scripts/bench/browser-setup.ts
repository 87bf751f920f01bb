/** What every benchmark browser context needs: no outside network, and pages that can run tsx-compiled functions. */
import type { BrowserContext } from 'playwright-core';

/**
 * tsx compiles with keepNames, so functions handed to page.evaluate call a `__name` helper that
 * only exists in Node; the pages get a no-op one.
 */
const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

export async function prepareContext({ context, origin }: { context: BrowserContext; origin: string }): Promise<void> {
  // Saved pages link images, styles and iframes on their sites: refuse them, so runs don't depend on the network.
  await context.route((url) => url.origin !== origin, (route) => route.abort('blockedbyclient'));
  await context.addInitScript({ content: NAME_SHIM });
}
