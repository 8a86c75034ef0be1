/**
 * PR against base, per service: the `comparison` a service carries in the `report` output,
 * the comment and the job summary. Pure data; every latency is in milliseconds.
 */
import type { Interval } from '../stats/wilson.js';

/** `same` unless the test is significant AND the medians differ by more than the margin. */
export type LatencyVerdict = 'faster' | 'slower' | 'same' | 'unmeasurable';

/** Nearest-rank percentiles of one side's successful (2xx) answers. */
export interface LatencySide {
  /** Latencies measured (successful answers only). */
  samples: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface LatencyComparison {
  base: LatencySide;
  pr: LatencySide;
  /** PR p50 / base p50; null when a side has no successful answer. */
  ratio: number | null;
  /** 95% confidence interval for `ratio` (percentile bootstrap, computed exactly); null with `ratio`. */
  interval: Interval | null;
  /** Two-sided Mann–Whitney U test; null when a side has no successful answer. */
  p: number | null;
  verdict: LatencyVerdict;
  /** Significance level the verdict used. */
  alpha: number;
  /** Practical margin as a fraction (0.05 = 5%): `faster`/`slower` need |ratio - 1| > margin. */
  margin: number;
}

/** The most frequent kind of failed answer on one side, with one example. */
export interface ErrorExample {
  /** `HTTP 503`, or the transport error code (`ECONNRESET`, `ETIMEDOUT`, ...). */
  kind: string;
  count: number;
  /** Response body or error text, truncated; response-controlled: escape it. */
  sample?: string;
}

/** Failed answers (non-2xx and connection failures) out of all requests to one side. */
export interface ErrorCounts {
  errors: number;
  total: number;
  mostCommon?: ErrorExample;
}

export interface ErrorComparison {
  base: ErrorCounts;
  pr: ErrorCounts;
  /** Two-sided Fisher's exact test. */
  p: number;
  /** One-sided Fisher's exact test: is the PR's error rate higher than the base's? */
  pHigher: number;
  /** pHigher < alpha: the PR fails significantly more often. */
  regression: boolean;
  alpha: number;
}

/** Why a side's cold start was not measured. */
export type ColdStartNotMeasured =
  | { reason: 'min-scale'; minScale: number }
  | { reason: 'scale-to-zero-disabled' }
  | { reason: 'timed-out'; waitedMs: number; pods?: number }
  | { reason: 'failed'; error: string };

export interface ColdStartSummary {
  /** Time from the first request at zero pods to its answer, one per sample. */
  samplesMs: number[];
  /** Nearest-rank median of the samples. */
  medianMs: number;
}

export type ColdStartSide =
  ({ measured: true } & ColdStartSummary) | { measured: false; notMeasured: ColdStartNotMeasured };

export interface ColdStartComparison {
  base: ColdStartSide;
  pr: ColdStartSide;
}

export interface ServiceComparison {
  latency: LatencyComparison;
  errors: ErrorComparison;
  /** Present when `cold-start: true`. */
  coldStart?: ColdStartComparison;
}
