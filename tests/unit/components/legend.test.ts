/** The legend's colours are the page's: each area's underline in highlights.css, and its quiet grey. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATEGORY_COLOURS, CATEGORY_IDS, QUIET_COLOUR } from '../../../lib/glossary/categories';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const css = readFileSync(join(ROOT, 'public/highlights.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** The text-decoration-color of the rule whose selector list names this highlight. */
function underlineOf(name: string): string | undefined {
  for (const [, selectors, body] of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    if (!selectors!.split(',').some((selector) => selector.trim() === `::highlight(${name})`)) continue;
    const colour = /text-decoration-color:\s*([^;]+);/.exec(body!)?.[1]?.trim();
    if (colour) return colour;
  }
  return undefined;
}

describe('the legend’s colours', () => {
  it('are those the page underlines each area’s terms in, wider terms included', () => {
    for (const id of CATEGORY_IDS) {
      expect(underlineOf(`huantai-lens-${id}`), id).toBe(CATEGORY_COLOURS[id]);
      expect(underlineOf(`huantai-lens-${id}-wide`), id).toBe(CATEGORY_COLOURS[id]);
    }
  });

  it('name the quiet grey of wider terms on pages about another place', () => {
    for (const id of CATEGORY_IDS) expect(underlineOf(`huantai-lens-quiet-${id}-wide`), id).toBe(QUIET_COLOUR);
  });

  it('tell the areas apart', () => {
    expect(new Set(Object.values(CATEGORY_COLOURS)).size).toBe(CATEGORY_IDS.length);
  });
});
