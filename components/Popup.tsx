/**
 * The toolbar popup: search the glossary, read an entry, see what the current page mentions.
 * Talks to the browser only through `services`.
 */
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { citationOf, type Citation } from '../lib/glossary/citation';
import type { Glossary, GlossaryEntry } from '../lib/glossary/types';
import type { PageTerms } from '../lib/messaging/protocol';
import type { SearchIndex } from '../lib/glossary/search-index';
import { EntryView } from './EntryView';
import { GlossarySearch } from './GlossarySearch';
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
}: {
  glossary: Glossary;
  index: SearchIndex;
  services: PopupServices;
  settings?: Settings;
}) {
  const { t } = useI18n();
  const [settings, setSettings] = useState(initialSettings);
  const byId = useMemo(() => new Map(glossary.entries.map((e) => [e.id, e])), [glossary]);
  const saved = useMemo(() => services.loadState(), [services]);
  const [query, setQuery] = useState(saved?.query ?? '');
  const [selected, setSelected] = useState(saved?.selected ?? 0);
  const [open, setOpen] = useState<GlossaryEntry | null>((saved?.openId && byId.get(saved.openId)) || null);
  const [page, setPage] = useState<PageTerms | null | 'loading'>('loading');

  useEffect(() => {
    // A page still being scanned answers with partial counts: ask again until it is done.
    let tries = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () =>
      void services.getPageTerms().then((terms) => {
        setPage(terms);
        if (terms?.scanning && ++tries < 40) timer = setTimeout(ask, 300);
      });
    ask();
    return () => clearTimeout(timer);
  }, [services]);

  const hostname = page && page !== 'loading' && /^https?:/.test(page.url) ? new URL(page.url).hostname : null;
  const siteActive = hostname !== null && isActiveOn({ settings, hostname });
  const toggleSite = (active: boolean) => {
    if (!hostname) return;
    const next = setSiteActive({ settings: active ? { ...settings, enabled: true } : settings, hostname, active });
    setSettings(next);
    void services.saveSettings(next);
  };
  // Saved as soon as it renders: a plain effect waits for the next frame, and a popup closed
  // right after Enter (or a background one, which gets no frames) would forget the entry.
  useLayoutEffect(() => {
    services.saveState({ query, selected, openId: open?.id ?? null });
  }, [query, selected, open]);

  const onPage = page && page !== 'loading'
    ? Object.entries(page.counts)
        .flatMap(([id, count]) => (byId.has(id) && count > 0 ? [{ entry: byId.get(id)!, count }] : []))
        .sort((a, b) => b.count - a.count || a.entry.term.localeCompare(b.entry.term, 'zh'))
    : [];

  return (
    <main class="popup">
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
      {hostname !== null && (
        <label class="site-switch">
          <input type="checkbox" name="site-active" checked={siteActive} onChange={(e) => toggleSite((e.target as HTMLInputElement).checked)} />
          <span>{t('siteSwitch', { site: hostname })}</span>
          {!settings.enabled && <span class="muted">{t('pausedEverywhere')}</span>}
        </label>
      )}
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
        <EntryView
          entry={open}
          entryById={(id) => byId.get(id)}
          onOpen={setOpen}
          onCopyCitation={(entry) => services.copyCitation(citationOf({ entry, source: glossary.source }))}
        >
          <button type="button" class="back" onClick={() => setOpen(null)}>
            {t('back')}
          </button>
          <button type="button" class="link" onClick={() => services.openGlossaryPage({ id: open.id })}>
            {t('openInGlossaryPage')}
          </button>
        </EntryView>
      ) : (
        query.trim() === '' && (
          <section class="on-page" aria-labelledby="on-page-title">
            <h2 id="on-page-title">
              {t('onThisPage')}
              {onPage.length > 0 && <span class="on-page-count">（{onPage.length}）</span>}
            </h2>
            {page === 'loading' ? (
              <p class="muted">{t('loading')}</p>
            ) : page === null ? (
              <p class="muted">{t('notScanned')}</p>
            ) : !page.active ? (
              <p class="muted">{settings.enabled ? t('offOnSite') : t('pausedEverywhere')}</p>
            ) : onPage.length === 0 ? (
              <p class="muted">{page.scanning ? t('scanning') : t('noTermsOnPage')}</p>
            ) : (
              <ul>
                {onPage.map(({ entry, count }) => (
                  <li key={entry.id} data-id={entry.id}>
                    <button type="button" class="on-page-term" title={t('locateOnPage')} onClick={() => void services.revealTerm({ id: entry.id })}>
                      <span class="term">{entry.term}</span> <span class="count">×{count}</span>
                    </button>
                    <button type="button" class="link info" aria-label={t('showExplanation', { term: entry.term })} onClick={() => setOpen(entry)}>
                      ⓘ
                    </button>
                    <div class="summary">{entry.summary}</div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )
      )}
    </main>
  );
}
