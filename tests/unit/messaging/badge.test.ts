import { describe, expect, it } from 'vitest';
import { createBadgeTracker } from '../../../lib/messaging/badge';

describe('toolbar badge', () => {
  it('counts distinct terms across the frames of a tab, and starts over when the tab navigates', () => {
    const badges: string[] = [];
    const tracker = createBadgeTracker({ setBadge: ({ text }) => badges.push(text) });
    expect(tracker.report({ tabId: 1, frameId: 0, pageId: 'a', counts: { x: 3, y: 1 } })).toEqual({ distinct: 2 });
    expect(tracker.report({ tabId: 1, frameId: 7, pageId: 'f', counts: { y: 2, z: 1 } })).toEqual({ distinct: 3 });
    // A term that disappeared from the page no longer counts.
    expect(tracker.report({ tabId: 1, frameId: 0, pageId: 'a', counts: { x: 0, y: 1 } })).toEqual({ distinct: 2 });
    // New document in the top frame: the old frames are gone.
    expect(tracker.report({ tabId: 1, frameId: 0, pageId: 'b', counts: {} })).toEqual({ distinct: 0 });
    expect(badges).toEqual(['2', '3', '2', '']);
  });

  it('keeps tabs apart', () => {
    const badges: Array<[number, string]> = [];
    const tracker = createBadgeTracker({ setBadge: ({ tabId, text }) => badges.push([tabId, text]) });
    tracker.report({ tabId: 1, frameId: 0, pageId: 'a', counts: { x: 1 } });
    tracker.report({ tabId: 2, frameId: 0, pageId: 'b', counts: { x: 1, y: 1 } });
    expect(badges).toEqual([[1, '1'], [2, '2']]);
  });
});

describe('counts per tab for the popup', () => {
  it('adds up the frames of a tab, and knows nothing of tabs that never reported', () => {
    const tracker = createBadgeTracker({ setBadge: () => {} });
    tracker.report({ tabId: 3, frameId: 0, pageId: 'a', counts: { x: 2, y: 0 } });
    tracker.report({ tabId: 3, frameId: 5, pageId: 'f', counts: { x: 1, z: 4 } });
    expect(tracker.countsOf({ tabId: 3 })).toEqual({ x: 3, z: 4 });
    expect(tracker.countsOf({ tabId: 4 })).toBeNull();
  });
});
