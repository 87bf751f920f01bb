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
  /**
   * The latin query segments wholly into syllables of the glossary's pinyin (mo gu, lv se), or is
   * consonants only (ssz, zgmg): the reader is typing Chinese, so pinyin and initials come before
   * English, whose words it only happens to resemble (mogu ≈ famous).
   */
  readsAsPinyin: boolean;
}

/** The toneless syllables a query may be read as, from the glossary's own pinyin. */
export interface SyllableSet {
  has(syllable: string): boolean;
  /** The longest syllable's length: where segmentation stops looking. */
  longest: number;
}

const CONSONANTS_ONLY = /^[bcdfghjklmnpqrstwxyz]+$/;

export function parseQuery({ query, variants, syllables }: { query: string; variants: VariantTable; syllables: SyllableSet }): ParsedQuery {
  const clipped = query.length > MAX_QUERY ? query.slice(0, MAX_QUERY) : query;
  const q = normalizeTerm({ text: clipped, variants });
  const rawQ = normalizeTerm({ text: clipped });
  // Pinyin, initials and English only for queries that are all latin once tones are off
  // (lǜ sè is, GDP增长 is not: its 增长 must not be thrown away).
  const stripped = stripMarks(clipped);
  const hasCjk = NON_ASCII.test(stripped);
  const latinQ = hasCjk ? '' : latinQueryKey(stripped);
  const hasLetters = /[a-z]/.test(latinQ);
  const readsAsPinyin = hasLetters && (CONSONANTS_ONLY.test(latinQ) || segmentsIntoSyllables({ text: latinQ, syllables }));
  return { q, rawQ, stripped, hasCjk, latinQ, hasLetters, readsAsPinyin };
}

/** Whether `text` is a sequence of syllables (xian reads as xian or xi an: either will do). */
export function segmentsIntoSyllables({ text, syllables }: { text: string; syllables: SyllableSet }): boolean {
  // reachable[i]: text[0, i) splits into syllables.
  const reachable = new Uint8Array(text.length + 1);
  reachable[0] = 1;
  for (let i = 0; i < text.length; i++) {
    if (reachable[i] !== 1) continue;
    for (let end = i + 1; end <= Math.min(text.length, i + syllables.longest); end++) {
      if (syllables.has(text.slice(i, end))) reachable[end] = 1;
    }
  }
  return text.length > 0 && reachable[text.length] === 1;
}
