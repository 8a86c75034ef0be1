/**
 * The pipeline's steps after the split probe: per service the PR-vs-base comparison (a log
 * group each, phase `compare`), then, with `cold-start: true`, the cold starts of every
 * compared service at once (phase `cold-start`), and the regressions that decide the run.
 */
import type { Kubectl } from '../cluster/kubectl.js';
import { shortenAutoscalerWindows } from '../cluster/knative.js';
import {
  anyMayScaleToZero,
  measureColdStarts,
  type ColdStartOptions,
  type ColdStartTarget,
} from '../coldstart/measure.js';
import type { ServicePlan } from '../plan/types.js';
import type { ServiceResult } from '../probe/types.js';
import { findRegressions } from '../report/regressions.js';
import { log } from '../util/log.js';
import type { PhaseTimings } from '../util/timings.js';
import { compareRevisions, comparisonTargets, splitErrorCounts } from './compare-revisions.js';
import { isCompared, type Regression } from './types.js';

export interface EvidenceSettings {
  /** Requests to each revision; 0 turns the comparison (and the cold starts) off. */
  compareRequests: number;
  latencyThreshold?: number;
  failOnRegression: boolean;
  coldStart: boolean;
  /** `k3d` (or unset): the action's own ephemeral cluster; `existing`: never reconfigured. */
  cluster?: string;
  timeoutMinutes: number;
}

/** A service after its split probe, and where its ingress is. */
export interface ProbedService {
  plan: ServicePlan;
  result: ServiceResult;
  ingressUrl: string;
}

export interface Evidence {
  /** The probe results, each with its `comparison`. */
  services: ServiceResult[];
  regressions: Regression[];
  /** config-autoscaler values written to measure cold starts, if any. */
  autoscaler?: Record<string, string>;
}

export async function gatherEvidence(
  probed: readonly ProbedService[],
  settings: EvidenceSettings,
  deps: {
    kubectl: Kubectl;
    timings: PhaseTimings;
    /** Polling and deadlines of the cold-start waits (tests shorten them). */
    coldStart?: Pick<ColdStartOptions, 'pollIntervalMs' | 'slackMs'>;
  },
): Promise<Evidence> {
  if (settings.compareRequests === 0) {
    return { services: probed.map((p) => p.result), regressions: [] };
  }
  const services: ServiceResult[] = [];
  const coldTargets: (ColdStartTarget & { ingressUrl: string })[] = [];
  await deps.timings.time('compare', async () => {
    for (const { plan, result, ingressUrl } of probed) {
      const targets = comparisonTargets(plan);
      if ('notCompared' in targets) {
        log().info(`${plan.name}: not compared: ${targets.reason}.`);
        services.push({ ...result, comparison: targets });
        continue;
      }
      const comparison = await log().group(
        `Compare ${plan.namespace}/${plan.name}: PR vs base`,
        async () => {
          log().info(
            `Sending ${settings.compareRequests} requests to each of ${targets.base} and ${targets.pr}, interleaved`,
          );
          const compared = await compareRevisions({
            ingressUrl,
            tagHosts: targets,
            requestsPerSide: settings.compareRequests,
            splitErrors: splitErrorCounts(result),
            log: (m) => log().warning(`${plan.name}: ${m}`),
          });
          const { latency, errors } = compared;
          log().info(
            `latency ${latency.verdict}` +
              (latency.ratio === null ? '' : ` (median ratio ${latency.ratio.toFixed(2)})`) +
              `; errors base ${errors.base.errors}/${errors.base.total}, PR ${errors.pr.errors}/${errors.pr.total}`,
          );
          return compared;
        },
      );
      services.push({ ...result, comparison });
      if (plan.revisions.base) {
        coldTargets.push({
          service: plan.name,
          namespace: plan.namespace,
          revisions: { base: plan.revisions.base, pr: plan.revisions.pr },
          tagHosts: targets,
          ingressUrl,
        });
      }
    }
  });

  let autoscaler: Record<string, string> | undefined;
  if (settings.coldStart && coldTargets.length > 0) {
    await deps.timings.time('cold-start', () =>
      log().group('Cold starts', async () => {
        const worthShortening =
          (settings.cluster ?? 'k3d') === 'k3d' &&
          (await anyMayScaleToZero(coldTargets, { kubectl: deps.kubectl }));
        if (worthShortening) {
          autoscaler = await shortenAutoscalerWindows(deps.kubectl, {
            deadline: Date.now() + settings.timeoutMinutes * 60_000,
            log: (m) => log().info(m),
          });
          log().info(
            `Shortened config-autoscaler in the ephemeral cluster: ${Object.entries(autoscaler)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ')}`,
          );
        }
        // Services behind different ingresses (an existing cluster) are measured one ingress at a time.
        for (const ingressUrl of new Set(coldTargets.map((t) => t.ingressUrl))) {
          const measured = await measureColdStarts(
            coldTargets.filter((t) => t.ingressUrl === ingressUrl),
            { ...deps.coldStart, ingressUrl, kubectl: deps.kubectl, log: (m) => log().info(m) },
          );
          for (const [name, coldStart] of measured) {
            const index = services.findIndex((s) => s.service === name);
            const current = services[index];
            if (current && isCompared(current.comparison)) {
              services[index] = { ...current, comparison: { ...current.comparison, coldStart } };
            }
          }
        }
      }),
    );
  }
  const regressions = findRegressions(services, settings);
  for (const regression of regressions) {
    // A failing one is announced by the run's failure message.
    const line = `Regression: ${regression.message}`;
    if (regression.failsRun) log().info(line);
    else log().warning(`${line} (fail-on-regression is off)`);
  }
  return { services, regressions, ...(autoscaler ? { autoscaler } : {}) };
}
