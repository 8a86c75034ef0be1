/**
 * What the comparisons mean for the run: which regressions there are, and the failure message
 * that names them. Pure; messages are plain text (the log and the step's failure annotation), and the
 * renderers escape them where they go into Markdown.
 */
import { latencyGate } from '../compare/gates.js';
import { isCompared, type Regression } from '../compare/types.js';
import { errorRegressionMessage } from './comparison-text.js';
import type { RunReport, ServiceResult } from './model.js';

export interface RegressionSettings {
  /** `latency-threshold` in percent; undefined: latency is reported, never enforced. */
  latencyThreshold?: number;
  failOnRegression: boolean;
}

/** The regressions of every compared service, in service order: latency first, then errors. */
export function findRegressions(
  services: readonly Pick<ServiceResult, 'service' | 'comparison'>[],
  settings: RegressionSettings,
): Regression[] {
  const found: Regression[] = [];
  for (const { service, comparison } of services) {
    if (!isCompared(comparison)) continue;
    const { latency, errors } = comparison;
    const gate = latencyGate(settings.latencyThreshold, latency.verdict, latency.ratio);
    if (gate.outcome === 'fail') {
      found.push({
        service,
        kind: 'latency',
        message: `${service} is slower: ${gate.message}`,
        detail: gate.message,
        failsRun: settings.failOnRegression,
      });
    }
    if (errors.regression) {
      found.push({
        service,
        kind: 'errors',
        message: `${service} fails more often: ${errorRegressionMessage(errors)}`,
        failsRun: settings.failOnRegression,
      });
    }
  }
  return found;
}

/** Why a finished run fails: the deviating splits (when they fail it) and the regressions. */
export function runFailureMessage(report: RunReport, failOnDeviation: boolean): string {
  const parts: string[] = [];
  if (failOnDeviation && report.status === 'deviates') {
    const reasons = report.services
      .filter((s) => s.verdict === 'deviates')
      .map((s) => `${s.service}: ${s.reason}`);
    parts.push(
      `The observed traffic split deviates from the configured one (fail-on-deviation is on). ${reasons.join('; ')}`,
    );
  }
  const failing = (report.regressions ?? []).filter((r) => r.failsRun);
  if (failing.length > 0) {
    parts.push(
      `The PR regressed against the base (fail-on-regression is on): ${failing.map((r) => r.message).join('; ')}`,
    );
  }
  return parts.join(' ');
}
