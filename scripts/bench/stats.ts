/** Small numeric helpers for summarising repeated runs. */

export function median({ values }: { values: readonly number[] }): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function max({ values }: { values: readonly number[] }): number {
  const finite = values.filter((v) => Number.isFinite(v));
  return finite.length === 0 ? Number.NaN : Math.max(...finite);
}

/** Median of each numeric field over the runs (fields missing from a run are ignored). */
export function medianOf<T extends object>({ runs, keys }: { runs: readonly T[]; keys: readonly (keyof T)[] }): Partial<Record<keyof T, number>> {
  const out: Partial<Record<keyof T, number>> = {};
  for (const key of keys) {
    out[key] = median({ values: runs.map((run) => run[key]).filter((v): v is T[keyof T] & number => typeof v === 'number') });
  }
  return out;
}

export const ratio = ({ ours, other }: { ours: number; other: number }) => (other > 0 ? ours / other : Number.NaN);

/** The p-th percentile (0–100) by nearest rank, ignoring non-finite values. */
export function percentile({ values, p }: { values: readonly number[]; p: number }): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

/** How a figure varies over repeated runs (non-finite values ignored): how far single figures wander. */
export interface Spread {
  median: number;
  p95: number;
  min: number;
  max: number;
  n: number;
}

export function spreadOf({ values }: { values: readonly number[] }): Spread {
  const finite = values.filter((v) => Number.isFinite(v));
  return {
    median: median({ values: finite }),
    p95: percentile({ values: finite, p: 95 }),
    min: finite.length === 0 ? Number.NaN : Math.min(...finite),
    max: max({ values: finite }),
    n: finite.length,
  };
}
