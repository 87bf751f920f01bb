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
import { DROP, DROPPED_CHARS, sourceLookupFor, UNCHANGED, type VariantTable } from './normalize';

/**
 * Built at build time from the term list (scripts/glossary), shipped as plain strings: every frame
 * runs the probe, and in 30 ad frames building the RegExp sources and the whole fold table in each
 * frame was most of what the sentinel cost (0.8 ms a frame for the table alone).
 */
export interface ProbeTables {
  /** RegExp source: a char any key starts with, in any shape (Traditional, full width), followed across dropped chars by one any key continues with. */
  candidates: string;
  /** RegExp source of the forms without a Chinese pair, each char as the page chars it may come from; '' when there are none. */
  latin: string;
  /** Folded key → the folded rest of each form after its key (no dropped chars). */
  rests: Record<string, string[]>;
  /**
   * The fold, cut down to what the comparison needs: foldFrom[i] folds to foldTo[i], for every page
   * char that folds into a char of some key or rest. Any other char folds to nothing a form holds, so
   * it compares unequal as itself; dropped chars are normalize's DROPPED_CHARS.
   */
  foldFrom: string;
  foldTo: string;
}

const isHan = (char: string) => /\p{Script=Han}/u.test(char);
const HAN = /\p{Script=Han}/u;

// Every char escaped: with Chinese chars written as they are, the RegExp scanned the 100,000 paragraphs
// page measurably slower (the hostile test's longest task went from 35 to 50-100 ms).
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
  const gap = `[${escapeClass(DROPPED_CHARS)}]*`;
  return {
    candidates: `[${escapeClass(firsts)}](?=${gap}[${escapeClass(seconds)}])`,
    latin: latin.map((chars) => chars.map((sources) => `[${escapeClass(sources)}]`).join(gap)).join('|'),
    rests,
    ...foldPairs({ rests, sourcesOf }),
  };
}

/** Every page char that folds into a char of a key or a rest, paired with what it folds to. */
function foldPairs({ rests, sourcesOf }: { rests: Record<string, string[]>; sourcesOf: (char: string) => string[] }) {
  const compared = new Set(Object.entries(rests).flatMap(([key, forms]) => [...key, ...forms.join('')]));
  let foldFrom = '';
  let foldTo = '';
  for (const char of compared) {
    for (const source of sourcesOf(char)) {
      if (source === char) continue;
      foldFrom += source;
      foldTo += char;
    }
  }
  return { foldFrom, foldTo };
}

/**
 * Run time: the test itself. Cheap to make (two RegExps from shipped sources); the fold table is
 * built on the first candidate, unless the caller has normalize's whole one already (the engine's
 * matcher does: foldTableFor), which folds the same chars the same way.
 */
export function createTermProbe({ tables, fold: whole }: { tables: ProbeTables; fold?: Uint16Array }): (text: string) => boolean {
  const candidates = new RegExp(tables.candidates, 'g');
  const latin = tables.latin === '' ? null : new RegExp(tables.latin);
  let fold = whole;
  return (text) => {
    candidates.lastIndex = 0;
    for (let found = candidates.exec(text); found !== null; found = candidates.exec(text)) {
      fold ??= foldTableOf({ tables });
      if (formStartsAt({ text, at: found.index, fold, rests: tables.rests })) return true;
    }
    // Han first: on an English page it fails at once, where the Latin forms would be tried throughout.
    return latin !== null && HAN.test(text) && latin.test(text);
  };
}

/**
 * normalize's fold table, holding only the folds a comparison needs: a few hundred writes into a
 * fresh (all UNCHANGED) table, where building the whole one took 0.8 ms in each frame. A typed
 * array, not a Map: the engine's term finder reads it for every candidate of every segment. Nor
 * the few hundred folds sorted and searched by halves, which spares the 128 KB: in 30 ad frames,
 * where the probe runs cold, the sentinel's reads went from 15 to 26-33 ms with that.
 */
function foldTableOf({ tables }: { tables: ProbeTables }): Uint16Array {
  const fold = new Uint16Array(0x10000);
  for (let i = 0; i < tables.foldFrom.length; i++) fold[tables.foldFrom.charCodeAt(i)] = tables.foldTo.charCodeAt(i);
  for (let i = 0; i < DROPPED_CHARS.length; i++) fold[DROPPED_CHARS.charCodeAt(i)] = DROP;
  return fold;
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
