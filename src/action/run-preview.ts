import type { ActionConfig } from '../config/inputs.js';
import { deployServices } from '../deploy/deploy-services.js';
import { parseBuildLines } from '../images/build-spec.js';
import { gatherEvidence, type ProbedService } from '../compare/evidence-phase.js';
import { buildImages } from '../images/build.js';
import type { PreviewPlan } from '../plan/types.js';
import { probeOptionsFromPlan, probeService } from '../probe/index.js';
import type { ReportedService, RunReport, RunStatus, ServiceResult } from '../report/model.js';
import { PhaseError, errorMessage } from '../util/errors.js';
import { log } from '../util/log.js';
import { onCancellation } from '../util/signals.js';
import { PhaseTimings } from '../util/timings.js';
import { createToolRunner } from '../util/tool-runner.js';
import type { ClusterProvider } from './preview-cluster.js';
import type { RunnerEnv } from './runner-env.js';

export interface PreviewResult {
  report: RunReport;
  /**
   * The run should fail: a failed phase, a deviating split with fail-on-deviation, or a
   * regression with fail-on-regression.
   */
  failed: boolean;
  /** The cluster's diagnostics, collected right after a failure while the cluster still runs. */
  diagnostics?: string;
}

/**
 * Everything after the plan: cluster bring-up and image builds (concurrently, each branch's log
 * lines prefixed), image import, deploy, probe (each a log group). Never throws: a failure
 * becomes report.failure with its phase. The cluster is an ephemeral k3d cluster unless another
 * provider (an existing cluster) is given.
 */
export async function runPreview(
  config: ActionConfig,
  runner: RunnerEnv,
  plan: PreviewPlan,
  provider: ClusterProvider,
): Promise<PreviewResult> {
  const timings = new PhaseTimings();
  let clusterTimings: Record<string, number> = {};
  const phaseTimings = (): Record<string, number> => ({ ...clusterTimings, ...timings.seconds });
  const stopListening = onCancellation((signal) => provider.onCancel(signal));
  try {
    const specs = parseBuildLines(config.build);
    log().info(provider.startMessage(specs.length > 0));
    // Both branches settle before a failure is reported, so no bring-up keeps running unseen.
    const [clusterOutcome, imagesOutcome] = await Promise.allSettled([
      provider.start(),
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
    if (clusterOutcome.status === 'rejected') {
      clusterTimings = provider.failedStartTimings(clusterOutcome.reason);
      throw clusterOutcome.reason;
    }
    if (imagesOutcome.status === 'rejected') throw imagesOutcome.reason;
    const cluster = clusterOutcome.value;
    const images = imagesOutcome.value;
    clusterTimings = cluster.timings;
    if (images) {
      const tags = [...new Set([...Object.values(images.pr), ...Object.values(images.base ?? {})])];
      const step = cluster.loadImagesStep;
      await log().group(step.title, () => timings.time(step.phase, () => cluster.loadImages(tags)));
    }

    await log().group('Deploy', () =>
      timings.time('deploy', () =>
        deployServices(cluster.kubectl, plan, { timeoutMs: config.timeoutMinutes * 60_000 }),
      ),
    );

    const probed: ProbedService[] = [];
    await timings.time('probe', async () => {
      for (const { service, ingressUrl, links } of await cluster.probeTargets(plan)) {
        const result = await log().group(`Probe ${service.namespace}/${service.name}`, () => {
          log().info(`Probing ${service.host} through ${ingressUrl}`);
          return probeService(
            probeOptionsFromPlan(service, {
              ingressUrl,
              requests: config.requests,
              maxRequests: config.maxRequests,
              splitTolerance: config.splitTolerance,
              log: (m) => log().info(m),
            }),
          );
        });
        log().info(`${service.name}: ${result.verdict} (${result.reason})`);
        // The comparison goes through the same ingress, with the tag hosts the cluster serves.
        const reported: ReportedService = links ? { ...result, links } : result;
        probed.push({ plan: service, result: reported, ingressUrl });
      }
    });
    const { services, regressions, autoscaler } = await gatherEvidence(probed, config, {
      kubectl: cluster.kubectl,
      timings,
    });
    if (cluster.tidy) {
      const tidy = cluster.tidy;
      await timings
        .time('tidy', () => tidy(plan))
        .then(
          (done) => done && log().info(done),
          (error: unknown) =>
            log().warning(
              `Could not remove what earlier runs left in the preview namespace (the next run tries again): ${errorMessage(error instanceof PhaseError ? error.cause : error)}`,
            ),
        );
    }
    const status = worstVerdict(services);
    return {
      report: {
        status,
        services,
        timings: phaseTimings(),
        ...(regressions.length ? { regressions } : {}),
        ...(autoscaler ? { autoscaler } : {}),
      },
      failed:
        (status === 'deviates' && config.failOnDeviation) || regressions.some((r) => r.failsRun),
    };
  } catch (error) {
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
      diagnostics: await provider.diagnose(),
    };
  } finally {
    stopListening();
  }
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
