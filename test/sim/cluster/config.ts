/** Timing and fault knobs, read from the environment once when a cluster starts. */
import { readTrafficKnobs, type TrafficKnobs } from './traffic-knobs.js';

export interface SimConfig extends TrafficKnobs {
  /** Seconds until applied workloads and revisions become ready. */
  readyDelayMs: number;
  /**
   * How long the Knative webhook pod runs before it is Ready (it registers its rules when it
   * starts; until it is Ready, calls to it find no endpoints).
   */
  webhookDelayMs: number;
  /**
   * The cluster's default progress deadline for revision deployments (config-deployment's
   * `progress-deadline` when the config map does not set it; 600 s as in Knative).
   */
  progressDeadlineMs: number;
  /** Seconds until a new CRD is Established. */
  crdDelayMs: number;
  /** How long a deleted namespace stays Terminating before it and its contents are gone. */
  namespaceTerminationMs: number;
  /** Revision names that never become Ready. */
  neverReady: Set<string>;
  /** The ingress ignores traffic weights (uniform over the revisions in traffic). */
  ingressIgnoreWeights: boolean;
  /** The first N API requests answer 500. */
  apiFailFirst: number;
  ingressSeed?: number;
}

function seconds(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback * 1000;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new Error(`expected a number of seconds >= 0, got '${value}'`);
  return n * 1000;
}

export function readSimConfig(env: NodeJS.ProcessEnv): SimConfig {
  return {
    readyDelayMs: seconds(env.SIM_READY_DELAY_S, 0.5),
    webhookDelayMs: seconds(env.SIM_WEBHOOK_DELAY_S, 1),
    progressDeadlineMs: seconds(env.SIM_PROGRESS_DEADLINE_S, 600),
    crdDelayMs: seconds(env.SIM_CRD_ESTABLISH_DELAY_S, 0.2),
    namespaceTerminationMs: seconds(env.SIM_NAMESPACE_TERMINATION_S, 0.3),
    neverReady: new Set(
      (env.SIM_REVISION_NEVER_READY ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
    ingressIgnoreWeights:
      env.SIM_INGRESS_IGNORE_WEIGHTS === '1' || env.SIM_INGRESS_IGNORE_WEIGHTS === 'true',
    apiFailFirst: Math.max(0, Number(env.SIM_API_FAIL_FIRST ?? '0') || 0),
    // Set, the ingress's weighted choices repeat from run to run (tests); unset, they are random.
    ingressSeed: /^\d+$/.test(env.SIM_INGRESS_SEED ?? '')
      ? Number(env.SIM_INGRESS_SEED)
      : undefined,
    ...readTrafficKnobs(env),
  };
}
