/** What the glossary knows about one entry, shared by the tooltip, the popup and the glossary page. */
import { CATEGORIES } from '../lib/glossary/categories';
import type { GlossaryEntry } from '../lib/glossary/types';
import { formatTargetValue } from '../lib/glossary/citation';
import { useI18n } from './i18n';

export function EntryDetails({ entry, idPrefix = '', allQuotes = false }: { entry: GlossaryEntry; idPrefix?: string; allQuotes?: boolean }) {
  const { t, language } = useI18n();
  return (
    <>
      <header class="entry-header">
        <h2 class="term" id={`${idPrefix}term`}>
          {entry.term}
        </h2>
        <span class="pinyin">{entry.pinyin}</span>
        <span class="english" lang="en">
          {entry.english}
        </span>
        <span class={`category cat-${entry.category}`}>{CATEGORIES[entry.category][language]}</span>
      </header>
      <p class="summary" id={`${idPrefix}summary`}>
        {entry.summary}
      </p>
      <p class="explanation">{entry.explanation}</p>
      {entry.targets.length > 0 && (
        <section class="targets" aria-labelledby={`${idPrefix}targets-title`}>
          <h3 id={`${idPrefix}targets-title`}>{t('targets2022')}</h3>
          <ul>
            {entry.targets.map((target) => (
              <li key={target.id} class="target">
                <span class="indicator">{target.indicator}</span> <strong class="value">{formatTargetValue(target)}</strong>
              </li>
            ))}
          </ul>
        </section>
      )}
      {(allQuotes ? entry.quotes : entry.quotes.slice(0, 1)).map((quote) => (
        <blockquote class="quote" key={quote}>
          {quote}
        </blockquote>
      ))}
      {entry.references.length > 0 && (
        <ul class="references" aria-label={t('references')}>
          {entry.references.map((ref) => (
            <li key={ref.url}>
              <a href={ref.url} target="_blank" rel="noopener noreferrer">
                {ref.title}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
