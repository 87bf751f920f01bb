/**
 * The toolbar popup: search the glossary, read an entry, see what the current page mentions.
 * Talks to the browser only through `services`.
 */
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { formatCitation } from '../lib/citation';
import type { Glossary, GlossaryEntry } from '../lib/glossary-types';
import type { PageTerms } from '../lib/protocol';
import type { SearchIndex } from '../lib/search-index';
import { EntryView } from './EntryView';
import { GlossarySearch } from './GlossarySearch';

export interface PopupState {
  query: string;
  selected: number;
  openId: string | null;
}

export interface PopupServices {
  /** Terms on the active tab, or null when it was not scanned (a browser page, the store…). */
  getPageTerms(): Promise<PageTerms | null>;
  revealTerm(args: { id: string }): Promise<boolean>;
  copyText(text: string): Promise<void>;
  openGlossaryPage(args: { id?: string }): void;
  /** The query and selection of the last time the popup was open. */
  loadState(): PopupState | null;
  saveState(state: PopupState): void;
}

export function Popup({ glossary, index, services }: { glossary: Glossary; index: SearchIndex; services: PopupServices }) {
  const byId = useMemo(() => new Map(glossary.entries.map((e) => [e.id, e])), [glossary]);
  const saved = useMemo(() => services.loadState(), [services]);
  const [query, setQuery] = useState(saved?.query ?? '');
  const [selected, setSelected] = useState(saved?.selected ?? 0);
  const [open, setOpen] = useState<GlossaryEntry | null>((saved?.openId && byId.get(saved.openId)) || null);
  const [page, setPage] = useState<PageTerms | null | 'loading'>('loading');

  useEffect(() => {
    void services.getPageTerms().then(setPage);
  }, [services]);
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
        <h1>桓台政策透镜</h1>
        <button type="button" class="link" onClick={() => services.openGlossaryPage({})}>
          全部词条
        </button>
      </header>
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
          onCopyCitation={(entry) => services.copyText(formatCitation({ entry, source: glossary.source }))}
        >
          <button type="button" class="back" onClick={() => setOpen(null)}>
            返回
          </button>
          <button type="button" class="link" onClick={() => services.openGlossaryPage({ id: open.id })}>
            在词表页打开
          </button>
        </EntryView>
      ) : (
        query.trim() === '' && (
          <section class="on-page" aria-labelledby="on-page-title">
            <h2 id="on-page-title">
              本页术语{onPage.length > 0 && <span class="on-page-count">（{onPage.length}）</span>}
            </h2>
            {page === 'loading' ? (
              <p class="muted">…</p>
            ) : page === null ? (
              <p class="muted">此页面未被扫描（浏览器内部页面或扩展页面）。</p>
            ) : onPage.length === 0 ? (
              <p class="muted">本页没有词表中的术语。</p>
            ) : (
              <ul>
                {onPage.map(({ entry, count }) => (
                  <li key={entry.id} data-id={entry.id}>
                    <button type="button" class="on-page-term" title="在页面上定位" onClick={() => void services.revealTerm({ id: entry.id })}>
                      <span class="term">{entry.term}</span> <span class="count">×{count}</span>
                    </button>
                    <button type="button" class="link info" aria-label={`${entry.term}：查看解释`} onClick={() => setOpen(entry)}>
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
