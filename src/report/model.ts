/**
 * The run's report: what the probe and the statistics found per service (their types live
 * with the probe and re-exported here), plus the run's status and timings. Pure data.
 */
import type { ServiceResult, Verdict } from '../probe/types.js';

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
}
