/**
 * The full glossary for study: every entry by the report's areas, the same search as the popup,
 * every 2022 target by area, and exports. `glossary.html#<id>` opens an entry (the tooltip's
 * "open" action links here); `#targets` opens the targets view.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { citationOf, type Citation } from '../lib/glossary/citation';
import { glossaryCsvRows, toAnkiTsv, toCsv } from '../lib/glossary/csv';
import { CATEGORIES, CATEGORY_IDS, type Category } from '../lib/glossary/categories';
import type { Glossary, GlossaryEntry, Target } from '../lib/glossary/types';
import type { SearchIndex } from '../lib/glossary/search-index';
import { EntryView } from './EntryView';
import { TargetText } from './TargetList';
import { useScrollCue } from './scroll-cue';
import { GlossarySearch } from './GlossarySearch';
import { useI18n } from './i18n';

export interface GlossaryPageServices {
  copyCitation(citation: Citation): Promise<void>;
  download(args: { filename: string; type: string; content: string }): void;
  /** The location hash without '#', and a way to follow its changes. */
  getHash(): string;
  setHash(hash: string): void;
  onHashChange(listener: () => void): () => void;
}

export function GlossaryPage({ glossary, index, services }: { glossary: Glossary; index: SearchIndex; services: GlossaryPageServices }) {
  const { t } = useI18n();
  const byId = useMemo(() => new Map(glossary.entries.map((e) => [e.id, e])), [glossary]);
  const [hash, setHash] = useState(services.getHash());
  useEffect(() => services.onHashChange(() => setHash(services.getHash())), [services]);

  const open = byId.get(hash) ?? null;
  const view = hash === 'targets' ? 'targets' : 'entries';
  const openEntry = (entry: GlossaryEntry) => services.setHash(entry.id);
  // The entry the page opened on (from a card's "open in glossary", a shared link) is centred in the
  // list, with its neighbours around it; one picked here is only brought into sight, so the list
  // does not jump under the pointer that picked it.
  const opened = useRef(false);
  useEffect(() => {
    if (open) {
      document.getElementById(`entry-${open.id}`)?.scrollIntoView({ block: opened.current ? 'nearest' : 'center' });
      opened.current = true;
    }
    document.title = open ? `${open.term} · ${t('glossaryTitle')}` : `${t('glossaryTitle')} · Huantai Lens`;
  }, [open]);

  return (
    <div class="glossary-page">
      <header class="page-header">
        <h1>{t('glossaryTitle')}</h1>
        <p class="muted">
          {t('glossaryIntro', {
            title: glossary.source.title,
            publisher: glossary.source.publisher,
            date: glossary.source.date,
            entries: glossary.entries.length,
            targets: glossary.targets.length,
          })}
        </p>
        <nav class="tabs" aria-label={t('viewEntries') + ' / ' + t('viewTargets')}>
          <a href="#" aria-current={view === 'entries' ? 'page' : undefined} onClick={(e) => { e.preventDefault(); services.setHash(''); }}>
            {t('viewEntries')}
          </a>
          <a href="#targets" aria-current={view === 'targets' ? 'page' : undefined}>
            {t('viewTargets')}
          </a>
        </nav>
      </header>
      {view === 'targets' ? (
        <TargetsView glossary={glossary} byId={byId} onOpen={openEntry} />
      ) : (
        <EntriesView glossary={glossary} index={index} services={services} byId={byId} hash={hash} open={open} onOpen={openEntry} />
      )}
    </div>
  );
}

interface EntriesViewProps {
  glossary: Glossary;
  index: SearchIndex;
  services: GlossaryPageServices;
  byId: Map<string, GlossaryEntry>;
  hash: string;
  open: GlossaryEntry | null;
  onOpen: (entry: GlossaryEntry) => void;
}

/** The entries view: browse or search on the left, the open entry on the right. */
function EntriesView({ glossary, index, services, byId, hash, open, onOpen }: EntriesViewProps) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const [results, setResults] = useState<GlossaryEntry[]>([]);
  // Here, not in AreaList: the chosen area outlives a search, which hides the list.
  const [area, setArea] = useState<Category | 'all'>('all');
  // On a wide screen the entry column scrolls on its own: show when it has more below.
  const detail = useRef<HTMLElement>(null);
  useScrollCue({ ref: detail });
  return (
    <div class="columns">
      <section class="browse" aria-label={t('viewEntries')}>
        <GlossarySearch
          index={index}
          query={query}
          onQuery={setQuery}
          selected={selected}
          onSelect={setSelected}
          onOpen={onOpen}
          limit={200}
          autoFocus={!open}
          onResults={setResults}
        />
        <ExportToolbar glossary={glossary} services={services} query={query} results={results} />
        {query.trim() === '' && <AreaList glossary={glossary} open={open} area={area} onArea={setArea} />}
      </section>
      <section class="detail" ref={detail} aria-live="polite">
        {open ? (
          <EntryView
            entry={open}
            entryById={(id) => byId.get(id)}
            onOpen={onOpen}
            onCopyCitation={(entry) => services.copyCitation(citationOf({ entry, source: glossary.source }))}
          >
            <span class="muted share">
              {t('shareLink')}glossary.html#{open.id}
            </span>
          </EntryView>
        ) : hash !== '' ? (
          // A shared link to an entry this version of the glossary does not have.
          <p class="muted not-found">{t('entryNotFound', { id: hash })}</p>
        ) : (
          <p class="muted">{t('pickEntry')}</p>
        )}
      </section>
    </div>
  );
}

/**
 * CSV of everything or of the results shown; Anki notes of the same. A search that found nothing
 * leaves nothing to export: its buttons are disabled and say why (an empty file looked like a bug).
 */
function ExportToolbar({ glossary, services, query, results }: { glossary: Glossary; services: GlossaryPageServices; query: string; results: GlossaryEntry[] }) {
  const { t } = useI18n();
  const searching = query.trim() !== '';
  const nothing = searching && results.length === 0;
  const why = nothing ? 'export-none' : undefined;
  const exportCsv = (entries: GlossaryEntry[], name: string) =>
    services.download({ filename: `${name}.csv`, type: 'text/csv;charset=utf-8', content: toCsv({ rows: glossaryCsvRows({ glossary: { entries } }) }) });
  return (
    <div class="toolbar">
      <button type="button" onClick={() => exportCsv(glossary.entries, 'huantai-glossary')}>
        {t('exportAllCsv')}
      </button>
      {searching && (
        <button type="button" disabled={nothing} aria-describedby={why} onClick={() => exportCsv(results, 'huantai-glossary-results')}>
          {t('exportResultsCsv', { count: results.length })}
        </button>
      )}
      <button
        type="button"
        disabled={nothing}
        aria-describedby={why}
        onClick={() =>
          services.download({
            filename: 'huantai-glossary-anki.txt',
            type: 'text/tab-separated-values;charset=utf-8',
            content: toAnkiTsv({ entries: searching ? results : glossary.entries }),
          })
        }
      >
        {searching ? t('exportAnkiResults') : t('exportAnki')}
      </button>
      {nothing && (
        <p class="muted export-none" id="export-none">
          {t('nothingToExport')}
        </p>
      )}
    </div>
  );
}

/** Every entry under its area, with buttons to show one area only. */
function AreaList({
  glossary,
  open,
  area,
  onArea,
}: {
  glossary: Glossary;
  open: GlossaryEntry | null;
  area: Category | 'all';
  onArea: (area: Category | 'all') => void;
}) {
  const { t, language } = useI18n();
  return (
    <>
      <div class="areas" role="group" aria-label={t('browseByArea')}>
        {(['all', ...CATEGORY_IDS] as const).map((id) => (
          <button type="button" key={id} aria-pressed={area === id} onClick={() => onArea(id)}>
            {id === 'all' ? t('allAreas') : CATEGORIES[id][language]}
          </button>
        ))}
      </div>
      {CATEGORY_IDS.filter((id) => area === 'all' || area === id).map((id) => (
        <section key={id} class="area" aria-labelledby={`area-${id}`}>
          <h2 id={`area-${id}`}>
            {CATEGORIES[id].zh} <span class="muted">{CATEGORIES[id].en}</span>
          </h2>
          <ul class="entry-list">
            {glossary.entries
              .filter((e) => e.category === id)
              .map((entry) => (
                <li key={entry.id} id={`entry-${entry.id}`} class={open?.id === entry.id ? 'current' : undefined}>
                  <a href={`#${entry.id}`}>
                    <span class="term">{entry.term}</span> <span class="pinyin">{entry.pinyin}</span>
                  </a>
                  <div class="summary">{entry.summary}</div>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function TargetsView({ glossary, byId, onOpen }: { glossary: Glossary; byId: Map<string, GlossaryEntry>; onOpen: (entry: GlossaryEntry) => void }) {
  const { t, language } = useI18n();
  const byArea = new Map<Category, Target[]>();
  for (const target of glossary.targets) {
    const area = byId.get(target.entries[0]!)?.category ?? 'overall';
    byArea.set(area, [...(byArea.get(area) ?? []), target]);
  }
  return (
    <section class="targets-view" aria-label={t('viewTargets')}>
      {CATEGORY_IDS.filter((id) => byArea.has(id)).map((id) => (
        <section key={id} aria-labelledby={`targets-${id}`}>
          <h2 id={`targets-${id}`}>{CATEGORIES[id][language]}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('colIndicator')}</th>
                <th scope="col">{t('colTarget')}</th>
                <th scope="col">{t('colComparator')}</th>
                <th scope="col">{t('colEntries')}</th>
                <th scope="col">{t('colQuote')}</th>
              </tr>
            </thead>
            <tbody>
              {byArea.get(id)!.map((target) => (
                <tr key={target.id} data-target={target.id}>
                  <td>{target.indicator}</td>
                  <td class="value">
                    <TargetText target={target} />
                  </td>
                  <td class="comparator">{target.comparator || '—'}</td>
                  <td class="entries">
                    {target.entries.flatMap((entryId) => byId.get(entryId) ?? []).map((entry) => (
                      <a key={entry.id} href={`#${entry.id}`} onClick={(e) => { e.preventDefault(); onOpen(entry); }}>
                        {entry.term}
                      </a>
                    ))}
                  </td>
                  <td class="quote-cell">{target.quote}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </section>
  );
}
