/**
 * Cold starts: for each revision that may scale to zero, wait (watching its pods through
 * kubectl, sending it nothing) until no pod of it is left, then time one request through its
 * tag host: from the first request at zero pods to its answer. COLD_START_SAMPLES times.
 *
 * Three samples per revision: each one costs a whole idle cycle (the stable window and the
 * grace period: about 10 s in the ephemeral cluster with the shortened windows, 90 s with
 * Knative's defaults), and the median of three already ignores one odd start (a slow node, a
 * first start that warms a cache).
 *
 * Zero pods means no pod labelled `serving.knative.dev/revision=<name>` that is pending or
 * running and not terminating: the pods the autoscaler counts (knative/serving release-1.22
 * pkg/resources/pods.go PodCountsByState). The revision's status.actualReplicas would say the
 * same later and less: it counts ready pods only, as the PodAutoscaler last saw them.
 *
 * Every revision of every service waits at the same time, but cold requests go one at a time,
 * so no start competes with another for the node.
 */
import { KNATIVE_NAMESPACE } from '../cluster/knative.js';
import type { Kubectl } from '../cluster/kubectl.js';
import { summarizeColdStarts } from '../compare/cold-start.js';
import type { ColdStartComparison, ColdStartSide } from '../compare/types.js';
import { revisionPods } from '../deploy/revision-pods.js';
import type { ReadObject } from '../kube/object.js';
import { createNodeHttpClient, type HttpClient } from '../probe/http-client.js';
import { isSuccess } from '../probe/attribution.js';
import { errorMessage } from '../util/errors.js';
import { sleep as realSleep } from '../util/retry.js';
import { WaitTimeoutError, waitUntil } from '../util/wait.js';
import { scaleToZeroFacts } from './autoscaling.js';

export const COLD_START_SAMPLES = 3;

export const COLD_START_DEFAULTS = {
  samples: COLD_START_SAMPLES,
  /** Pause between looks at a revision's pods. */
  pollIntervalMs: 1000,
  /** Added to the expected idle time, for the autoscaler's ticks and reconciles. */
  slackMs: 30_000,
  /** No wait for zero pods lasts longer than this, whatever the cluster's windows. */
  maxWaitMs: 300_000,
  /** Deadline of a cold request: a start may take many seconds. */
  requestTimeoutMs: 60_000,
} as const;

export const REVISION_LABEL = 'serving.knative.dev/revision';

export interface ColdStartTarget {
  service: string;
  namespace: string;
  revisions: { base: string; pr: string };
  tagHosts: { base: string; pr: string };
}

export interface ColdStartOptions {
  /** Where the ingress listens, e.g. http://127.0.0.1:8081 */
  ingressUrl: string;
  kubectl: Pick<Kubectl, 'getJson' | 'runOk'>;
  samples?: number;
  pollIntervalMs?: number;
  slackMs?: number;
  maxWaitMs?: number;
  requestTimeoutMs?: number;
  path?: string;
  client?: HttpClient;
  log?: (message: string) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Per service name, the cold starts of its base and PR revisions. */
export async function measureColdStarts(
  targets: readonly ColdStartTarget[],
  options: ColdStartOptions,
): Promise<Map<string, ColdStartComparison>> {
  const client = options.client ?? createNodeHttpClient({ maxSockets: 2 });
  const config = await readAutoscalerConfig(options);
  const oneAtATime = serialize();
  try {
    const measured = await Promise.all(
      targets.map(async (target) => {
        const [base, pr] = await Promise.all(
          (['base', 'pr'] as const).map((side) =>
            measureRevision(target, side, config, client, oneAtATime, options),
          ),
        );
        return [target.service, { base: base!, pr: pr! }] as const;
      }),
    );
    return new Map(measured);
  } finally {
    if (!options.client) client.close();
  }
}

/**
 * Whether any of these revisions may scale to zero as the cluster is configured now (its
 * annotations and config-autoscaler): when none may, nothing is worth shortening the windows for.
 * A revision that cannot be read counts as one that may: measuring it will say what went wrong.
 */
export async function anyMayScaleToZero(
  targets: readonly ColdStartTarget[],
  options: Pick<ColdStartOptions, 'kubectl' | 'log'>,
): Promise<boolean> {
  const config = await readAutoscalerConfig(options);
  for (const target of targets) {
    for (const revision of [target.revisions.base, target.revisions.pr]) {
      try {
        const object = await options.kubectl.getJson<ReadObject>(
          'revisions.serving.knative.dev',
          revision,
          target.namespace,
        );
        const annotations = stringRecord(object.metadata?.annotations);
        if (!scaleToZeroFacts(config, annotations).blocker) return true;
      } catch {
        return true;
      }
    }
  }
  return false;
}

/** config-autoscaler's data; on a cluster that does not let us read it, Knative's defaults. */
async function readAutoscalerConfig(
  options: Pick<ColdStartOptions, 'kubectl' | 'log'>,
): Promise<Record<string, string>> {
  try {
    const configMap = await options.kubectl.getJson<ReadObject>(
      'configmap',
      'config-autoscaler',
      KNATIVE_NAMESPACE,
    );
    return stringRecord((configMap as { data?: unknown }).data);
  } catch (error) {
    options.log?.(
      `Could not read config-autoscaler (${errorMessage(error)}); assuming Knative's defaults.`,
    );
    return {};
  }
}

async function measureRevision(
  target: ColdStartTarget,
  side: 'base' | 'pr',
  config: Record<string, string>,
  client: HttpClient,
  oneAtATime: <T>(work: () => Promise<T>) => Promise<T>,
  options: ColdStartOptions,
): Promise<ColdStartSide> {
  const revision = target.revisions[side];
  const log = (message: string): void => options.log?.(`${revision}: ${message}`);
  let annotations: Record<string, string>;
  try {
    const object = await options.kubectl.getJson<ReadObject>(
      'revisions.serving.knative.dev',
      revision,
      target.namespace,
    );
    annotations = stringRecord(object.metadata?.annotations);
  } catch (error) {
    return notMeasured({
      reason: 'failed',
      error: `could not read the revision: ${errorMessage(error)}`,
    });
  }
  const facts = scaleToZeroFacts(config, annotations);
  if (facts.blocker) return notMeasured(facts.blocker);

  const samples = options.samples ?? COLD_START_DEFAULTS.samples;
  const waitMs = Math.min(
    facts.idleToZeroMs + (options.slackMs ?? COLD_START_DEFAULTS.slackMs),
    options.maxWaitMs ?? COLD_START_DEFAULTS.maxWaitMs,
  );
  const url = new URL(options.path ?? '/', options.ingressUrl).toString();
  const measuredMs: number[] = [];
  for (let sample = 1; sample <= samples; sample++) {
    const zero = await waitForZeroPods(target.namespace, revision, waitMs, options);
    if (!zero.ok) {
      log(`${zero.message}; stopping after ${measuredMs.length} cold start(s)`);
      if (measuredMs.length > 0) break;
      return notMeasured({
        reason: 'timed-out',
        waitedMs: waitMs,
        pods: zero.pods,
        lastSeen: zero.lastSeen.slice(0, 300),
      });
    }
    const outcome = await oneAtATime(() =>
      client.get({
        url,
        host: target.tagHosts[side],
        timeoutMs: options.requestTimeoutMs ?? COLD_START_DEFAULTS.requestTimeoutMs,
      }),
    );
    if (outcome.kind === 'response' && isSuccess(outcome.status)) {
      measuredMs.push(outcome.latencyMs);
      log(`cold start ${sample} of ${samples}: ${Math.round(outcome.latencyMs)} ms`);
      continue;
    }
    const error =
      outcome.kind === 'response'
        ? `HTTP ${outcome.status} ${outcome.body.replace(/\s+/g, ' ').trim().slice(0, 200)}`.trim()
        : outcome.error;
    log(`the cold request failed: ${error}`);
    if (measuredMs.length > 0) break;
    return notMeasured({ reason: 'failed', error });
  }
  return { measured: true, ...summarizeColdStarts(measuredMs) };
}

type ZeroOutcome = { ok: true } | { ok: false; message: string; lastSeen: string; pods: number };

async function waitForZeroPods(
  namespace: string,
  revision: string,
  timeoutMs: number,
  options: ColdStartOptions,
): Promise<ZeroOutcome> {
  let podCount = 0;
  try {
    await waitUntil(
      async () => {
        const pods = await revisionPods(options.kubectl, namespace, revision);
        const live = pods.filter((pod) => belongsTo(pod, revision) && counts(pod));
        podCount = live.length;
        if (live.length === 0) return { done: true, value: undefined };
        return { done: false, seen: live.map(describe).join(', ') };
      },
      {
        what: `revision ${revision} in ${namespace} to scale to zero (no running pod labelled ${REVISION_LABEL}=${revision})`,
        timeoutMs,
        intervalMs: options.pollIntervalMs ?? COLD_START_DEFAULTS.pollIntervalMs,
        sleep: options.sleep ?? realSleep,
        ...(options.now ? { now: options.now } : {}),
      },
    );
    return { ok: true };
  } catch (error) {
    if (!(error instanceof WaitTimeoutError)) throw error;
    return { ok: false, message: error.message, lastSeen: error.lastSeen, pods: podCount };
  }
}

function belongsTo(pod: ReadObject, revision: string): boolean {
  return pod.metadata?.labels?.[REVISION_LABEL] === revision;
}

/** Pending or running and not terminating: a pod the autoscaler still counts. */
function counts(pod: ReadObject): boolean {
  if (pod.metadata?.deletionTimestamp) return false;
  const phase = (pod.status as { phase?: unknown } | undefined)?.phase;
  return phase === 'Pending' || phase === 'Running' || phase === undefined;
}

function describe(pod: ReadObject): string {
  const phase = (pod.status as { phase?: unknown } | undefined)?.phase;
  const ready = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
  const name = String(pod.metadata?.name ?? '?').slice(0, 100);
  return `${name} ${typeof phase === 'string' ? phase.slice(0, 20) : 'unknown'}${ready ? ', ready' : ''}`;
}

function notMeasured(
  reason: Extract<ColdStartSide, { measured: false }>['notMeasured'],
): ColdStartSide {
  return { measured: false, notMeasured: reason };
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

/** Runs the given work one call at a time, in the order asked. */
function serialize(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}
