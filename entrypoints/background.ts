import glossary from 'virtual:huantai-glossary/entries';
import traditional from 'virtual:huantai-glossary/traditional';
import { registerBackgroundHandlers } from '../lib/messaging/background-handlers';
import { askPresence } from '../lib/messaging/presence';
import { sendMessage } from '../lib/messaging/protocol';

const COMMANDS = { 'next-term': 'next', 'previous-term': 'previous' } as const;

export default defineBackground(() => {
  const handlers = registerBackgroundHandlers({
    glossary,
    traditional,
    setBadge: ({ tabId, text }) => {
      void browser.action.setBadgeBackgroundColor({ tabId, color: '#c0392b' });
      void browser.action.setBadgeText({ tabId, text });
    },
    openExtensionPage: ({ path }) => void browser.tabs.create({ url: browser.runtime.getURL(path as '/glossary.html') }),
    // Only an open side panel listens; with none open the message has no receiver, which is fine.
    announceTabTerms: ({ tabId }) => void sendMessage('pageTermsChanged', { tabId }).catch(() => undefined),
  });
  browser.tabs.onRemoved.addListener((tabId) => handlers.forgetTab({ tabId }));

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (!(command in COMMANDS)) return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    // Pages the content script does not run on (browser pages, the store) and pages without a
    // term (the engine never started) are left alone.
    if (tabId === undefined || !(await askPresence({ tabId, tabs: browser.tabs }))?.engine) return;
    await sendMessage('moveToTerm', { direction: COMMANDS[command as keyof typeof COMMANDS] }, { tabId, frameId: 0 }).catch(() => false);
  });
});
