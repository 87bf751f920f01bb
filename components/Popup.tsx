/** The toolbar popup: what the current page mentions. Talks to the extension only through `services`. */
import { useEffect, useState } from 'preact/hooks';
import type { GlossaryEntry } from '../lib/glossary-types';
import type { PageTerms } from '../lib/protocol';

export interface PopupServices {
  /** Terms on the active tab, or null when it was not scanned (a browser page, the store…). */
  getPageTerms(): Promise<PageTerms | null>;
  getEntries(args: { ids: string[] }): Promise<GlossaryEntry[]>;
}

export function Popup({ services }: { services: PopupServices }) {
  const [page, setPage] = useState<{ terms: PageTerms | null; entries: GlossaryEntry[] } | 'loading'>('loading');
  useEffect(() => {
    void (async () => {
      const terms = await services.getPageTerms();
      const entries = terms ? await services.getEntries({ ids: Object.keys(terms.counts) }) : [];
      setPage({ terms, entries });
    })();
  }, [services]);

  return (
    <main class="popup">
      <h1>桓台政策透镜</h1>
      <section aria-labelledby="on-page">
        <h2 id="on-page">本页术语</h2>
        {page === 'loading' ? (
          <p class="muted">…</p>
        ) : !page.terms ? (
          <p class="muted">此页面未被扫描。</p>
        ) : page.entries.length === 0 ? (
          <p class="muted">本页没有词表中的术语。</p>
        ) : (
          <ul class="on-page">
            {page.entries
              .map((entry) => ({ entry, count: page.terms!.counts[entry.id] ?? 0 }))
              .sort((a, b) => b.count - a.count)
              .map(({ entry, count }) => (
                <li key={entry.id} data-id={entry.id}>
                  <span class="term">{entry.term}</span> <span class="count">×{count}</span>
                  <div class="summary">{entry.summary}</div>
                </li>
              ))}
          </ul>
        )}
      </section>
    </main>
  );
}
