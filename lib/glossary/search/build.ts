/**
 * The search index's records: for each entry, its spellings grouped by normalised key, its pinyin
 * and initials aligned with the term's characters, its English name and its targets' numbers.
 * Built once when the popup or the glossary page opens.
 */
import type { GlossaryEntry, Target } from '../types';
import { normalizeText, normalizeTerm, type VariantTable } from '../../scan/normalize';
import { englishKey, isReadable, latinQueryKey, tonelessSyllable, type EnglishKey } from './fold';
import type { SyllableSet } from './query';
import type { Range } from './types';

/** One spelling of an entry (term or alias); spellings equal once normalised share a group. */
export interface Spelling {
  field: 'term' | 'alias';
  text: string;
  /** normalizeText(text, variants).map: key offset → text offset. */
  map: Uint32Array;
  /** Normalised without the variant table, to tell 中國膜谷 from 中国膜谷; computed when needed. */
  rawKey?: string;
}

export interface FormGroup {
  /** normalizeTerm(text, variants): identical for every spelling in the group. */
  key: string;
  field: 'term' | 'alias';
  spellings: Spelling[];
}

/** A latin key (pinyin, initials, English) with the offsets where syllables or words start. */
export interface LatinKey {
  key: string;
  /** starts[i] is where unit i begins in key; starts[units] === key.length. */
  starts: number[];
  boundaries: Set<number>;
}

export interface IndexedTarget {
  text: string;
  valueStart: number;
  /**
   * value+unit+以上/左右, value+unit, then the bare value; `end` is where in `text` the marked
   * number ends (the comparator is not in `text`).
   */
  keys: Array<{ key: string; end: number }>;
}

export interface IndexedEntry {
  entry: GlossaryEntry;
  order: number;
  groups: FormGroup[];
  /** For each pinyin unit (syllable, or literal token such as 5+N), the term characters it reads. */
  unitChars: Range[];
  /** Joined toneless pinyin: ü as u, and (when the entry has one) ü as v. */
  pinyin: LatinKey[];
  initials: LatinKey[];
  /** The toneless syllables of the pinyin (both ü spellings), without literal tokens such as 5+N. */
  syllables: string[];
  english: EnglishKey;
  /** The English name as fuzzy English matching reads it; computed when first needed. */
  englishWords?: { text: string; starts: Set<number> };
  /** Normalised on the first search that reads it: most searches never get that far. */
  summary?: { key: string; map: Uint32Array };
  targets: IndexedTarget[];
}

function latinKeyOf(parts: string[]): LatinKey {
  const starts: number[] = [];
  let key = '';
  for (const part of parts) {
    starts.push(key.length);
    key += part;
  }
  starts.push(key.length);
  return { key, starts, boundaries: new Set(starts) };
}

/**
 * Splits the tone-marked pinyin into units aligned with the term's characters: a syllable reads
 * one character (punctuation the pinyin leaves out is skipped), a token written in the term itself
 * (5+N, 100%, 、) reads itself and is typed as its letters and digits.
 */
function alignPinyin({ term, pinyin }: { term: string; pinyin: string }): Array<{
  chars: Range;
  u: string;
  v: string;
  syllable: boolean;
}> {
  const units: Array<{ chars: Range; u: string; v: string; syllable: boolean }> = [];
  let pos = 0;
  for (const token of pinyin.split(' ')) {
    if (token === '') continue;
    while (pos < term.length && term.charCodeAt(pos) <= 0x20) pos++;
    if (term.startsWith(token, pos)) {
      const u = latinQueryKey(token);
      if (u !== '') units.push({ chars: [pos, pos + token.length], u, v: u, syllable: false });
      pos += token.length;
      continue;
    }
    const { u, v } = tonelessSyllable(token);
    if (u === '') continue;
    while (pos < term.length && !isReadable(term.codePointAt(pos) as number)) pos++;
    const width = (term.codePointAt(pos) ?? 0) > 0xffff ? 2 : 1;
    units.push({ chars: [Math.min(pos, term.length), Math.min(pos + width, term.length)], u, v, syllable: true });
    pos += width;
  }
  return units;
}

export function indexEntry({ entry, order, variants }: { entry: GlossaryEntry; order: number; variants: VariantTable }): IndexedEntry {
  const groups: FormGroup[] = [];
  const addSpelling = (field: 'term' | 'alias', text: string) => {
    const { text: key, map } = normalizeText({ text, variants });
    if (key === '') return;
    let group = groups.find((g) => g.key === key);
    if (group === undefined) {
      group = { key, field, spellings: [] };
      groups.push(group);
    }
    group.spellings.push({ field, text, map });
  };
  addSpelling('term', entry.term);
  for (const alias of entry.aliases) addSpelling('alias', alias);

  const units = alignPinyin({ term: entry.term, pinyin: entry.pinyin });
  const uParts: string[] = [];
  const vParts: string[] = [];
  const uInitialParts: string[] = [];
  const vInitialParts: string[] = [];
  for (const unit of units) {
    uParts.push(unit.u);
    vParts.push(unit.v);
    uInitialParts.push(unit.syllable ? unit.u.charAt(0) : unit.u);
    vInitialParts.push(unit.syllable ? unit.v.charAt(0) : unit.v);
  }
  const uKey = latinKeyOf(uParts);
  const uInitials = latinKeyOf(uInitialParts);
  const hasV = vParts.some((part, i) => part !== uParts[i]);

  return {
    entry,
    order,
    groups,
    unitChars: units.map((unit) => unit.chars),
    pinyin: hasV ? [uKey, latinKeyOf(vParts)] : [uKey],
    initials: hasV && vInitialParts.join('') !== uInitials.key ? [uInitials, latinKeyOf(vInitialParts)] : [uInitials],
    syllables: units.flatMap((unit) => (unit.syllable ? [unit.u, unit.v] : [])),
    english: englishKey(entry.english),
    targets: entry.targets.map((target) => indexTarget({ target, variants })),
  };
}

function indexTarget({ target, variants }: { target: Target; variants: VariantTable }): IndexedTarget {
  const valueStart = target.indicator.length + 1;
  const valueEnd = valueStart + target.value.length;
  const unitEnd = valueEnd + target.unit.length;
  const keys: IndexedTarget['keys'] = [];
  // The report writes 增长6%以上, 7%左右: typed that way, the comparator is part of the number.
  const suffix = ['以上', '左右'].find((word) => target.comparator.endsWith(word));
  if (suffix !== undefined) {
    keys.push({ key: normalizeTerm({ text: target.value + target.unit + suffix, variants }), end: unitEnd });
  }
  if (target.unit !== '') keys.push({ key: normalizeTerm({ text: target.value + target.unit, variants }), end: unitEnd });
  keys.push({ key: normalizeTerm({ text: target.value, variants }), end: valueEnd });
  return {
    text: `${target.indicator} ${target.value}${target.unit}`,
    valueStart,
    keys: keys.filter((k) => k.key !== ''),
  };
}

/** Every syllable the glossary's pinyin uses: what a query must split into to read as pinyin. */
export function syllableSetOf(indexed: IndexedEntry[]): SyllableSet {
  const set = new Set(indexed.flatMap((item) => item.syllables));
  return { has: (syllable) => set.has(syllable), longest: Math.max(0, ...[...set].map((s) => s.length)) };
}
