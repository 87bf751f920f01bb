/**
 * What a tab's page holds, as the popup and the side panel show it, and the way to point at a term
 * there. The top frame answers for the page (site on or off, still scanning, national terms left
 * out, and for the side panel the reading order); the background adds up every frame's counts.
 */
import { askPresence } from './presence';
import type { PageTerms, sendMessage } from './protocol';

export interface TabTermsDeps {
  tabId: number;
  tabs: Pick<typeof browser.tabs, 'sendMessage'>;
  send: typeof sendMessage;
}

/** The page's terms, or null when it was not scanned (a browser page, the store…). `order`: also ask for the reading order. */
export async function readTabTerms({ tabId, tabs, send, order = false }: TabTermsDeps & { order?: boolean }): Promise<(PageTerms & { order: string[] }) | null> {
  const presence = await askPresence({ tabId, tabs });
  if (presence === null) return null;
  // A top frame whose engine never started holds no term; its frames may (their reports are in the background).
  const idle: PageTerms = { url: presence.url, active: true, scanning: false, counts: {}, unpainted: {} };
  const [top, frames, reading] = await Promise.all([
    presence.engine ? send('getPageTerms', {}, { tabId, frameId: 0 }).catch(() => null) : idle,
    send('getTabTerms', { tabId }).catch(() => null),
    order && presence.engine ? send('getTermOrder', {}, { tabId, frameId: 0 }).catch(() => []) : [],
  ]);
  if (!top) return null;
  // The background adds up every frame's report (iframes included); the top frame alone
  // answers when the background has restarted and lost them.
  return { ...top, counts: frames && top.active ? frames : top.counts, order: reading };
}

/** Scrolls the tab to the term's first occurrence and flashes it, or with `card` opens its card there. */
export async function revealInTab({ tabId, tabs, send, id, card = false }: TabTermsDeps & { id: string; card?: boolean }): Promise<boolean> {
  if (!(await askPresence({ tabId, tabs }))?.engine) return false;
  return send('revealTerm', card ? { id, card } : { id }, { tabId, frameId: 0 }).catch(() => false);
}
