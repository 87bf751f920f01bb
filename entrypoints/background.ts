import glossary from 'virtual:huantai-glossary/entries';
import { registerBackgroundHandlers } from '../lib/background-handlers';

export default defineBackground(() => {
  const handlers = registerBackgroundHandlers({
    glossary,
    setBadge: ({ tabId, text }) => {
      void browser.action.setBadgeBackgroundColor({ tabId, color: '#c0392b' });
      void browser.action.setBadgeText({ tabId, text });
    },
  });
  browser.tabs.onRemoved.addListener((tabId) => handlers.forgetTab({ tabId }));
});
