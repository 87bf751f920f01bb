import glossary from 'virtual:huantai-glossary/entries';
import { createBadgeTracker } from '../lib/badge';
import { createGlossaryService } from '../lib/glossary-service';
import { handleMessage } from '../lib/protocol';

export default defineBackground(() => {
  const service = createGlossaryService({ glossary });
  const badge = createBadgeTracker({
    setBadge: ({ tabId, text }) => {
      void browser.action.setBadgeBackgroundColor({ tabId, color: '#c0392b' });
      void browser.action.setBadgeText({ tabId, text });
    },
  });

  handleMessage('getEntries', ({ data }) => service.getEntries({ ids: data.ids }));
  handleMessage('reportPageTerms', ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error('reportPageTerms must come from a tab');
    return badge.report({ tabId, frameId: sender.frameId ?? 0, pageId: data.pageId, counts: data.counts });
  });
  browser.tabs.onRemoved.addListener((tabId) => badge.forget({ tabId }));
});
