/** What the background answers. The entrypoint passes the real glossary and badge; tests pass their own. */
import { createBadgeTracker, type BadgeDeps } from './badge';
import { createGlossaryService } from './glossary-service';
import type { Glossary, TraditionalText } from '../glossary/types';
import { handleMessage } from './protocol';

export interface BackgroundDeps extends BadgeDeps {
  glossary: Glossary;
  /** The card's Traditional text by entry id (virtual:huantai-glossary/traditional). */
  traditional: Readonly<Record<string, TraditionalText>>;
  /** Opens an extension page in a new tab, e.g. glossary.html#liang-gao. */
  openExtensionPage: (args: { path: string }) => void;
  /** Tells the extension's pages (the side panel) that a tab's terms changed; they ask again. */
  announceTabTerms?: (args: { tabId: number }) => void;
}

export function registerBackgroundHandlers({ glossary, traditional, setBadge, openExtensionPage, announceTabTerms }: BackgroundDeps) {
  const service = createGlossaryService({ glossary, traditional });
  const badge = createBadgeTracker({ setBadge });
  const removers = [
    handleMessage('getEntries', ({ data }) => service.getEntries({ ids: data.ids })),
    handleMessage('getTraditionalText', ({ data }) => service.getTraditionalText({ ids: data.ids })),
    handleMessage('reportPageTerms', ({ data, sender }) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Error('reportPageTerms must come from a tab');
      const reported = badge.report({ tabId, frameId: sender.frameId ?? 0, pageId: data.pageId, counts: data.counts });
      announceTabTerms?.({ tabId });
      return reported;
    }),
    handleMessage('getTabTerms', ({ data }) => badge.countsOf({ tabId: data.tabId })),
    handleMessage('openGlossary', ({ data }) => {
      if (!service.getEntries({ ids: [data.id] }).length) throw new Error(`No glossary entry "${data.id}"`);
      openExtensionPage({ path: `/glossary.html#${data.id}` });
    }),
  ];
  return {
    forgetTab: badge.forget,
    unregister: () => removers.forEach((remove) => remove()),
  };
}
