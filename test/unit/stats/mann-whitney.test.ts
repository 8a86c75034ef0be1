import { describe, expect, it } from 'vitest';
import { EXACT_BELOW, mannWhitneyU } from '../../../src/stats/mann-whitney.js';
import { normalTwoSided, normalUpperTail } from '../../../src/stats/normal.js';
import { mulberry32 } from '../../helpers/prng.js';

/**
 * Independent reference for the exact test: enumerate every way to choose which of the
 * n1 + n2 ranks belong to the first sample (all equally likely under the null hypothesis)
 * and count those whose U is at most the observed min(U, n1 n2 - U). Integer arithmetic.
 */
function enumeratedTwoSided(n1: number, n2: number, u: number): number {
  const bound = Math.min(u, n1 * n2 - u);
  let atOrBelow = 0;
  let total = 0;
  const visit = (next: number, chosen: number, rankSum: number): void => {
    if (chosen === n1) {
      total++;
      if (rankSum - (n1 * (n1 + 1)) / 2 <= bound) atOrBelow++;
      return;
    }
    for (let rank = next; rank <= n1 + n2 - (n1 - chosen) + 1; rank++) {
      visit(rank + 1, chosen + 1, rankSum + rank);
    }
  };
  visit(1, 0, 0);
  return Math.min(1, (2 * atOrBelow) / total);
}

describe('normalUpperTail', () => {
  // References: mpmath 1.3 at 30 digits, ncdf(-z).
  it('matches the standard normal tail from the centre far into the tail', () => {
    expect(normalUpperTail(0)).toBe(0.5);
    expect(normalUpperTail(1.959963984540054)).toBeCloseTo(0.025, 14);
    expect(normalUpperTail(5) / 2.866515718791939e-7).toBeCloseTo(1, 12);
    expect(normalUpperTail(10) / 7.619853024160525e-24).toBeCloseTo(1, 11);
    expect(normalUpperTail(30) / 4.906713927148187e-198).toBeCloseTo(1, 9);
    expect(normalUpperTail(-1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalTwoSided(-1.959963984540054)).toBeCloseTo(0.05, 14);
  });
});

describe('mannWhitneyU: exact distribution (small samples, no ties)', () => {
  it("R's ?wilcox.test example: W = 35; one-sided p = 0.1272, so two-sided 0.2544", () => {
    // R 4.x: wilcox.test(x, y, alternative = "g") gives W = 35, p-value = 0.1272 (exact).
    // Enumeration of all C(15, 5) = 3003 rank sets gives the two-sided p = 764/3003.
    const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
    const y = [1.15, 0.88, 0.9, 0.74, 1.21];
    const result = mannWhitneyU(x, y);
    expect(result.method).toBe('exact');
    expect(result.u).toBe(35);
    expect(result.p).toBeCloseTo(764 / 3003, 14);
    expect(result.p / 2).toBeCloseTo(0.1272, 4);
  });

  it('Applied Nonparametric Statistical Methods, example 6.1: U = 21, exact p = 0.015871126', () => {
    // The R package ANSM5 (tests/testthat/test-wilcoxon.mann.whitney.R) records
    // pval.exact = 0.015871126 for these groups; enumeration gives 933/58786.
    const groupA = [23, 18, 17, 25, 22, 19, 31, 26, 29, 33];
    const groupB = [21, 28, 32, 30, 41, 24, 35, 34, 27, 39, 36];
    const result = mannWhitneyU(groupA, groupB);
    expect(result.u).toBe(21);
    expect(result.p).toBeCloseTo(0.015871126, 9);
    expect(result.p).toBeCloseTo(933 / 58786, 14);
    // The statistic of the other sample is n1 n2 - U; the two-sided p does not change.
    const swapped = mannWhitneyU(groupB, groupA);
    expect(swapped.u).toBe(89);
    expect(swapped.p).toBeCloseTo(result.p, 15);
  });

  it('R: wilcox.test(c(1, 3, 5), c(2, 4, 6)) W = 3, p = 0.7', () => {
    const result = mannWhitneyU([1, 3, 5], [2, 4, 6]);
    expect(result).toMatchObject({ u: 3, method: 'exact' });
    expect(result.p).toBeCloseTo(0.7, 14);
  });

  it('agrees with full enumeration for every U at several sizes', () => {
    for (const [n1, n2] of [
      [1, 1],
      [1, 6],
      [3, 4],
      [5, 5],
      [4, 9],
      [7, 8],
    ] as const) {
      for (let u = 0; u <= n1 * n2; u++) {
        // Samples with exactly this U: the first u pairs of x above y, built from ranks.
        const { x, y } = samplesWithU(n1, n2, u);
        const result = mannWhitneyU(x, y);
        expect(result.u, `${n1}x${n2} U=${u}`).toBe(u);
        expect(result.p, `${n1}x${n2} U=${u}`).toBeCloseTo(enumeratedTwoSided(n1, n2, u), 13);
      }
    }
  });

  it('keeps its precision at the largest exact size: 49 vs 49 fully separated', () => {
    // Only 2 of the C(98, 49) arrangements are that extreme: p = 2 / C(98, 49)
    // = 7.850029192963325e-29 (mpmath, 30 digits).
    const x = Array.from({ length: 49 }, (_, i) => i);
    const y = Array.from({ length: 49 }, (_, i) => 100 + i);
    const result = mannWhitneyU(x, y);
    expect(result.method).toBe('exact');
    expect(result.p / 7.850029192963325e-29).toBeCloseTo(1, 10);
  });

  it(`switches to the normal approximation at ${EXACT_BELOW} values in a sample, as R does`, () => {
    const ramp = (n: number, from: number): number[] =>
      Array.from({ length: n }, (_, i) => from + i * 1.5);
    expect(mannWhitneyU(ramp(49, 0), ramp(49, 0.7)).method).toBe('exact');
    expect(mannWhitneyU(ramp(50, 0), ramp(10, 0.7)).method).toBe('normal');
    expect(mannWhitneyU(ramp(10, 0), ramp(50, 0.7)).method).toBe('normal');
  });
});

describe('mannWhitneyU: normal approximation (ties or large samples)', () => {
  // R 4.5.2 values as recorded in pystatistics' tests/hypothesis/test_wilcox.py, and
  // recomputed with mpmath (30 digits) from R's formula: z = (W - n1 n2/2 - sign * 0.5) / σ,
  // σ² = n1 n2 / 12 * (n + 1 - Σ(t³ - t) / (n (n - 1))), p = 2 P(Z >= |z|).
  it('R: wilcox.test(1:5, 4:8) W = 2, p = 0.03557883323959413 (ties, corrected)', () => {
    const result = mannWhitneyU([1, 2, 3, 4, 5], [4, 5, 6, 7, 8]);
    expect(result).toMatchObject({ u: 2, method: 'normal' });
    expect(result.z).toBeCloseTo(-2.101708332312176, 13);
    expect(result.p).toBeCloseTo(0.03557883323959412, 14);
  });

  it('R: wilcox.test(c(1, 1, 2, 3, 4), c(2, 3, 3, 4, 5)) W = 6, p = 0.2002560119213839', () => {
    const result = mannWhitneyU([1, 1, 2, 3, 4], [2, 3, 3, 4, 5]);
    expect(result.u).toBe(6);
    expect(result.p).toBeCloseTo(0.2002560119213839, 14);
  });

  it('SciPy mannwhitneyu (continuity-corrected, two-sided) on 20 vs 20 with ties: U = 223, p = 0.5426959774289482', () => {
    // Data and reference value from ClickHouse tests/queries/0_stateless/01560_mann_whitney.sql,
    // which checks mannWhitneyUTest against SciPy; mpmath from R's formula agrees to 15 digits.
    const left = [
      310, 195, 530, 155, 530, 245, 385, 450, 465, 545, 170, 180, 125, 180, 230, 75, 430, 480, 495,
      295,
    ];
    const right = [
      116, 171, 176, 421, 111, 326, 481, 111, 346, 441, 261, 411, 206, 521, 456, 446, 296, 51, 426,
      261,
    ];
    const result = mannWhitneyU(left, right);
    expect(result).toMatchObject({ u: 223, method: 'normal' });
    expect(result.p).toBeCloseTo(0.5426959774289482, 13);
  });

  it('60 vs 70 without ties: z = -2.514872880531829, p = 0.011907530939256631 (mpmath)', () => {
    const x = Array.from({ length: 60 }, (_, i) => i + 0.1);
    const y = Array.from({ length: 70 }, (_, j) => j * 0.9 + 7.05);
    const result = mannWhitneyU(x, y);
    expect(result).toMatchObject({ u: 1561, method: 'normal' });
    expect(result.z).toBeCloseTo(-2.514872880531829, 12);
    expect(result.p).toBeCloseTo(0.01190753093925663, 14);
  });

  it('keeps relative precision deep in the tail: 60 vs 60 separated, p = 3.5565709749848073e-21', () => {
    const x = Array.from({ length: 60 }, (_, i) => i);
    const y = Array.from({ length: 60 }, (_, i) => 100 + i);
    const result = mannWhitneyU(x, y);
    expect(result.u).toBe(0);
    expect(result.p / 3.5565709749848076e-21).toBeCloseTo(1, 9);
  });

  // The size of the test where the comparison uses it: 200 latencies a side from the same
  // (lognormal) distribution. Over 4,000 seeded trials a calibrated test rejects at 0.01 about
  // 40 times (binomial sd 6.3); [20, 64] allows chance but not a miscalibrated approximation.
  it('rejects a true null hypothesis at about the nominal rate (200 vs 200)', () => {
    const random = mulberry32(2024);
    const sample = (): number[] =>
      Array.from(
        { length: 200 },
        () =>
          4 *
          Math.exp(0.3 * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())),
      );
    let rejections = 0;
    for (let trial = 0; trial < 4000; trial++) {
      if (mannWhitneyU(sample(), sample()).p < 0.01) rejections++;
    }
    expect(rejections).toBeGreaterThanOrEqual(20);
    expect(rejections).toBeLessThanOrEqual(64);
  });

  it('every value equal: no evidence either way, p = 1', () => {
    expect(mannWhitneyU([3, 3, 3], [3, 3])).toMatchObject({ u: 3, z: 0, p: 1, method: 'normal' });
  });

  it('rejects empty and non-finite samples', () => {
    expect(() => mannWhitneyU([], [1])).toThrow(RangeError);
    expect(() => mannWhitneyU([1, Number.NaN], [1])).toThrow(/finite/);
  });
});

/** x and y (no ties) with exactly U pairs x > y: interleave by sliding x's values upward. */
function samplesWithU(n1: number, n2: number, u: number): { x: number[]; y: number[] } {
  // Each x_i sits above `above[i]` of the y values (non-decreasing), summing to u.
  const above = new Array<number>(n1).fill(0);
  let left = u;
  for (let i = n1 - 1; i >= 0 && left > 0; i--) {
    above[i] = Math.min(n2, left);
    left -= above[i]!;
  }
  const y = Array.from({ length: n2 }, (_, j) => j * 10);
  const x = above.map((k, i) => (k === 0 ? -5 : (k - 1) * 10 + 5) + i * 0.001);
  return { x, y };
}
