/**
 * The popup's "on this page" list: the terms the page paints, most frequent first, each a button that
 * scrolls to it. It follows the site switch at once (a switched-off site lists nothing, whatever the
 * page answered before the switch), and names the national terms a page about another place leaves
 * unpainted, with the one click that shows them everywhere.
 */
import type { GlossaryEntry } from '../lib/glossary/types';
import type { PageTerms } from '../lib/messaging/protocol';
import { useI18n } from './i18n';

export function OnThisPage({
  page,
  siteActive,
  enabled,
  byId,
  onReveal,
  onOpen,
  onShowNational,
}: {
  page: PageTerms | null | 'loading';
  /** Whether the reader's settings have the extension on for this page's site, now. */
  siteActive: boolean;
  /** False when it is paused everywhere. */
  enabled: boolean;
  byId: ReadonlyMap<string, GlossaryEntry>;
  onReveal: (entry: GlossaryEntry) => void;
  onOpen: (entry: GlossaryEntry) => void;
  onShowNational: () => void;
}) {
  const { t } = useI18n();
  const active = page !== 'loading' && page !== null && page.active && siteActive;
  const listed = active ? entriesByCount({ counts: page.counts, byId }) : [];
  const leftOut = active ? entriesByCount({ counts: page.unpainted ?? {}, byId }).length : 0;
  return (
    <section class="on-page" aria-labelledby="on-page-title">
      <h2 id="on-page-title">
        {t('onThisPage')}
        {listed.length > 0 && <span class="on-page-count">（{listed.length}）</span>}
      </h2>
      {page === 'loading' ? (
        <p class="muted">{t('loading')}</p>
      ) : page === null ? (
        <p class="muted">{t('notScanned')}</p>
      ) : !active ? (
        <p class="muted">{enabled ? t('offOnSite') : t('pausedEverywhere')}</p>
      ) : listed.length === 0 ? (
        <p class="muted">{page.scanning ? t('scanning') : t('noTermsOnPage')}</p>
      ) : (
        <ul>
          {listed.map(({ entry, count }) => (
            <li key={entry.id} data-id={entry.id}>
              <button type="button" class="on-page-term" title={t('locateOnPage')} onClick={() => onReveal(entry)}>
                <span class="term">{entry.term}</span> <span class="count">×{count}</span>
              </button>
              <button type="button" class="link info" aria-label={t('showExplanation', { term: entry.term })} onClick={() => onOpen(entry)}>
                ⓘ
              </button>
              <div class="summary">{entry.summary}</div>
            </li>
          ))}
        </ul>
      )}
      {leftOut > 0 && (
        <p class="muted national-left-out">
          {t('nationalLeftOut', { count: leftOut })}{' '}
          <button type="button" class="link show-national" onClick={onShowNational}>
            {t('showNational')}
          </button>
        </p>
      )}
    </section>
  );
}

function entriesByCount({ counts, byId }: { counts: Record<string, number>; byId: ReadonlyMap<string, GlossaryEntry> }) {
  return Object.entries(counts)
    .flatMap(([id, count]) => (byId.has(id) && count > 0 ? [{ entry: byId.get(id)!, count }] : []))
    .sort((a, b) => b.count - a.count || a.entry.term.localeCompare(b.entry.term, 'zh'));
}
