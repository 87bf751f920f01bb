/** One entry in full, with its related entries as links: the popup's and the glossary page's detail view. */
import { useRef, useState } from 'preact/hooks';
import type { GlossaryEntry } from '../lib/glossary/types';
import { EntryDetails } from './EntryDetails';
import { useScrollCue } from './scroll-cue';
import { useI18n } from './i18n';

export interface EntryViewProps {
  entry: GlossaryEntry;
  /** Resolves related ids; unknown ids are left out. */
  entryById: (id: string) => GlossaryEntry | undefined;
  onOpen: (entry: GlossaryEntry) => void;
  onCopyCitation: (entry: GlossaryEntry) => Promise<void>;
  /** Extra actions (back, open in the glossary page…). */
  children?: preact.ComponentChildren;
}

export function EntryView({ entry, entryById, onOpen, onCopyCitation, children }: EntryViewProps) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<string | null>(null);
  const related = entry.related.flatMap((id) => entryById(id) ?? []);
  // The popup caps the view's height (it scrolls inside, its actions stuck to the bottom): show when there is more.
  const view = useRef<HTMLElement>(null);
  useScrollCue({ ref: view });
  return (
    <article class="entry-view" ref={view} aria-labelledby={`${entry.id}-term`} data-id={entry.id}>
      <EntryDetails entry={entry} idPrefix={`${entry.id}-`} allQuotes />
      {related.length > 0 && (
        <nav class="related" aria-label={t('related')}>
          <h3>{t('related')}</h3>
          <ul>
            {related.map((other) => (
              <li key={other.id}>
                <a
                  href={`#${other.id}`}
                  onClick={(event) => {
                    event.preventDefault();
                    onOpen(other);
                  }}
                >
                  {other.term}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div class="actions">
        <button type="button" class="copy" onClick={() => void onCopyCitation(entry).then(() => setCopied(entry.id))}>
          {copied === entry.id ? t('copied') : t('copyCitation')}
        </button>
        {children}
      </div>
    </article>
  );
}
