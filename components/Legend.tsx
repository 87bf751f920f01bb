/**
 * What the colours on the page mean: each report area with the colour its terms are underlined
 * in, and the quiet grey. Shown from the card and the popup, so a reader need not find the settings.
 */
import { CATEGORIES, CATEGORY_COLOURS, CATEGORY_IDS, QUIET_COLOUR, type Category } from '../lib/glossary/categories';
import { useI18n } from './i18n';

export function Legend({ id, current }: { id: string; /** The area of the card's term, marked in the list. */ current?: Category }) {
  const { t, language } = useI18n();
  const rows = [
    ...CATEGORY_IDS.map((category) => ({ key: category, colour: CATEGORY_COLOURS[category], name: CATEGORIES[category][language] })),
    { key: 'quiet', colour: QUIET_COLOUR, name: t('legendQuiet') },
  ];
  return (
    <section class="legend" id={id} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('legendTitle')}</h3>
      <ul class="legend-list">
        {rows.map(({ key, colour, name }) => (
          <li key={key} data-category={key} aria-current={key === current ? 'true' : undefined}>
            {/* The sample is underlined as terms are on the page; the name says what colour alone cannot. */}
            <span class="legend-sample" style={{ textDecorationColor: colour }} aria-hidden="true">
              政策
            </span>
            <span class="legend-name">{name}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
