/** Builds the page-side term finder from the shipped term list: one automaton for every form. */
import type { Category, TermList } from '../glossary/types';
import { loadMatcher, toMatches, type Match, type MatchBatch, type Matcher, type SenseRule } from './matcher';
import { buildMatcherData } from './matcher-data';
import { keepLatinInChinese } from './latin-forms';
import { foldTableFor } from './normalize';
import { buildProbeTables, createTermProbe } from './probe';
import type { SegmentMatcher } from './scanner';

export interface TermFinder extends SegmentMatcher {
  /**
   * Builds the automaton now, before the scan starts; otherwise the first segment builds it, so a
   * frame that never gets text (the about:blank frames ad scripts write into) never builds it.
   */
  prepare(): void;
  idOf(value: number): string;
  categoryOf(value: number): Category;
  valueOf(id: string): number | undefined;
}

/** The matcher's input from the term list: every form under its term's value, and the sense rules by value. */
export function matcherInputOf({ termList }: { termList: Pick<TermList, 'terms' | 'variants'> }) {
  const senseRules = new Map<number, SenseRule>();
  termList.terms.forEach((term, value) => {
    if (term.sense) senseRules.set(value, term.sense);
  });
  return {
    patterns: termList.terms.flatMap((term, value) => term.forms.map((text) => ({ text, value }))),
    variants: termList.variants,
    senseRules,
  };
}

/** A term list from its terms (build time and tests): the probe's and the matcher's tables are derived from them. */
export function termListOf({ terms, variants }: Omit<TermList, 'probe' | 'matcher'>): TermList {
  return {
    variants,
    terms,
    probe: buildProbeTables({ forms: terms.flatMap((term) => term.forms), variants }),
    matcher: buildMatcherData(matcherInputOf({ termList: { terms, variants } })),
  };
}

export function createTermFinder({ termList }: { termList: TermList }): TermFinder {
  const values = new Map(termList.terms.map((term, value) => [term.id, value]));
  let built: { matcher: Matcher; mayHoldTerm: (text: string) => boolean } | null = null;
  const build = () =>
    (built ??= {
      matcher: loadMatcher({ data: termList.matcher, variants: termList.variants }),
      // The matcher's fold table, not a second one built from the probe's pairs.
      mayHoldTerm: createTermProbe({ tables: termList.probe, fold: foldTableFor({ variants: termList.variants }) }),
    });
  let segment = '';
  return {
    prepare: () => void build(),
    begin({ text }) {
      const { matcher, mayHoldTerm } = build();
      segment = text;
      matcher.begin();
      return mayHoldTerm(text);
    },
    feed: ({ from, to }) => built!.matcher.feed({ text: segment, from, to }),
    end(): MatchBatch {
      const text = segment;
      segment = '';
      return keepLatinInChinese({ batch: built!.matcher.end(), text });
    },
    idOf: (value) => termList.terms[value]!.id,
    categoryOf: (value) => termList.terms[value]!.category,
    valueOf: (id) => values.get(id),
  };
}

/** The terms in one piece of text, through the finder's whole pipeline (probe, automaton, sense rules). */
export function findTerms({ finder, text }: { finder: TermFinder; text: string }): Match[] {
  if (!finder.begin({ text })) return [];
  finder.feed({ from: 0, to: text.length });
  return toMatches(finder.end());
}
