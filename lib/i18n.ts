/**
 * The interface's words in Chinese and English. The reader picks the language in the settings
 * (browser.i18n can't be switched at run time, so it only names the extension in the manifest);
 * glossary content stays Chinese, with its English names.
 */
import type { PageMessageKey } from './i18n-pages';
import type { Language } from './settings';

export type UiLanguage = 'zh' | 'en';

/** The words the tooltip needs: the content script ships only these. */
const zhCommon = {
  appName: '桓台政策透镜',
  loading: '…',
  copyCitation: '复制引用',
  copied: '已复制',
  openInGlossary: '在词表中打开',
  sourceLine: '桓台县2022年政府工作报告 · 大众日报 2022-01-17',
  targets2022: '2022年目标',
  references: '参考资料',
};

const enCommon: typeof zhCommon = {
  appName: 'Huantai Lens',
  loading: '…',
  copyCitation: 'Copy citation',
  copied: 'Copied',
  openInGlossary: 'Open in glossary',
  sourceLine: "Huantai County 2022 government work report · Dazhong Daily, 2022-01-17",
  targets2022: '2022 targets',
  references: 'References',
};

export type CommonMessageKey = keyof typeof zhCommon;
export const COMMON_MESSAGES: Record<UiLanguage, Record<CommonMessageKey, string>> = { zh: zhCommon, en: enCommon };


export type MessageKey = CommonMessageKey | PageMessageKey;
export type MessageTable = Partial<Record<MessageKey, string>>;

export function resolveLanguage({ setting, browserLanguage }: { setting: Language; browserLanguage: string }): UiLanguage {
  if (setting !== 'auto') return setting;
  return browserLanguage.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A missing key shows as itself rather than breaking the page it is on. */
export function translator({ table }: { table: MessageTable }): Translate {
  return (key, values) => (table[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => String(values?.[name] ?? whole));
}
