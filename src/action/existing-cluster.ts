import { join } from 'node:path';
import type { ActionConfig } from '../config/inputs.js';
import { saveDiagnostics } from '../cluster/cleanup.js';
import { Kubectl } from '../cluster/kubectl.js';
import { checkServedScope } from '../existing/discovery-scope.js';
import { prepareKubeconfig } from '../existing/kubeconfig.js';
import { judgeServing, readServingFacts } from '../existing/knative-serving.js';
import { kubectlNamespaceClient } from '../existing/namespace-client.js';
import { pushedTag } from '../existing/registry.js';
import type { NamespaceAnnotations, PreviewOwner } from '../existing/ownership.js';
import { claimNamespace } from '../existing/preview-namespace.js';
import { probeIngressUrl, servedService, servedUrls } from '../existing/served-urls.js';
import { tidyNamespace } from '../existing/tidy.js';
import { pushImages } from '../images/push.js';
import { ensureKubectl } from '../install/tools.js';
import type { ReadObject } from '../kube/object.js';
import type { PreviewPlan } from '../plan/types.js';
import type { ExistingPreview } from '../report/model.js';
import { expiryAfter } from '../existing/ttl.js';
import { errorMessage, UserError } from '../util/errors.js';
import { log, type Log } from '../util/log.js';
import { PhaseTimings } from '../util/timings.js';
import { createToolRunner } from '../util/tool-runner.js';
import type { ClusterProvider, PreviewCluster, ProbeTarget } from './preview-cluster.js';
import type { RunnerEnv } from './runner-env.js';
import type { StepState } from './step-state.js';

/** The run's folder for the existing cluster: its kubeconfig copy and diagnostics. */
export function existingWorkDir(runner: RunnerEnv): string {
  return join(runner.workDir, 'existing');
}

/** kubectl for an existing cluster: the runner's, else the pinned one. */
export async function existingClusterKubectl(
  config: ActionConfig,
  runner: RunnerEnv,
  out: Log,
): Promise<string> {
  const found = await ensureKubectl(config.kubectlVersion, {
    deadline: Date.now() + config.timeoutMinutes * 60_000,
    ...(config.releaseMirror ? { mirror: config.releaseMirror } : {}),
    log: (m) => out.info(m),
    // The cluster's version is unknown until connected: any runner kubectl will do.
    workDir: runner.workDir,
  });
  return found.path;
}

/**
 * kubectl bound to the run's own copy of the kubeconfig (the input's content, or KUBECONFIG's
 * file), its credentials masked before anything could print them.
 */
export async function openExistingCluster(
  config: ActionConfig,
  runner: RunnerEnv,
  kubectlPath: string,
  out: Log,
): Promise<Kubectl> {
  const kubeconfig = await prepareKubeconfig({
    input: config.kubeconfig,
    dir: existingWorkDir(runner),
    kubectl: createToolRunner(kubectlPath, { kind: 'kubectl', log: out }),
    registerSecret: (secret) => log().secret(secret),
  });
  out.info(`Using the context '${kubeconfig.context}' of the kubeconfig from ${kubeconfig.source}`);
  return new Kubectl(createToolRunner(kubectlPath, { kind: 'kubectl', log: out }), kubeconfig.path);
}

/**
 * Connects to a cluster that already runs Knative Serving, as the kubeconfig's current context:
 * kubectl, the kubeconfig (a file of the run's own), Knative read from discovery, every planned
 * object checked to stay in the preview namespace, then the namespace claimed (created, or
 * adopted when it is already this PR's) with a fresh expiry. Nothing is written to the cluster
 * before every check passed, and nothing outside the preview namespace ever is.
 */
export async function connectExistingCluster(options: {
  config: ActionConfig;
  runner: RunnerEnv;
  plan: PreviewPlan;
  namespace: string;
  owner: PreviewOwner;
  annotations: NamespaceAnnotations;
  timings: PhaseTimings;
}): Promise<Kubectl> {
  const { config, runner, timings } = options;
  const out = log().branch('cluster');
  const kubectlPath = await timings.time('install-kubectl', () =>
    existingClusterKubectl(config, runner, out),
  );
  const kubectl = await timings.time('connect', async () => {
    const connected = await openExistingCluster(config, runner, kubectlPath, out);
    const verdict = judgeServing(await readServingFacts(connected));
    if (!verdict.ok) throw new UserError(verdict.problem);
    for (const note of verdict.notes) out.info(note);
    await checkServedScope(connected, options.plan, options.namespace);
    return connected;
  });
  await timings.time('namespace', async () => {
    const { created } = await claimNamespace(
      kubectlNamespaceClient(kubectl),
      options.namespace,
      options.owner,
      options.annotations,
      { timeoutMs: config.timeoutMinutes * 60_000, log: (m) => out.info(m) },
    );
    out.info(
      `${created ? 'Created' : 'Updating'} the preview namespace ${options.namespace} (expires ${options.annotations.expiresAt})`,
    );
  });
  return kubectl;
}

/** Where a preview on an existing cluster goes, and what its report says about it. */
export interface ExistingTarget {
  provider: ClusterProvider;
  existing: ExistingPreview;
}

/** The provider for this PR's namespace, with an expiry `ttl` from now. */
export function existingTarget(options: {
  config: ActionConfig;
  runner: RunnerEnv;
  state: StepState;
  plan: PreviewPlan;
  namespace: string;
  pr: number;
  /** The run's log, kept on the namespace for whoever finds it. */
  runUrl?: string;
}): ExistingTarget {
  const { config, plan, namespace, runUrl } = options;
  const expiresAt = expiryAfter(new Date(), config.ttl);
  return {
    existing: { namespace, expiresAt },
    provider: existingProvider({
      ...options,
      owner: { repository: `${plan.repository.owner}/${plan.repository.repo}`, pr: options.pr },
      annotations: { expiresAt, ...(runUrl ? { runUrl } : {}) },
    }),
  };
}

/** A namespace per PR on an existing cluster; images pushed to `registry`; nothing deleted on cancel. */
export function existingProvider(options: {
  config: ActionConfig;
  runner: RunnerEnv;
  state: StepState;
  plan: PreviewPlan;
  namespace: string;
  owner: PreviewOwner;
  annotations: NamespaceAnnotations;
}): ClusterProvider {
  const { config, runner, state, namespace } = options;
  const timings = new PhaseTimings();
  let kubectl: Kubectl | undefined;
  return {
    startMessage: (buildingImages) =>
      buildingImages
        ? `Connecting to the existing cluster (namespace ${namespace}) and building images at the same time; their lines are prefixed [cluster] and [images].`
        : `Connecting to the existing cluster (namespace ${namespace}).`,
    async start(): Promise<PreviewCluster> {
      // Saved first: the post step removes the kubeconfig copy even if connecting fails.
      state.saveExisting({ kubeconfigDir: existingWorkDir(runner) });
      kubectl = await log()
        .branch('cluster')
        .group(`Connect to the existing cluster, namespace ${namespace}`, () =>
          connectExistingCluster({ ...options, timings }),
        );
      // Now the namespace is this PR's: the post step says it stays for the next run.
      state.saveExisting({ namespace, kubeconfigDir: existingWorkDir(runner) });
      const connected = kubectl;
      return {
        kubectl: connected,
        loadImages: async (tags) => {
          const registry = config.registry;
          // makePlan refuses `build` without `registry` in this mode; this is the same rule.
          if (!registry) throw new UserError("Input 'registry' is needed to push built images.");
          const images = new Map(tags.map((tag) => [tag, pushedTag(tag, registry)]));
          await pushImages(createToolRunner('docker', { kind: 'docker' }), {
            images,
            log: (m) => log().info(m),
          });
        },
        loadImagesStep: { title: 'Push images', phase: 'image-push' },
        probeTargets: (plan) => probeTargets(connected, plan, config.ingressAddress),
        tidy: async (plan) => {
          const removed = await tidyNamespace(connected, namespace, plan);
          const parts = [
            removed.revisions.length ? `revisions ${removed.revisions.join(', ')}` : '',
            removed.services.length ? `services ${removed.services.join(', ')}` : '',
          ].filter(Boolean);
          return parts.length ? `Removed what earlier runs left: ${parts.join('; ')}` : undefined;
        },
        timings: { ...timings.seconds },
      };
    },
    failedStartTimings: () => ({ ...timings.seconds }),
    // A cancelled run leaves the namespace as it is: the next run updates it in place, and the
    // expiry bounds how long it stays if none comes.
    onCancel(signal) {
      log().warning(
        `Received ${signal}: leaving the preview namespace ${namespace} for the next run (it expires ${options.annotations.expiresAt}).`,
      );
      return Promise.resolve();
    },
    async diagnose() {
      if (!kubectl) return undefined;
      const connected = kubectl;
      return log().group('Collect diagnostics', async () => {
        try {
          const saved = await saveDiagnostics(connected, existingWorkDir(runner), { namespace });
          state.saveDiagnosticsCollected();
          log().info(`Diagnostics of namespace ${namespace} written to ${saved.diagnosticsFile}`);
          return saved.diagnostics;
        } catch (error) {
          log().warning(`Could not collect diagnostics: ${errorMessage(error)}`);
          return undefined;
        }
      });
    },
  };
}

/** Reads each service's URLs from its status; the probe goes through them or the ingress address. */
async function probeTargets(
  kubectl: Kubectl,
  plan: PreviewPlan,
  ingressAddress: string | undefined,
): Promise<ProbeTarget[]> {
  const targets: ProbeTarget[] = [];
  for (const service of plan.services) {
    const ksvc = await kubectl.tryGetJson<ReadObject>(
      'services.serving.knative.dev',
      service.name,
      service.namespace,
    );
    const served = servedUrls(ksvc, service);
    if (!served.ok) throw new Error(served.problem);
    const ingress = probeIngressUrl(served.links, ingressAddress);
    if (!ingress.ok) throw new UserError(ingress.problem);
    targets.push({
      service: servedService(service, served.links),
      ingressUrl: ingress.url,
      links: served.links,
    });
  }
  return targets;
}
