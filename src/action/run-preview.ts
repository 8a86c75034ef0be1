import * as core from '@actions/core';
import type { ActionConfig } from '../config/inputs.js';
import {
  bringUp,
  BringUpError,
  type BringUpResult,
  type ClusterHandle,
} from '../cluster/bring-up.js';
import { PhaseTimings } from '../util/timings.js';
import { cleanup } from '../cluster/cleanup.js';
import { checkCompatibility } from '../cluster/compatibility.js';
import { onCancellation } from '../util/signals.js';
import { deployServices } from '../deploy/deploy-services.js';
import { parseBuildLines } from '../images/build-spec.js';
import { buildImages } from '../images/build.js';
import type { PreviewPlan } from '../plan/types.js';
import { probeOptionsFromPlan, probeService } from '../probe/index.js';
import type { RunReport, RunStatus, ServiceResult } from '../report/model.js';
import { PhaseError, errorMessage } from '../util/errors.js';
import { createToolRunner } from '../util/tool-runner.js';
import type { RunnerEnv } from './runner-env.js';

/** Saved for the post step: which cluster to clean up, and how the main step ended. */
export const STATE_CLUSTER = 'cluster';
export const STATE_OUTCOME = 'outcome';

export interface PreviewResult {
  report: RunReport;
  /** The run should fail: a failed phase, or a deviating split with fail-on-deviation. */
  failed: boolean;
}

/**
 * Everything after the plan: cluster bring-up and image builds (concurrently),
 * deploy, probe. Never throws: a failure becomes report.failure with its phase.
 */
export async function runPreview(
  config: ActionConfig,
  runner: RunnerEnv,
  plan: PreviewPlan,
): Promise<PreviewResult> {
  const timings = new PhaseTimings();
  const phaseTimings = (): Record<string, number> => ({ ...clusterTimings, ...timings.seconds });
  let clusterTimings: Record<string, number> = {};
  let cluster: ClusterHandle | undefined;
  // A cancelled step still gets its cluster deleted (the post step would too; cleanup is idempotent).
  const stopListening = onCancellation(async (signal) => {
    core.warning(`Received ${signal}: deleting the preview cluster before exiting.`);
    if (!cluster) return;
    const result = await cleanup(
      { ...cluster, failed: true, keepCluster: config.keepCluster },
      { info: (m) => core.info(m) },
    );
    if (result.deleted) core.info(`Deleted k3d cluster ${cluster.clusterName}.`);
    for (const warning of result.warnings) core.warning(`Cleanup: ${warning}`);
  });
  try {
    // Pure and instant: refuse an incompatible k3s image before any download or build starts.
    await timings.time('compatibility', async () =>
      checkCompatibility(config.k3sImage, config.knativeVersion),
    );
    const specs = parseBuildLines(config.build);
    // Both branches settle before a failure is reported, so no bring-up keeps running unseen.
    const [clusterOutcome, imagesOutcome] = await Promise.allSettled([
      startCluster(config, (handle) => (cluster = handle)),
      specs.length
        ? timings.time('image-build', () =>
            buildImages(
              { docker: createToolRunner('docker'), git: createToolRunner('git') },
              {
                specs,
                workspace: runner.workspace,
                prSha: plan.headSha,
                baseSha: needsBaseImages(plan) ? plan.baseSha : undefined,
                tempDir: runner.runnerTemp,
              },
            ),
          )
        : Promise.resolve(undefined),
    ]);
    if (clusterOutcome.status === 'rejected') throw clusterOutcome.reason;
    if (imagesOutcome.status === 'rejected') throw imagesOutcome.reason;
    const started = clusterOutcome.value;
    const images = imagesOutcome.value;
    clusterTimings = started.timings;
    if (images) {
      const tags = [...new Set([...Object.values(images.pr), ...Object.values(images.base ?? {})])];
      await timings.time('image-import', () => started.k3d.importImages(tags, started.clusterName));
    }

    await timings.time('deploy', () =>
      deployServices(started.kubectl, plan, { timeoutMs: config.timeoutMinutes * 60_000 }),
    );

    const services: ServiceResult[] = [];
    await timings.time('probe', async () => {
      for (const service of plan.services) {
        core.info(
          `Probing ${service.host} through http://127.0.0.1:${config.loadBalancerPort} with ${config.requests} requests`,
        );
        const result = await probeService(
          probeOptionsFromPlan(service, {
            ingressUrl: `http://127.0.0.1:${config.loadBalancerPort}`,
            requests: config.requests,
            log: (m) => core.info(m),
          }),
        );
        core.info(`${service.name}: ${result.verdict} (${result.reason})`);
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
    };
  } finally {
    stopListening();
  }
}

async function startCluster(
  config: ActionConfig,
  onNamed: (handle: ClusterHandle) => void,
): Promise<BringUpResult> {
  return bringUp(
    {
      k3dVersion: config.k3dVersion,
      kubectlVersion: config.kubectlVersion,
      k3sImage: config.k3sImage,
      knativeVersion: config.knativeVersion,
      netContourVersion: config.netContourVersion,
      agents: config.agents,
      loadBalancerPort: config.loadBalancerPort,
      agentPort: config.agentPort,
      k3dArgs: config.k3dArgs,
      clusterName: config.clusterName,
      domain: config.domain,
      releaseMirror: config.releaseMirror,
      timeoutMinutes: config.timeoutMinutes,
    },
    {
      info: (message) => core.info(message),
      warning: (message) => core.warning(message),
      // Announced before `k3d cluster create`, so the post step deletes even a half-made cluster.
      onClusterNamed: (handle: ClusterHandle) => {
        onNamed(handle);
        core.saveState(
          STATE_CLUSTER,
          JSON.stringify({ ...handle, keepCluster: config.keepCluster }),
        );
      },
    },
  );
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
