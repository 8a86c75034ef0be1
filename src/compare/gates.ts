/**
 * Whether the comparison fails the run. Pure decisions and plain-text reasons; the caller
 * applies `fail-on-regression: false` and writes the reasons to the log and the comment.
 */
import { formatP } from '../stats/index.js';
import { stripUnsafe, truncate } from '../report/markdown.js';
import type { ErrorComparison, LatencyVerdict } from './types.js';

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

/** Characters of an error sample a failure message quotes. */
const SAMPLE_CHARS = 200;

/** Why an error regression fails the run: the rates, the test, the most common error. */
export function errorRegressionMessage(errors: ErrorComparison): string {
  const rate = (e: ErrorComparison['pr']): string =>
    `${e.errors} of ${e.total} (${((100 * e.errors) / Math.max(1, e.total)).toFixed(1)}%)`;
  let message =
    `the PR revision failed ${rate(errors.pr)} requests, the base ${rate(errors.base)}; ` +
    `one-sided Fisher's exact test ${formatP(errors.pHigher)} < alpha ${errors.alpha}`;
  const common = errors.pr.mostCommon;
  if (common) {
    message += `. Most common: ${oneLine(common.kind, 80)} (${common.count}×)`;
    if (common.sample) message += `, e.g. ${JSON.stringify(oneLine(common.sample, SAMPLE_CHARS))}`;
  }
  return message;
}

function oneLine(text: string, max: number): string {
  return truncate(stripUnsafe(text).replace(/\s+/g, ' ').trim(), max);
}
