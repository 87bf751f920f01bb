/**
 * The skip at the root: most of any page's chars leave the automaton at its root, and so does
 * every first char of a pattern whose next char cannot be a second one (from its depth-1 node the
 * automaton would fall straight back to the root; no real pattern is one char long). Those chars
 * are skipped by two table reads each, straight from the raw text, with no fold on the way.
 */
import { ALPHABET } from './automaton';
import { DROPPED_CHARS, sourceLookupFor, type VariantTable } from './normalize';

/** As it ships: raw page chars, in every shape the fold maps onto a pattern's chars. */
export interface RootSkipData {
  /** Every raw char that can begin a pattern. */
  firsts: string;
  /** Every raw char that can be a pattern's second one (dropped chars are added when loaded). */
  seconds: string;
  /** Some pattern is one char long: anything may follow its first char. */
  anySecond: boolean;
}

export interface RootSkipTables {
  firsts: Uint8Array;
  seconds: Uint8Array;
}

/** Build time: the tables' chars for the patterns (and context words), from the patterns' own chars. */
export function buildRootSkipData({ patterns, variants }: { patterns: readonly string[]; variants?: VariantTable }): RootSkipData {
  const sourcesOf = sourceLookupFor({ variants });
  const firsts = new Set<string>();
  const seconds = new Set<string>();
  let anySecond = false;
  for (const text of patterns) {
    if (text.length === 0) continue;
    // The loop reads one code unit at a time: a source's first unit is what it meets.
    for (const source of sourcesOf(text.charAt(0))) firsts.add(source.charAt(0));
    if (text.length === 1) anySecond = true;
    else for (const source of sourcesOf(text.charAt(1))) seconds.add(source.charAt(0));
  }
  return { firsts: [...firsts].sort().join(''), seconds: [...seconds].sort().join(''), anySecond };
}

/**
 * Run time: which raw chars can begin a pattern, and which can follow its first char (a second
 * char, or a dropped one with the second further on). Dropped chars are added here rather than
 * shipped: spaces and invisible joiners written into the bundle as they are would be fragile.
 */
export function loadRootSkip({ data }: { data: RootSkipData }): RootSkipTables {
  const firsts = new Uint8Array(ALPHABET);
  const seconds = new Uint8Array(ALPHABET);
  for (let i = 0; i < data.firsts.length; i++) firsts[data.firsts.charCodeAt(i)] = 1;
  if (data.anySecond) seconds.fill(1);
  for (let i = 0; i < data.seconds.length; i++) seconds[data.seconds.charCodeAt(i)] = 1;
  for (let i = 0; i < DROPPED_CHARS.length; i++) seconds[DROPPED_CHARS.charCodeAt(i)] = 1;
  return { firsts, seconds };
}

/**
 * From raw index `from`, the first index before `to` where a pattern may start, or `to`. Kept apart
 * and tiny: it is where nearly all the chars go, and a small loop is optimised soonest on a page's
 * first, cold scan. Positional: called per run of root chars, often per char.
 */
export function skipAtRoot(firsts: Uint8Array, seconds: Uint8Array, text: string, from: number, to: number): number {
  // Never reads past the text's end: an out-of-range charCodeAt sends the optimised loop back to
  // the interpreter (a V8 deopt at the end of every segment, which cost a cold scan a third).
  const last = Math.min(to, text.length - 1);
  for (let i = from; i < last; i++) {
    if (firsts[text.charCodeAt(i)] !== 0 && seconds[text.charCodeAt(i + 1)] !== 0) return i;
  }
  // The text's last char goes to the main loop, which needs no next char.
  return last < to ? last : to;
}
