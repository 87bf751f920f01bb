/**
 * Reads, writes and watches the settings in a storage area (storage.sync in the extension, a fake
 * in tests). Everything read goes through parseSettings, so callers only ever see valid settings.
 */
import { parseSettings, SETTINGS_KEY, type LoadedSettings, type Settings } from './settings';

export interface StorageAreaLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  onChanged: {
    addListener(listener: (changes: Record<string, { newValue?: unknown }>) => void): void;
    removeListener(listener: (changes: Record<string, { newValue?: unknown }>) => void): void;
  };
}

const NOTICE_KEY = 'settingsNotice';

function isNotice(value: unknown): value is NonNullable<LoadedSettings['notice']> {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return kind === 'reset' || (kind === 'migrated' && typeof (value as { from?: unknown }).from === 'number') ||
    (kind === 'repaired' && Array.isArray((value as { fields?: unknown }).fields) && (value as { fields: unknown[] }).fields.every((f) => typeof f === 'string'));
}

export function createSettingsStore({ area }: { area: StorageAreaLike }) {
  return {
    /**
     * The settings, and a notice when what was stored had to be migrated or repaired. The repair
     * is written back at once, but its notice is kept until a page that can show it (the options
     * page) calls dismissNotice: a content script often reads the settings first.
     */
    async load(): Promise<LoadedSettings> {
      try {
        const stored = await area.get(SETTINGS_KEY);
        const loaded = parseSettings(stored[SETTINGS_KEY]);
        if (loaded.notice) {
          await area.set({ [SETTINGS_KEY]: loaded.settings, [NOTICE_KEY]: loaded.notice });
          return loaded;
        }
        const pending = (await area.get(NOTICE_KEY))[NOTICE_KEY];
        return { settings: loaded.settings, notice: isNotice(pending) ? pending : null };
      } catch {
        return parseSettings(null);
      }
    },
    dismissNotice(): Promise<void> {
      return area.set({ [NOTICE_KEY]: null });
    },
    save(settings: Settings): Promise<void> {
      return area.set({ [SETTINGS_KEY]: settings });
    },
    /** Calls back with the new settings whenever they change (from any page, any device). */
    watch(listener: (settings: Settings) => void): () => void {
      const onChanged = (changes: Record<string, { newValue?: unknown }>) => {
        if (SETTINGS_KEY in changes) listener(parseSettings(changes[SETTINGS_KEY]!.newValue).settings);
      };
      area.onChanged.addListener(onChanged);
      return () => area.onChanged.removeListener(onChanged);
    },
  };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
