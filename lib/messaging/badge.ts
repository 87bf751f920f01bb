/**
 * Keeps what each frame of each tab reported and turns it into the toolbar badge: the number of
 * distinct terms on the page, across its frames.
 */
export interface BadgeDeps {
  setBadge(args: { tabId: number; text: string }): void;
}

export interface FrameReport {
  tabId: number;
  frameId: number;
  pageId: string;
  counts: Readonly<Record<string, number>>;
}

export function createBadgeTracker({ setBadge }: BadgeDeps) {
  const tabs = new Map<number, Map<number, FrameReport>>();
  return {
    report(report: FrameReport): { distinct: number } {
      let frames = tabs.get(report.tabId);
      // A new document in the top frame means the tab navigated: the old frames are gone.
      const top = frames?.get(0);
      if (!frames || (report.frameId === 0 && top && top.pageId !== report.pageId)) {
        frames = new Map();
        tabs.set(report.tabId, frames);
      }
      frames.set(report.frameId, report);
      const ids = new Set<string>();
      for (const frame of frames.values()) {
        for (const [id, count] of Object.entries(frame.counts)) if (count > 0) ids.add(id);
      }
      setBadge({ tabId: report.tabId, text: ids.size > 0 ? String(ids.size) : '' });
      return { distinct: ids.size };
    },
    /** Occurrences of each term over all the tab's frames, or null when the tab never reported. */
    countsOf({ tabId }: { tabId: number }): Record<string, number> | null {
      const frames = tabs.get(tabId);
      if (!frames) return null;
      const total: Record<string, number> = {};
      for (const frame of frames.values()) {
        for (const [id, count] of Object.entries(frame.counts)) if (count > 0) total[id] = (total[id] ?? 0) + count;
      }
      return total;
    },
    forget({ tabId }: { tabId: number }) {
      tabs.delete(tabId);
    },
  };
}
