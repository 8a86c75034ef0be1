/**
 * What the probe and the statistics found: the evidence the comment, the job
 * summary and the `report` output carry. Pure data.
 */
import type { Side } from '../plan/types.js';

export type Verdict = 'consistent' | 'deviates' | 'unmeasurable';

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
  /** Requests sent to the route. */
  requests: number;
  revisions: RevisionResult[];
  /** Responses no revision could be matched to (transport errors, unknown bodies). */
  unattributed: { count: number; errors: number; samples: string[] };
  tagChecks: TagCheck[];
  verdict: Verdict;
  /** Which test decided: exact binomial, chi-square, zero tolerance (0/100 splits), or none. */
  test: 'binomial' | 'chi-square' | 'exact-split' | 'none';
  pValue?: number;
  alpha: number;
  /** One sentence: why this verdict. */
  reason: string;
  durationMs: number;
  /** On an existing cluster: the route and tag URLs as the cluster serves them (validated). */
  links?: PreviewLinks;
}

/** URLs a reviewer can open; read from the Knative Service's status, checked to be http(s). */
export interface PreviewLinks {
  route: string;
  base?: string;
  pr?: string;
}

/** Where a preview on an existing cluster lives, and until when. */
export interface ExistingPreview {
  namespace: string;
  /** RFC 3339. */
  expiresAt: string;
}

export type RunStatus = Verdict | 'failed' | 'planned' | 'deploying';

export interface RunReport {
  status: RunStatus;
  services: ServiceResult[];
  /** Seconds per pipeline phase (bring-up, knative, deploy, probe, ...). */
  timings: Record<string, number>;
  failure?: { phase: string; message: string };
  /** Set for previews on an existing cluster (`cluster: existing`). */
  existing?: ExistingPreview;
}
