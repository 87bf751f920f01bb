/**
 * The reader's choices, as stored in storage.sync. Whatever is stored — by an older version, by
 * another device running a newer one, or corrupted — comes back as valid settings: fields are
 * checked one by one, a bad field falls back to its default, and the caller gets a notice.
 */
import { CATEGORY_IDS, type Category } from '../glossary/categories';

export const SETTINGS_VERSION = 2;
export const SETTINGS_KEY = 'settings';

export type HighlightStyle = 'underline' | 'background' | 'off';
export type SiteMode = 'all-except' | 'only-allowed';
export type Trigger = 'hover' | 'click';
export type Density = 'every' | 'first';
export type Language = 'auto' | 'zh' | 'en';
export type Theme = 'system' | 'light' | 'dark';

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** False pauses the extension everywhere. */
  enabled: boolean;
  siteMode: SiteMode;
  /** Hostnames where it is off (siteMode all-except). */
  disabledSites: string[];
  /** Hostnames where it is on (siteMode only-allowed). */
  allowedSites: string[];
  highlightStyle: HighlightStyle;
  /**
   * Every occurrence of a term, or only the first on the page. Every by default: on the demo
   * article first-only paints 138 ranges instead of 152 (the density there is many distinct
   * terms, not repeats), and every occurrence painted is an occurrence hover explains.
   */
  density: Density;
  /** Which of the report's areas are highlighted. */
  categories: Record<Category, boolean>;
  /**
   * National and provincial terms (双碳, 高标准农田) are explained on pages about Huantai; with this on,
   * on every page too, in a quieter style (the card then says the targets are Huantai's).
   */
  nationalEverywhere: boolean;
  hoverDelayMs: number;
  trigger: Trigger;
  language: Language;
  theme: Theme;
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  enabled: true,
  siteMode: 'all-except',
  disabledSites: [],
  allowedSites: [],
  highlightStyle: 'underline',
  density: 'every',
  categories: Object.fromEntries(CATEGORY_IDS.map((id) => [id, true])) as Record<Category, boolean>,
  nationalEverywhere: false,
  hoverDelayMs: 150,
  trigger: 'hover',
  language: 'auto',
  theme: 'system',
};

export const HOVER_DELAY_RANGE = { min: 0, max: 2000 } as const;

export interface LoadedSettings {
  settings: Settings;
  /** Set when what was stored could not be used as it was. */
  notice: null | { kind: 'migrated'; from: number } | { kind: 'repaired'; fields: string[] } | { kind: 'reset' };
}

type Check<T> = (value: unknown) => value is T;
const oneOf = <T extends string>(...values: T[]): Check<T> => (value): value is T => values.includes(value as T);
const isBoolean: Check<boolean> = (value): value is boolean => typeof value === 'boolean';
const isHostList: Check<string[]> = (value): value is string[] =>
  Array.isArray(value) && value.length <= 10_000 && value.every((host) => typeof host === 'string' && isHostname(host));
const isDelay: Check<number> = (value): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= HOVER_DELAY_RANGE.min && value <= HOVER_DELAY_RANGE.max;
const isCategories: Check<Record<Category, boolean>> = (value): value is Record<Category, boolean> =>
  typeof value === 'object' && value !== null && CATEGORY_IDS.every((id) => typeof (value as Record<string, unknown>)[id] === 'boolean');

const FIELDS: { [K in Exclude<keyof Settings, 'version'>]: Check<Settings[K]> } = {
  enabled: isBoolean,
  siteMode: oneOf('all-except', 'only-allowed'),
  disabledSites: isHostList,
  allowedSites: isHostList,
  highlightStyle: oneOf('underline', 'background', 'off'),
  density: oneOf('every', 'first'),
  categories: isCategories,
  nationalEverywhere: isBoolean,
  hoverDelayMs: isDelay,
  trigger: oneOf('hover', 'click'),
  language: oneOf('auto', 'zh', 'en'),
  theme: oneOf('system', 'light', 'dark'),
};

/**
 * Version 1 was the first settings layout, written while this extension was being developed:
 * `paused` instead of `enabled`, per-site switches as a `sites` map, `style: 'none'` for off and
 * the hover delay in seconds.
 */
function migrateFromV1(stored: Record<string, unknown>): Record<string, unknown> {
  const sites = typeof stored.sites === 'object' && stored.sites !== null ? (stored.sites as Record<string, unknown>) : {};
  const style = stored.style === 'none' ? 'off' : stored.style;
  return {
    enabled: typeof stored.paused === 'boolean' ? !stored.paused : undefined,
    disabledSites: Object.entries(sites).filter(([, on]) => on === false).map(([host]) => host),
    highlightStyle: style,
    hoverDelayMs: typeof stored.delay === 'number' ? Math.round(stored.delay * 1000) : undefined,
  };
}

export function parseSettings(stored: unknown): LoadedSettings {
  if (stored === undefined || stored === null) return { settings: DEFAULT_SETTINGS, notice: null };
  if (typeof stored !== 'object' || Array.isArray(stored)) return { settings: DEFAULT_SETTINGS, notice: { kind: 'reset' } };
  let record = stored as Record<string, unknown>;
  const version = record.version;
  let migratedFrom: number | null = null;
  if (version === 1) {
    record = migrateFromV1(record);
    migratedFrom = 1;
  } else if (version !== SETTINGS_VERSION) {
    // A version we don't know (corrupt, or written by a newer release): start from the defaults.
    return { settings: DEFAULT_SETTINGS, notice: { kind: 'reset' } };
  }
  const settings: Settings = { ...DEFAULT_SETTINGS, categories: { ...DEFAULT_SETTINGS.categories } };
  const repaired: string[] = [];
  for (const [field, check] of Object.entries(FIELDS) as Array<[keyof typeof FIELDS, Check<unknown>]>) {
    const value = record[field];
    if (value === undefined) continue;
    if (check(value)) (settings as unknown as Record<string, unknown>)[field] = value;
    else repaired.push(field);
  }
  if (migratedFrom !== null) return { settings, notice: { kind: 'migrated', from: migratedFrom } };
  return { settings, notice: repaired.length > 0 ? { kind: 'repaired', fields: repaired } : null };
}

/** Is the extension on for this page's hostname? */
export function isActiveOn({ settings, hostname }: { settings: Settings; hostname: string }): boolean {
  if (!settings.enabled) return false;
  const host = hostname.toLowerCase();
  const listed = (list: string[]) => list.some((site) => host === site || host.endsWith(`.${site}`));
  return settings.siteMode === 'all-except' ? !listed(settings.disabledSites) : listed(settings.allowedSites);
}

/** The settings with this site switched on or off, whatever the site mode. */
export function setSiteActive({ settings, hostname, active }: { settings: Settings; hostname: string; active: boolean }): Settings {
  const host = hostname.toLowerCase();
  const without = (list: string[]) => list.filter((site) => site !== host && !host.endsWith(`.${site}`));
  if (settings.siteMode === 'all-except') {
    return { ...settings, disabledSites: active ? without(settings.disabledSites) : [...without(settings.disabledSites), host] };
  }
  return { ...settings, allowedSites: active ? [...without(settings.allowedSites), host] : without(settings.allowedSites) };
}

function isHostname(value: string): boolean {
  return value.length > 0 && value.length <= 253 && /^[a-z0-9.-]+$/i.test(value);
}
