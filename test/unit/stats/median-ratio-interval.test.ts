import { describe, expect, it } from 'vitest';
import {
  bootstrapMedianDistribution,
  medianRatioInterval,
} from '../../../src/stats/median-ratio-interval.js';
import { mulberry32 } from '../../helpers/prng.js';

/** Nearest-rank median (rank ceil(n/2)), as the report's percentiles. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length / 2) - 1]!;
}

/**
 * Independent reference: every one of the n^n equally likely resamples (index tuples),
 * enumerated, each contributing 1/n^n to the median it has. Returns value -> probability.
 */
function enumeratedMedianDistribution(values: readonly number[]): Map<number, number> {
  const n = values.length;
  const counts = new Map<number, number>();
  const indices = new Array<number>(n).fill(0);
  const total = n ** n;
  for (let count = 0; count < total; count++) {
    let rest = count;
    for (let i = 0; i < n; i++) {
      indices[i] = rest % n;
      rest = Math.floor(rest / n);
    }
    const m = median(indices.map((i) => values[i]!));
    counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  return new Map([...counts].map(([value, count]) => [value, count / total]));
}

/** Nearest-rank quantile of a discrete distribution given as value -> probability. */
function discreteQuantile(distribution: Map<number, number>, q: number): number {
  let cumulative = 0;
  const sorted = [...distribution.entries()].sort((a, b) => a[0] - b[0]);
  for (const [value, mass] of sorted) {
    cumulative += mass;
    if (cumulative >= q - 1e-12) return value;
  }
  return sorted[sorted.length - 1]![0];
}

/** Lognormal latencies with the given median (Box–Muller on a seeded PRNG). */
function lognormal(random: () => number, n: number, median: number, sigma: number): number[] {
  return Array.from({ length: n }, () => {
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return median * Math.exp(sigma * normal);
  });
}

describe('bootstrapMedianDistribution', () => {
  it('equals full enumeration of all n^n resamples (n = 1..6, with ties)', () => {
    for (const values of [
      [7],
      [3, 1],
      [2, 9, 4],
      [5, 1, 5, 3],
      [10, 20, 30, 40, 50],
      [4, 4, 1, 8, 2, 8],
    ]) {
      const reference = enumeratedMedianDistribution(values);
      const merged = new Map<number, number>();
      for (const atom of bootstrapMedianDistribution(values)) {
        merged.set(atom.value, (merged.get(atom.value) ?? 0) + atom.mass);
      }
      expect([...merged.keys()].sort(), JSON.stringify(values)).toEqual(
        [...reference.keys()].sort(),
      );
      for (const [value, probability] of reference) {
        expect(merged.get(value), `${JSON.stringify(values)} at ${value}`).toBeCloseTo(
          probability,
          12,
        );
      }
    }
  });

  it('puts all its mass where the median can be, summing to 1 (n = 999)', () => {
    const values = Array.from({ length: 999 }, (_, i) => i + 1);
    const atoms = bootstrapMedianDistribution(values);
    expect(atoms.reduce((sum, a) => sum + a.mass, 0)).toBeCloseTo(1, 12);
    const mean = atoms.reduce((sum, a) => sum + a.value * a.mass, 0);
    expect(mean).toBeCloseTo(500, 0);
  });
});

describe('medianRatioInterval (percentile bootstrap, computed exactly)', () => {
  it('equals the quantiles of the fully enumerated bootstrap distribution of the ratio', () => {
    const base = [4, 6, 5, 9];
    const pr = [7, 5, 12, 6, 8];
    const baseMedians = enumeratedMedianDistribution(base);
    const prMedians = enumeratedMedianDistribution(pr);
    const ratios = new Map<number, number>();
    for (const [b, bMass] of baseMedians) {
      for (const [p, pMass] of prMedians) {
        ratios.set(p / b, (ratios.get(p / b) ?? 0) + bMass * pMass);
      }
    }
    for (const level of [0.5, 0.8, 0.95]) {
      const { low, high } = medianRatioInterval(base, pr, level);
      const tail = (1 - level) / 2;
      expect(low, `level ${level}`).toBeCloseTo(discreteQuantile(ratios, tail), 10);
      expect(high, `level ${level}`).toBeCloseTo(discreteQuantile(ratios, 1 - tail), 10);
    }
  });

  it('agrees with a Monte Carlo bootstrap of 5,000 seeded resamples', () => {
    const random = mulberry32(11);
    const base = lognormal(random, 200, 4, 0.3);
    const pr = lognormal(random, 200, 5, 0.3);
    const resampledMedian = (values: number[]): number => {
      const draw = Float64Array.from(values, () => values[Math.floor(random() * values.length)]!);
      return draw.sort()[Math.ceil(values.length / 2) - 1]!;
    };
    const ratios = Float64Array.from(
      { length: 5_000 },
      () => resampledMedian(pr) / resampledMedian(base),
    ).sort();
    const { low, high } = medianRatioInterval(base, pr);
    // Monte Carlo error of a 2.5% quantile at 5,000 resamples is a small fraction of 1% of the ratio.
    expect(low / ratios[Math.ceil(0.025 * 5_000) - 1]!).toBeCloseTo(1, 2);
    expect(high / ratios[Math.ceil(0.975 * 5_000) - 1]!).toBeCloseTo(1, 2);
  });

  it('is deterministic and contains the sample ratio of medians', () => {
    const random = mulberry32(1);
    const base = lognormal(random, 200, 10, 0.3);
    const pr = lognormal(random, 200, 12, 0.3);
    const interval = medianRatioInterval(base, pr);
    expect(medianRatioInterval(base, pr)).toEqual(interval);
    const ratio = median(pr) / median(base);
    expect(interval.low).toBeLessThanOrEqual(ratio);
    expect(interval.high).toBeGreaterThanOrEqual(ratio);
  });

  it('a constant latency on each side gives the exact ratio', () => {
    const { low, high } = medianRatioInterval([4, 4, 4], [6, 6]);
    expect(low).toBeCloseTo(1.5, 10);
    expect(high).toBeCloseTo(1.5, 10);
  });

  // The claim checked is the coverage itself: over many seeded samples whose true ratio of
  // medians is known (lognormal, PR median = 1.2 × base median), the 95% interval should
  // contain it about 95% of the time. With 300 trials the binomial standard error is 1.3
  // points, so [90%, 99%] leaves room for chance but not for a broken interval.
  it('covers the true ratio of medians about 95% of the time (200 samples per side)', () => {
    const trials = 300;
    let covered = 0;
    for (let trial = 0; trial < trials; trial++) {
      const random = mulberry32(1000 + trial);
      const base = lognormal(random, 200, 4, 0.3);
      const pr = lognormal(random, 200, 4.8, 0.3);
      const { low, high } = medianRatioInterval(base, pr);
      if (low <= 1.2 && 1.2 <= high) covered++;
    }
    const coverage = covered / trials;
    expect(coverage).toBeGreaterThanOrEqual(0.9);
    expect(coverage).toBeLessThanOrEqual(0.99);
  });

  it('a wider level gives a wider interval', () => {
    const random = mulberry32(5);
    const base = lognormal(random, 100, 10, 0.4);
    const pr = lognormal(random, 100, 10, 0.4);
    const narrow = medianRatioInterval(base, pr, 0.8);
    const wide = medianRatioInterval(base, pr, 0.99);
    expect(wide.low).toBeLessThan(narrow.low);
    expect(wide.high).toBeGreaterThan(narrow.high);
  });

  it('rejects empty sides, non-positive latencies and bad levels', () => {
    expect(() => medianRatioInterval([], [1])).toThrow(RangeError);
    expect(() => medianRatioInterval([0, 1], [1])).toThrow(/positive/);
    expect(() => medianRatioInterval([1], [1], 1)).toThrow(/level/);
  });
});
