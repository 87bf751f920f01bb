/**
 * Whether this page is about Huantai (README: Context), decided before the first paint where the
 * page names 桓台, else as soon as a county term is found. A same-origin frame takes the context
 * of the page around it: 桓台 or one of Huantai's own terms there.
 */
import type { Scope } from '../../lib/glossary/types';
import { ancestorDocuments, namesHuantai } from '../../lib/scan/context';
import { findTerms, type TermFinder } from '../../lib/scan/term-finder';

export interface PageContextDeps {
  document: Document;
  finder: TermFinder;
  scopeOf: (value: number) => Scope;
  now: () => number;
  /** Its own measure, so the bench can show what the decision costs apart from the scan. */
  measure: (args: { start: number; end: number; aboutHuantai: boolean }) => void;
}

export function createPageContext({ document, finder, scopeOf, now, measure }: PageContextDeps) {
  const namesHuantaiTimed = () => {
    const start = now();
    const named = namesHuantai({ document });
    measure({ start, end: now(), aboutHuantai: named });
    return named;
  };
  const aboveIsAboutHuantai = () =>
    ancestorDocuments({ document }).some(
      (above) =>
        namesHuantai({ document: above }) ||
        findTerms({ finder, text: above.body?.innerText ?? '' }).some((match) => scopeOf(match.value) === 'county'),
    );
  let aboutHuantai = namesHuantaiTimed() || aboveIsAboutHuantai();
  return {
    aboutHuantai: () => aboutHuantai,
    /**
     * Learns from the terms found so far (values → counts); true when the page has just turned
     * out to be about Huantai: a county term, or 桓台 in text added since the last look.
     */
    learn(counts: Map<number, number>): boolean {
      if (aboutHuantai) return false;
      aboutHuantai = [...counts.keys()].some((value) => scopeOf(value) === 'county') || namesHuantaiTimed();
      return aboutHuantai;
    },
  };
}

export type PageContext = ReturnType<typeof createPageContext>;
