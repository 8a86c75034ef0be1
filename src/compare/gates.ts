/**
 * Whether a latency comparison fails the run. A pure decision with a plain-text reason; the
 * caller applies `fail-on-regression: false`. (Errors fail on ErrorComparison.regression.)
 */
import type { LatencyVerdict } from './types.js';

export type LatencyGate =
  /** No `latency-threshold`: the comparison is reported, never enforced. */
  | { outcome: 'report-only' }
  | { outcome: 'pass'; limit: number }
  | { outcome: 'fail'; limit: number; message: string };

/**
 * With `latency-threshold` set (percent), a `slower` verdict whose ratio of medians exceeds
 * 1 + threshold/100 fails. A threshold below the practical margin acts as the margin, since
 * `slower` already needs the ratio beyond it.
 */
export function latencyGate(
  thresholdPercent: number | undefined,
  verdict: LatencyVerdict,
  ratio: number | null,
): LatencyGate {
  if (thresholdPercent === undefined) return { outcome: 'report-only' };
  if (!(Number.isFinite(thresholdPercent) && thresholdPercent >= 0)) {
    throw new RangeError(`latency-threshold must be a percentage >= 0, got ${thresholdPercent}`);
  }
  const limit = 1 + thresholdPercent / 100;
  if (verdict !== 'slower' || ratio === null || !(ratio > limit)) return { outcome: 'pass', limit };
  return {
    outcome: 'fail',
    limit,
    message:
      `the PR's median latency is ${ratio.toFixed(2)}× the base's, more than the ` +
      `latency-threshold of ${thresholdPercent}% allows (${limit.toFixed(2)}×)`,
  };
}
