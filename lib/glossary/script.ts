/**
 * Which script a card is written in: the one its reader reads. The glossary is Simplified; a card
 * on Traditional text takes the Traditional text the build converted (TraditionalText).
 */
import type { GlossaryEntry, TermList, TraditionalText } from './types';

export type CardScript = 'simplified' | 'traditional';

/** zh-TW, zh-HK, zh-MO, zh-Hant and their longer forms (zh-Hant-TW, zh-tw); zh-Hans-HK is Simplified. */
export function isTraditionalLang(lang: string): boolean {
  const subtags = lang.trim().toLowerCase().split(/[-_]/);
  if (subtags[0] !== 'zh') return false;
  if (subtags.includes('hant')) return true;
  if (subtags.includes('hans')) return false;
  return subtags.some((subtag) => subtag === 'tw' || subtag === 'hk' || subtag === 'mo');
}

/**
 * Traditional when the matched page text is written in Traditional characters (a char of it is
 * one the variant table folds to the glossary's Simplified char) or when the text's language
 * (the nearest `lang`) is a Traditional one; otherwise Simplified. A term whose chars are the same
 * in both scripts (5+N, 双碳 is not: 雙碳) is decided by `lang` alone.
 */
export function cardScriptOf({
  matchedText,
  lang,
  variants,
}: {
  matchedText: string;
  /** The nearest `lang` attribute of the matched text ('' when none). */
  lang: string;
  /** The term list's Traditional → Simplified table: its keys are never glossary (Simplified) chars. */
  variants: TermList['variants'];
}): CardScript {
  for (const char of matchedText) if (Object.hasOwn(variants, char)) return 'traditional';
  return isTraditionalLang(lang) ? 'traditional' : 'simplified';
}

/**
 * The entry with the card's text fields in Traditional characters. Only the card's fields: its
 * quotes are the one it shows, and the targets' text is the TargetList's to take from `text.targets`.
 */
export function withTraditional({ entry, text }: { entry: GlossaryEntry; text: TraditionalText }): GlossaryEntry {
  return {
    ...entry,
    term: text.term,
    summary: text.summary,
    explanation: text.explanation,
    scopeNote: text.scopeNote,
    ...(text.localUse ? { localUse: text.localUse } : {}),
    quotes: [text.quote],
  };
}
