/** The entry's sources: who published each, its title as a link, and its date when the page states one. */
import type { Reference } from '../lib/glossary/types';
import { useI18n } from './i18n';

export function References({ references, idPrefix }: { references: readonly Reference[]; idPrefix: string }) {
  const { t } = useI18n();
  if (references.length === 0) return null;
  return (
    <section class="sources" aria-labelledby={`${idPrefix}references-title`}>
      <h3 id={`${idPrefix}references-title`}>{t('references')}</h3>
      <ul class="references">
        {references.map((ref) => (
          <li key={ref.url}>
            {/* The publisher first: whose word it is decides how far a reader trusts the title. */}
            <span class="publisher">{ref.publisher}</span>
            <span class="sep"> · </span>
            <a href={ref.url} target="_blank" rel="noopener noreferrer">
              {ref.title}
            </a>
            {ref.date && (
              <>
                <span class="sep"> · </span>
                <time class="date" dateTime={ref.date}>
                  {ref.date}
                </time>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
