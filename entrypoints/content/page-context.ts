/**
 * Whether this page is about Huantai (README: Context): from its title before the first paint,
 * else as soon as the scan meets 桓台 in its text (noteText) or finds a county term (learn). A
 * same-origin frame takes the context of the page around it: 桓台 or one of Huantai's own terms there.
 */
import type { Scope } from '../../lib/glossary/types';
import { ancestorDocuments, namesHuantai, textNamesHuantai, titleNamesHuantai } from '../../lib/scan/context';
import { findTerms, type TermFinder } from '../../lib/scan/term-finder';

export interface PageContextDeps {
  document: Document;
  finder: TermFinder;
  scopeOf: (value: number) => Scope;
  now: () => number;
  /** Its own measure, so the bench can show what the first decision costs apart from the scan. */
  measure: (args: { start: number; end: number; aboutHuantai: boolean }) => void;
  /** Told when the page turns out to be about Huantai after the first decision. */
  onAboutHuantai: () => void;
}

export function createPageContext({ document, finder, scopeOf, now, measure, onAboutHuantai }: PageContextDeps) {
  const aboveIsAboutHuantai = () =>
    ancestorDocuments({ document }).some(
      (above) =>
        namesHuantai({ document: above }) ||
        findTerms({ finder, text: above.body?.innerText ?? '' }).some((match) => scopeOf(match.value) === 'county'),
    );
  const start = now();
  let aboutHuantai = titleNamesHuantai({ document }) || aboveIsAboutHuantai();
  measure({ start, end: now(), aboutHuantai });
  const turn = () => {
    aboutHuantai = true;
    onAboutHuantai();
  };
  return {
    aboutHuantai: () => aboutHuantai,
    /** A segment of text the scan is about to match (see ScanDeps.inspect). */
    noteText(segment: { text: string; nodeAt: (index: number) => Text | null }) {
      if (!aboutHuantai && textNamesHuantai(segment)) turn();
    },
    /** The terms found so far (values → counts): a county term makes the page about Huantai. */
    learn(counts: Map<number, number>) {
      if (!aboutHuantai && [...counts.keys()].some((value) => scopeOf(value) === 'county')) turn();
    },
  };
}

export type PageContext = ReturnType<typeof createPageContext>;
