/** Where a match sits in the text shown for it: character ranges, mapped back from normalised keys. */
import type { LatinKey } from './build';
import type { Range } from './types';

export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = ranges.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Range[] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** A span of a normalised key back onto the original text (dropped chars inside stay covered). */
export function mapRange(map: ArrayLike<number>, start: number, end: number): Range[] {
  if (end <= start) return [];
  return [[map[start] as number, (map[end - 1] as number) + 1]];
}

/** Term characters read by the pinyin units overlapping [start, end) of a latin key. */
export function unitRanges({ key, unitChars, start, end }: { key: LatinKey; unitChars: Range[]; start: number; end: number }): Range[] {
  const ranges: Range[] = [];
  for (let i = 0; i < unitChars.length; i++) {
    const chars = unitChars[i] as Range;
    if ((key.starts[i] as number) < end && (key.starts[i + 1] as number) > start) ranges.push([chars[0], chars[1]]);
  }
  return mergeRanges(ranges);
}

/**
 * Where a typo'd pattern best fits inside a text: approximate substring matching (Sellers), the
 * span with the fewest edits. With `starts`, the span must begin at one of them: a word start, so
 * that mogu is not read into the middle of "famous". Run on short strings only (≤ 20 × ~120).
 */
export function fuzzySpan({ pattern, text, starts }: { pattern: string; text: string; starts?: ReadonlySet<number> }): { range: Range; errors: number } {
  const m = pattern.length;
  const n = text.length;
  if (m === 0 || n === 0) return { range: [0, 0], errors: m };
  const cols = n + 1;
  let cost = new Uint16Array(cols);
  let from = new Uint32Array(cols);
  // Two rows, swapped: a fresh pair per pattern letter was most of a keystroke's time.
  let nextCost = new Uint16Array(cols);
  let nextFrom = new Uint32Array(cols);
  for (let j = 0; j <= n; j++) {
    from[j] = j;
    // Starting anywhere else costs more than deleting the whole pattern at an allowed start.
    if (starts !== undefined && !starts.has(j)) cost[j] = m + 1;
  }
  for (let i = 1; i <= m; i++) {
    nextCost[0] = (cost[0] as number) + 1;
    nextFrom[0] = 0;
    for (let j = 1; j <= n; j++) {
      let best = (cost[j - 1] as number) + (pattern.charCodeAt(i - 1) === text.charCodeAt(j - 1) ? 0 : 1);
      let origin = from[j - 1] as number;
      if ((cost[j] as number) + 1 < best) {
        best = (cost[j] as number) + 1;
        origin = from[j] as number;
      }
      if ((nextCost[j - 1] as number) + 1 < best) {
        best = (nextCost[j - 1] as number) + 1;
        origin = nextFrom[j - 1] as number;
      }
      nextCost[j] = best;
      nextFrom[j] = origin;
    }
    [cost, nextCost] = [nextCost, cost];
    [from, nextFrom] = [nextFrom, from];
  }
  let end = 1;
  for (let j = 2; j <= n; j++) if ((cost[j] as number) < (cost[end] as number)) end = j;
  return { range: [from[end] as number, end], errors: Math.min(m, cost[end] as number) };
}
