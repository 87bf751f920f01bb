/**
 * The glossary as a spreadsheet. Pure and free of Node APIs, so the glossary page can offer the same
 * download in the browser that `glossary:export` writes.
 */
import { formatTargetValue } from '../../lib/citation';
import { CATEGORIES } from '../../lib/glossary-schema';
import type { Glossary } from '../../lib/glossary-types';

/** Excel reads a CSV without a byte-order mark as the ANSI code page and garbles Chinese. */
export const CSV_BOM = '\uFEFF';

/**
 * Joins the items of a list field. The full-width bar never occurs in the report or the glossary,
 * unlike ; and ；, which the report's own sentences use.
 */
export const LIST_SEPARATOR = '｜';

export const GLOSSARY_CSV_HEADER = [
  'id',
  'term',
  'aliases',
  'english',
  'pinyin',
  'category',
  'category_zh',
  'summary',
  'explanation',
  'targets',
  'quotes',
  'related',
  'references',
] as const;

/** RFC 4180 with CRLF line ends, which is what Excel writes and expects. */
export function toCsv({ rows }: { rows: readonly (readonly string[])[] }): string {
  return CSV_BOM + rows.map((row) => row.map((field) => quoteField({ field })).join(',') + '\r\n').join('');
}

/** A header row, then one row per entry in glossary order. */
export function glossaryCsvRows({ glossary }: { glossary: Pick<Glossary, 'entries'> }): string[][] {
  const list = (items: readonly string[]) => items.join(LIST_SEPARATOR);
  return [
    [...GLOSSARY_CSV_HEADER],
    ...glossary.entries.map((entry) => [
      entry.id,
      entry.term,
      list(entry.aliases),
      entry.english,
      entry.pinyin,
      entry.category,
      CATEGORIES[entry.category].zh,
      entry.summary,
      entry.explanation,
      list(entry.targets.map((target) => `${target.indicator} ${formatTargetValue(target)}`)),
      list(entry.quotes),
      list(entry.related),
      list(entry.references.map((reference) => `${reference.title} <${reference.url}>`)),
    ]),
  ];
}

function quoteField({ field }: { field: string }): string {
  return /[",\r\n]/u.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}
