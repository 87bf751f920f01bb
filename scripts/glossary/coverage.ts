/**
 * Finds what the glossary leaves unexplained in the report: quoted phrases no entry names and numbers
 * no target records. Pure: check.ts reads the files and prints the result; tests pass strings.
 *
 * Everything is located in the whitespace-squeezed report, the same text compile.ts checks quotes
 * against, so a quote copied across one of the report's line breaks still lines up.
 */
import * as v from 'valibot';
import type { Glossary } from '../../lib/glossary/types';
import { normalizeTerm, normalizeText } from '../../lib/scan/normalize';
import { squeeze } from './compile';
import { fieldPathOf } from './issues';

export const IgnoreItemSchema = v.strictObject({
  /** A phrase of the report (whitespace may differ) around the number or quoted phrase it excuses. */
  text: v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty')),
  /** Why it needs no entry or target: a reviewer must be able to judge the exemption. */
  reason: v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty')),
});
export const IgnoreListSchema = v.array(IgnoreItemSchema);
export type IgnoreItem = v.InferOutput<typeof IgnoreItemSchema>;

export type CoverageStatus = 'covered' | 'ignored' | 'uncovered';

export interface CoverageItem {
  /** The number, or the quoted phrase without its quote marks. */
  text: string;
  /** Offsets in the squeezed report, end exclusive. */
  start: number;
  end: number;
  /** A stretch of the squeezed report around the item, the item marked 【】. */
  context: string;
  status: CoverageStatus;
  /** What covers it: `entry <id>`, `target <id>` or `ignore "<text>"`. */
  by?: string;
}

export interface CoverageReport {
  phrases: CoverageItem[];
  numbers: CoverageItem[];
  /** Ignore items whose text is not in the report: a stale or mistyped exemption. */
  missingIgnores: IgnoreItem[];
  /** Ignore items in the report that excuse nothing (everything they hold is covered anyway). */
  unusedIgnores: IgnoreItem[];
  /** Nothing uncovered and every ignore item found: what `glossary:check` exits 0 on. */
  ok: boolean;
}

interface Span {
  start: number;
  end: number;
  by: string;
}

const QUOTED_PHRASE = /“([^“”]*)”/gu;
/** ASCII digits only: 第十九届 and 五年 are words, not figures a target would record. */
const NUMBER = /[0-9]+(?:\.[0-9]+)?/gu;
const CONTEXT_CHARS = 14;

/** Parses coverage-ignore.json; throws a message naming each bad item. */
export function parseIgnoreList({ json, path }: { json: string; path: string }): IgnoreItem[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = v.safeParse(IgnoreListSchema, raw);
  if (parsed.success) return parsed.output;
  const problems = parsed.issues.map((issue) => `${path}: field "${fieldPathOf(issue)}": ${issue.message}`);
  throw new Error(`The coverage ignore list has ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
}

export function coverageReport({
  glossary,
  source,
  ignore,
}: {
  glossary: Pick<Glossary, 'entries' | 'targets'>;
  source: string;
  ignore: readonly IgnoreItem[];
}): CoverageReport {
  const text = squeeze(source);
  const entrySpans = formSpans({ glossary, text });
  const missingIgnores: IgnoreItem[] = [];
  const ignoreSpans: Array<Span & { item: IgnoreItem }> = [];
  for (const item of ignore) {
    const needle = squeeze(item.text);
    const starts = occurrences({ haystack: text, needle });
    if (starts.length === 0) missingIgnores.push(item);
    for (const start of starts) ignoreSpans.push({ start, end: start + needle.length, by: `ignore "${item.text}"`, item });
  }
  const usedIgnores = new Set<IgnoreItem>();
  const excuse = ({ start, end }: { start: number; end: number }): Pick<CoverageItem, 'status' | 'by'> => {
    const span = ignoreSpans.find((s) => s.start <= start && end <= s.end);
    if (span === undefined) return { status: 'uncovered' };
    usedIgnores.add(span.item);
    return { status: 'ignored', by: span.by };
  };

  const normalizedForms = glossary.entries.map((entry) => ({
    id: entry.id,
    forms: [entry.term, ...entry.aliases].map((form) => normalizeTerm({ text: form, variants: {} })),
  }));
  const phrases = [...text.matchAll(QUOTED_PHRASE)].flatMap((match): CoverageItem[] => {
    const inner = match[1] ?? '';
    const phrase = normalizeTerm({ text: inner, variants: {} });
    if (phrase.length === 0) return [];
    const start = match.index + 1;
    const end = start + inner.length;
    // A longer entry naming the phrase explains it too: “马踏湖” inside 膜产业“马踏湖”高峰论坛, “5+N” in 5+N综合文化服务中心.
    const owner =
      normalizedForms.find(({ forms }) => forms.includes(phrase)) ??
      normalizedForms.find(({ forms }) => forms.some((form) => form.includes(phrase)));
    const status = owner ? { status: 'covered' as const, by: `entry ${owner.id}` } : excuse({ start, end });
    return [{ text: inner, start, end, context: contextOf({ text, start, end }), ...status }];
  });

  // Each target accounts for one occurrence of its figure, so two targets in one sentence that share
  // a figure (口袋公园10处, 城市绿道10公里) must both exist for both 10s to count as covered.
  const numberMatches = [...text.matchAll(NUMBER)];
  const claimedBy = new Map<number, string>();
  for (const target of glossary.targets) {
    const quote = squeeze(target.quote);
    const spans = occurrences({ haystack: text, needle: quote }).map((start) => ({ start, end: start + quote.length }));
    // A figure counts only as a whole number of the value: 3200 does not account for a 20 beside it.
    for (const figure of numbersIn({ text: target.value })) {
      const match = numberMatches.find(
        (m) =>
          m[0] === figure &&
          !claimedBy.has(m.index) &&
          spans.some((span) => span.start <= m.index && m.index + figure.length <= span.end),
      );
      if (match) claimedBy.set(match.index, `target ${target.id}`);
    }
  }
  const numbers = numberMatches.map((match): CoverageItem => {
    const start = match.index;
    const end = start + match[0].length;
    const cover = claimedBy.get(start) ?? entrySpans.find((span) => span.start <= start && end <= span.end)?.by;
    const status = cover ? { status: 'covered' as const, by: cover } : excuse({ start, end });
    return { text: match[0], start, end, context: contextOf({ text, start, end }), ...status };
  });

  const unusedIgnores = ignore.filter((item) => !usedIgnores.has(item) && !missingIgnores.includes(item));
  const uncovered = [...phrases, ...numbers].some((item) => item.status === 'uncovered');
  return { phrases, numbers, missingIgnores, unusedIgnores, ok: !uncovered && missingIgnores.length === 0 };
}

/** A readable report for the terminal; `extra` lines (the build sizes) go before the verdict. */
export function formatCoverageReport({ report, extra = [] }: { report: CoverageReport; extra?: string[] }): string {
  const lines: string[] = [];
  const section = ({ title, items }: { title: string; items: CoverageItem[] }) => {
    const count = (status: CoverageStatus) => items.filter((item) => item.status === status).length;
    lines.push(
      `${title}: ${items.length} (covered ${count('covered')}, ignored ${count('ignored')}, uncovered ${count('uncovered')})`,
    );
    for (const item of items.filter((i) => i.status === 'uncovered')) lines.push(`  ✗ ${item.text}  …${item.context}…`);
  };
  section({ title: 'Quoted phrases (“…”) in the report', items: report.phrases });
  section({ title: 'Numbers in the report', items: report.numbers });
  for (const item of report.missingIgnores) {
    lines.push(`  ✗ coverage-ignore.json: "${item.text}" does not occur in the report`);
  }
  for (const item of report.unusedIgnores) {
    lines.push(`  ! coverage-ignore.json: "${item.text}" excuses nothing (everything in it is covered); consider removing it`);
  }
  lines.push(...extra);
  lines.push(report.ok ? 'OK: nothing uncovered.' : 'FAILED: see ✗ above.');
  return lines.join('\n');
}

/**
 * Spans of the squeezed report where an entry's term or alias occurs. Forms are searched in the
 * folded text, because the report quotes parts of some terms (“5+N”综合文化服务中心) and the
 * glossary writes them without the marks.
 */
function formSpans({ glossary, text }: { glossary: Pick<Glossary, 'entries'>; text: string }): Span[] {
  const folded = normalizeText({ text, variants: {} });
  const spans: Span[] = [];
  for (const entry of glossary.entries) {
    for (const form of new Set([entry.term, ...entry.aliases].map((t) => normalizeTerm({ text: t, variants: {} })))) {
      for (const start of occurrences({ haystack: folded.text, needle: form })) {
        spans.push({
          start: folded.map[start] as number,
          end: (folded.map[start + form.length - 1] as number) + 1,
          by: `entry ${entry.id}`,
        });
      }
    }
  }
  return spans;
}

function occurrences({ haystack, needle }: { haystack: string; needle: string }): number[] {
  const starts: number[] = [];
  if (needle.length === 0) return starts;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) starts.push(at);
  return starts;
}

function numbersIn({ text }: { text: string }): string[] {
  return [...text.matchAll(NUMBER)].map((match) => match[0]);
}

function contextOf({ text, start, end }: { text: string; start: number; end: number }): string {
  return `${text.slice(Math.max(0, start - CONTEXT_CHARS), start)}【${text.slice(start, end)}】${text.slice(end, end + CONTEXT_CHARS)}`;
}
