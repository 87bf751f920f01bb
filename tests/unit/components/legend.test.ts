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
  it('are those the page underlines each area’s terms in (wider terms paint under their area’s name: paint.test.ts)', () => {
    for (const id of CATEGORY_IDS) expect(underlineOf(`huantai-lens-${id}`), id).toBe(CATEGORY_COLOURS[id]);
  });

  it('name the quiet grey of wider terms on pages about another place', () => {
    expect(underlineOf('huantai-lens-quiet')).toBe(QUIET_COLOUR);
  });

  it('tell the areas apart', () => {
    expect(new Set(Object.values(CATEGORY_COLOURS)).size).toBe(CATEGORY_IDS.length);
  });
});

describe('the highlight stylesheet', () => {
  const styled = new Set([...css.matchAll(/::highlight\(([\w-]+)\)/g)].map((m) => m[1]!));

  it('styles the names the painter registers and no other (each costs every element of every page: lib/scan/paint.ts)', () => {
    const names = [...CATEGORY_IDS.flatMap((id) => [`huantai-lens-${id}`, `huantai-lens-bg-${id}`]), 'huantai-lens-quiet', 'huantai-lens-active'];
    expect([...styled].sort()).toEqual(names.sort());
  });

  it('gives each area’s background the area’s own colour, see-through', () => {
    const backgroundOf = (name: string) =>
      [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].map(([, selectors, body]) => [selectors!.trim(), body!] as const).find(([selectors]) => selectors === `::highlight(${name})`)?.[1];
    for (const id of CATEGORY_IDS) {
      const [r, g, b] = [1, 3, 5].map((at) => parseInt(CATEGORY_COLOURS[id].slice(at, at + 2), 16));
      expect(backgroundOf(`huantai-lens-bg-${id}`), id).toMatch(new RegExp(`background-color:\\s*rgba\\(${r},\\s*${g},\\s*${b},\\s*\\.\\d+\\)`));
    }
  });
});
