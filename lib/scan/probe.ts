/**
 * A cheap, sound test of whether a text could hold a glossary term: what the sentinel asks of a
 * whole frame before the engine is loaded, and the term finder of each segment before the
 * automaton sees it.
 *
 * Every form is keyed by its first two Chinese characters in a row (中国 for 中国膜谷, 综合 for
 * 5+N综合文化服务中心). One native RegExp finds where a key may start — a char any key starts with,
 * in any written shape, followed (across spaces and quotes) by one any key continues with — and
 * only there does JS read on, folding as the matcher does, to compare the rest of the forms with
 * that key. Measured on the stress page (279k chars): 0.2 ms cold; one alternation of the 263 key
 * pairs took 7 ms, and 140 ms on an English news page, where irregexp tries every alternative at
 * every position. A first-char class alone let nearly every Chinese page through (中, 新, 高 …).
 *
 * Forms with no two Chinese characters in a row (GDP) count only in text that holds Chinese: an
 * English page that says GDP is not about a Chinese county's report.
 */
import { DROP, DROPPED_CHARS, foldTableFor, sourceLookupFor, UNCHANGED, type VariantTable } from './normalize';

/** Built at build time from the term list (scripts/glossary), shipped as plain strings. */
export interface ProbeTables {
  /** Every page char a key may start with, in every shape (Traditional, full width), as one string. */
  firsts: string;
  /** Every page char a key may continue with. */
  seconds: string;
  /** Folded key → the folded rest of each form after its key (no dropped chars). */
  rests: Record<string, string[]>;
  /** Forms without a Chinese pair, each as the page chars its folded chars may come from. */
  latin: string[][];
}

const isHan = (char: string) => /\p{Script=Han}/u.test(char);
const HAN = /\p{Script=Han}/u;

export const escapeClass = (chars: Iterable<string>) =>
  [...chars].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

/** Build time: the probe's tables for a list of folded forms. */
export function buildProbeTables({ forms, variants }: { forms: readonly string[]; variants?: VariantTable }): ProbeTables {
  const sourcesOf = sourceLookupFor({ variants });
  const firsts = new Set<string>();
  const seconds = new Set<string>();
  const rests: Record<string, string[]> = {};
  const latin: string[][] = [];
  for (const form of forms) {
    const chars = [...form].filter((c) => !DROPPED_CHARS.includes(c));
    const at = chars.findIndex((c, i) => isHan(c) && isHan(chars[i + 1] ?? ''));
    if (at < 0) {
      if (chars.length > 0) latin.push(chars.map((c) => sourcesOf(c).join('')));
      continue;
    }
    const key = chars[at]! + chars[at + 1]!;
    for (const source of sourcesOf(chars[at]!)) firsts.add(source);
    for (const source of sourcesOf(chars[at + 1]!)) seconds.add(source);
    const rest = chars.slice(at + 2).join('');
    const known = (rests[key] ??= []);
    if (!known.includes(rest)) known.push(rest);
  }
  return { firsts: [...firsts].join(''), seconds: [...seconds].join(''), rests, latin };
}

/** Run time: the test itself. Cheap to make (two RegExps); the fold table is built on the first candidate. */
export function createTermProbe({ tables, variants }: { tables: ProbeTables; variants?: VariantTable }): (text: string) => boolean {
  const gap = `[${escapeClass(DROPPED_CHARS)}]*`;
  const candidates = new RegExp(`[${escapeClass(tables.firsts)}](?=${gap}[${escapeClass(tables.seconds)}])`, 'g');
  const latin =
    tables.latin.length > 0 ? new RegExp(tables.latin.map((chars) => chars.map((sources) => `[${escapeClass(sources)}]`).join(gap)).join('|')) : null;
  let fold: Uint16Array | undefined;
  return (text) => {
    candidates.lastIndex = 0;
    for (let found = candidates.exec(text); found !== null; found = candidates.exec(text)) {
      fold ??= foldTableFor({ variants });
      if (formStartsAt({ text, at: found.index, fold, rests: tables.rests })) return true;
    }
    return latin !== null && latin.test(text) && HAN.test(text);
  };
}

/** Whether a key and the rest of one of its forms start at `at`, folded, dropped chars skipped. */
function formStartsAt({ text, at, fold, rests }: { text: string; at: number; fold: Uint16Array; rests: Record<string, string[]> }): boolean {
  let position = at;
  const next = (): string | null => {
    while (position < text.length) {
      const code = text.charCodeAt(position++);
      const folded = fold[code] as number;
      if (folded === DROP) continue;
      return String.fromCharCode(folded === UNCHANGED ? code : folded);
    }
    return null;
  };
  const key = (next() ?? '') + (next() ?? '');
  const forms = rests[key];
  if (forms === undefined) return false;
  const after = position;
  return forms.some((rest) => {
    position = after;
    for (const char of rest) if (next() !== char) return false;
    return true;
  });
}
