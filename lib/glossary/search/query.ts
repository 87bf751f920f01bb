/**
 * A query as the matchers read it: normalised like the glossary's forms (Traditional folded to
 * Simplified, quotes and spaces dropped), and, when it is all latin once tones are off, as a key to
 * compare with pinyin, initials and English names.
 */
import { normalizeTerm, type VariantTable } from '../../scan/normalize';
import { NON_ASCII, latinQueryKey, stripMarks } from './fold';

/** Longer than any key in the glossary: past it nothing can match exactly, by prefix or inside. */
const MAX_QUERY = 256;

export interface ParsedQuery {
  /** Normalised with the variant table: what forms, targets and summaries are compared with. */
  q: string;
  /** Normalised without it, to show the spelling typed (中國膜谷 rather than 中国膜谷). */
  rawQ: string;
  /** Tone marks off, otherwise as typed: English keeps its spaces for fuzzy matching. */
  stripped: string;
  hasCjk: boolean;
  /** Letters and digits, '' when the query holds CJK. */
  latinQ: string;
  hasLetters: boolean;
}

export function parseQuery({ query, variants }: { query: string; variants: VariantTable }): ParsedQuery {
  const clipped = query.length > MAX_QUERY ? query.slice(0, MAX_QUERY) : query;
  const q = normalizeTerm({ text: clipped, variants });
  const rawQ = normalizeTerm({ text: clipped });
  // Pinyin, initials and English only for queries that are all latin once tones are off
  // (lǜ sè is, GDP增长 is not: its 增长 must not be thrown away).
  const stripped = stripMarks(clipped);
  const hasCjk = NON_ASCII.test(stripped);
  const latinQ = hasCjk ? '' : latinQueryKey(stripped);
  return { q, rawQ, stripped, hasCjk, latinQ, hasLetters: /[a-z]/.test(latinQ) };
}
