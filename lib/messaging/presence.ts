/**
 * Whether a tab's top frame has our content script, and whether its engine runs there. Every frame
 * has the sentinel; the engine (scanning, painting, the typed messages) only where the sentinel
 * found a possible term, so a page without one answers "here, nothing to explain" rather than not
 * at all (the popup says "no terms on this page", not "this page was not scanned").
 *
 * @webext-core/messaging sends tab messages with the callback form of tabs.sendMessage and never
 * reads runtime.lastError, so asking a tab without a content script (a browser page, the store, a
 * tab opened before install) logs "Unchecked runtime.lastError" as an error of the extension. This
 * ping uses the promise form, whose failure is a rejection we handle, so the typed messages only
 * go where someone is listening. It carries no valibot: the sentinel stays small.
 */
const PRESENCE_PING = 'huantai-lens:presence';

export interface Presence {
  url: string;
  /** Whether the engine runs in the frame (the typed messages have a listener). */
  engine: boolean;
}

const isPresence = (value: unknown): value is Presence =>
  typeof value === 'object' && value !== null && typeof (value as Presence).url === 'string' && typeof (value as Presence).engine === 'boolean';

export function askPresence({ tabId, tabs }: { tabId: number; tabs: Pick<typeof browser.tabs, 'sendMessage'> }): Promise<Presence | null> {
  return tabs.sendMessage(tabId, PRESENCE_PING, { frameId: 0 }).then(
    (answer) => (isPresence(answer) ? answer : null),
    () => null,
  );
}

/** The content script's side of askPresence. */
export function answerPresence({ runtime, presence }: { runtime: Pick<typeof browser.runtime, 'onMessage'>; presence: () => Presence }): () => void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (answer: Presence) => void) => {
    if (message === PRESENCE_PING) sendResponse(presence());
  };
  runtime.onMessage.addListener(listener);
  return () => runtime.onMessage.removeListener(listener);
}
