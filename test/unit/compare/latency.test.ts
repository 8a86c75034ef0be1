import { describe, expect, it } from 'vitest';
import { PRACTICAL_MARGIN } from '../../../src/compare/defaults.js';
import { compareLatency } from '../../../src/compare/latency.js';
import { mannWhitneyU } from '../../../src/stats/mann-whitney.js';
import { mulberry32 } from '../../helpers/prng.js';

/** Lognormal latencies around `median` ms (Box–Muller on a seeded PRNG). */
function lognormal(seed: number, n: number, median: number, sigma = 0.3): number[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => {
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return median * Math.exp(sigma * normal);
  });
}

describe('compareLatency', () => {
  it('reports nearest-rank p50/p95/p99 per side and the exact JSON shape', () => {
    const base = Array.from({ length: 100 }, (_, i) => i + 1);
    const pr = base.map((v) => v * 2);
    const result = compareLatency(base, pr);
    expect(Object.keys(result).sort()).toEqual(
      ['alpha', 'base', 'interval', 'margin', 'p', 'pr', 'ratio', 'verdict'].sort(),
    );
    expect(result.base).toEqual({ samples: 100, p50: 50, p95: 95, p99: 99 });
    expect(result.pr).toEqual({ samples: 100, p50: 100, p95: 190, p99: 198 });
    expect(result.ratio).toBe(2);
    expect(result.alpha).toBe(0.01);
    expect(result.margin).toBe(PRACTICAL_MARGIN);
    expect(PRACTICAL_MARGIN).toBe(0.05);
    expect(result.p).toBe(mannWhitneyU(pr, base).p);
    expect(result.verdict).toBe('slower');
  });

  it('reports percentiles to 0.01 ms and the ratio to 4 decimals, judged on exact figures', () => {
    const result = compareLatency([3.123456, 3.123456], [4.987654, 4.987654]);
    expect(result.base.p50).toBe(3.12);
    expect(result.pr.p99).toBe(4.99);
    expect(result.ratio).toBe(1.5968);
    expect(result.interval).toEqual({ low: 1.5968, high: 1.5968 });
  });

  it('equal latencies: same', () => {
    const result = compareLatency(lognormal(1, 200, 4), lognormal(2, 200, 4));
    expect(result.verdict).toBe('same');
    expect(result.p).toBeGreaterThan(0.01);
    expect(result.interval!.low).toBeLessThan(1);
    expect(result.interval!.high).toBeGreaterThan(1);
  });

  it('a PR four times slower: slower, with the ratio inside its interval', () => {
    const result = compareLatency(lognormal(3, 200, 4), lognormal(4, 200, 16));
    expect(result.verdict).toBe('slower');
    expect(result.ratio!).toBeGreaterThan(3.5);
    expect(result.ratio!).toBeLessThan(4.5);
    expect(result.interval!.low).toBeLessThanOrEqual(result.ratio!);
    expect(result.interval!.high).toBeGreaterThanOrEqual(result.ratio!);
    expect(result.p!).toBeLessThan(1e-10);
  });

  it('a PR twice as fast: faster', () => {
    const result = compareLatency(lognormal(5, 200, 8), lognormal(6, 200, 4));
    expect(result.verdict).toBe('faster');
    expect(result.ratio!).toBeLessThan(0.6);
  });

  it('a significant difference inside the practical margin is still same', () => {
    // 2,000 samples a side with little jitter: 3% slower is highly significant but not 5%.
    const result = compareLatency(lognormal(7, 2000, 10, 0.05), lognormal(8, 2000, 10.3, 0.05));
    expect(result.p!).toBeLessThan(1e-6);
    expect(result.ratio!).toBeGreaterThan(1.01);
    expect(result.ratio!).toBeLessThan(1.05);
    expect(result.verdict).toBe('same');
    // The margin is an option: at 1% the same data is slower.
    expect(
      compareLatency(lognormal(7, 2000, 10, 0.05), lognormal(8, 2000, 10.3, 0.05), { margin: 0.01 })
        .verdict,
    ).toBe('slower');
  });

  it('a test pointing the other way than the medians gives no verdict', () => {
    // Base spread evenly over 1..20 ms; the PR answers 52% of requests at 11.1 ms (median
    // 6% above the base's) and the rest at 0.5 ms, so PR values tend to be SMALLER.
    const base = Array.from({ length: 200 }, (_, i) => 1 + (19 * i) / 199);
    const pr = Array.from({ length: 200 }, (_, i) => (i < 104 ? 11.1 : 0.5));
    const result = compareLatency(base, pr);
    expect(result.ratio!).toBeGreaterThan(1 + PRACTICAL_MARGIN);
    expect(result.p!).toBeLessThan(0.01);
    expect(mannWhitneyU(pr, base).u).toBeLessThan((200 * 200) / 2);
    expect(result.verdict).toBe('same');
  });

  it('uses the alpha it is given', () => {
    // 20 a side, no ties, the PR 25% slower: the exact test gives p = 0.0375.
    const base = Array.from({ length: 20 }, (_, i) => 10 + i);
    const pr = base.map((v) => v * 1.25 + 0.01);
    const result = compareLatency(base, pr);
    expect(result.p!).toBeGreaterThan(0.01);
    expect(result.p!).toBeLessThan(0.1);
    expect(result.verdict).toBe('same');
    expect(compareLatency(base, pr, { alpha: 0.1 })).toMatchObject({
      verdict: 'slower',
      alpha: 0.1,
    });
  });

  it('a side without successful answers: unmeasurable, no ratio, no test', () => {
    const result = compareLatency([3, 4, 5], []);
    expect(result).toMatchObject({ verdict: 'unmeasurable', ratio: null, interval: null, p: null });
    expect(result.pr).toEqual({ samples: 0, p50: 0, p95: 0, p99: 0 });
  });

  it('rejects latencies that cannot be', () => {
    expect(() => compareLatency([1, Number.NaN], [1])).toThrow(/latencies/);
    expect(() => compareLatency([1, -2], [1])).toThrow(/latencies/);
    expect(() => compareLatency([1, 0], [1])).toThrow(/positive/);
    expect(() => compareLatency([1], [1], { alpha: 0 })).toThrow(/alpha/);
  });
});
