import { regularizedGammaQ } from './special.js';

/**
 * Upper tail P(Z >= z) of the standard normal distribution, accurate far into the tail
 * (1 - Φ(z) would round to 0 long before the p-values stop mattering): for z >= 0 it is
 * erfc(z/√2)/2, and erfc(x) = Q(1/2, x²).
 */
export function normalUpperTail(z: number): number {
  if (Number.isNaN(z)) throw new RangeError('normalUpperTail needs a number, got NaN');
  if (z < 0) return 1 - normalUpperTail(-z);
  return 0.5 * regularizedGammaQ(0.5, (z * z) / 2);
}

/** Two-sided p-value of a standard normal statistic: P(|Z| >= |z|). */
export function normalTwoSided(z: number): number {
  return Math.min(1, 2 * normalUpperTail(Math.abs(z)));
}
