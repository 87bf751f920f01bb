/**
 * What the glossary knows about one entry, shared by the tooltip, the popup and the glossary page,
 * in the order a reader needs it: the term and what it means; then what Huantai does with it in
 * 2022 (its targets, large); then the long explanation (collapsed), the report's sentence and the
 * sources. A province or national term's meaning is the general one, so Huantai's part comes in
 * its own labelled block, after a line saying who set the term.
 */
import { CATEGORIES } from '../lib/glossary/categories';
import { withTraditional } from '../lib/glossary/script';
import type { GlossaryEntry, Scope, TraditionalText } from '../lib/glossary/types';
import type { MessageKey } from '../lib/i18n';
import { Explanation } from './Explanation';
import { References } from './References';
import { TargetList } from './TargetList';
import { useI18n } from './i18n';

/** Where the entry is being read: on a page about Huantai, or about some other place. */
export type PageContext = 'huantai' | 'elsewhere';

export interface EntryDetailsProps {
  entry: GlossaryEntry;
  /** Prefixes the element ids, for views that show more than one entry or sit beside other ids. */
  idPrefix?: string;
  /** Every report sentence (the popup and the glossary page) rather than the first (the card). */
  allQuotes?: boolean;
  context?: PageContext;
  /** See Explanation: the tooltip keeps its height when the explanation opens. */
  onExpandExplanation?: () => void;
  /** False: the area tag is shown elsewhere (the card's footer, to keep its header to two lines on a phone). */
  categoryInHeader?: boolean;
  /** The entry's text in Traditional characters: given, the Chinese text is shown in them (a card on Traditional text). */
  traditional?: TraditionalText;
}

const SCOPE_LABEL: Record<Exclude<Scope, 'county'>, MessageKey> = {
  city: 'scopeCity',
  province: 'scopeProvince',
  national: 'scopeNational',
};

/**
 * A scopeNote is "who set the term；what Huantai's report does with it". The card's scope line
 * takes the first part; the second says in short what localUse says in full, so it is shown only
 * for an entry without a localUse.
 */
export function splitScopeNote({ scopeNote }: { scopeNote: string }): { setBy: string; rest: string } {
  const at = scopeNote.indexOf('；');
  if (at < 0) return { setBy: scopeNote, rest: '' };
  return { setBy: scopeNote.slice(0, at), rest: scopeNote.slice(at + 1) };
}

export function EntryDetails({
  entry: simplified,
  idPrefix = '',
  allQuotes = false,
  context = 'huantai',
  onExpandExplanation,
  categoryInHeader = true,
  traditional,
}: EntryDetailsProps) {
  const { t, language } = useI18n();
  const entry = traditional ? withTraditional({ entry: simplified, text: traditional }) : simplified;
  const scope = entry.scope;
  const note = scope === 'county' ? null : splitScopeNote({ scopeNote: entry.scopeNote });
  const scopeLine = scope !== 'county' && note && (
    <p class="scope-note" data-scope={scope}>
      <span class="scope-tag">{t(SCOPE_LABEL[scope])}</span> {note.setBy}
    </p>
  );
  // A city term is 淄博's but binds Huantai as it is: its targets lead, like a county term's.
  const cityOrCounty = scope === 'county' || scope === 'city';
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
        {categoryInHeader && <CategoryTag entry={entry} />}
      </header>
      <p class="summary" id={`${idPrefix}summary`}>
        {entry.summary}
      </p>
      {language === 'en' && entry.summaryEn && (
        <p class="summary-en" lang="en">
          {entry.summaryEn}
        </p>
      )}
      {!cityOrCounty && scopeLine}
      <HuantaiBlock
        entry={entry}
        idPrefix={idPrefix}
        context={context}
        extra={note && !entry.localUse ? note.rest : ''}
        traditional={traditional?.targets}
      />
      {cityOrCounty && scopeLine}
      <Explanation key={entry.id} text={entry.explanation} id={`${idPrefix}explanation`} onExpand={onExpandExplanation} />
      {(allQuotes ? entry.quotes : entry.quotes.slice(0, 1)).map((quote) => (
        <blockquote class="quote" key={quote}>
          {quote}
        </blockquote>
      ))}
      <References references={entry.references} idPrefix={idPrefix} />
    </>
  );
}

/** The report area the entry belongs to. */
export function CategoryTag({ entry }: { entry: GlossaryEntry }) {
  const { language } = useI18n();
  return <span class={`category cat-${entry.category}`}>{CATEGORIES[entry.category][language]}</span>;
}

/**
 * Huantai's 2022 part of the entry: its targets and, for a term set above the county, what the
 * report does with it. Labelled 「桓台 2022 年」 for such terms, so a reader never takes Huantai's
 * numbers for the term's general meaning; on a page about another place, the label says outright
 * that these are Huantai's targets, not that place's.
 */
function HuantaiBlock({
  entry,
  idPrefix,
  context,
  extra,
  traditional,
}: {
  entry: GlossaryEntry;
  idPrefix: string;
  context: PageContext;
  extra: string;
  traditional?: TraditionalText['targets'];
}) {
  const { t } = useI18n();
  const scope = entry.scope;
  const localUse = scope === 'county' ? '' : (entry.localUse ?? extra);
  if (entry.targets.length === 0 && !localUse) return null;
  const titleId = `${idPrefix}targets-title`;
  const noteId = `${idPrefix}targets-note`;
  return (
    <section
      class={scope === 'county' ? 'targets' : 'targets huantai'}
      data-context={context}
      aria-labelledby={context === 'elsewhere' ? `${titleId} ${noteId}` : titleId}
    >
      <h3 id={titleId}>{scope === 'county' ? t('targets2022') : t('huantai2022')}</h3>
      {context === 'elsewhere' && (
        <p class="not-here" id={noteId}>
          {t('notThisPlace')}
        </p>
      )}
      {entry.targets.length > 0 && <TargetList targets={entry.targets} traditional={traditional} />}
      {localUse && <p class="local-use">{localUse}</p>}
    </section>
  );
}
