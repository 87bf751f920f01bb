/**
 * Lets the page's own tasks run before the next chunk of scanning. Not scheduler.yield(): its
 * continuation is queued ahead of the page's tasks, so the page's timers starved for the whole
 * scan (a 10 ms setInterval did not fire once in 1.2 s of scanning 100,000 paragraphs; see
 * tests/e2e/hostile.test.ts). A task posted at normal priority waits its turn behind them.
 */
export function yieldToPage(): Promise<void> {
  type PostTask = (callback: () => void, options: { priority: 'user-visible' }) => Promise<void>;
  const scheduler = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler;
  if (scheduler?.postTask) return scheduler.postTask(() => undefined, { priority: 'user-visible' });
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
