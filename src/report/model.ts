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

export type RunStatus = Verdict | 'failed' | 'planned' | 'deploying';

export interface RunReport {
  status: RunStatus;
  services: ServiceResult[];
  /** Seconds per pipeline phase (bring-up, knative, deploy, probe, ...). */
  timings: Record<string, number>;
  failure?: { phase: string; message: string };
  /** Regressions the comparisons found; those with `failsRun` failed the run. */
  regressions?: Regression[];
  /** config-autoscaler values the action set in its ephemeral cluster to measure cold starts. */
  autoscaler?: Record<string, string>;
}
