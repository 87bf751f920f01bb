import { render } from 'preact';
import glossary from 'virtual:huantai-glossary/entries';
import termList from 'virtual:huantai-glossary/terms';
import { Popup, type PopupServices, type PopupState } from '../../components/Popup';
import { sendMessage } from '../../lib/protocol';
import { createSavedState } from '../../lib/saved-state';
import { createSearchIndex } from '../../lib/search-index';
import '../../components/glossary-ui.css';
import './popup.css';

const isPopupState = (value: unknown): value is PopupState =>
  typeof value === 'object' && value !== null &&
  typeof (value as PopupState).query === 'string' &&
  Number.isInteger((value as PopupState).selected) &&
  ((value as PopupState).openId === null || typeof (value as PopupState).openId === 'string');
const saved = createSavedState({ storage: localStorage, key: 'popup-state', isValid: isPopupState });

/** Tests open the popup as a page and name the tab to read in the URL. */
async function activeTabId(): Promise<number | undefined> {
  const requested = Number(new URLSearchParams(location.search).get('tab'));
  return requested || (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
}

const services: PopupServices = {
  async getPageTerms() {
    const tabId = await activeTabId();
    if (tabId === undefined) return null;
    return sendMessage('getPageTerms', {}, { tabId, frameId: 0 }).catch(() => null);
  },
  async revealTerm({ id }) {
    const tabId = await activeTabId();
    if (tabId === undefined) return false;
    return sendMessage('revealTerm', { id }, { tabId, frameId: 0 }).catch(() => false);
  },
  copyText: (text) => navigator.clipboard.writeText(text),
  openGlossaryPage: ({ id }) => {
    void browser.tabs.create({ url: browser.runtime.getURL(`/glossary.html${id ? `#${id}` : ''}`) });
    window.close();
  },
  loadState: saved.load,
  saveState: saved.save,
};

const index = createSearchIndex({ glossary, variants: termList.variants });
render(<Popup glossary={glossary} index={index} services={services} />, document.getElementById('app')!);
