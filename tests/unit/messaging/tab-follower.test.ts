/** Which tab the side panel reads, on WXT's fake browser: the active one of its window, never itself. */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { followActiveTab } from '../../../lib/messaging/tab-follower';

const WINDOW = 1;
let changes: Array<number | undefined>;
let relay: ((args: { tabId: number }) => void) | null;
beforeEach(() => {
  fakeBrowser.reset();
  changes = [];
  relay = null;
});

function follow({ ownTabId, active }: { ownTabId?: number; active: number | undefined }) {
  return followActiveTab({
    windowId: WINDOW,
    ownTabId,
    activeTabId: () => Promise.resolve(active),
    tabs: fakeBrowser.tabs,
    onTabTerms: (listener) => {
      relay = listener;
      return () => (relay = null);
    },
    onChange: ({ tabId }) => changes.push(tabId),
  });
}
const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('followActiveTab', () => {
  it('starts on the active tab of its window and follows activations there, not in other windows', async () => {
    const follower = follow({ active: 7 });
    await settle();
    expect(follower.current()).toBe(7);
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 8, windowId: WINDOW });
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 20, windowId: 2 });
    expect(follower.current()).toBe(8);
    expect(changes).toEqual([7, 8]);
    follower.stop();
  });

  it('opened as a tab, never follows itself: it keeps the page it read', async () => {
    const follower = follow({ ownTabId: 3, active: 3 });
    await settle();
    expect(follower.current()).toBeUndefined();
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 5, windowId: WINDOW });
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 3, windowId: WINDOW });
    expect(follower.current()).toBe(5);
    expect(changes).toEqual([undefined, 5]);
    follower.stop();
  });

  it('reads again when the followed tab’s frames report or it finishes loading, and lets go of it when it closes', async () => {
    const follower = follow({ active: 7 });
    await settle();
    relay!({ tabId: 9 });
    relay!({ tabId: 7 });
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'loading' }, { id: 7 } as never);
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'complete' }, { id: 7 } as never);
    await fakeBrowser.tabs.onUpdated.trigger(9, { status: 'complete' }, { id: 9 } as never);
    expect(changes).toEqual([7, 7, 7]);
    await fakeBrowser.tabs.onRemoved.trigger(7, { windowId: WINDOW, isWindowClosing: false });
    expect(follower.current()).toBeUndefined();
    expect(changes).toEqual([7, 7, 7, undefined]);
    follower.stop();
    expect(relay).toBeNull();
  });

  it('an activation while it asks for the active tab wins over the older answer', async () => {
    let answer!: (tabId: number) => void;
    const follower = followActiveTab({
      windowId: WINDOW,
      ownTabId: undefined,
      activeTabId: () => new Promise((resolve) => (answer = resolve)),
      tabs: fakeBrowser.tabs,
      onTabTerms: () => () => undefined,
      onChange: ({ tabId }) => changes.push(tabId),
    });
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 8, windowId: WINDOW });
    answer(7);
    await settle();
    expect(follower.current()).toBe(8);
    follower.stop();
  });
});
