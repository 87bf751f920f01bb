/**
 * What every benchmark browser context needs: pages that can run tsx-compiled functions. (The pages
 * themselves are served with a CSP that refuses outside loads, so no request leaves the machine.)
 */
import type { BrowserContext } from 'playwright-core';

/**
 * tsx compiles with keepNames, so functions handed to page.evaluate call a `__name` helper that
 * only exists in Node; the pages get a no-op one.
 */
const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

export async function prepareContext({ context }: { context: BrowserContext }): Promise<void> {
  await context.addInitScript({ content: NAME_SHIM });
}
