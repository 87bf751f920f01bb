import { render } from 'preact';
import glossary from 'virtual:huantai-glossary/entries';
import { I18nProvider } from '../../components/i18n';
import { SidePanel, type SidePanelServices } from '../../components/SidePanel';
import { MESSAGES, resolveLanguage } from '../../lib/i18n';
import { readTabTerms, revealInTab } from '../../lib/messaging/page-terms';
import { handleMessage, sendMessage } from '../../lib/messaging/protocol';
import { followActiveTab } from '../../lib/messaging/tab-follower';
import { applyPageTheme } from '../../lib/settings/page-theme';
import type { Settings } from '../../lib/settings/settings';
import { createSettingsStore } from '../../lib/settings/store';
import { shortcutsOf } from '../../components/Shortcuts';
import '../../components/glossary-ui.css';
import './sidepanel.css';

const store = createSettingsStore({ area: browser.storage.sync });
const { id: windowId } = await browser.windows.getCurrent();
// Defined only when sidepanel.html is open as a tab (the end-to-end tests open it so).
const ownTabId = (await browser.tabs.getCurrent())?.id;

const listeners = new Set<() => void>();
const follower = followActiveTab({
  windowId: windowId!,
  ownTabId,
  activeTabId: async () => (await browser.tabs.query({ active: true, windowId }))[0]?.id,
  tabs: browser.tabs,
  onTabTerms: (listener) => handleMessage('pageTermsChanged', ({ data }) => listener({ tabId: data.tabId })),
  onChange: () => listeners.forEach((listener) => listener()),
});

const services: SidePanelServices = {
  async read() {
    const tabId = follower.current();
    return tabId === undefined ? 'no-tab' : readTabTerms({ tabId, tabs: browser.tabs, send: sendMessage, order: true });
  },
  watch(onChange) {
    listeners.add(onChange);
    return () => listeners.delete(onChange);
  },
  async reveal({ id }) {
    const tabId = follower.current();
    return tabId !== undefined && revealInTab({ tabId, tabs: browser.tabs, send: sendMessage, id, card: true });
  },
};

// The keys the reader has now (they can be changed at chrome://extensions/shortcuts), not the manifest's defaults.
const shortcuts = shortcutsOf({ commands: await browser.commands.getAll() });

/** The panel stays open while the reader changes settings: language, theme and the pause follow at once. */
function show(settings: Settings) {
  const language = resolveLanguage({ setting: settings.language, browserLanguage: navigator.language });
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  applyPageTheme({ root: document.documentElement, theme: settings.theme });
  render(
    <I18nProvider language={language} table={MESSAGES[language]}>
      <SidePanel glossary={glossary} services={services} shortcuts={shortcuts} enabled={settings.enabled} />
    </I18nProvider>,
    document.getElementById('app')!,
  );
}

show((await store.load()).settings);
store.watch(show);
