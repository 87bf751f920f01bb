/**
 * Folding latin text for comparison: tone marks off, ü typed as u or v, English names reduced to
 * letters and digits with where their words start (and, when a highlight needs it, the way back).
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
export const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Tone marks off (ü becomes u); NFKD also folds full-width letters. ASCII text skips the slow
 * Unicode normalisation, and the mark class is spelled out because \p{M} costs a large regex
 * compilation on first use.
 */
export function stripMarks(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFKD').replace(COMBINING_MARKS, '') : text;
}

/** What a query is compared with latin keys as: letters and digits, tones and ü dropped. */
export function latinQueryKey(query: string): string {
  return stripMarks(query)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Tone-marked pinyin vowels → the plain letter; ü is handled apart (typed u or v). */
const PINYIN_VOWELS: Record<string, string> = {};
for (const [plain, marked] of [
  ['a', 'āáǎà'],
  ['e', 'ēéěèê'],
  ['i', 'īíǐì'],
  ['o', 'ōóǒò'],
  ['u', 'ūúǔù'],
  ['m', 'ḿ'],
  ['n', 'ńňǹ'],
] as const) {
  for (const ch of marked) PINYIN_VOWELS[ch] = plain;
}
for (const ch of 'üǖǘǚǜ') PINYIN_VOWELS[ch] = 'ü';
const TONED = /[āáǎàēéěèêīíǐìōóǒòūúǔùḿńňǹüǖǘǚǜ]/g;

/**
 * A pinyin syllable toneless, with both ways of typing ü; u === '' when it has no latin letter.
 * A lookup and two native replaces, not normalize(): this runs for every syllable at build time.
 */
export function tonelessSyllable(token: string): { u: string; v: string } {
  let lower = token.toLowerCase();
  if (NON_ASCII.test(lower)) {
    if (lower.includes('\u0308')) lower = lower.normalize('NFC');
    lower = lower.replace(TONED, (ch) => PINYIN_VOWELS[ch] ?? ch);
  }
  if (!lower.includes('ü')) {
    const plain = lower.replace(/[^a-z]/g, '');
    return { u: plain, v: plain };
  }
  return { u: lower.replace(/ü/g, 'u').replace(/[^a-z]/g, ''), v: lower.replace(/ü/g, 'v').replace(/[^a-z]/g, '') };
}

/** Characters a pinyin syllable can read: CJK ideographs, ASCII letters and digits. */
export function isReadable(code: number): boolean {
  return (
    (code >= 0x3400 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x3ffff) ||
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a)
  );
}

const isAlnumCode = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);

export interface EnglishKey {
  key: string;
  wordStarts: Set<number>;
  /** key offset → offset in the English name; built when a result needs its highlight. */
  map?: number[];
}

/** The English name as letters and digits only, lower-cased, with where its words start. */
export function englishKey(text: string): EnglishKey {
  const lower = text.toLowerCase();
  if (NON_ASCII.test(lower)) return foldLatin(text);
  const wordStarts = new Set<number>();
  let key = '';
  for (const word of lower.match(/[a-z0-9]+/g) ?? []) {
    wordStarts.add(key.length);
    key += word;
  }
  return { key, wordStarts };
}

export function englishMap(english: EnglishKey, text: string): number[] {
  english.map ??= foldLatin(text).map;
  return english.map;
}

/** Lower-case latin letters and digits only, with a map back to the original offsets. */
function foldLatin(text: string): { key: string; map: number[]; wordStarts: Set<number> } {
  let key = '';
  const map: number[] = [];
  const wordStarts = new Set<number>();
  let inWord = false;
  // Char by char, so offsets stay those of `text` whatever lower-casing a whole string would do.
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0x41 && code <= 0x5a) code += 0x20;
    // Accented or full-width letters: fold the one char (rare in English names).
    else if (code >= 0x80) code = stripMarks(text.charAt(i)).toLowerCase().charCodeAt(0);
    if (isAlnumCode(code)) {
      if (!inWord) wordStarts.add(key.length);
      key += String.fromCharCode(code);
      map.push(i);
      inWord = true;
    } else {
      inWord = false;
    }
  }
  return { key, map, wordStarts };
}
