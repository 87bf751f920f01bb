/**
 * Turns the hand-written glossary files into what the extension ships, refusing bad data.
 * Pure: callers read the files; tests pass strings.
 */
import * as v from 'valibot';
import { pinyin } from 'pinyin-pro';
import {
  EntrySchema,
  GlossaryFileSchema,
  TargetSchema,
  type Entry,
  type Target,
} from '../../lib/glossary/schema';
import type { Glossary, GlossaryEntry, TermList, TraditionalText } from '../../lib/glossary/types';
import { SOURCE_DOCUMENT } from '../../lib/glossary/source-document';
import { normalizeTerm } from '../../lib/scan/normalize';
import type { ProbeTables } from '../../lib/scan/probe';
import { termListOf } from '../../lib/scan/term-finder';
import { traditionalTexts } from './traditional';
import { buildVariantTable } from './variants';
import { fieldPathOf } from './issues';
import { checkScopeFields } from './scope-rules';
import { checkSourcePolicy, parseSourcePolicy, type SourceHostsFile } from './source-policy';

export interface GlossaryFile {
  /** Shown in error messages, e.g. data/glossary/ecology.json. */
  path: string;
  json: string;
}

export interface CompiledGlossary {
  glossary: Glossary;
  termList: TermList;
  /** What the sentinel ships: the probe's tables (their fold cut down to the chars forms hold). */
  probe: ProbeTables;
  /** The card's text in Traditional characters, by entry id: only the background carries it. */
  traditional: Record<string, TraditionalText>;
}

export class GlossaryError extends Error {
  constructor(readonly problems: string[]) {
    super(`The glossary has ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
    this.name = 'GlossaryError';
  }
}

/** Whitespace differs between the report's lines and the quotes copied from it. */
export const squeeze = (text: string) => text.replace(/\s+/gu, '');

export function compileGlossary({
  files,
  source,
  sourceHosts,
}: {
  files: GlossaryFile[];
  source: string;
  /** data/source-hosts.json: the hosts whose pages count as primary sources. */
  sourceHosts: SourceHostsFile;
}): CompiledGlossary {
  const problems: string[] = [];
  const { policy, problems: policyProblems } = parseSourcePolicy(sourceHosts);
  problems.push(...policyProblems);
  const entries: Array<{ entry: Entry; path: string }> = [];
  const targets: Array<{ target: Target; path: string }> = [];

  for (const file of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(file.json);
    } catch (error) {
      problems.push(`${file.path}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    const shape = v.safeParse(GlossaryFileSchema, raw);
    if (!shape.success) {
      problems.push(...describeIssues(file.path, 'file', shape.issues));
      continue;
    }
    shape.output.entries.forEach((item, index) => {
      const parsed = v.safeParse(EntrySchema, item);
      if (parsed.success) entries.push({ entry: parsed.output, path: file.path });
      else problems.push(...describeIssues(file.path, `entry ${labelOf(item, index)}`, parsed.issues));
    });
    shape.output.targets.forEach((item, index) => {
      const parsed = v.safeParse(TargetSchema, item);
      if (parsed.success) targets.push({ target: parsed.output, path: file.path });
      else problems.push(...describeIssues(file.path, `target ${labelOf(item, index)}`, parsed.issues));
    });
  }

  // Built first so the alias check folds forms exactly as the matcher will (兩高 collides with 两高).
  const variants = buildVariantTable({ simplifiedTexts: entries.flatMap(({ entry }) => [entry.term, ...entry.aliases]) });
  problems.push(...checkReferences({ entries, targets, source, variants }));
  problems.push(...checkScopeFields({ entries }));
  // With a broken host list every reference would look non-primary: its own problems say enough.
  if (policyProblems.length === 0) problems.push(...checkSourcePolicy({ entries, policy }));
  if (problems.length > 0) throw new GlossaryError(problems);

  const targetsByEntry = new Map<string, Target[]>();
  for (const { target } of targets) {
    for (const id of target.entries) targetsByEntry.set(id, [...(targetsByEntry.get(id) ?? []), target]);
  }
  const full: GlossaryEntry[] = entries.map(({ entry }) => ({
    ...entry,
    pinyin: entry.pinyin ?? generatedPinyin(entry.term),
    targets: targetsByEntry.get(entry.id) ?? [],
  }));

  const terms: TermList['terms'] = full.map((e) => ({
      id: e.id,
      category: e.category,
      scope: e.scope ?? 'county',
      forms: unique([e.term, ...e.aliases].map((text) => normalizeTerm({ text, variants }))),
      ...(e.sense
        ? {
            sense: {
              skipWhenNear: e.sense.skipWhenNear.map((text) => normalizeTerm({ text, variants })),
              keepWhenNear: e.sense.keepWhenNear.map((text) => normalizeTerm({ text, variants })),
            },
          }
        : {}),
  }));
  const termList = termListOf({ variants, terms });

  return {
    glossary: { entries: full, targets: targets.map((t) => t.target), source: SOURCE_DOCUMENT },
    termList,
    probe: termList.probe,
    traditional: traditionalTexts({ entries: full }),
  };
}

function checkReferences({
  entries,
  targets,
  source,
  variants,
}: {
  entries: Array<{ entry: Entry; path: string }>;
  targets: Array<{ target: Target; path: string }>;
  source: string;
  variants: Readonly<Record<string, string>>;
}): string[] {
  const problems: string[] = [];
  const squeezedSource = squeeze(source);
  const normalizedSource = normalizeTerm({ text: source, variants: {} });
  const ids = new Map<string, string>();
  for (const { entry, path } of entries) {
    const previous = ids.get(entry.id);
    if (previous) problems.push(`${path}: entry "${entry.id}": field "id": duplicate, also in ${previous}`);
    ids.set(entry.id, path);
  }
  const targetIds = new Map<string, string>();
  for (const { target, path } of targets) {
    const previous = targetIds.get(target.id) ?? ids.get(target.id);
    if (previous) problems.push(`${path}: target "${target.id}": field "id": duplicate, also in ${previous}`);
    targetIds.set(target.id, path);
  }

  // Forms are compared normalised, the way the matcher sees them, so 兩高 and 两高 collide.
  const owners = new Map<string, string>();
  for (const { entry, path } of entries) {
    const where = `${path}: entry "${entry.id}"`;
    if (!normalizedSource.includes(normalizeTerm({ text: entry.term, variants: {} }))) {
      problems.push(`${where}: field "term": "${entry.term}" does not appear in the report`);
    }
    entry.quotes.forEach((quote, i) => {
      if (!squeezedSource.includes(squeeze(quote))) {
        problems.push(`${where}: field "quotes[${i}]": not found verbatim in the report: "${quote}"`);
      }
    });
    entry.related.forEach((id, i) => {
      if (!ids.has(id)) problems.push(`${where}: field "related[${i}]": no entry has id "${id}"`);
      if (id === entry.id) problems.push(`${where}: field "related[${i}]": an entry cannot relate to itself`);
    });
    for (const [field, text] of [['term', entry.term], ...entry.aliases.map((a, i) => [`aliases[${i}]`, a])] as const) {
      const form = normalizeTerm({ text, variants });
      const owner = owners.get(form);
      if (owner && owner !== entry.id) {
        problems.push(`${where}: field "${field}": "${text}" is already claimed by entry "${owner}"`);
      } else owners.set(form, entry.id);
    }
  }
  for (const { target, path } of targets) {
    const where = `${path}: target "${target.id}"`;
    if (!squeezedSource.includes(squeeze(target.quote))) {
      problems.push(`${where}: field "quote": not found verbatim in the report: "${target.quote}"`);
    }
    if (!squeeze(target.quote).includes(squeeze(target.value))) {
      problems.push(`${where}: field "value": "${target.value}" does not appear in its quote`);
    }
    target.entries.forEach((id, i) => {
      if (!ids.has(id)) problems.push(`${where}: field "entries[${i}]": no entry has id "${id}"`);
    });
  }
  return problems;
}

/** Tone-marked pinyin of the term's characters; punctuation such as 、 and “” is not read aloud. */
function generatedPinyin(term: string): string {
  return pinyin(term, { toneType: 'symbol', nonZh: 'consecutive' })
    .split(' ')
    .filter((syllable) => /[\p{L}\p{N}]/u.test(syllable))
    .join(' ');
}

function describeIssues(path: string, what: string, issues: v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => {
    return `${path}: ${what}: field "${fieldPathOf(issue)}": ${issue.message}`;
  });
}

function labelOf(item: unknown, index: number): string {
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id ? `"${id}"` : `#${index + 1} (no id)`;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
