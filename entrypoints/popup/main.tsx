import { render } from 'preact';
import glossary from 'virtual:huantai-glossary/entries';
import termList from 'virtual:huantai-glossary/terms';
import { copyCitation } from '../../lib/glossary/citation';
import { I18nProvider } from '../../components/i18n';
import { Popup, type PopupServices, type PopupState } from '../../components/Popup';
import { shortcutsOf } from '../../components/Shortcuts';
import { MESSAGES, resolveLanguage } from '../../lib/i18n';
import { applyPageTheme } from '../../lib/settings/page-theme';
import { readTabTerms, revealInTab } from '../../lib/messaging/page-terms';
import { sendMessage } from '../../lib/messaging/protocol';
import { createSavedState } from '../../lib/settings/saved-state';
import { createSearchIndex } from '../../lib/glossary/search-index';
import { createSettingsStore } from '../../lib/settings/store';
import '../../components/glossary-ui.css';
import './popup.css';

const isPopupState = (value: unknown): value is PopupState =>
  typeof value === 'object' && value !== null &&
  typeof (value as PopupState).query === 'string' &&
  Number.isInteger((value as PopupState).selected) &&
  ((value as PopupState).openId === null || typeof (value as PopupState).openId === 'string');
const saved = createSavedState({ storage: localStorage, key: 'popup-state', isValid: isPopupState });
const store = createSettingsStore({ area: browser.storage.sync });

/** Tests open the popup as a page and name the tab to read in the URL. */
async function activeTabId(): Promise<number | undefined> {
  const requested = Number(new URLSearchParams(location.search).get('tab'));
  return requested || (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
}

const services: PopupServices = {
  async getPageTerms() {
    const tabId = await activeTabId();
    return tabId === undefined ? null : readTabTerms({ tabId, tabs: browser.tabs, send: sendMessage });
  },
  async revealTerm({ id }) {
    const tabId = await activeTabId();
    return tabId !== undefined && revealInTab({ tabId, tabs: browser.tabs, send: sendMessage, id });
  },
  copyCitation: (citation) => copyCitation({ citation, clipboard: navigator.clipboard, ClipboardItem: globalThis.ClipboardItem }),
  openGlossaryPage: ({ id }) => {
    void browser.tabs.create({ url: browser.runtime.getURL(`/glossary.html${id ? `#${id}` : ''}`) });
    window.close();
  },
  openSettings: () => {
    void browser.runtime.openOptionsPage();
    window.close();
  },
  saveSettings: store.save,
  loadState: saved.load,
  saveState: saved.save,
};

const { settings } = await store.load();
const language = resolveLanguage({ setting: settings.language, browserLanguage: navigator.language });
document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
applyPageTheme({ root: document.documentElement, theme: settings.theme });
const index = createSearchIndex({ glossary, variants: termList.variants });
const shortcuts = shortcutsOf({ commands: await browser.commands.getAll() });
render(
  <I18nProvider language={language} table={MESSAGES[language]}>
    <Popup glossary={glossary} index={index} services={services} settings={settings} shortcuts={shortcuts} />
  </I18nProvider>,
  document.getElementById('app')!,
);
