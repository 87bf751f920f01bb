/** The hover card: everything the glossary knows about one term. Renders glossary text only. */
import { useRef, useState } from 'preact/hooks';
import type { GlossaryEntry, TraditionalText } from '../lib/glossary/types';
import { CategoryTag, EntryDetails, type PageContext } from './EntryDetails';
import { Legend } from './Legend';
import { useScrollCue } from './scroll-cue';
import { useI18n } from './i18n';

export interface TooltipProps {
  entry: GlossaryEntry | null;
  onCopyCitation: () => void;
  onOpenInGlossary: () => void;
  copied: boolean;
  /** 'elsewhere': the page is about another place, so Huantai's targets are said to be Huantai's. */
  context?: PageContext;
  /** The entry's text in Traditional characters, for a term written in them or on a Traditional page. */
  traditional?: TraditionalText;
  /** Where the term is among the page's terms, when the keyboard moved to it: "3 / 27". */
  position?: { index: number; total: number };
}

export function Tooltip({ entry, onCopyCitation, onOpenInGlossary, copied, context = 'huantai', traditional, position }: TooltipProps) {
  const { t } = useI18n();
  const card = useRef<HTMLDivElement>(null);
  // The entry the legend was opened on: the next term's card opens on its own text again.
  const [legendFor, setLegendFor] = useState<string | null>(null);
  useScrollCue({ ref: card });
  if (!entry) {
    return (
      <div class="card loading" role="dialog" aria-busy="true" aria-label={t('appName')} tabIndex={-1}>
        …
      </div>
    );
  }
  // The explanation opening must not make the card taller: placed above its term, it would grow
  // down over it. Its height is kept and the longer text scrolls inside (the next placement, on a
  // new hover, measures it afresh).
  const keepHeight = () => {
    const element = card.current;
    if (element) element.style.maxHeight = getComputedStyle(element).height;
  };
  const legend = legendFor === entry.id;
  // A non-modal dialog: it holds buttons and links, which a role=tooltip may not. The heading
  // names it and the summary describes it, so a screen reader announces both when it opens.
  return (
    <div
      class="card"
      ref={card}
      role="dialog"
      aria-labelledby={legend ? 'legend-title' : 'term'}
      aria-describedby={legend ? undefined : 'summary'}
      lang={traditional ? 'zh-Hant' : 'zh-CN'}
      tabIndex={-1}
    >
      {legend ? (
        <Legend id="legend" current={entry.category} />
      ) : (
        // The area tag waits in the footer: in the header it takes a line of its own on a phone, above the targets.
        <EntryDetails entry={entry} context={context} onExpandExplanation={keepHeight} categoryInHeader={false} traditional={traditional} />
      )}
      <footer>
        <button type="button" class="copy" onClick={onCopyCitation}>
          {copied ? t('copied') : t('copyCitation')}
        </button>
        <button type="button" class="open" onClick={onOpenInGlossary}>
          {t('openInGlossary')}
        </button>
        <button
          type="button"
          class="legend-toggle"
          aria-expanded={legend}
          aria-controls={legend ? 'legend' : undefined}
          onClick={() => {
            keepHeight();
            setLegendFor(legend ? null : entry.id);
          }}
        >
          {legend ? t('back') : t('legend')}
        </button>
        <CategoryTag entry={entry} />
        {position && (
          <span class="position" aria-label={t('position', position)}>
            {position.index} / {position.total}
          </span>
        )}
        <span class="source">{t('sourceLine')}</span>
      </footer>
    </div>
  );
}
