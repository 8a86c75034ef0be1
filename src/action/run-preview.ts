import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionConfig } from '../config/inputs.js';
import { bringUp, BringUpError, type ClusterHandle } from '../cluster/bring-up.js';
import { cleanup, saveDiagnostics } from '../cluster/cleanup.js';
import type { K3d } from '../cluster/k3d.js';
import { Kubectl } from '../cluster/kubectl.js';
import { deployServices } from '../deploy/deploy-services.js';
import { parseBuildLines } from '../images/build-spec.js';
import { buildImages } from '../images/build.js';
import { importImages } from '../images/import.js';
import type { PreviewPlan } from '../plan/types.js';
import { probeOptionsFromPlan, probeService } from '../probe/index.js';
import type { RunReport, RunStatus, ServiceResult } from '../report/model.js';
import { PhaseError, errorMessage } from '../util/errors.js';
import { log } from '../util/log.js';
import { onCancellation } from '../util/signals.js';
import { PhaseTimings } from '../util/timings.js';
import { createToolRunner } from '../util/tool-runner.js';
import type { RunnerEnv } from './runner-env.js';
import type { StepState } from './step-state.js';

export interface PreviewResult {
  report: RunReport;
  /** The run should fail: a failed phase, or a deviating split with fail-on-deviation. */
  failed: boolean;
  /** The cluster's diagnostics, collected right after a failure while the cluster still runs. */
  diagnostics?: string;
}

/** A cluster ready for the preview's services, however it was obtained. */
interface PreviewCluster {
  kubectl: Kubectl;
  /** Makes the built images pullable by the cluster's nodes. */
  loadImages(tags: readonly string[]): Promise<void>;
  /** Where the probe sends requests, with the route's Host header. */
  ingressUrl: string;
  /** Seconds per bring-up phase. */
  timings: Record<string, number>;
}

/**
 * Everything after the plan: cluster bring-up and image builds (concurrently, each branch's log
 * lines prefixed), image import, deploy, probe (each a log group). Never throws: a failure
 * becomes report.failure with its phase.
 */
export async function runPreview(
  config: ActionConfig,
  runner: RunnerEnv,
  plan: PreviewPlan,
  state: StepState,
): Promise<PreviewResult> {
  const timings = new PhaseTimings();
  let clusterTimings: Record<string, number> = {};
  const phaseTimings = (): Record<string, number> => ({ ...clusterTimings, ...timings.seconds });
  let handle: ClusterHandle | undefined;
  // A cancelled step still gets its cluster deleted (the post step would too; cleanup is idempotent).
  const stopListening = onCancellation(async (signal) => {
    log().warning(`Received ${signal}: deleting the preview cluster before exiting.`);
    if (!handle) return;
    const result = await cleanup(
      { ...handle, failed: true, keepCluster: config.keepCluster },
      { workDir: runner.workDir },
    );
    if (result.deleted) log().info(`Deleted k3d cluster ${handle.clusterName}.`);
    for (const warning of result.warnings) log().warning(`Cleanup: ${warning}`);
  });
  try {
    const specs = parseBuildLines(config.build);
    log().info(
      specs.length
        ? 'Bringing up the cluster and building images at the same time; their lines are prefixed [cluster] and [images].'
        : 'Bringing up the cluster.',
    );
    // Both branches settle before a failure is reported, so no bring-up keeps running unseen.
    const [clusterOutcome, imagesOutcome] = await Promise.allSettled([
      startK3dCluster(config, runner, (next) => {
        handle = next;
        state.saveCluster({ ...next, keepCluster: config.keepCluster });
      }),
      specs.length
        ? timings.time('image-build', () => {
            const images = log().branch('images');
            return images.group('Build images', () =>
              buildImages(
                {
                  docker: createToolRunner('docker', { kind: 'docker', log: images }),
                  git: createToolRunner('git', { kind: 'git', log: images }),
                },
                {
                  specs,
                  workspace: runner.workspace,
                  prSha: plan.headSha,
                  baseSha: needsBaseImages(plan) ? plan.baseSha : undefined,
                  workDir: runner.workDir,
                },
              ),
            );
          })
        : Promise.resolve(undefined),
    ]);
    if (clusterOutcome.status === 'rejected') throw clusterOutcome.reason;
    if (imagesOutcome.status === 'rejected') throw imagesOutcome.reason;
    const cluster = clusterOutcome.value;
    const images = imagesOutcome.value;
    clusterTimings = cluster.timings;
    if (images) {
      const tags = [...new Set([...Object.values(images.pr), ...Object.values(images.base ?? {})])];
      await log().group('Import images', () =>
        timings.time('image-import', () => cluster.loadImages(tags)),
      );
    }

    await log().group('Deploy', () =>
      timings.time('deploy', () =>
        deployServices(cluster.kubectl, plan, { timeoutMs: config.timeoutMinutes * 60_000 }),
      ),
    );

    const services: ServiceResult[] = [];
    await timings.time('probe', async () => {
      for (const service of plan.services) {
        const result = await log().group(`Probe ${service.namespace}/${service.name}`, () => {
          log().info(`Probing ${service.host} through ${cluster.ingressUrl}`);
          return probeService(
            probeOptionsFromPlan(service, {
              ingressUrl: cluster.ingressUrl,
              requests: config.requests,
              maxRequests: config.maxRequests,
              splitTolerance: config.splitTolerance,
              log: (m) => log().info(m),
            }),
          );
        });
        log().info(`${service.name}: ${result.verdict} (${result.reason})`);
        services.push(result);
      }
    });
    const status = worstVerdict(services);
    return {
      report: { status, services, timings: phaseTimings() },
      failed: status === 'deviates' && config.failOnDeviation,
    };
  } catch (error) {
    if (error instanceof BringUpError) clusterTimings = error.timings;
    // Every step runs under timings.time, which names its phase; anything else is input (build lines).
    const failedPhase = error instanceof PhaseError ? error.phase : 'preview';
    const message = error instanceof PhaseError ? errorMessage(error.cause) : errorMessage(error);
    return {
      report: {
        status: 'failed',
        services: [],
        timings: phaseTimings(),
        failure: { phase: failedPhase, message },
      },
      failed: true,
      diagnostics: await diagnoseFailure(handle, runner, state),
    };
  } finally {
    stopListening();
  }
}

/** An ephemeral k3d cluster with Knative and Contour; its images are loaded with k3d. */
async function startK3dCluster(
  config: ActionConfig,
  runner: RunnerEnv,
  onHandle: (handle: ClusterHandle) => void,
): Promise<PreviewCluster> {
  const branch = log().branch('cluster');
  const started = await branch.group('Bring up k3d, Knative Serving and Contour', () =>
    bringUp(config, {
      workDir: runner.workDir,
      log: branch,
      // Announced before `k3d cluster create`, so the post step deletes even a half-made cluster.
      onClusterNamed: onHandle,
    }),
  );
  const k3d: K3d = started.k3d;
  return {
    kubectl: started.kubectl,
    loadImages: (tags) =>
      importImages(
        { docker: createToolRunner('docker', { kind: 'docker' }), k3d },
        { tags, clusterName: started.clusterName, workDir: runner.workDir },
      ),
    ingressUrl: `http://127.0.0.1:${config.loadBalancerPort}`,
    timings: started.timings,
  };
}

/**
 * Diagnostics of a failed run, collected by the main step itself: later steps of the user's job
 * (an upload of artifacts, say) run before the post step, and should find them already.
 */
async function diagnoseFailure(
  handle: ClusterHandle | undefined,
  runner: RunnerEnv,
  state: StepState,
): Promise<string | undefined> {
  if (!handle?.kubectlPath || !existsSync(handle.kubeconfigPath)) return undefined;
  return log().group('Collect diagnostics', async () => {
    try {
      const kubectl = new Kubectl(
        createToolRunner(handle.kubectlPath!, { kind: 'kubectl' }),
        handle.kubeconfigPath,
      );
      const saved = await saveDiagnostics(kubectl, join(runner.workDir, handle.clusterName));
      state.saveDiagnosticsCollected();
      log().info(`Diagnostics written to ${saved.diagnosticsFile}`);
      return saved.diagnostics;
    } catch (error) {
      log().warning(`Could not collect diagnostics: ${errorMessage(error)}`);
      return undefined;
    }
  });
}

function needsBaseImages(plan: PreviewPlan): boolean {
  return plan.services.some((service) => service.manifests.base !== undefined);
}

/** The run's status: deviates beats unmeasurable beats consistent. */
export function worstVerdict(services: readonly ServiceResult[]): RunStatus {
  if (services.some((s) => s.verdict === 'deviates')) return 'deviates';
  if (services.some((s) => s.verdict === 'unmeasurable')) return 'unmeasurable';
  return 'consistent';
}
