/** The settings page. Every change is saved at once; open tabs follow through storage.onChanged. */
import { useState } from 'preact/hooks';
import { CATEGORIES, CATEGORY_IDS } from '../lib/glossary/categories';
import type { LoadedSettings, Settings } from '../lib/settings/settings';
import { HOVER_DELAY_RANGE } from '../lib/settings/settings';
import { useI18n } from './i18n';

export interface OptionsServices {
  save(settings: Settings): Promise<void>;
}

export function OptionsPage({ loaded, services }: { loaded: LoadedSettings; services: OptionsServices }) {
  const { t, language } = useI18n();
  const [settings, setSettings] = useState(loaded.settings);
  const [saved, setSaved] = useState(false);
  const update = (patch: Partial<Settings>) => {
    const next = { ...settings, ...patch };
    setSettings(next);
    void services.save(next).then(() => setSaved(true));
  };
  const notice = loaded.notice;
  const hosts = (text: string) => text.split(/[\s,]+/).map((h) => h.trim().toLowerCase()).filter((h) => /^[a-z0-9.-]+$/.test(h));

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {notice && (
        <p class="notice" role="status">
          {notice.kind === 'reset'
            ? t('noticeReset')
            : notice.kind === 'repaired'
              ? t('noticeRepaired', { fields: notice.fields.join(', ') })
              : t('noticeMigrated', { from: notice.from })}
        </p>
      )}
      <section>
        <label class="row">
          <input type="checkbox" name="enabled" checked={settings.enabled} onChange={(e) => update({ enabled: (e.target as HTMLInputElement).checked })} />
          <span>{t('optEnabled')}</span>
        </label>
        <p class="hint">{t('optEnabledHint')}</p>
      </section>
      <fieldset>
        <legend>{t('optSites')}</legend>
        <label class="row">
          <input type="radio" name="siteMode" value="all-except" checked={settings.siteMode === 'all-except'} onChange={() => update({ siteMode: 'all-except' })} />
          {t('optSiteModeAll')}
        </label>
        <label class="row">
          <input type="radio" name="siteMode" value="only-allowed" checked={settings.siteMode === 'only-allowed'} onChange={() => update({ siteMode: 'only-allowed' })} />
          {t('optSiteModeOnly')}
        </label>
        {settings.siteMode === 'all-except' ? (
          <label class="block">
            {t('optDisabledSites')}
            <textarea name="disabledSites" rows={4} value={settings.disabledSites.join('\n')} onChange={(e) => update({ disabledSites: hosts((e.target as HTMLTextAreaElement).value) })} />
          </label>
        ) : (
          <label class="block">
            {t('optAllowedSites')}
            <textarea name="allowedSites" rows={4} value={settings.allowedSites.join('\n')} onChange={(e) => update({ allowedSites: hosts((e.target as HTMLTextAreaElement).value) })} />
          </label>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('optHighlight')}</legend>
        {(['underline', 'background', 'off'] as const).map((style) => (
          <label class="row" key={style}>
            <input type="radio" name="highlightStyle" value={style} checked={settings.highlightStyle === style} onChange={() => update({ highlightStyle: style })} />
            {t(style === 'underline' ? 'optStyleUnderline' : style === 'background' ? 'optStyleBackground' : 'optStyleOff')}
          </label>
        ))}
        <p class="label">{t('optDensity')}</p>
        {(['every', 'first'] as const).map((density) => (
          <label class="row" key={density}>
            <input type="radio" name="density" value={density} checked={settings.density === density} onChange={() => update({ density })} />
            {t(density === 'every' ? 'optDensityEvery' : 'optDensityFirst')}
          </label>
        ))}
        <p class="label">{t('optAreas')}</p>
        <div class="areas">
          {CATEGORY_IDS.map((id) => (
            <label class="row" key={id}>
              <input
                type="checkbox"
                name={`category-${id}`}
                checked={settings.categories[id]}
                onChange={(e) => update({ categories: { ...settings.categories, [id]: (e.target as HTMLInputElement).checked } })}
              />
              <span class={`swatch cat-${id}`} aria-hidden="true" />
              {CATEGORIES[id][language]}
            </label>
          ))}
        </div>
        <label class="row">
          <input
            type="checkbox"
            name="nationalEverywhere"
            checked={settings.nationalEverywhere}
            onChange={(e) => update({ nationalEverywhere: (e.target as HTMLInputElement).checked })}
          />
          {t('optNationalEverywhere')}
        </label>
        <p class="muted">{t('optNationalEverywhereHint')}</p>
      </fieldset>
      <fieldset>
        <legend>{t('optTooltip')}</legend>
        <label class="row">
          {t('optDelay')}
          <input
            type="number"
            name="hoverDelayMs"
            min={HOVER_DELAY_RANGE.min}
            max={HOVER_DELAY_RANGE.max}
            step={50}
            value={settings.hoverDelayMs}
            onChange={(e) => {
              const value = Number((e.target as HTMLInputElement).value);
              if (Number.isFinite(value)) update({ hoverDelayMs: Math.min(HOVER_DELAY_RANGE.max, Math.max(HOVER_DELAY_RANGE.min, Math.round(value))) });
            }}
          />
        </label>
        <label class="row">
          <input type="radio" name="trigger" value="hover" checked={settings.trigger === 'hover'} onChange={() => update({ trigger: 'hover' })} />
          {t('optTriggerHover')}
        </label>
        <label class="row">
          <input type="radio" name="trigger" value="click" checked={settings.trigger === 'click'} onChange={() => update({ trigger: 'click' })} />
          {t('optTriggerClick')}
        </label>
        <p class="hint">{t('optShortcuts')}</p>
      </fieldset>
      <fieldset>
        <legend>{t('optLanguage')}</legend>
        <select name="language" value={settings.language} onChange={(e) => update({ language: (e.target as HTMLSelectElement).value as Settings['language'] })}>
          <option value="auto">{t('optLanguageAuto')}</option>
          <option value="zh">中文</option>
          <option value="en">English</option>
        </select>
      </fieldset>
      <fieldset>
        <legend>{t('optTheme')}</legend>
        {(['system', 'light', 'dark'] as const).map((theme) => (
          <label class="row" key={theme}>
            <input type="radio" name="theme" value={theme} checked={settings.theme === theme} onChange={() => update({ theme })} />
            {t(theme === 'system' ? 'optThemeSystem' : theme === 'light' ? 'optThemeLight' : 'optThemeDark')}
          </label>
        ))}
      </fieldset>
      <p class="saved" role="status" aria-live="polite">
        {saved ? t('optSaved') : ''}
      </p>
    </main>
  );
}
