/** Builds the page-side term finder from the shipped term list: one automaton for every form. */
import type { Category, TermList } from './glossary-types';
import { buildMatcher, findTerms, type Match, type SenseRule } from './matcher';
import { foldToUnits } from './normalize';
import { buildPrefilter } from './prefilter';

export interface TermFinder {
  find(args: { text: string }): Match[];
  idOf(value: number): string;
  categoryOf(value: number): Category;
  valueOf(id: string): number | undefined;
}

export function createTermFinder({ termList }: { termList: TermList }): TermFinder {
  const matcher = buildMatcher({
    patterns: termList.terms.flatMap((term, value) => term.forms.map((text) => ({ text, value }))),
  });
  const senseRules = new Map<number, SenseRule>();
  termList.terms.forEach((term, value) => {
    if (term.sense) senseRules.set(value, term.sense);
  });
  const values = new Map(termList.terms.map((term, value) => [term.id, value]));
  // The fold table (64K entries) is built here, with the automaton, not in the middle of the first
  // scan chunk the first time a run needs folding.
  foldToUnits({ text: '', variants: termList.variants });
  const mayHoldTerm = buildPrefilter({ forms: termList.terms.flatMap((term) => term.forms), variants: termList.variants });
  return {
    find: ({ text }) => (mayHoldTerm(text) ? findTerms({ text, variants: termList.variants, matcher, senseRules }) : []),
    idOf: (value) => termList.terms[value]!.id,
    categoryOf: (value) => termList.terms[value]!.category,
    valueOf: (id) => values.get(id),
  };
}
