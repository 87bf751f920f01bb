/**
 * The search box and its results, as an ARIA combobox: ↑/↓ move through the results, Enter opens
 * one. Shared by the popup and the glossary page; the caller owns the query and the selection so
 * it can keep them (the popup restores both when it is opened again).
 */
import { useEffect, useMemo } from 'preact/hooks';
import { CATEGORIES } from '../lib/glossary/categories';
import type { GlossaryEntry } from '../lib/glossary/types';
import type { SearchHighlight, SearchIndex, SearchResult } from '../lib/glossary/search-index';
import { targetParts } from '../lib/glossary/format-target';
import { Marked } from './Marked';
import { useI18n } from './i18n';

export interface GlossarySearchProps {
  index: SearchIndex;
  query: string;
  onQuery: (query: string) => void;
  selected: number;
  onSelect: (selected: number) => void;
  onOpen: (entry: GlossaryEntry) => void;
  limit?: number;
  autoFocus?: boolean;
  /** Called with the current results, e.g. for "export these results". */
  onResults?: (entries: GlossaryEntry[]) => void;
  /**
   * False hides the results (the popup shows an opened entry in their place); ↑/↓ or a click in
   * the box then call onExpand to bring them back, selection unchanged.
   */
  expanded?: boolean;
  onExpand?: () => void;
}

export function GlossarySearch({
  index,
  query,
  onQuery,
  selected,
  onSelect,
  onOpen,
  limit = 30,
  autoFocus,
  onResults,
  expanded = true,
  onExpand,
}: GlossarySearchProps) {
  const { t } = useI18n();
  const results = useMemo(() => index.search({ query, limit }), [index, query, limit]);
  // Offered only when nothing was found, and never counted as results (nor exported as them).
  const suggestions = useMemo(() => (results.length === 0 && query.trim() !== '' ? index.suggest({ query }) : []), [index, query, results]);
  const shown = results.length > 0 ? results : suggestions;
  useEffect(() => onResults?.(results.map((r) => r.entry)), [results]);
  const current = Math.min(selected, shown.length - 1);
  const showList = expanded && query.trim() !== '';

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!expanded) {
        onExpand?.();
        return;
      }
      if (shown.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      onSelect((Math.max(current, 0) + step + shown.length) % shown.length);
    } else if (event.key === 'Enter' && shown[Math.max(current, 0)]) {
      event.preventDefault();
      onOpen(shown[Math.max(current, 0)]!.entry);
    }
  };

  return (
    <div class="search">
      <input
        type="search"
        class="search-input"
        role="combobox"
        list={undefined}
        aria-expanded={showList && shown.length > 0}
        aria-controls={showList ? 'search-results' : undefined}
        aria-activedescendant={showList && current >= 0 && shown[current] ? `result-${shown[current]!.entry.id}` : undefined}
        aria-label={t('searchLabel')}
        placeholder={t('searchPlaceholder')}
        value={query}
        autoFocus={autoFocus}
        onInput={(event) => {
          onQuery((event.target as HTMLInputElement).value);
          onSelect(0);
        }}
        onKeyDown={onKeyDown}
        onClick={() => {
          if (!expanded) onExpand?.();
        }}
      />
      {showList && (
        <ul class="results" id="search-results" role="listbox" aria-label={t('searchResults')}>
          {results.length === 0 && <li class="muted">{t('noResults', { query })}</li>}
          {suggestions.length > 0 && <li class="muted did-you-mean">{t('didYouMean')}</li>}
          {shown.map((result, i) => (
            <ResultItem key={result.entry.id} result={result} selected={i === current} onOpen={onOpen} />
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * One result: the term (marked when it is what matched), pinyin, area, what else matched, summary.
 * A summary that matched is the summary line, marked: shown as "what matched" too it was printed twice.
 */
function ResultItem({ result, selected, onOpen }: { result: SearchResult; selected: boolean; onOpen: (entry: GlossaryEntry) => void }) {
  const { language } = useI18n();
  const inTerm = result.field === 'term' || result.field === 'pinyin' || result.field === 'initials';
  const inSummary = result.field === 'summary';
  return (
    <li
      id={`result-${result.entry.id}`}
      role="option"
      aria-selected={selected}
      class={selected ? 'result selected' : 'result'}
      data-id={result.entry.id}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => onOpen(result.entry)}
    >
      <div class="result-line">
        <span class="term">{inTerm ? <Marked text={result.highlight.text} ranges={result.highlight.ranges} /> : result.entry.term}</span>
        <span class="pinyin">{result.entry.pinyin}</span>
        <span class={`category cat-${result.entry.category}`}>{CATEGORIES[result.entry.category][language]}</span>
      </div>
      {!inTerm && !inSummary && (
        <div class="matched">
          <MatchedText result={result} />
        </div>
      )}
      <div class="summary">{inSummary ? <Marked text={result.highlight.text} ranges={result.highlight.ranges} /> : result.entry.summary}</div>
    </li>
  );
}

/**
 * What matched, marked. A target match comes as "indicator value+unit" (the index searches the
 * number alone); it is shown formatted like everywhere else (城镇登记失业率 低于4.5%), with the
 * number still marked where the query hit it.
 */
function MatchedText({ result }: { result: SearchResult }) {
  const { text, ranges } = result.highlight;
  const target = result.field === 'target' ? result.entry.targets.find((t) => `${t.indicator} ${t.value}${t.unit}` === text) : undefined;
  if (!target) return <Marked text={text} ranges={ranges} />;
  const { before, number, after } = targetParts(target);
  const numberStart = target.indicator.length + 1;
  return (
    <>
      {target.indicator} {before}
      <Marked text={number} ranges={shiftRanges({ ranges, by: -numberStart, length: number.length })} />
      {after}
    </>
  );
}

/** Ranges moved by `by` and kept within [0, length]: the marks of the number inside the whole text. */
function shiftRanges({ ranges, by, length }: { ranges: SearchHighlight['ranges']; by: number; length: number }): Array<[number, number]> {
  return ranges.flatMap(([start, end]): Array<[number, number]> => {
    const from = Math.max(0, start + by);
    const to = Math.min(length, end + by);
    return from < to ? [[from, to]] : [];
  });
}
