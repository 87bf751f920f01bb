/** Answers the glossary questions the background is asked; receives the glossary so tests pass their own. */
import type { Glossary, GlossaryEntry } from '../glossary/types';

export interface GlossaryService {
  getEntries(args: { ids: readonly string[] }): GlossaryEntry[];
}

export function createGlossaryService({ glossary }: { glossary: Glossary }): GlossaryService {
  const byId = new Map(glossary.entries.map((entry) => [entry.id, entry]));
  return {
    getEntries: ({ ids }) => ids.flatMap((id) => byId.get(id) ?? []),
  };
}
