/**
 * The run's report: what the probe and the statistics found per service (their types live
 * with the probe and re-exported here), plus the run's status and timings. Pure data.
 */
import type { Regression } from '../compare/types.js';
import type { ServiceResult, Verdict } from '../probe/types.js';

export type { Regression } from '../compare/types.js';

export type {
  RevisionResult,
  ServiceResult,
  SplitGate,
  SplitTest,
  TagCheck,
  Verdict,
} from '../probe/types.js';

/** URLs a reviewer can open; read from the Knative Service's status, checked to be http(s). */
export interface PreviewLinks {
  route: string;
  base?: string;
  pr?: string;
}

/** A service's result as the report carries it. */
export interface ReportedService extends ServiceResult {
  /** On an existing cluster: the route and tag URLs as the cluster serves them (validated). */
  links?: PreviewLinks;
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
  services: ReportedService[];
  /** Seconds per pipeline phase (bring-up, knative, deploy, probe, ...). */
  timings: Record<string, number>;
  failure?: { phase: string; message: string };
  /** Regressions the comparisons found; those with `failsRun` failed the run. */
  regressions?: Regression[];
  /** config-autoscaler values the action set in its ephemeral cluster to measure cold starts. */
  autoscaler?: Record<string, string>;
  /** Set for previews on an existing cluster (`cluster: existing`). */
  existing?: ExistingPreview;
}
