/**
 * The pages the benchmark loads: real corpus pages with their scripts stripped (so runs are
 * repeatable offline and the baselines can inject code), plus a stress page made of a real
 * Chinese news page with the report's paragraphs appended many times.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { corpusPath } from '../serve.mjs';

export type PageId = 'stress' | 'wikipedia' | 'typical';

export interface BenchPage {
  id: PageId;
  /** One line for the table, e.g. "zh-gmw.html + report ×100". */
  title: string;
  /** Where the base page was read from, relative to the project. */
  source: string;
  html: string;
  /** Path on the bench server. */
  path: string;
  /** Where a reader meets dense terms, for the paint-on-scroll figure (stress page only). */
  scrollTo?: string;
}

export interface SkippedPage {
  id: PageId;
  title: string;
  reason: string;
}

export interface PagePlan {
  pages: BenchPage[];
  skipped: SkippedPage[];
}

export const STRESS_BASE = 'zh-gmw.html';
export const TYPICAL = 'zh-gmw.html';
export const LARGE = 'perf-en-wikipedia.html';

/** Removes <script> elements (and meta refresh/CSP) from an HTML string. */
export function stripScripts({ html }: { html: string }): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/giu, '')
    .replace(/<script\b[^>]*\/>/giu, '')
    .replace(/<meta\b[^>]*http-equiv\s*=\s*["']?(?:refresh|content-security-policy)[^>]*>/giu, '');
}

const escapeHtml = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/** The report's paragraphs as <p> elements, `times` over, each copy in its own <section>. */
export function reportParagraphs({ reportText, times }: { reportText: string; times: number }): string {
  const paragraphs = reportText
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('\n');
  const copies: string[] = [];
  for (let i = 0; i < times; i++) copies.push(`<section class="bench-report-copy" data-copy="${i + 1}">\n${paragraphs}\n</section>`);
  return copies.join('\n');
}

/** Puts `insert` at the end of the page's article body (gmw: before the editor line), else before </body>. */
export function appendToArticle({ html, insert }: { html: string; insert: string }): string {
  const anchors = [/<div id="contentLiability">/u, /<\/article>/iu, /<\/body>/iu];
  for (const anchor of anchors) {
    const match = anchor.exec(html);
    if (match) return html.slice(0, match.index) + insert + '\n' + html.slice(match.index);
  }
  return html + insert;
}

function readCorpus({ root, name }: { root: string; name: string }): { html: string; source: string } | null {
  const path = corpusPath(name);
  if (!path) return null;
  return { html: readFileSync(path, 'utf8'), source: relative(root, path) };
}

const missing = (name: string) =>
  `${name} was not found in tests/fixtures/corpus nor in ../shared/corpus/pages (the shared corpus is not present here), so this page is skipped`;

export function buildPages({ root, repeat }: { root: string; repeat: number }): PagePlan {
  const reportText = readFileSync(join(root, 'data/source/huantai-2022-report-news.txt'), 'utf8');
  const pages: BenchPage[] = [];
  const skipped: SkippedPage[] = [];

  const stressTitle = `${STRESS_BASE} + report ×${repeat}`;
  const stressBase = readCorpus({ root, name: STRESS_BASE });
  if (stressBase) {
    const html = appendToArticle({ html: stripScripts({ html: stressBase.html }), insert: reportParagraphs({ reportText, times: repeat }) });
    pages.push({ id: 'stress', title: stressTitle, source: stressBase.source, html, path: '/bench/stress.html', scrollTo: '.bench-report-copy' });
  } else {
    skipped.push({ id: 'stress', title: stressTitle, reason: missing(STRESS_BASE) });
  }

  const large = readCorpus({ root, name: LARGE });
  if (large) {
    pages.push({ id: 'wikipedia', title: LARGE, source: large.source, html: stripScripts({ html: large.html }), path: '/bench/wikipedia.html' });
  } else {
    skipped.push({ id: 'wikipedia', title: LARGE, reason: missing(LARGE) });
  }

  const typical = readCorpus({ root, name: TYPICAL });
  if (typical) {
    pages.push({ id: 'typical', title: TYPICAL, source: typical.source, html: stripScripts({ html: typical.html }), path: '/bench/typical.html' });
  } else {
    skipped.push({ id: 'typical', title: TYPICAL, reason: missing(TYPICAL) });
  }
  return { pages, skipped };
}
