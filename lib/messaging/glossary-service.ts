/** Answers the glossary questions the background is asked; receives the glossary so tests pass their own. */
import type { Glossary, GlossaryEntry, TraditionalText } from '../glossary/types';

export interface GlossaryService {
  getEntries(args: { ids: readonly string[] }): GlossaryEntry[];
  /** Unknown ids are left out. */
  getTraditionalText(args: { ids: readonly string[] }): Record<string, TraditionalText>;
}

export function createGlossaryService({
  glossary,
  traditional,
}: {
  glossary: Glossary;
  traditional: Readonly<Record<string, TraditionalText>>;
}): GlossaryService {
  const byId = new Map(glossary.entries.map((entry) => [entry.id, entry]));
  return {
    getEntries: ({ ids }) => ids.flatMap((id) => byId.get(id) ?? []),
    getTraditionalText: ({ ids }) => Object.fromEntries(ids.flatMap((id) => (Object.hasOwn(traditional, id) ? [[id, traditional[id]!]] : []))),
  };
}
