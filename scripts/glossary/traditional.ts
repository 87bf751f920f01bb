/**
 * Build time only: the card's Chinese text in Traditional characters, for cards on Traditional
 * pages. Converted here with OpenCC so the content script ships no conversion table; the
 * background serves one entry's text when a card needs it.
 */
import * as OpenCC from 'opencc-js';
import { targetParts } from '../../lib/glossary/format-target';
import type { GlossaryEntry, TraditionalText } from '../../lib/glossary/types';

export type Convert = (text: string) => string;

/**
 * Taiwan's standard characters, char and phrase level (后来 → 後來, 干部 → 幹部), but not its
 * vocabulary ('twp' would turn 软件 into 軟體): the report's words stay the report's, only the script changes.
 */
export const toTraditional: Convert = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** The Traditional text of every entry, by id. */
export function traditionalTexts({
  entries,
  convert = toTraditional,
}: {
  entries: readonly GlossaryEntry[];
  convert?: Convert;
}): Record<string, TraditionalText> {
  const out: Record<string, TraditionalText> = {};
  for (const entry of entries) out[entry.id] = traditionalTextOf({ entry, convert });
  return out;
}

function traditionalTextOf({ entry, convert }: { entry: GlossaryEntry; convert: Convert }): TraditionalText {
  const targets: TraditionalText['targets'] = {};
  for (const target of entry.targets) {
    // Formatted first, then converted: the comparator's words (低于, 力争, 实现) change script too.
    const { before, number, after } = targetParts(target);
    targets[target.id] = { indicator: convert(target.indicator), parts: { before: convert(before), number: convert(number), after: convert(after) } };
  }
  return {
    term: convert(entry.term),
    summary: convert(entry.summary),
    explanation: convert(entry.explanation),
    scopeNote: convert(entry.scopeNote),
    ...(entry.localUse ? { localUse: convert(entry.localUse) } : {}),
    quote: convert(entry.quotes[0] ?? ''),
    targets,
  };
}
