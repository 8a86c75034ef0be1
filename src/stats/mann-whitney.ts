import { normalTwoSided } from './normal.js';

/**
 * Below this many values in EACH sample, and with no ties, the p-value comes from the exact
 * null distribution of U; otherwise from the normal approximation. The same rule as R's
 * wilcox.test (exact when n.x < 50 and n.y < 50 and no ties), so its numbers apply as they are.
 */
export const EXACT_BELOW = 50;

export interface MannWhitneyResult {
  /** U of the first sample: pairs (x, y) with x > y, plus half the ties (R's W). */
  u: number;
  /** (U - n1 n2 / 2 - continuity) / σ, σ corrected for ties; 0 when every value is tied. */
  z: number;
  /** Two-sided p-value. */
  p: number;
  method: 'exact' | 'normal';
}

/**
 * Two-sided Mann–Whitney U (Wilcoxon rank-sum) test of x against y: is a value from one
 * sample more likely to exceed a value from the other than the reverse?
 *
 * Small samples without ties get the exact p-value; otherwise the normal approximation with
 * continuity correction and the tie correction of the variance, as R's
 * `wilcox.test(x, y, correct = TRUE)` computes them.
 */
export function mannWhitneyU(x: readonly number[], y: readonly number[]): MannWhitneyResult {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0)
    throw new RangeError('the Mann–Whitney test needs two non-empty samples');
  for (const value of [...x, ...y]) {
    if (!Number.isFinite(value)) throw new RangeError(`sample values must be finite, got ${value}`);
  }

  const { rankSumOfFirst, tieTerm } = ranks(x, y);
  const u = rankSumOfFirst - (n1 * (n1 + 1)) / 2;
  const n = n1 + n2;
  const centred = u - (n1 * n2) / 2;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  const continuity = Math.sign(centred) * 0.5;
  const z = sigma > 0 ? (centred - continuity) / sigma : 0;

  if (tieTerm === 0 && n1 < EXACT_BELOW && n2 < EXACT_BELOW) {
    // P(U <= min(u, n1 n2 - u)), doubled: R's two-sided exact p (the distribution is symmetric).
    const lowerTail = exactLowerTail(n1, n2, Math.min(u, n1 * n2 - u));
    return { u, z, p: Math.min(1, 2 * lowerTail), method: 'exact' };
  }
  // Every value equal: the samples cannot differ.
  const p = sigma > 0 ? normalTwoSided(z) : 1;
  return { u, z, p, method: 'normal' };
}

/** Sum of the first sample's mid-ranks in the pooled sample, and Σ (t³ - t) over tie groups. */
function ranks(
  x: readonly number[],
  y: readonly number[],
): { rankSumOfFirst: number; tieTerm: number } {
  const pooled = [
    ...x.map((value) => ({ value, first: true })),
    ...y.map((value) => ({ value, first: false })),
  ].sort((a, b) => a.value - b.value);
  let rankSumOfFirst = 0;
  let tieTerm = 0;
  for (let start = 0; start < pooled.length;) {
    let end = start + 1;
    while (end < pooled.length && pooled[end]!.value === pooled[start]!.value) end++;
    const tied = end - start;
    const midRank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) if (pooled[i]!.first) rankSumOfFirst += midRank;
    tieTerm += tied * tied * tied - tied;
    start = end;
  }
  return { rankSumOfFirst, tieTerm };
}

/**
 * P(U <= k) under the null hypothesis, without ties. The number of arrangements with U = u is
 * the number of partitions of u into at most n1 parts, none larger than n2; they are counted
 * by adding parts of size 1..n2 one size at a time. Only positive numbers are added, so the
 * counts keep full relative precision even beyond 2^53.
 */
function exactLowerTail(n1: number, n2: number, k: number): number {
  const maxU = n1 * n2;
  // ways[parts][sum]: partitions of `sum` into exactly `parts` parts, from sizes seen so far.
  const ways = Array.from({ length: n1 + 1 }, () => new Float64Array(maxU + 1));
  ways[0]![0] = 1;
  for (let size = 1; size <= n2; size++) {
    // Increasing `parts` lets a size be used any number of times.
    for (let parts = 1; parts <= n1; parts++) {
      const into = ways[parts]!;
      const from = ways[parts - 1]!;
      for (let sum = size; sum <= maxU; sum++) into[sum]! += from[sum - size]!;
    }
  }
  let atOrBelow = 0;
  let total = 0;
  for (let sum = 0; sum <= maxU; sum++) {
    let count = 0;
    for (let parts = 0; parts <= n1; parts++) count += ways[parts]![sum]!;
    total += count;
    if (sum <= k) atOrBelow += count;
  }
  return atOrBelow / total;
}
