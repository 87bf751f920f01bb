/**
 * Which tab the side panel reads: the active tab of the panel's window, followed as the reader
 * switches tabs, with a call whenever that tab's terms may have changed (it finished loading, or
 * one of its frames reported new counts, relayed by the background). Opened as a tab of its own
 * (sidepanel.html in a tab: the end-to-end tests, Chrome cannot open a side panel for them), the
 * panel never follows itself.
 */
export interface TabFollowerDeps {
  windowId: number;
  /** The panel's own tab when it is open as a tab; undefined in a real side panel or sidebar. */
  ownTabId: number | undefined;
  /** The active tab of the panel's window now. */
  activeTabId: () => Promise<number | undefined>;
  tabs: Pick<typeof browser.tabs, 'onActivated' | 'onUpdated' | 'onRemoved'>;
  /** Subscribes to the background's "this tab's terms changed"; returns the unsubscribe. */
  onTabTerms: (listener: (args: { tabId: number }) => void) => () => void;
  /** The followed tab (undefined: none) is new, or its page may show something new. */
  onChange: (args: { tabId: number | undefined }) => void;
}

export function followActiveTab({ windowId, ownTabId, activeTabId, tabs, onTabTerms, onChange }: TabFollowerDeps) {
  let followed: number | undefined;
  let switched = false;
  const follow = (tabId: number | undefined) => {
    switched = true;
    followed = tabId === ownTabId ? undefined : tabId;
    onChange({ tabId: followed });
  };
  const activated = ({ tabId, windowId: where }: { tabId: number; windowId: number }) => {
    // The panel itself becoming the active tab leaves it reading the page it read before.
    if (where === windowId && tabId !== ownTabId) follow(tabId);
  };
  // Only 'complete': a reload or navigation would otherwise show "not scanned" while it loads.
  const updated = (tabId: number, change: { status?: string }) => {
    if (tabId === followed && change.status === 'complete') onChange({ tabId });
  };
  const removed = (tabId: number) => {
    if (tabId === followed) follow(undefined);
  };
  tabs.onActivated.addListener(activated);
  tabs.onUpdated.addListener(updated);
  tabs.onRemoved.addListener(removed);
  const unwatch = onTabTerms(({ tabId }) => {
    if (tabId === followed) onChange({ tabId });
  });
  void activeTabId().then((tabId) => {
    // An activation that arrived while asking is newer than the answer.
    if (!switched) follow(tabId);
  });
  return {
    current: () => followed,
    stop() {
      tabs.onActivated.removeListener(activated);
      tabs.onUpdated.removeListener(updated);
      tabs.onRemoved.removeListener(removed);
      unwatch();
    },
  };
}
