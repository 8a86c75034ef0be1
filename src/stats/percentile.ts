/**
 * Nearest-rank percentile: the smallest value such that at least p% of the values are
 * less than or equal to it (rank ceil(p/100 * n), 1-based). It always returns an observed
 * value, never an interpolation. No values: 0 (the caller reports the count next to it).
 */
export function percentile(sortedAscending: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  const n = sortedAscending.length;
  if (n === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * n));
  return sortedAscending[rank - 1]!;
}

/** Several nearest-rank percentiles of unsorted values, sorting once. */
export function percentiles(values: readonly number[], ps: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  const asArray = Array.from(sorted);
  return ps.map((p) => percentile(asArray, p));
}
