/** The settings page. Every change is saved at once; open tabs follow through storage.onChanged. */
import { useState } from 'preact/hooks';
import { CATEGORIES, CATEGORY_IDS } from '../lib/glossary/categories';
import type { LoadedSettings, Settings } from '../lib/settings/settings';
import { HOVER_DELAY_RANGE } from '../lib/settings/settings';
import { useI18n } from './i18n';
import { Shortcuts, type Shortcut } from './Shortcuts';

export interface OptionsServices {
  save(settings: Settings): Promise<void>;
}

type Update = (patch: Partial<Settings>) => void;
interface SectionProps {
  settings: Settings;
  update: Update;
}

/** `shortcuts`: the keyboard commands as the browser has them assigned now (commands.getAll()). */
export function OptionsPage({ loaded, services, shortcuts }: { loaded: LoadedSettings; services: OptionsServices; shortcuts: readonly Shortcut[] }) {
  const { t } = useI18n();
  const [settings, setSettings] = useState(loaded.settings);
  const [saved, setSaved] = useState(false);
  const update: Update = (patch) => {
    const next = { ...settings, ...patch };
    setSettings(next);
    void services.save(next).then(() => setSaved(true));
  };
  const notice = loaded.notice;

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
      <SitesSection settings={settings} update={update} />
      <HighlightSection settings={settings} update={update} />
      <TooltipSection settings={settings} update={update} />
      <Shortcuts shortcuts={shortcuts} />
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
        <Radios
          name="theme"
          value={settings.theme}
          options={[['system', t('optThemeSystem')], ['light', t('optThemeLight')], ['dark', t('optThemeDark')]]}
          onChange={(theme) => update({ theme })}
        />
      </fieldset>
      <p class="saved" role="status" aria-live="polite">
        {saved ? t('optSaved') : ''}
      </p>
    </main>
  );
}

/** One radio button per option, each a row: [value, label]. */
function Radios<V extends string>({ name, value, options, onChange }: { name: string; value: V; options: ReadonlyArray<readonly [V, string]>; onChange: (value: V) => void }) {
  return (
    <>
      {options.map(([option, label]) => (
        <label class="row" key={option}>
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
          {label}
        </label>
      ))}
    </>
  );
}

const hostsIn = (text: string) => text.split(/[\s,]+/).map((h) => h.trim().toLowerCase()).filter((h) => /^[a-z0-9.-]+$/.test(h));

function SitesSection({ settings, update }: SectionProps) {
  const { t } = useI18n();
  const list = settings.siteMode === 'all-except' ? 'disabledSites' : 'allowedSites';
  return (
    <fieldset>
      <legend>{t('optSites')}</legend>
      <Radios
        name="siteMode"
        value={settings.siteMode}
        options={[['all-except', t('optSiteModeAll')], ['only-allowed', t('optSiteModeOnly')]]}
        onChange={(siteMode) => update({ siteMode })}
      />
      <label class="block" key={list}>
        {t(list === 'disabledSites' ? 'optDisabledSites' : 'optAllowedSites')}
        <textarea name={list} rows={4} value={settings[list].join('\n')} onChange={(e) => update({ [list]: hostsIn((e.target as HTMLTextAreaElement).value) })} />
      </label>
    </fieldset>
  );
}

function HighlightSection({ settings, update }: SectionProps) {
  const { t, language } = useI18n();
  return (
    <fieldset>
      <legend>{t('optHighlight')}</legend>
      <Radios
        name="highlightStyle"
        value={settings.highlightStyle}
        options={[['underline', t('optStyleUnderline')], ['background', t('optStyleBackground')], ['off', t('optStyleOff')]]}
        onChange={(highlightStyle) => update({ highlightStyle })}
      />
      <p class="label">{t('optDensity')}</p>
      <Radios name="density" value={settings.density} options={[['every', t('optDensityEvery')], ['first', t('optDensityFirst')]]} onChange={(density) => update({ density })} />
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
  );
}

function TooltipSection({ settings, update }: SectionProps) {
  const { t } = useI18n();
  return (
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
      <Radios name="trigger" value={settings.trigger} options={[['hover', t('optTriggerHover')], ['click', t('optTriggerClick')]]} onChange={(trigger) => update({ trigger })} />
    </fieldset>
  );
}
