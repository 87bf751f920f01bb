/**
 * The citation readers copy: the term and its summary, the report sentence it comes from, the report
 * itself (title, publisher, date) and every reference with its publisher, title, date and URL, so a
 * reporter can quote and check it. Made as plain text and as HTML; the HTML is built only from
 * escaped text, with links only to http(s) URLs.
 */
import type { GlossaryEntry, Reference, SourceDocument } from './types';

export interface Citation {
  text: string;
  html: string;
}

type CitedEntry = Pick<GlossaryEntry, 'term' | 'english' | 'summary' | 'quotes' | 'references'>;

/** Both forms of an entry's citation. */
export function citationOf({ entry, source }: { entry: CitedEntry; source: SourceDocument }): Citation {
  const quote = entry.quotes[0];
  const sourceLine = [bookTitle(source.title), source.publisher, source.date].filter((part) => part !== '').join('，');
  const text = [
    `${entry.term}（${entry.english}）：${entry.summary}`,
    ...(quote === undefined ? [] : [`报告原句：${quoted(quote)}`]),
    `出处：${sourceLine}`,
    ...(entry.references.length === 0
      ? []
      : ['参考资料：', ...entry.references.map((reference, i) => `${i + 1}. ${referenceText(reference)}`)]),
  ].join('\n');

  const html = [
    '<div>',
    `<p><strong>${escapeHtml(entry.term)}</strong>（${escapeHtml(entry.english)}）：${escapeHtml(entry.summary)}</p>`,
    ...(quote === undefined ? [] : [`<p>报告原句：${escapeHtml(quoted(quote))}</p>`]),
    `<p>出处：<cite>${escapeHtml(bookTitle(source.title))}</cite>${escapeHtml(
      [source.publisher, source.date].filter((part) => part !== '').map((part) => `，${part}`).join(''),
    )}</p>`,
    ...(entry.references.length === 0
      ? []
      : ['<p>参考资料：</p>', '<ol>', ...entry.references.map((reference) => `<li>${referenceHtml(reference)}</li>`), '</ol>']),
    '</div>',
  ].join('');
  return { text, html };
}

/** What copyCitation needs of navigator.clipboard. */
export interface ClipboardLike {
  writeText(text: string): Promise<void>;
  write?(items: ClipboardItem[]): Promise<void>;
}

/**
 * Writes a citation to the clipboard as text/plain and, where the clipboard takes ClipboardItems, as
 * text/html too, so it pastes as a formatted quote into a document. A browser that refuses the rich
 * write gets the plain text through writeText.
 */
export async function copyCitation({
  citation: { text, html },
  clipboard,
  ClipboardItem: Item,
}: {
  citation: Citation;
  clipboard: ClipboardLike;
  /** The page's ClipboardItem constructor, when it has one. */
  ClipboardItem: typeof ClipboardItem | undefined;
}): Promise<void> {
  if (Item !== undefined && clipboard.write !== undefined) {
    try {
      const item = new Item({
        'text/plain': new Blob([text], { type: 'text/plain' }),
        'text/html': new Blob([html], { type: 'text/html' }),
      });
      await clipboard.write([item]);
      return;
    } catch {
      // Some browsers refuse text/html or rich writes from this context: plain text still serves.
    }
  }
  await clipboard.writeText(text);
}

/** Escapes text for HTML content and attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (char) => HTML_ESCAPES[char] ?? char);
}


const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** 国务院：《title》，2021-04-29，https://… */
function referenceText(reference: Reference): string {
  return [`${reference.publisher}：${bookTitle(reference.title)}`, reference.date, reference.url]
    .filter((part) => part !== undefined && part !== '')
    .join('，');
}

function referenceHtml(reference: Reference): string {
  const url = escapeHtml(reference.url);
  // The build admits only http(s) URLs; anything else is still shown, never made a link.
  const link = /^https?:\/\//iu.test(reference.url) ? `<a href="${url}">${url}</a>` : url;
  return [
    `${escapeHtml(reference.publisher)}：<cite>${escapeHtml(bookTitle(reference.title))}</cite>`,
    ...(reference.date ? [escapeHtml(reference.date)] : []),
    link,
  ].join('，');
}

/** 《title》, with book-title marks inside it turned to 〈〉 as Chinese nests them. */
function bookTitle(title: string): string {
  return `《${title.replace(/《/gu, '〈').replace(/》/gu, '〉')}》`;
}

/** “sentence”, with the quote marks inside it turned to ‘’ as Chinese nests them. */
function quoted(sentence: string): string {
  return `“${sentence.trim().replace(/“/gu, '‘').replace(/”/gu, '’')}”`;
}
