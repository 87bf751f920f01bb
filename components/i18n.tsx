/** The interface language for Preact components: pages provide it once, components read it. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { translator, type Translate, type UiLanguage } from '../lib/i18n';

export interface I18nValue {
  language: UiLanguage;
  t: Translate;
}

export const I18nContext = createContext<I18nValue>({ language: 'zh', t: translator({ language: 'zh' }) });

export const useI18n = () => useContext(I18nContext);

export function I18nProvider({ language, children }: { language: UiLanguage; children: preact.ComponentChildren }) {
  return <I18nContext.Provider value={{ language, t: translator({ language }) }}>{children}</I18nContext.Provider>;
}
