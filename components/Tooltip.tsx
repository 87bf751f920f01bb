/** The hover card: everything the glossary knows about one term. Renders glossary text only. */
import type { GlossaryEntry } from '../lib/glossary/types';
import { EntryDetails } from './EntryDetails';
import { useI18n } from './i18n';

export interface TooltipProps {
  entry: GlossaryEntry | null;
  onCopyCitation: () => void;
  onOpenInGlossary: () => void;
  copied: boolean;
}

export function Tooltip({ entry, onCopyCitation, onOpenInGlossary, copied }: TooltipProps) {
  const { t } = useI18n();
  if (!entry) {
    return (
      <div class="card loading" role="dialog" aria-busy="true" aria-label={t('appName')} tabIndex={-1}>
        …
      </div>
    );
  }
  // A non-modal dialog: it holds buttons and links, which a role=tooltip may not. The heading
  // names it and the summary describes it, so a screen reader announces both when it opens.
  return (
    <div class="card" role="dialog" aria-labelledby="term" aria-describedby="summary" lang="zh-CN" tabIndex={-1}>
      <EntryDetails entry={entry} />
      <footer>
        <button type="button" class="copy" onClick={onCopyCitation}>
          {copied ? t('copied') : t('copyCitation')}
        </button>
        <button type="button" class="open" onClick={onOpenInGlossary}>
          {t('openInGlossary')}
        </button>
        <span class="source">{t('sourceLine')}</span>
      </footer>
    </div>
  );
}
