/**
 * Bundled into a page by the popup suite (popup.ts): times the extension's own search index
 * (lib/glossary/search-index.ts) over the real glossary, query by query, prefix by prefix, as typed.
 */
import type { Glossary } from '../../lib/glossary/types';
import type { VariantTable } from '../../lib/scan/normalize';
import { createSearchIndex } from '../../lib/glossary/search-index';

export interface SearchTiming {
  /** Building the index, ms (paid once when the popup opens). */
  buildMs: number;
  /** Pass by pass; in each, ms per prefix of every query in order (what one keystroke searches). */
  passes: number[][];
  /** The prefixes, in the same order as each pass. */
  prefixes: string[];
  /** Results for each prefix in the first pass. */
  results: number[];
}

export function timeSearch({ glossary, variants, queries, limit, passes }: {
  glossary: Glossary;
  variants: VariantTable;
  queries: string[];
  limit: number;
  passes: number;
}): SearchTiming {
  const t0 = performance.now();
  const index = createSearchIndex({ glossary, variants });
  const buildMs = performance.now() - t0;
  // Prefixes by code point, as a person types them (no half surrogate pairs).
  const prefixes = queries.flatMap((query) => {
    const chars = [...query];
    return chars.map((_, i) => chars.slice(0, i + 1).join(''));
  });
  const out: number[][] = [];
  const results: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const times: number[] = [];
    for (const query of prefixes) {
      const start = performance.now();
      const found = index.search({ query, limit });
      times.push(performance.now() - start);
      if (pass === 0) results.push(found.length);
    }
    out.push(times);
  }
  return { buildMs, passes: out, prefixes, results };
}
