import { render } from 'preact';
import { I18nProvider } from '../../components/i18n';
import { OptionsPage } from '../../components/OptionsPage';
import { shortcutsOf } from '../../components/Shortcuts';
import { resolveLanguage } from '../../lib/i18n';
import { MESSAGES } from '../../lib/i18n';
import { applyPageTheme } from '../../lib/settings/page-theme';
import type { LoadedSettings, Settings } from '../../lib/settings/settings';
import { createSettingsStore } from '../../lib/settings/store';
import '../../components/glossary-ui.css';
import './options.css';

const store = createSettingsStore({ area: browser.storage.sync });
const app = document.getElementById('app')!;

function draw(loaded: LoadedSettings) {
  const language = resolveLanguage({ setting: loaded.settings.language, browserLanguage: navigator.language });
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  document.title = MESSAGES[language].optionsTitle;
  applyPageTheme({ root: document.documentElement, theme: loaded.settings.theme });
  render(
    // Keyed by language so a language change redraws every string.
    <I18nProvider language={language} table={MESSAGES[language]} key={language}>
      <OptionsPage loaded={loaded} services={{ save: store.save }} shortcuts={shortcuts} />
    </I18nProvider>,
    app,
  );
}

// Shortcuts as the browser has them assigned now: the reader may have changed or cleared the suggested keys.
const [loaded, shortcuts] = await Promise.all([store.load(), browser.commands.getAll().then((commands) => shortcutsOf({ commands }))]);
draw(loaded);
if (loaded.notice) await store.dismissNotice();

// The page follows its own language and theme choices at once (and changes from other devices).
let shown: Settings = loaded.settings;
store.watch((settings) => {
  if (settings.language === shown.language && settings.theme === shown.theme) return;
  shown = settings;
  draw({ settings, notice: loaded.notice });
});
