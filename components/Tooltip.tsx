/** The hover card: everything the glossary knows about one term. Renders glossary text only. */
import { useRef } from 'preact/hooks';
import type { GlossaryEntry } from '../lib/glossary/types';
import { CategoryTag, EntryDetails, type PageContext } from './EntryDetails';
import { useScrollCue } from './scroll-cue';
import { useI18n } from './i18n';

export interface TooltipProps {
  entry: GlossaryEntry | null;
  onCopyCitation: () => void;
  onOpenInGlossary: () => void;
  copied: boolean;
  /** 'elsewhere': the page is about another place, so Huantai's targets are said to be Huantai's. */
  context?: PageContext;
}

export function Tooltip({ entry, onCopyCitation, onOpenInGlossary, copied, context = 'huantai' }: TooltipProps) {
  const { t } = useI18n();
  const card = useRef<HTMLDivElement>(null);
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
  // A non-modal dialog: it holds buttons and links, which a role=tooltip may not. The heading
  // names it and the summary describes it, so a screen reader announces both when it opens.
  return (
    <div class="card" ref={card} role="dialog" aria-labelledby="term" aria-describedby="summary" lang="zh-CN" tabIndex={-1}>
      {/* The area tag waits in the footer: in the header it takes a line of its own on a phone, above the targets. */}
      <EntryDetails entry={entry} context={context} onExpandExplanation={keepHeight} categoryInHeader={false} />
      <footer>
        <button type="button" class="copy" onClick={onCopyCitation}>
          {copied ? t('copied') : t('copyCitation')}
        </button>
        <button type="button" class="open" onClick={onOpenInGlossary}>
          {t('openInGlossary')}
        </button>
        <CategoryTag entry={entry} />
        <span class="source">{t('sourceLine')}</span>
      </footer>
    </div>
  );
}
