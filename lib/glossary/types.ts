/** The compiled glossary as the extension sees it: produced and validated at build time. */
import type { Category, Entry, Reference, Scope, Target } from './schema';
import type { ProbeTables } from '../scan/probe';
import type { MatcherData } from '../scan/matcher-data';

export type { Category, Entry, Reference, Scope, Target };

/** A full entry, as the background serves it to the tooltip, popup and glossary page. */
export interface GlossaryEntry extends Omit<Entry, 'pinyin'> {
  /** Tone-marked, syllables separated by spaces: zhōng guó mó gǔ. */
  pinyin: string;
  /** The 2022 targets that belong to this entry, in report order. */
  targets: Target[];
}

/**
 * The card's Chinese text in Traditional characters, converted at build time
 * (scripts/glossary/traditional.ts), so the content script never carries a converter. Only what
 * the card shows: the background hands it out per entry, and only for a card on Traditional text.
 */
export interface TraditionalText {
  term: string;
  summary: string;
  explanation: string;
  scopeNote: string;
  localUse?: string;
  /** The report sentence the card shows: the entry's first. */
  quote: string;
  /** By target id. */
  targets: Record<string, TraditionalTarget>;
}

/** A target's indicator and its value formatted as lib/glossary/format-target does, comparator words included. */
export interface TraditionalTarget {
  indicator: string;
  parts: { before: string; number: string; after: string };
}

export interface Glossary {
  entries: GlossaryEntry[];
  targets: Target[];
  source: SourceDocument;
}

export interface SourceDocument {
  title: string;
  publisher: string;
  date: string;
}

/** What the content script ships: just enough to find and classify terms, no explanations. */
export interface TermList {
  /** Traditional → Simplified, for the glossary's own characters only. */
  variants: Record<string, string>;
  terms: TermListItem[];
  /** The probe's tables for these terms' forms (lib/scan/probe), built with the list. */
  probe: ProbeTables;
  /** The matcher's tables for these terms (lib/scan/matcher-data), built with the list: loading them on the page is cheap, building them was not. */
  matcher: MatcherData;
}

export interface TermListItem {
  id: string;
  category: Category;
  /** Whose term it is: county and city terms are painted everywhere, wider ones where the page is about Huantai. */
  scope: Scope;
  /** The term and its aliases, already normalised (see lib/normalize). */
  forms: string[];
  sense?: { skipWhenNear: string[]; keepWhenNear: string[] };
}
