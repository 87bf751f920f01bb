import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isActiveOn, parseSettings, setSiteActive, SETTINGS_KEY } from '../../../lib/settings/settings';
import { createSettingsStore } from '../../../lib/settings/store';

describe('parsing stored settings', () => {
  it('gives the defaults, without a notice, when nothing is stored', () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, notice: null });
  });

  it('keeps valid settings as they are', () => {
    const stored = { ...DEFAULT_SETTINGS, highlightStyle: 'background', hoverDelayMs: 400, disabledSites: ['example.com'] };
    expect(parseSettings(stored)).toEqual({ settings: stored, notice: null });
  });

  it.each([['a string', 'enabled=true'], ['a number', 42], ['an array', [1, 2]], ['an unknown version', { ...DEFAULT_SETTINGS, version: 99 }]])(
    'replaces %s with the defaults and says so',
    (_, stored) => {
      expect(parseSettings(stored)).toEqual({ settings: DEFAULT_SETTINGS, notice: { kind: 'reset' } });
    },
  );

  it('repairs bad fields one by one, keeping the good ones', () => {
    const stored = { ...DEFAULT_SETTINGS, theme: 'dark', hoverDelayMs: -5, trigger: 'telepathy', disabledSites: ['ok.com', '<script>'], categories: { ecology: false } };
    const { settings, notice } = parseSettings(stored);
    expect(settings.theme).toBe('dark');
    expect(settings.hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    expect(settings.trigger).toBe('hover');
    expect(settings.disabledSites).toEqual([]);
    expect(settings.categories).toEqual(DEFAULT_SETTINGS.categories);
    expect(notice).toEqual({ kind: 'repaired', fields: ['disabledSites', 'categories', 'hoverDelayMs', 'trigger'] });
  });

  it('migrates the version 1 layout', () => {
    const v1 = { version: 1, paused: true, sites: { 'news.example.com': false, 'ok.example': true }, style: 'none', delay: 0.4 };
    const { settings, notice } = parseSettings(v1);
    expect(notice).toEqual({ kind: 'migrated', from: 1 });
    expect(settings).toMatchObject({ enabled: false, disabledSites: ['news.example.com'], highlightStyle: 'off', hoverDelayMs: 400 });
  });
});

describe('where the extension is on', () => {
  it('is on everywhere except the sites turned off, subdomains included', () => {
    const settings = { ...DEFAULT_SETTINGS, disabledSites: ['example.com'] };
    expect(isActiveOn({ settings, hostname: 'example.com' })).toBe(false);
    expect(isActiveOn({ settings, hostname: 'news.Example.com' })).toBe(false);
    expect(isActiveOn({ settings, hostname: 'notexample.com' })).toBe(true);
  });

  it('is only on allowed sites in that mode, and nowhere when paused', () => {
    const settings = { ...DEFAULT_SETTINGS, siteMode: 'only-allowed' as const, allowedSites: ['dzwww.com'] };
    expect(isActiveOn({ settings, hostname: 'www.dzwww.com' })).toBe(true);
    expect(isActiveOn({ settings, hostname: 'example.com' })).toBe(false);
    expect(isActiveOn({ settings: { ...settings, enabled: false }, hostname: 'www.dzwww.com' })).toBe(false);
  });

  it('switches one site off and on again in either mode', () => {
    const off = setSiteActive({ settings: DEFAULT_SETTINGS, hostname: 'a.com', active: false });
    expect(isActiveOn({ settings: off, hostname: 'a.com' })).toBe(false);
    expect(isActiveOn({ settings: setSiteActive({ settings: off, hostname: 'a.com', active: true }), hostname: 'a.com' })).toBe(true);
    const allow = { ...DEFAULT_SETTINGS, siteMode: 'only-allowed' as const };
    expect(isActiveOn({ settings: setSiteActive({ settings: allow, hostname: 'b.com', active: true }), hostname: 'b.com' })).toBe(true);
  });
});

describe('the settings store on storage.sync', () => {
  beforeEach(() => fakeBrowser.reset());
  const store = () => createSettingsStore({ area: fakeBrowser.storage.sync as never });

  it('falls back to defaults for corrupt storage, writes the repair back, and keeps the notice until dismissed', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: 'garbage' });
    expect(await store().load()).toEqual({ settings: DEFAULT_SETTINGS, notice: { kind: 'reset' } });
    expect((await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(DEFAULT_SETTINGS);
    // Whoever reads next (the options page, after a content script) still gets the notice…
    expect(await store().load()).toEqual({ settings: DEFAULT_SETTINGS, notice: { kind: 'reset' } });
    await store().dismissNotice();
    // …until it has been shown.
    expect(await store().load()).toEqual({ settings: DEFAULT_SETTINGS, notice: null });
  });

  it('tells watchers about changes, already parsed', async () => {
    const seen: string[] = [];
    const stop = store().watch((settings) => seen.push(settings.highlightStyle));
    await store().save({ ...DEFAULT_SETTINGS, highlightStyle: 'background' });
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, highlightStyle: 'sparkles' } });
    stop();
    await store().save(DEFAULT_SETTINGS);
    expect(seen).toEqual(['background', 'underline']);
  });
});
