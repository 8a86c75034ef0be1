import { describe, expect, it } from 'vitest';
import { binomialDistribution, binomialTestTwoSided } from '../../../src/stats/binomial.js';

/**
 * Reference by brute force in exact integer arithmetic: with p = num/den every outcome's
 * probability is C(n,k) num^k (den-num)^(n-k) / den^n, so "no more likely than observed" is
 * an exact comparison of integers and the p-value an exact ratio (converted at the end).
 */
function exactTwoSided(successes: number, trials: number, num: number, den: number): number {
  const n = BigInt(trials);
  const a = BigInt(num);
  const b = BigInt(den - num);
  const weights: bigint[] = [];
  let choose = 1n;
  for (let k = 0n; k <= n; k++) {
    if (k > 0n) choose = (choose * (n - k + 1n)) / k;
    weights.push(choose * a ** k * b ** (n - k));
  }
  const observed = weights[successes]!;
  let sum = 0n;
  for (const weight of weights) if (weight <= observed) sum += weight;
  const total = BigInt(den) ** n;
  // Scale to keep 15 significant digits through the division.
  const scale = 10n ** 18n;
  return Number((sum * scale) / total) / 1e18;
}

describe('binomialTestTwoSided', () => {
  it('matches R: binom.test(40, 100, 0.5) p = 0.05689', () => {
    const p = binomialTestTwoSided(40, 100, 0.5);
    expect(p).toBeCloseTo(0.05689, 5);
    expect(p).toBeCloseTo(exactTwoSided(40, 100, 1, 2), 12);
  });

  // The brief quoted p ~ 0.1087 here; exact summation gives P(X >= 7) + P(X = 0) =
  // 0.086693 + 0.011529 = 0.098222, which is what R's definition yields.
  it('binom.test(7, 20, 0.2): p = 0.09822 (asymmetric null)', () => {
    const p = binomialTestTwoSided(7, 20, 0.2);
    expect(p).toBeCloseTo(0.09822, 5);
    expect(p).toBeCloseTo(exactTwoSided(7, 20, 1, 5), 12);
  });

  it('agrees with exact summation on both sides of the mean', () => {
    for (const [x, n, num, den] of [
      [3, 20, 1, 5],
      [0, 20, 1, 5],
      [20, 20, 1, 5],
      [12, 30, 3, 10],
      [260, 1000, 3, 10],
      [340, 1000, 3, 10],
      [500, 1000, 1, 2],
      [531, 1000, 1, 2],
    ] as const) {
      expect(binomialTestTwoSided(x, n, num / den), `${x}/${n} vs ${num}/${den}`).toBeCloseTo(
        exactTwoSided(x, n, num, den),
        10,
      );
    }
  });

  it('returns 1 at the expected count and handles p = 0 and p = 1', () => {
    expect(binomialTestTwoSided(50, 100, 0.5)).toBe(1);
    expect(binomialTestTwoSided(0, 10, 0)).toBe(1);
    expect(binomialTestTwoSided(1, 10, 0)).toBe(0);
    expect(binomialTestTwoSided(10, 10, 1)).toBe(1);
    expect(binomialTestTwoSided(9, 10, 1)).toBe(0);
  });

  it('works for n = 100000 (log space), close to the continuity-corrected normal tail', () => {
    const p = binomialTestTwoSided(50_500, 100_000, 0.5);
    // Normal approximation with continuity correction: 2 * (1 - Phi(499.5 / 158.114)) = 0.001582.
    expect(p).toBeGreaterThan(0.00155);
    expect(p).toBeLessThan(0.00162);
    expect(binomialTestTwoSided(20_000, 100_000, 0.2)).toBe(1);
    expect(binomialTestTwoSided(21_000, 100_000, 0.2)).toBeLessThan(1e-12);
  });

  it('rejects impossible inputs', () => {
    expect(() => binomialTestTwoSided(11, 10, 0.5)).toThrow(RangeError);
    expect(() => binomialTestTwoSided(1, 10, 1.5)).toThrow(RangeError);
    expect(() => binomialTestTwoSided(1.5, 10, 0.5)).toThrow(RangeError);
  });
});

describe('binomialDistribution', () => {
  // References: SciPy 1.17.1, scipy.stats.binom.cdf / binom.sf / binomtest(...).pvalue.
  it('tails match SciPy binom.cdf and binom.sf', () => {
    // binom.cdf(208, 400, 0.6) = 0.000711429
    expect(binomialDistribution(400, 0.6).lowerTail(208)).toBeCloseTo(0.000711429, 9);
    // binom.sf(191, 400, 0.4) = P(X >= 192) = 0.000711429 (the mirror image)
    expect(binomialDistribution(400, 0.4).upperTail(192)).toBeCloseTo(0.000711429, 9);
    // binom.cdf(12, 100, 0.2) = 0.0253288; binom.sf(29, 100, 0.2) = 0.011249
    expect(binomialDistribution(100, 0.2).lowerTail(12)).toBeCloseTo(0.0253288, 7);
    expect(binomialDistribution(100, 0.2).upperTail(30)).toBeCloseTo(0.011249, 6);
  });

  it('two-sided p-values match SciPy binomtest', () => {
    for (const [x, n, p, reference] of [
      [15, 50, 0.5, 0.00660045], // the canary-50 run that failed the old alpha 0.01 test
      [35, 50, 0.5, 0.00660045],
      [120, 400, 0.2, 2.36595e-6],
      [100, 400, 0.2, 0.014661],
      [60, 400, 0.2, 0.0122588],
      [30, 400, 0.05, 0.0284322],
      [340, 1000, 0.3, 0.00639048],
    ] as const) {
      const computed = binomialDistribution(n, p).twoSidedP(x);
      expect(Math.abs(computed / reference - 1), `${x}/${n} vs ${p}`).toBeLessThan(1e-5);
    }
  });

  it('point probabilities sum to 1 and tails are consistent', () => {
    const d = binomialDistribution(1600, 0.05);
    let sum = 0;
    for (let k = 0; k <= 1600; k++) sum += d.pmf(k);
    expect(sum).toBeCloseTo(1, 12);
    expect(d.lowerTail(79) + d.upperTail(80)).toBeCloseTo(1, 12);
    expect(d.lowerTail(-1)).toBe(0);
    expect(d.lowerTail(1600)).toBe(1);
    expect(d.upperTail(0)).toBe(1);
    expect(d.upperTail(1601)).toBe(0);
    expect(d.pmf(1601)).toBe(0);
  });

  it('tiny tails keep their relative precision (summed from their small end)', () => {
    // P(X <= 1 | 400, 0.5) = (1 + 400) / 2^400, computed exactly.
    const exact = 401 * 2 ** -400;
    expect(binomialDistribution(400, 0.5).lowerTail(1) / exact).toBeCloseTo(1, 10);
    expect(binomialDistribution(400, 0.5).upperTail(399) / exact).toBeCloseTo(1, 10);
  });

  it('agrees with exact integer arithmetic for every count of a small case', () => {
    const d = binomialDistribution(30, 0.3);
    for (let x = 0; x <= 30; x++)
      expect(d.twoSidedP(x)).toBeCloseTo(exactTwoSided(x, 30, 3, 10), 12);
  });
});
