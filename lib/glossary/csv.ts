/**
 * The glossary as a spreadsheet. Pure and free of Node APIs, so the glossary page can offer the same
 * download in the browser that `glossary:export` writes.
 */
import { formatTarget } from './format-target';
import { CATEGORIES } from './categories';
import type { Glossary, GlossaryEntry } from './types';

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
      list(entry.targets.map((target) => `${target.indicator} ${formatTarget(target)}`)),
      list(entry.quotes),
      list(entry.related),
      list(entry.references.map((reference) => `${reference.title} <${reference.url}>`)),
    ]),
  ];
}

function quoteField({ field }: { field: string }): string {
  return /[",\r\n]/u.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/**
 * Anki's "Notes in plain text" import: tab-separated, one note per line, HTML allowed in fields.
 * Fields are escaped, never built from page text: only glossary content goes in.
 */
export function toAnkiTsv({ entries }: { entries: readonly GlossaryEntry[] }): string {
  const html = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  const field = (text: string) => text.replace(/[\t\r\n]+/g, ' ');
  const lines = entries.map((entry) => {
    const front = `${html(entry.term)}<br><small>${html(entry.pinyin)} · ${html(entry.english)}</small>`;
    const targets = entry.targets.map((t) => `${html(t.indicator)} ${html(formatTarget(t))}`);
    const back = [
      `<b>${html(entry.summary)}</b>`,
      html(entry.explanation),
      ...(targets.length ? [`2022年目标：${targets.join('；')}`] : []),
      `<i>${html(entry.quotes[0] ?? '')}</i>`,
    ].join('<br>');
    return [entry.id, front, back, CATEGORIES[entry.category].zh].map(field).join('\t');
  });
  return ['#separator:tab', '#html:true', '#guid column:1', '#tags column:4', ...lines].join('\n') + '\n';
}
