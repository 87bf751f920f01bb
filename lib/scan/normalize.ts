/**
 * Folds page text and glossary terms into one comparable shape, so a term written with full-width
 * digits, quote marks, line breaks or Traditional characters still matches the glossary's canonical
 * form. Page text keeps a map back to its original offsets, so highlights land on the real characters.
 */

/** Traditional (or variant) char → the glossary's Simplified char; single BMP chars only. */
export type VariantTable = Readonly<Record<string, string>>;

export interface NormalizedText {
  /** The folded text: what the matcher scans. */
  text: string;
  /**
   * map[i] is the original index of folded char i; map[text.length] is the original length, so an
   * exclusive end offset maps back too. Always one UTF-16 unit to one, so surrogate pairs stay paired.
   */
  map: Uint32Array;
}

/**
 * The fold table holds 0 for a char that stays as it is (a fresh Uint16Array is all zeros, so
 * building the table costs a few hundred writes, not 65,536), DROP for a char that disappears, and
 * otherwise the char it becomes. DROP is U+FFFF, a noncharacter no real text holds.
 */
export const UNCHANGED = 0;
export const DROP = 0xffff;

/**
 * Ends a run when many runs are matched as one string (see buildMatcher): U+001E, the ASCII record
 * separator, a control char no prose holds (one that does only splits a run there). Not a
 * noncharacter such as U+FFFF: bundlers write the literal char out, and Chrome refuses to load a
 * content script holding one ("isn't UTF-8 encoded"). The fold table maps it to SEPARATOR_FOLD.
 */
export const SEPARATOR = '\u001e';
export const SEPARATOR_FOLD = 0xfffe;

/**
 * Whitespace and invisible joiners: Chinese pages wrap terms across lines and pad them with spaces
 * (中 国 膜 谷), and CMS editors leave zero-width and soft-hyphen debris inside words.
 */
const INVISIBLE = [
  0x0009, 0x000a, 0x000b, 0x000c, 0x000d, 0x0020, 0x0085, 0x00a0, 0x00ad, 0x1680, 0x180e,
  0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
  0x200b, 0x200c, 0x200d, 0x2028, 0x2029, 0x202f, 0x205f, 0x2060, 0x3000, 0xfeff,
];

/**
 * Quote marks and corner brackets: the report sets terms in quotes (“两高”) while other pages use
 * 「」, straight quotes or none, so quotes carry no meaning for matching. Their full-width forms
 * (＂ ＇) fold to ASCII first and are dropped with it. ‚ ‛ 〟 complete the families of „ ‟ 〞.
 */
const QUOTES = [
  0x0022, 0x0027, 0x00ab, 0x00bb, 0x2018, 0x2019, 0x201a, 0x201b, 0x201c, 0x201d, 0x201e, 0x201f,
  0x2039, 0x203a, 0x300c, 0x300d, 0x300e, 0x300f, 0x301d, 0x301e, 0x301f,
];

/** Every char the fold drops (full-width quote forms are dropped through their ASCII twins). */
export const DROPPED_CHARS = String.fromCharCode(...INVISIBLE, ...QUOTES, 0xff02, 0xff07);

const FULLWIDTH_FIRST = 0xff01;
const FULLWIDTH_LAST = 0xff5e;
const FULLWIDTH_OFFSET = 0xfee0;

/**
 * One 64K-entry lookup per variant table turns every rule into a single typed-array read per char,
 * which is what keeps a 1 MB page cheap; 128 KB is built once per table and cached.
 */
let baseFold: Uint16Array | undefined;
const foldCache = new WeakMap<VariantTable, Uint16Array>();

function buildBaseFold(): Uint16Array {
  const fold = new Uint16Array(0x10000);
  for (let c = 0x41; c <= 0x5a; c++) fold[c] = c + 0x20;
  for (const c of INVISIBLE) fold[c] = DROP;
  for (const c of QUOTES) fold[c] = DROP;
  // Full-width forms inherit whatever their ASCII twin became (lower-cased, dropped), so the rules
  // above need no full-width copies.
  for (let c = FULLWIDTH_FIRST; c <= FULLWIDTH_LAST; c++) {
    const twin = c - FULLWIDTH_OFFSET;
    fold[c] = fold[twin] === UNCHANGED ? twin : (fold[twin] as number);
  }
  fold[SEPARATOR.charCodeAt(0)] = SEPARATOR_FOLD;
  return fold;
}

/** The fold table for a variant table (built once per table): see UNCHANGED, DROP, SEPARATOR_FOLD. */
export function foldTableFor({ variants }: { variants: VariantTable | undefined }): Uint16Array {
  baseFold ??= buildBaseFold();
  if (variants === undefined) return baseFold;
  const cached = foldCache.get(variants);
  if (cached !== undefined) return cached;
  let fold = baseFold;
  for (const from of Object.keys(variants)) {
    const to = variants[from];
    // The table is generated at build time; anything but a BMP char → BMP char pair would break
    // the one-unit-to-one map, so it is ignored rather than trusted.
    if (from.length !== 1 || to === undefined || to.length !== 1) continue;
    // Copy only when there is something to add: callers may pass a fresh {} per term.
    if (fold === baseFold) fold = baseFold.slice();
    fold[from.charCodeAt(0)] = to.charCodeAt(0);
  }
  foldCache.set(variants, fold);
  return fold;
}

const sourceLookups = new WeakMap<VariantTable, (char: string) => string[]>();
const NO_VARIANTS: VariantTable = {};

/**
 * The page chars that fold to each folded char: itself, its upper-case and full-width forms, and
 * the Traditional forms the variant table maps onto it. Built once per table and cached, like the
 * fold table (the prefilter, the matcher and the sense rules all ask, for hundreds of chars, and
 * scanning the variant table per char cost 50 ms at start-up).
 */
export function sourceLookupFor({ variants = NO_VARIANTS }: { variants?: VariantTable }): (char: string) => string[] {
  const cached = sourceLookups.get(variants);
  if (cached !== undefined) return cached;
  const lookup = buildSourceLookup({ variants });
  sourceLookups.set(variants, lookup);
  return lookup;
}

function buildSourceLookup({ variants }: { variants: VariantTable }): (char: string) => string[] {
  const traditional = new Map<string, string[]>();
  for (const [from, to] of Object.entries(variants)) traditional.set(to, [...(traditional.get(to) ?? []), from]);
  const known = new Map<string, string[]>();
  return (char) => {
    let found = known.get(char);
    if (found === undefined) {
      found = sourcesOf(char);
      known.set(char, found);
    }
    return found;
  };

  function sourcesOf(char: string): string[] {
    const code = char.charCodeAt(0);
    const sources = new Set([char]);
    if (code >= 0x61 && code <= 0x7a) sources.add(String.fromCharCode(code - 0x20));
    for (const source of [...sources]) {
      const c = source.charCodeAt(0);
      if (c + FULLWIDTH_OFFSET >= FULLWIDTH_FIRST && c + FULLWIDTH_OFFSET <= FULLWIDTH_LAST) sources.add(String.fromCharCode(c + FULLWIDTH_OFFSET));
    }
    for (const from of traditional.get(char) ?? []) sources.add(from);
    return [...sources];
  }
}

const DECODE_CHUNK = 0x2000;
// TextDecoder is several times faster than String.fromCharCode on big buffers. It turns a lone
// surrogate into one U+FFFD, which keeps the length (and so the map) intact. Made on first use,
// not at load: the content script never decodes, and a module-level one stayed in its bundle.
let utf16Decoder: TextDecoder | null | undefined;

function makeUtf16Decoder(): TextDecoder | null {
  const isLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  return typeof TextDecoder === 'function' && isLittleEndian ? new TextDecoder('utf-16le', { ignoreBOM: true }) : null;
}

function decodeUnits({ units }: { units: Uint16Array }): string {
  utf16Decoder ??= makeUtf16Decoder();
  if (utf16Decoder !== null) return utf16Decoder.decode(units);
  let out = '';
  for (let i = 0; i < units.length; i += DECODE_CHUNK) {
    const chunk = units.subarray(i, Math.min(i + DECODE_CHUNK, units.length));
    // fromCharCode accepts any array-like through apply; the cast only satisfies the signature.
    out += String.fromCharCode.apply(null, chunk as unknown as number[]);
  }
  return out;
}

/** Folded page text as code units, with where each came from; see foldToUnits. */
interface FoldedUnits {
  units: Uint16Array;
  /** map[i] is the original offset of units[i]; map[length] is the original text's length. */
  map: Uint32Array;
  length: number;
}

// One pair of buffers, grown as needed: normalizeText (search, sense-rule context, glossary checks)
// runs on many short texts, and only the map it keeps is copied out.
let scratchUnits = new Uint16Array(4096);
let scratchMap = new Uint32Array(4097);

/**
 * Folds page text into shared scratch buffers, allocating nothing: the result is only valid until
 * the next call, so callers copy what they keep.
 */
function foldToUnits({ text, variants }: { text: string; variants?: VariantTable }): FoldedUnits {
  const fold = foldTableFor({ variants });
  const length = text.length;
  if (scratchUnits.length < length) {
    scratchUnits = new Uint16Array(Math.max(length, scratchUnits.length * 2));
    scratchMap = new Uint32Array(scratchUnits.length + 1);
  }
  const units = scratchUnits;
  const map = scratchMap;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    // The table covers every UTF-16 unit; `??` only tells the type checker so.
    const folded = fold[code] ?? UNCHANGED;
    if (folded === DROP || folded === SEPARATOR_FOLD) continue;
    units[n] = folded === UNCHANGED ? code : folded;
    map[n] = i;
    n++;
  }
  map[n] = length;
  return { units, map, length: n };
}

/** Folds page text and records, for each folded char, where it came from. */
export function normalizeText({ text, variants }: { text: string; variants?: VariantTable }): NormalizedText {
  const { units, map, length } = foldToUnits({ text, variants });
  const unchanged = length === text.length && units.subarray(0, length).every((unit, i) => unit === text.charCodeAt(i));
  // Most page text is already in folded form; reusing the string skips a decode.
  return { text: unchanged ? text : decodeUnits({ units: units.subarray(0, length) }), map: map.slice(0, length + 1) };
}

/** Folds a glossary term (or context word) exactly as page text is folded, without the offset map. */
export function normalizeTerm({ text, variants }: { text: string; variants?: VariantTable }): string {
  return normalizeText({ text, variants }).text;
}
