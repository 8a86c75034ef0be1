import { mannWhitneyU } from '../stats/mann-whitney.js';
import { medianRatioInterval } from '../stats/median-ratio-interval.js';
import { percentile, percentiles } from '../stats/percentile.js';
import { roundTo } from '../util/round.js';
import { COMPARISON_ALPHA, PRACTICAL_MARGIN } from './defaults.js';
import type { LatencyComparison, LatencySide, LatencyVerdict } from './types.js';

export interface CompareLatencyOptions {
  /** Significance level of the Mann–Whitney test; COMPARISON_ALPHA by default. */
  alpha?: number;
  /** Practical margin as a fraction; PRACTICAL_MARGIN by default. */
  margin?: number;
}

/**
 * Compares the latencies (ms) of the base's and the PR's successful answers: percentiles per
 * side, the ratio of medians with its 95% interval, a two-sided Mann–Whitney U test, and a
 * verdict. `slower` needs all of: p < alpha, PR median > base median × (1 + margin), and the
 * test pointing the same way (PR values tend to exceed the base's); `faster` mirrors it.
 */
export function compareLatency(
  base: readonly number[],
  pr: readonly number[],
  options: CompareLatencyOptions = {},
): LatencyComparison {
  const alpha = options.alpha ?? COMPARISON_ALPHA;
  const margin = options.margin ?? PRACTICAL_MARGIN;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  if (!(margin >= 0)) throw new RangeError(`margin must be >= 0, got ${margin}`);
  for (const value of [...base, ...pr]) {
    if (!(Number.isFinite(value) && value > 0)) {
      throw new RangeError(`latencies must be finite and positive (ms), got ${value}`);
    }
  }

  const baseSide = side(base);
  const prSide = side(pr);
  const common = { base: baseSide, pr: prSide, alpha, margin };
  if (base.length === 0 || pr.length === 0) {
    return { ...common, ratio: null, interval: null, p: null, verdict: 'unmeasurable' };
  }

  const ratio = percentile(sorted(pr), 50) / percentile(sorted(base), 50);
  const interval = medianRatioInterval(base, pr);
  // U of the PR: above n1 n2 / 2 when PR latencies tend to exceed the base's.
  const test = mannWhitneyU(pr, base);
  const prTendsSlower = test.u > (pr.length * base.length) / 2;
  const prTendsFaster = test.u < (pr.length * base.length) / 2;
  let verdict: LatencyVerdict = 'same';
  if (test.p < alpha && ratio > 1 + margin && prTendsSlower) verdict = 'slower';
  else if (test.p < alpha && ratio < 1 - margin && prTendsFaster) verdict = 'faster';
  // The verdict is decided on exact figures; the report carries them rounded.
  return {
    ...common,
    ratio: roundTo(ratio, 4),
    interval: { low: roundTo(interval.low, 4), high: roundTo(interval.high, 4) },
    p: test.p,
    verdict,
  };
}

function side(latencies: readonly number[]): LatencySide {
  const [p50, p95, p99] = percentiles(latencies, [50, 95, 99]).map((ms) => roundTo(ms, 2)) as [
    number,
    number,
    number,
  ];
  return { samples: latencies.length, p50, p95, p99 };
}

function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}
