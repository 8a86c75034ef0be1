import type { KubeList, ReadObject } from '../kube/object.js';
import type { ReleaseManifests } from '../install/tools.js';
import { errorMessage } from '../util/errors.js';
import { waitUntil, WaitTimeoutError } from '../util/wait.js';
import { AbortedError, abortableSleep, allOrAbort } from '../util/abortable.js';
import { daemonSetRolloutState, describeCondition, hasCondition } from './describe.js';
import type { Kubectl } from './kubectl.js';
import { inventoryOf, type ManifestInventory, type NamespacedName } from './manifest-inventory.js';
import type { PhaseTimings } from '../util/timings.js';
import { retryWhileWebhookStarting } from './webhook-retry.js';

export const KNATIVE_NAMESPACE = 'knative-serving';
export const CONTOUR_INGRESS_CLASS = 'contour.ingress.networking.knative.dev';

export interface KnativeInstallOptions {
  /** config-domain: routes become http://<svc>.<ns>.<domain>. */
  domain: string;
  /** Epoch ms; every wait and retry ends by then. */
  deadline: number;
  timings: PhaseTimings;
  log?: (message: string) => void;
  intervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** The config patches the action makes, as data (tests assert them; the summary can show them). */
export function knativeConfigPatches(
  domain: string,
): Array<{ configMap: string; patch: { data: Record<string, string> } }> {
  return [
    { configMap: 'config-network', patch: { data: { 'ingress-class': CONTOUR_INGRESS_CLASS } } },
    { configMap: 'config-domain', patch: { data: { [domain]: '' } } },
  ];
}

/**
 * Knative Serving + Contour from the release YAMLs, two branches at once:
 *   CRDs -> Established -> serving-core -> config patches (retried until the webhook answers)
 *   contour.yaml -> { Contour workloads ready  ||  (serving-core applied, so knative-serving exists) -> net-contour.yaml }
 * then every Deployment in knative-serving Available.
 */
export async function installKnative(
  kubectl: Kubectl,
  manifests: ReleaseManifests,
  options: KnativeInstallOptions,
): Promise<void> {
  const controller = new AbortController();
  const sleep = abortableSleep(controller.signal, options.sleep);
  const step: Step = {
    ...options,
    sleep,
    kubectl: kubectl.withClock({ sleep, ...(options.now ? { now: options.now } : {}) }),
  };
  const core = inventoryOf(manifests.servingCore);
  const netContour = inventoryOf(manifests.netContour);

  // net-contour.yaml goes into knative-serving, which serving-core.yaml creates.
  let markCoreApplied!: (applied: boolean) => void;
  const coreApplied = new Promise<boolean>((resolve) => (markCoreApplied = resolve));
  const serving = servingBranch(step, manifests, () => markCoreApplied(true)).catch(
    (error: unknown) => {
      markCoreApplied(false);
      throw error;
    },
  );
  await allOrAbort(controller, [serving, contourBranch(step, manifests, coreApplied)] as const);

  await options.timings.time('knative-ready', () =>
    waitForWorkloads(step, {
      what: `Knative Serving deployments Available in ${KNATIVE_NAMESPACE}`,
      deployments: [...core.deployments, ...netContour.deployments].filter(
        (d) => d.namespace === KNATIVE_NAMESPACE,
      ),
      daemonSets: [],
      jobs: [],
    }),
  );
}

interface Step extends KnativeInstallOptions {
  kubectl: Kubectl;
  sleep: (ms: number) => Promise<void>;
}

async function servingBranch(
  step: Step,
  manifests: ReleaseManifests,
  onCoreApplied: () => void,
): Promise<void> {
  const crds = inventoryOf(manifests.servingCrds).customResourceDefinitions;
  await step.timings.time('knative-crds', async () => {
    await apply(step, 'apply serving-crds.yaml', manifests.servingCrds);
    await waitForCrdsEstablished(step, crds);
  });
  await step.timings.time('knative-core', () =>
    apply(step, 'apply serving-core.yaml', manifests.servingCore),
  );
  onCoreApplied();
  await step.timings.time('knative-config', async () => {
    for (const { configMap, patch } of knativeConfigPatches(step.domain)) {
      await retryWhileWebhookStarting(
        `patch configmap/${configMap} in ${KNATIVE_NAMESPACE}`,
        () => step.kubectl.patchMerge('configmap', configMap, patch, KNATIVE_NAMESPACE),
        retryOptions(step),
      );
    }
  });
}

async function contourBranch(
  step: Step,
  manifests: ReleaseManifests,
  coreApplied: Promise<boolean>,
): Promise<void> {
  const contour = inventoryOf(manifests.contour);
  await step.timings.time('contour-apply', () =>
    apply(step, 'apply contour.yaml', manifests.contour),
  );
  await Promise.all([
    step.timings.time('contour-ready', () =>
      waitForWorkloads(step, {
        ...contour,
        what: `Contour ready in ${contour.namespaces.join(', ') || 'its namespaces'}`,
      }),
    ),
    (async () => {
      if (!(await coreApplied)) throw new AbortedError('serving-core.yaml was not applied');
      await step.timings.time('net-contour', () =>
        apply(step, 'apply net-contour.yaml', manifests.netContour),
      );
    })(),
  ]);
}

function apply(step: Step, what: string, yamlText: string): Promise<unknown> {
  return retryWhileWebhookStarting(
    what,
    () => step.kubectl.applyManifests(yamlText),
    retryOptions(step),
  );
}

async function waitForCrdsEstablished(step: Step, names: string[]): Promise<void> {
  const wanted = new Set(names);
  await waitUntil(
    async () => {
      const list = await step.kubectl.getJson<KubeList<ReadObject>>('customresourcedefinitions');
      const byName = new Map(list.items.map((crd) => [crd.metadata?.name ?? '', crd]));
      const pending = [...wanted].map((name) => {
        const crd = byName.get(name);
        if (!crd) return `crd/${name}: not found`;
        return hasCondition(crd, 'Established')
          ? ''
          : describeCondition({ ...crd, kind: 'CustomResourceDefinition' }, 'Established');
      });
      const notYet = pending.filter(Boolean);
      return notYet.length === 0
        ? { done: true, value: undefined }
        : { done: false, seen: notYet.join('; ') };
    },
    waitOptions(step, `${wanted.size} Knative Serving CRDs Established`),
  );
}

interface Workloads extends Pick<ManifestInventory, 'deployments' | 'daemonSets' | 'jobs'> {
  what: string;
}

/**
 * Deployments Available, Jobs Complete and DaemonSets rolled out, polled one list per
 * kind and namespace. On timeout the error also lists the namespaces' pods that are not ready.
 */
async function waitForWorkloads(step: Step, workloads: Workloads): Promise<void> {
  const namespaces = [
    ...new Set(
      [...workloads.deployments, ...workloads.daemonSets, ...workloads.jobs].map(
        (w) => w.namespace,
      ),
    ),
  ];
  try {
    await waitUntil(
      async () => {
        const seen: string[] = [];
        for (const namespace of namespaces) {
          seen.push(...(await pendingIn(step.kubectl, namespace, workloads)));
        }
        return seen.length === 0
          ? { done: true, value: undefined }
          : { done: false, seen: seen.join('; ') };
      },
      waitOptions(step, workloads.what),
    );
  } catch (error) {
    if (!(error instanceof WaitTimeoutError)) throw error;
    const pods = await Promise.all(
      namespaces.map((ns) =>
        step.kubectl.describeUnreadyPods(ns).catch((e) => [`${ns}: ${errorMessage(e)}`]),
      ),
    );
    const podLines = pods.flat();
    throw new WaitTimeoutError(
      error.what,
      `${error.lastSeen}${podLines.length ? `; pods not ready: ${podLines.join('; ')}` : ''}`,
      error.timeoutMs,
    );
  }
}

async function pendingIn(
  kubectl: Kubectl,
  namespace: string,
  workloads: Workloads,
): Promise<string[]> {
  const inNamespace = (list: NamespacedName[]): string[] =>
    list.filter((w) => w.namespace === namespace).map((w) => w.name);
  const checks: Array<
    [kind: string, names: string[], isDone: (o: ReadObject) => string | undefined]
  > = [
    [
      'deployments',
      inNamespace(workloads.deployments),
      (d) => (hasCondition(d, 'Available') ? undefined : describeCondition(d, 'Available')),
    ],
    [
      'jobs',
      inNamespace(workloads.jobs),
      (j) => (hasCondition(j, 'Complete') ? undefined : describeCondition(j, 'Complete')),
    ],
    [
      'daemonsets',
      inNamespace(workloads.daemonSets),
      (ds) => {
        const s = daemonSetRolloutState(ds);
        return s.done ? undefined : s.seen;
      },
    ],
  ];
  const pending: string[] = [];
  for (const [kind, names, isDone] of checks) {
    if (names.length === 0) continue;
    const list = await kubectl.getJson<KubeList<ReadObject>>(kind, undefined, namespace);
    const byName = new Map(
      list.items.map((o) => [o.metadata?.name ?? '', { ...o, kind: kind.replace(/s$/, '') }]),
    );
    for (const name of names) {
      const object = byName.get(name);
      const problem = object
        ? isDone(object)
        : `${kind.replace(/s$/, '')}/${namespace}/${name}: not created yet`;
      if (problem) pending.push(problem);
    }
  }
  return pending;
}

function remainingMs(step: Step): number {
  return Math.max(0, step.deadline - (step.now ?? Date.now)());
}

function waitOptions(step: Step, what: string) {
  return {
    what,
    timeoutMs: remainingMs(step),
    intervalMs: step.intervalMs ?? 2000,
    sleep: step.sleep,
    ...(step.now ? { now: step.now } : {}),
  };
}

function retryOptions(step: Step) {
  return {
    deadline: step.deadline,
    sleep: step.sleep,
    ...(step.log ? { log: step.log } : {}),
    ...(step.now ? { now: step.now } : {}),
  };
}

/**
 * config-autoscaler values for measuring cold starts in the ephemeral cluster: an idle revision
 * then loses its last pod about 9 s after its last request instead of 90 s. Both respect
 * knative/serving release-1.22 pkg/autoscaler/config/config.go validate(): the stable window
 * must lie in [6s, 1h] (autoscaling.WindowMin, the autoscaler's tick needs that much data) and
 * be whole seconds; the grace period must be positive (config/core/configmaps/autoscaler.yaml
 * recommends a few seconds). The grace period only bounds how long Knative waits for the
 * activator to be in the path; the scaler probes the activator before it removes the last pod.
 */
export const COLD_START_AUTOSCALER: Readonly<Record<string, string>> = {
  'stable-window': '6s',
  'scale-to-zero-grace-period': '3s',
};

export interface AutoscalerPatchOptions {
  /** Epoch ms; webhook retries stop here. */
  deadline: number;
  log?: (message: string) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/**
 * Shortens Knative's autoscaler windows (COLD_START_AUTOSCALER) in the ephemeral cluster only:
 * never call it for a cluster the action does not own. Knative applies the change to running
 * revisions at once (pkg/reconciler/autoscaling/kpa/controller.go resyncs every KPA when
 * config-autoscaler changes). Returns the settings it wrote.
 */
export async function shortenAutoscalerWindows(
  kubectl: Pick<Kubectl, 'patchMerge'>,
  options: AutoscalerPatchOptions,
): Promise<Record<string, string>> {
  const data = { ...COLD_START_AUTOSCALER };
  await retryWhileWebhookStarting(
    `patch configmap/config-autoscaler in ${KNATIVE_NAMESPACE}`,
    () => kubectl.patchMerge('configmap', 'config-autoscaler', { data }, KNATIVE_NAMESPACE),
    options,
  );
  return data;
}
