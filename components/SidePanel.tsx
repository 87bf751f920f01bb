/**
 * The side panel (Chrome) or sidebar (Firefox): the terms of the page beside it, grouped by the
 * report's areas and in reading order, each with its summary and 2022 targets; a click goes to the
 * term on the page and opens its card. It reads whatever tab `services` follows, again whenever
 * they say the tab or its terms changed. Talks to the browser only through `services`.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { CATEGORIES } from '../lib/glossary/categories';
import { groupInReadingOrder } from '../lib/glossary/page-groups';
import type { Glossary } from '../lib/glossary/types';
import type { PageTerms } from '../lib/messaging/protocol';
import { useI18n } from './i18n';
import { Shortcuts, type Shortcut } from './Shortcuts';
import { TargetList } from './TargetList';

/** What the followed tab shows: 'no-tab' when the panel follows none, null when the page was not scanned. */
export type PanelPage = (PageTerms & { order: string[] }) | null | 'no-tab';

export interface SidePanelServices {
  read(): Promise<PanelPage>;
  /** Calls `onChange` whenever the followed tab, or what its page holds, changes; returns the unsubscribe. */
  watch(onChange: () => void): () => void;
  reveal(args: { id: string }): Promise<boolean>;
}

export function SidePanel({
  glossary,
  services,
  shortcuts,
  enabled = true,
}: {
  glossary: Glossary;
  services: SidePanelServices;
  shortcuts: readonly Shortcut[];
  /** False when the reader paused the extension everywhere. */
  enabled?: boolean;
}) {
  const { t, language } = useI18n();
  const byId = useMemo(() => new Map(glossary.entries.map((e) => [e.id, e])), [glossary]);
  const page = usePanelPage(services);
  const terms = page !== 'loading' && page !== null && page !== 'no-tab' && page.active ? page : null;
  const groups = terms ? groupInReadingOrder({ counts: terms.counts, order: terms.order, byId }) : [];
  const site = page !== 'loading' && page !== null && page !== 'no-tab' ? { url: page.url, host: hostOf(page.url) } : null;
  const listed = groups.reduce((n, group) => n + group.rows.length, 0);
  const leftOut = terms ? Object.values(terms.unpainted ?? {}).filter((count) => count > 0).length : 0;
  const status =
    page === 'loading' ? t('loading')
    : page === 'no-tab' ? t('panelNoPage')
    : page === null ? t('notScanned')
    : !page.active ? t(enabled ? 'offOnSite' : 'pausedEverywhere')
    : listed === 0 ? (page.scanning ? t('scanning') : t('noTermsOnPage'))
    : null;

  return (
    <main class="side-panel">
      <h1>{t('appName')}</h1>
      {/* Which tab it reads: the panel follows the active one. */}
      {site !== null && (
        <p class="muted panel-site" title={site.url} data-url={site.url}>
          {site.host}
        </p>
      )}
      <section class="panel-terms" aria-labelledby="panel-terms-title">
        <h2 id="panel-terms-title">
          {t('onThisPage')}
          {listed > 0 && <span class="panel-count">（{listed}）</span>}
        </h2>
        {status !== null ? (
          <p class="muted panel-status">{status}</p>
        ) : (
          <>
            <p class="muted panel-hint">{t('panelReadingOrder')}</p>
            {groups.map(({ category, rows }) => (
              <section key={category} class="panel-area" data-category={category} aria-labelledby={`area-${category}`}>
                <h3 id={`area-${category}`}>{CATEGORIES[category][language]}</h3>
                <ol>
                  {rows.map(({ entry, count }) => (
                    <li key={entry.id} data-id={entry.id}>
                      <button type="button" class="panel-term" title={t('locateOnPage')} onClick={() => void services.reveal({ id: entry.id })}>
                        <span class="term">{entry.term}</span> <span class="count">×{count}</span>
                      </button>
                      <div class="summary">{entry.summary}</div>
                      {entry.targets.length > 0 && <TargetList targets={entry.targets} />}
                    </li>
                  ))}
                </ol>
              </section>
            ))}
          </>
        )}
        {leftOut > 0 && <p class="muted national-left-out">{t('nationalLeftOut', { count: leftOut })}</p>}
      </section>
      <Shortcuts shortcuts={shortcuts} />
    </main>
  );
}

const hostOf = (url: string) => (/^https?:/.test(url) ? new URL(url).host : url);

/**
 * The followed page, read again on every change. Changes come in bursts (a scan reports as it goes):
 * one read at a time, and one more after it when something changed meanwhile. While the first scan
 * runs, asked again now and then: its last counts may have come before it said it was done.
 */
function usePanelPage(services: SidePanelServices): PanelPage | 'loading' {
  const [page, setPage] = useState<PanelPage | 'loading'>('loading');
  useEffect(() => {
    let reading = false;
    let again = false;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let scanningReads = 0;
    const read = async () => {
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      let latest: PanelPage;
      do {
        again = false;
        latest = await services.read().catch(() => null);
        if (!stopped) setPage(latest);
      } while (again && !stopped);
      reading = false;
      clearTimeout(timer);
      const scanning = latest !== null && latest !== 'no-tab' && latest.scanning;
      scanningReads = scanning ? scanningReads + 1 : 0;
      if (scanning && !stopped && scanningReads < 40) timer = setTimeout(() => void read(), 300);
    };
    const unwatch = services.watch(() => void read());
    void read();
    return () => {
      stopped = true;
      clearTimeout(timer);
      unwatch();
    };
  }, [services]);
  return page;
}
