/**
 * The source policy (docs/glossary-authoring.md): a reference counts as a primary source when its host
 * is one of data/source-hosts.json's hosts or a subdomain of one. Any other reference fails the build
 * unless its entry carries a `sourceNote` saying why no primary source was cited.
 *
 * Hosts are compared as the URL standard parses them (new URL(): lower case, IDN in punycode, no
 * trailing dot), so http and https, 中国政府网.政务 and xn--…, big5.www.gov.cn and gov.cn all line up,
 * while gov.cn.example.com and notgov.cn do not. Pure: callers read the file; tests pass strings.
 */
import { domainToUnicode } from 'node:url';
import * as v from 'valibot';
import type { Entry, Scope } from '../../lib/glossary/schema';
import { SCOPES } from '../../lib/glossary/categories';
import { fieldPathOf } from './issues';

export const SOURCE_KINDS = ['government', 'official-media', 'academic'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

const nonEmpty = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));

export const SourceHostsSchema = v.strictObject({
  /** What the file is, for whoever opens it. */
  about: v.optional(v.string()),
  primary: v.pipe(
    v.array(
      v.strictObject({
        /** A bare host name, no scheme or path: gov.cn, people.com.cn, 中国政府网.政务. */
        host: nonEmpty,
        kind: v.picklist(SOURCE_KINDS, 'must be one of ' + SOURCE_KINDS.join(', ')),
        /** Who runs the site, as a reviewer recognises it: 人民网 / 人民日报, 中国疾病预防控制中心. */
        name: nonEmpty,
      }),
    ),
    v.minLength(1, 'list at least one host'),
  ),
});

export interface PrimaryHost {
  /** The host as new URL() writes it (punycode for IDN): what page hosts are compared with. */
  host: string;
  /** The host as the list writes it. */
  listed: string;
  kind: SourceKind;
  name: string;
}

export interface SourcePolicy {
  /** Where the list came from, for messages. */
  path: string;
  hosts: PrimaryHost[];
}

export interface SourceHostsFile {
  path: string;
  json: string;
}

/** Reads data/source-hosts.json; `problems` name the file and field of every bad item. */
export function parseSourcePolicy({ path, json }: SourceHostsFile): { policy: SourcePolicy; problems: string[] } {
  const policy: SourcePolicy = { path, hosts: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    return { policy, problems: [`${path}: not valid JSON (${(error as Error).message})`] };
  }
  const parsed = v.safeParse(SourceHostsSchema, raw);
  if (!parsed.success) {
    return { policy, problems: parsed.issues.map((issue) => `${path}: field "${fieldPathOf(issue)}": ${issue.message}`) };
  }
  const problems: string[] = [];
  const seen = new Map<string, number>();
  parsed.output.primary.forEach((item, i) => {
    const field = `${path}: field "primary[${i}].host"`;
    const host = canonicalHost(item.host);
    if (host === undefined) {
      problems.push(`${field}: "${item.host}" is not a bare host name (write it like gov.cn: no scheme, path or port)`);
      return;
    }
    const previous = seen.get(host);
    if (previous !== undefined) {
      problems.push(`${field}: "${item.host}" is listed twice (also primary[${previous}])`);
      return;
    }
    seen.set(host, i);
    policy.hosts.push({ host, listed: item.host, kind: item.kind, name: item.name });
  });
  return { policy, problems };
}

/**
 * A bare host name as new URL() canonicalises it: lower case, IDN labels in punycode, no trailing dot.
 * Undefined for anything that is not just a host (a scheme, path, port, user or space in it).
 */
export function canonicalHost(text: string): string | undefined {
  if (!/^[^\s/\\:?#@[\]]+$/u.test(text)) return undefined;
  try {
    const host = new URL(`http://${text}/`).hostname.replace(/\.$/u, '');
    return host === '' ? undefined : host;
  } catch {
    return undefined;
  }
}

/** The host of an http(s) URL, canonical as above; undefined for anything else. */
export function hostOfUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const host = parsed.hostname.replace(/\.$/u, '');
  return host === '' ? undefined : host;
}

export interface Classification {
  /** The page's host (punycode for IDN), or undefined when the URL is not an http(s) URL. */
  host: string | undefined;
  /** The most specific listed host the page's host is or sits under; undefined: not primary. */
  primary: PrimaryHost | undefined;
}

/** Whether a reference's URL is on a primary host: the host itself or any subdomain of it. */
export function classifyUrl({ url, policy }: { url: string; policy: SourcePolicy }): Classification {
  const host = hostOfUrl(url);
  if (host === undefined) return { host, primary: undefined };
  let best: PrimaryHost | undefined;
  for (const listed of policy.hosts) {
    // The dot matters: notgov.cn is not under gov.cn, and gov.cn.example.com ends in example.com.
    const under = host === listed.host || host.endsWith(`.${listed.host}`);
    if (under && (best === undefined || listed.host.length > best.host.length)) best = listed;
  }
  return { host, primary: best };
}

/** A host for people: IDN labels back in their own script (中国政府网.政务, not xn--…). */
export function displayHost(host: string): string {
  return domainToUnicode(host) || host;
}

/**
 * The build's rule: every reference on a host outside the list needs its entry's sourceNote.
 * One problem per such reference, naming file, entry and field.
 */
export function checkSourcePolicy({
  entries,
  policy,
}: {
  entries: ReadonlyArray<{ entry: Entry; path: string }>;
  policy: SourcePolicy;
}): string[] {
  const problems: string[] = [];
  for (const { entry, path } of entries) {
    if (entry.sourceNote !== undefined) continue;
    entry.references.forEach((reference, i) => {
      const { host, primary } = classifyUrl({ url: reference.url, policy });
      if (primary !== undefined) return;
      const what = host === undefined ? `"${reference.url}" has no http(s) host and` : `${displayHost(host)}`;
      problems.push(
        `${path}: entry "${entry.id}": field "references[${i}].url": ${what} is not a primary source; ` +
          `add a sourceNote saying why no primary source exists, or cite one (primary hosts: ${policy.path})`,
      );
    });
  }
  return problems;
}

/** What `glossary:check` prints about sources. */
export interface SourceReport {
  entries: number;
  byScope: Record<Scope, number>;
  /** All references, each backing one fact (its `supports`). */
  facts: number;
  /** References on a primary host. */
  primaryFacts: number;
  /** Entries with no references: every fact they state is quoted from the report. */
  reportOnly: string[];
  /** References on hosts outside the list, each kept by its entry's sourceNote. */
  nonPrimary: Array<{ id: string; field: string; host: string; sourceNote: string }>;
  /** Entries with a sourceNote whose references are all primary now: the note may be out of date. */
  unusedNotes: string[];
}

type ReportEntry = Pick<Entry, 'id' | 'scope' | 'references' | 'sourceNote'>;

export function sourceReport({ entries, policy }: { entries: readonly ReportEntry[]; policy: SourcePolicy }): SourceReport {
  const byScope = Object.fromEntries(SCOPES.map((scope) => [scope, 0])) as Record<Scope, number>;
  const report: SourceReport = { entries: entries.length, byScope, facts: 0, primaryFacts: 0, reportOnly: [], nonPrimary: [], unusedNotes: [] };
  for (const entry of entries) {
    byScope[entry.scope] += 1;
    if (entry.references.length === 0) report.reportOnly.push(entry.id);
    let outside = 0;
    entry.references.forEach((reference, i) => {
      report.facts += 1;
      const { host, primary } = classifyUrl({ url: reference.url, policy });
      if (primary !== undefined) {
        report.primaryFacts += 1;
        return;
      }
      outside += 1;
      report.nonPrimary.push({
        id: entry.id,
        field: `references[${i}]`,
        host: host === undefined ? reference.url : displayHost(host),
        sourceNote: entry.sourceNote ?? '(none: the build refuses this)',
      });
    });
    if (entry.sourceNote !== undefined && outside === 0) report.unusedNotes.push(entry.id);
  }
  return report;
}

/** The report as terminal tables (columns padded for CJK, which takes two cells). */
export function formatSourceReport({ report, policy }: { report: SourceReport; policy: SourcePolicy }): string {
  const percent = (part: number, whole: number) => (whole === 0 ? '' : ` (${Math.round((part / whole) * 100)}%)`);
  const lines = [
    `Sources (primary hosts: ${policy.hosts.length}, listed in ${policy.path})`,
    ...table({
      head: ['what', 'count'],
      rows: [
        ['entries', String(report.entries)],
        ...SCOPES.map((scope) => [`  ${scope}`, String(report.byScope[scope])]),
        ['facts with a primary source', `${report.primaryFacts} of ${report.facts}${percent(report.primaryFacts, report.facts)}`],
        ['entries resting on the report only', String(report.reportOnly.length)],
        ['non-primary references left', String(report.nonPrimary.length)],
      ],
      align: ['left', 'right'],
    }),
  ];
  if (report.nonPrimary.length > 0) {
    lines.push('Non-primary references left (each kept by its entry’s sourceNote):');
    lines.push(
      ...table({
        head: ['entry', 'field', 'host', 'sourceNote'],
        rows: report.nonPrimary.map((item) => [item.id, item.field, item.host, item.sourceNote]),
      }),
    );
  }
  if (report.reportOnly.length > 0) lines.push(...wrapList({ title: 'Resting on the report only:', items: report.reportOnly }));
  if (report.unusedNotes.length > 0) {
    lines.push(
      ...wrapList({ title: '  ! a sourceNote but only primary references (the note may be out of date):', items: report.unusedNotes }),
    );
  }
  return lines.join('\n');
}

/** `title a, b, c`, broken into lines of about 110 cells, continuation lines indented. */
function wrapList({ title, items }: { title: string; items: string[] }): string[] {
  const lines: string[] = [];
  let line = title;
  items.forEach((item, i) => {
    const word = i < items.length - 1 ? `${item},` : item;
    if (cellWidth(line) + 1 + cellWidth(word) > WRAP_AT && line.trim() !== '') {
      lines.push(line);
      line = '    ';
    }
    line += line.endsWith(' ') ? word : ` ${word}`;
  });
  lines.push(line);
  return lines;
}
const WRAP_AT = 110;

/** A Markdown-style table; the last column is never padded, so a long note only makes its own line long. */
function table({
  head,
  rows,
  align = [],
}: {
  head: string[];
  rows: string[][];
  align?: Array<'left' | 'right'>;
}): string[] {
  const widths = head.map((cell, c) => Math.max(cellWidth(cell), ...rows.map((row) => cellWidth(row[c] ?? ''))));
  const pad = (cell: string, c: number) => {
    if (c === head.length - 1 && align[c] !== 'right') return cell;
    const fill = ' '.repeat((widths[c] ?? 0) - cellWidth(cell));
    return align[c] === 'right' ? fill + cell : cell + fill;
  };
  const line = (cells: string[]) => `| ${cells.map(pad).join(' | ')} |`.replace(/ +\|$/u, ' |');
  const rule = `|${widths.map((w, c) => (align[c] === 'right' ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(head), rule, ...rows.map(line)];
}

/** Terminal cells a string takes: CJK and full-width forms take two. */
export function cellWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;
