/**
 * A cheap, sound test of whether a run of page text could hold any glossary term, so the fold and
 * the automaton only see runs that might. Nearly every form has a Chinese character, and a page
 * run holding none of the forms' first Chinese characters (in any of their written shapes) holds
 * no term: on an English page that skips almost all the text. The few forms made only of ASCII
 * (gdp) get a small test of their own.
 */
import { DROPPED_CHARS, sourceLookupFor, type VariantTable } from './normalize';

const escapeClass = (chars: Iterable<string>) => [...chars].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

/**
 * A test for a folded form anywhere in raw page text: each char in any shape a page may write it
 * in (Traditional, full-width, upper case), with dropped chars (spaces, quotes) allowed between.
 */
function formTest({ form, variants }: { form: string; variants?: VariantTable }): RegExp {
  const sourcesOf = sourceLookupFor({ variants });
  return new RegExp([...form].map((c) => `[${escapeClass(sourcesOf(c))}]`).join(`[${escapeClass(DROPPED_CHARS)}]*`));
}

export function buildPrefilter({ forms, variants }: { forms: readonly string[]; variants?: VariantTable }): (text: string) => boolean {
  const keys = new Set<string>();
  const asciiOnly: RegExp[] = [];
  const sourcesOf = sourceLookupFor({ variants });
  for (const form of forms) {
    const key = [...form].find((c) => c.charCodeAt(0) > 0x7f);
    if (key !== undefined) {
      for (const source of sourcesOf(key)) keys.add(source);
    } else if (form.length > 0) {
      asciiOnly.push(formTest({ form, variants }));
    }
  }
  const anyKey = keys.size > 0 ? new RegExp(`[${escapeClass(keys)}]`) : null;
  return (text) => (anyKey !== null && anyKey.test(text)) || asciiOnly.some((test) => test.test(text));
}
