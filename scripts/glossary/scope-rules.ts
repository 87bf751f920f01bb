/**
 * Rules on an entry's scope fields that the schema cannot state alone (docs/glossary-authoring.md):
 * `localUse` says what Huantai does with a wider term, so a county term, whose whole explanation is
 * Huantai's own, has none.
 */
import type { Entry } from '../../lib/glossary/schema';

export function checkScopeFields({ entries }: { entries: ReadonlyArray<{ entry: Entry; path: string }> }): string[] {
  const problems: string[] = [];
  for (const { entry, path } of entries) {
    if (entry.scope === 'county' && entry.localUse !== undefined) {
      problems.push(
        `${path}: entry "${entry.id}": field "localUse": only city, province and national entries have a localUse; ` +
          'a county term is Huantai’s own, so move what it says into the explanation (or correct the scope)',
      );
    }
  }
  return problems;
}
