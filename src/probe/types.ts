/**
 * What the probe found for one service: the evidence the comment, the job summary and the
 * `report` output carry. Pure data.
 */
import type { Side } from '../plan/types.js';
import type { SplitGate, SplitTest, Verdict } from '../stats/verdict.js';

export type { SplitGate, SplitTest, Verdict };

export interface RevisionResult {
  revision: string;
  side: Side;
  configuredPercent: number;
  /** Responses attributed to this revision (any status). */
  responses: number;
  /** responses / attributed responses, in percent. */
  observedPercent: number;
  /** 95% Wilson score interval for the observed share, in percent. */
  interval: { low: number; high: number };
  /** Non-2xx responses attributed to this revision. */
  errors: number;
  latencyMs: { p50: number; p95: number };
}

export interface TagCheck {
  tag: string;
  host: string;
  /** The revision the tag should reach. */
  expectedRevision: string;
  requests: number;
  /** How many answered from the expected revision. */
  matched: number;
  /** What it answered, shortened, for the report (response-controlled: escape it). */
  sample: string;
}

export interface ServiceResult {
  service: string;
  namespace: string;
  host: string;
  url: string;
  /** Requests sent to the route, over every batch. */
  requests: number;
  revisions: RevisionResult[];
  /** Responses no revision could be matched to (transport errors, unknown bodies). */
  unattributed: { count: number; errors: number; samples: string[] };
  tagChecks: TagCheck[];
  verdict: Verdict;
  /** Which test decided: the sequential exact binomial test, zero tolerance, or none. */
  test: SplitTest;
  /** Smallest p-value of the binomial test at the last look, when it decided. */
  pValue?: number;
  /** Most a correct split may fail the gate: the false-failure budget over all looks. */
  alpha: number;
  /** The sequential gate's evidence, when the binomial test decided. */
  gate?: SplitGate;
  /** One sentence: why this verdict. */
  reason: string;
  durationMs: number;
}
