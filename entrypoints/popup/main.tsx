import { render } from 'preact';
import { Popup, type PopupServices } from '../../components/Popup';
import { sendMessage } from '../../lib/protocol';
import './popup.css';

const services: PopupServices = {
  async getPageTerms() {
    // Tests open the popup as a page and name the tab to read in the URL.
    const requested = Number(new URLSearchParams(location.search).get('tab'));
    const tabId = requested || (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return null;
    try {
      return await sendMessage('getPageTerms', {}, { tabId, frameId: 0 });
    } catch {
      return null;
    }
  },
  getEntries: ({ ids }) => sendMessage('getEntries', { ids }),
};

render(<Popup services={services} />, document.getElementById('app')!);
