import { render } from 'preact';
import glossary from 'virtual:huantai-glossary/entries';
import termList from 'virtual:huantai-glossary/terms';
import { GlossaryPage, type GlossaryPageServices } from '../../components/GlossaryPage';
import { copyCitation } from '../../lib/glossary/citation';
import { I18nProvider } from '../../components/i18n';
import { resolveLanguage } from '../../lib/i18n';
import { MESSAGES } from '../../lib/i18n';
import { applyPageTheme } from '../../lib/settings/page-theme';
import { createSearchIndex } from '../../lib/glossary/search-index';
import { createSettingsStore } from '../../lib/settings/store';
import '../../components/glossary-ui.css';
import './glossary.css';

const services: GlossaryPageServices = {
  copyCitation: (citation) => copyCitation({ citation, clipboard: navigator.clipboard, ClipboardItem: globalThis.ClipboardItem }),
  download: ({ filename, type, content }) => {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
  getHash: () => decodeURIComponent(location.hash.slice(1)),
  setHash: (hash) => {
    location.hash = hash;
  },
  onHashChange: (listener) => {
    window.addEventListener('hashchange', listener);
    return () => window.removeEventListener('hashchange', listener);
  },
};

const { settings } = await createSettingsStore({ area: browser.storage.sync }).load();
const language = resolveLanguage({ setting: settings.language, browserLanguage: navigator.language });
document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
applyPageTheme({ root: document.documentElement, theme: settings.theme });
const index = createSearchIndex({ glossary, variants: termList.variants });
render(
  <I18nProvider language={language} table={MESSAGES[language]}>
    <GlossaryPage glossary={glossary} index={index} services={services} />
  </I18nProvider>,
  document.getElementById('app')!,
);
