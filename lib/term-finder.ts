/** Builds the page-side term finder from the shipped term list: one automaton for every form. */
import type { Category, TermList } from './glossary-types';
import { buildMatcher, findTerms, type Match, type SenseRule } from './matcher';

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
  return {
    find: ({ text }) => findTerms({ text, variants: termList.variants, matcher, senseRules }),
    idOf: (value) => termList.terms[value]!.id,
    categoryOf: (value) => termList.terms[value]!.category,
    valueOf: (id) => values.get(id),
  };
}
