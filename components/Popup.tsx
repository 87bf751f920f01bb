/**
 * The toolbar popup: search the glossary, read an entry, see what the current page mentions.
 * Talks to the browser only through `services`.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { citationOf, type Citation } from '../lib/glossary/citation';
import type { Glossary, GlossaryEntry } from '../lib/glossary/types';
import type { PageTerms } from '../lib/messaging/protocol';
import type { SearchIndex } from '../lib/glossary/search-index';
import { EntryView } from './EntryView';
import { GlossarySearch } from './GlossarySearch';
import { Legend } from './Legend';
import { OnThisPage } from './OnThisPage';
import { Shortcuts, shortcutsOf, type Shortcut } from './Shortcuts';
import { useI18n } from './i18n';
import { DEFAULT_SETTINGS, isActiveOn, setSiteActive, type Settings } from '../lib/settings/settings';

export interface PopupState {
  query: string;
  selected: number;
  openId: string | null;
}

export interface PopupServices {
  /** Terms on the active tab, or null when it was not scanned (a browser page, the store…). */
  getPageTerms(): Promise<PageTerms | null>;
  revealTerm(args: { id: string }): Promise<boolean>;
  copyCitation(citation: Citation): Promise<void>;
  openGlossaryPage(args: { id?: string }): void;
  /** The query and selection of the last time the popup was open. */
  loadState(): PopupState | null;
  saveState(state: PopupState): void;
  saveSettings(settings: Settings): Promise<void>;
  openSettings(): void;
}

export function Popup({
  glossary,
  index,
  services,
  settings: initialSettings = DEFAULT_SETTINGS,
  shortcuts = shortcutsOf({ commands: [] }),
}: {
  glossary: Glossary;
  index: SearchIndex;
  services: PopupServices;
  settings?: Settings;
  /** The keyboard shortcuts as the browser has them assigned (commands.getAll()). */
  shortcuts?: readonly Shortcut[];
}) {
  const [settings, setSettings] = useState(initialSettings);
  const byId = useMemo(() => new Map(glossary.entries.map((e) => [e.id, e])), [glossary]);
  const { query, setQuery, selected, setSelected, open, setOpen } = useSavedState({ services, byId });

  const { page, ask } = usePageTerms(services);

  const hostname = page && page !== 'loading' && /^https?:/.test(page.url) ? new URL(page.url).hostname : null;
  const siteActive = hostname !== null && isActiveOn({ settings, hostname });
  const toggleSite = (active: boolean) => {
    if (!hostname) return;
    save(setSiteActive({ settings: active ? { ...settings, enabled: true } : settings, hostname, active }));
  };
  const save = (next: Settings) => {
    setSettings(next);
    // The page follows the settings at once; ask again so the list shows what it paints now.
    void services.saveSettings(next).then(() => ask());
  };
  const showNational = () => save({ ...settings, nationalEverywhere: true });

  return (
    <main class="popup">
      <PopupHeader services={services} />
      {hostname !== null && <SiteSwitch hostname={hostname} active={siteActive} pausedEverywhere={!settings.enabled} onChange={toggleSite} />}
      <GlossarySearch
        index={index}
        query={query}
        onQuery={(q) => {
          setQuery(q);
          setOpen(null);
        }}
        selected={selected}
        onSelect={setSelected}
        onOpen={setOpen}
        limit={12}
        autoFocus
        // The entry takes the results' place: below a list of twelve it would open out of sight.
        expanded={open === null}
        onExpand={() => setOpen(null)}
      />
      {open ? (
        <PopupEntry
          entry={open}
          byId={byId}
          onOpen={setOpen}
          onCopyCitation={(entry) => services.copyCitation(citationOf({ entry, source: glossary.source }))}
          onOpenInGlossary={() => services.openGlossaryPage({ id: open.id })}
        />
      ) : (
        query.trim() === '' && (
          <OnThisPage
            page={page}
            siteActive={siteActive}
            enabled={settings.enabled}
            byId={byId}
            onReveal={(entry) => void services.revealTerm({ id: entry.id })}
            onOpen={setOpen}
            onShowNational={showNational}
          />
        )
      )}
      <PopupFooter shortcuts={shortcuts} />
    </main>
  );
}

/** The query, the selection and the open entry, as the popup was last left. */
function useSavedState({ services, byId }: { services: PopupServices; byId: ReadonlyMap<string, GlossaryEntry> }) {
  const saved = useMemo(() => services.loadState(), [services]);
  const [query, setQuery] = useState(saved?.query ?? '');
  const [selected, setSelected] = useState(saved?.selected ?? 0);
  const [open, setOpen] = useState<GlossaryEntry | null>((saved?.openId && byId.get(saved.openId)) || null);
  // Saved as soon as it renders: a plain effect waits for the next frame, and a popup closed
  // right after Enter (or a background one, which gets no frames) would forget the entry.
  useLayoutEffect(() => {
    services.saveState({ query, selected, openId: open?.id ?? null });
  }, [query, selected, open]);
  return { query, setQuery, selected, setSelected, open, setOpen };
}

/** The active tab's terms, asked again while its scan is still running (it answers with partial counts then). */
function usePageTerms(services: PopupServices) {
  const [page, setPage] = useState<PageTerms | null | 'loading'>('loading');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const ask = useCallback(
    (tries = 0) =>
      void services.getPageTerms().then((terms) => {
        setPage(terms);
        clearTimeout(timer.current);
        if (terms?.scanning && tries < 40) timer.current = setTimeout(() => ask(tries + 1), 300);
      }),
    [services],
  );
  useEffect(() => {
    ask();
    return () => clearTimeout(timer.current);
  }, [ask]);
  return { page, ask };
}

function PopupHeader({ services }: { services: PopupServices }) {
  const { t } = useI18n();
  return (
    <header class="popup-header">
      <h1>{t('appName')}</h1>
      <nav class="popup-links">
        <button type="button" class="link" onClick={() => services.openGlossaryPage({})}>
          {t('allEntries')}
        </button>
        <button type="button" class="link" onClick={() => services.openSettings()}>
          {t('settings')}
        </button>
      </nav>
    </header>
  );
}

function SiteSwitch({ hostname, active, pausedEverywhere, onChange }: { hostname: string; active: boolean; pausedEverywhere: boolean; onChange: (active: boolean) => void }) {
  const { t } = useI18n();
  return (
    <label class="site-switch">
      <input type="checkbox" name="site-active" checked={active} onChange={(e) => onChange((e.target as HTMLInputElement).checked)} />
      <span>{t('siteSwitch', { site: hostname })}</span>
      {pausedEverywhere && <span class="muted">{t('pausedEverywhere')}</span>}
    </label>
  );
}

/** An entry, in the place of the results, with the way back and the way to the glossary page. */
function PopupEntry({
  entry,
  byId,
  onOpen,
  onCopyCitation,
  onOpenInGlossary,
}: {
  entry: GlossaryEntry;
  byId: ReadonlyMap<string, GlossaryEntry>;
  onOpen: (entry: GlossaryEntry | null) => void;
  onCopyCitation: (entry: GlossaryEntry) => Promise<void>;
  onOpenInGlossary: () => void;
}) {
  const { t } = useI18n();
  return (
    <EntryView entry={entry} entryById={(id) => byId.get(id)} onOpen={onOpen} onCopyCitation={onCopyCitation}>
      <button type="button" class="back" onClick={() => onOpen(null)}>
        {t('back')}
      </button>
      <button type="button" class="link" onClick={onOpenInGlossary}>
        {t('openInGlossaryPage')}
      </button>
    </EntryView>
  );
}

function PopupFooter({ shortcuts }: { shortcuts: readonly Shortcut[] }) {
  const { t } = useI18n();
  return (
    <footer class="popup-footer">
      <Shortcuts shortcuts={shortcuts} />
      {/* Folded: the popup has 600px, and the colours are looked up now and then, not read every time. */}
      <details class="legend-details">
        <summary>{t('legend')}</summary>
        <Legend id="popup-legend" />
      </details>
    </footer>
  );
}
