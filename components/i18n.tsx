/** The interface language for Preact components: pages provide it once, components read it. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { MESSAGES, translator, type MessageTable, type Translate, type UiLanguage } from '../lib/i18n';

export interface I18nValue {
  language: UiLanguage;
  t: Translate;
}

export const I18nContext = createContext<I18nValue>({ language: 'zh', t: translator({ table: MESSAGES.zh }) });

export const useI18n = () => useContext(I18nContext);

/** `table`: the tooltip passes the common words only, the extension's pages all of them. */
export function I18nProvider({ language, table, children }: { language: UiLanguage; table: MessageTable; children: preact.ComponentChildren }) {
  return <I18nContext.Provider value={{ language, t: translator({ table }) }}>{children}</I18nContext.Provider>;
}
