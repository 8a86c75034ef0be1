/**
 * PR vs base in the comment, the job summary and the hidden state: a table per service, one
 * chart per run, the autoscaler note, a headline naming the regression that failed the run,
 * the comment's size with many services, and what on-change compares.
 */
import { describe, expect, it } from 'vitest';
import { findRegressions } from '../../../src/report/regressions.js';
import { COMMENT_BUDGET_CHARS, renderComment } from '../../../src/report/render-comment.js';
import { renderSummary } from '../../../src/report/render-summary.js';
import { renderTextReport } from '../../../src/report/render-text.js';
import { parseCommentState } from '../../../src/report/state-schema.js';
import {
  embedState,
  extractState,
  nextState,
  significantlyEqual,
  snapshotOf,
} from '../../../src/report/state.js';
import type { RunReport, ServiceResult } from '../../../src/report/model.js';
import { comparison, sameComparison } from './comparison-fixtures.js';
import {
  FIXED_NOW,
  MARKER,
  context,
  plan,
  report,
  serviceResult,
  servicePlan,
} from './fixtures.js';

const withComparison = (name: string, outcome = comparison()): ServiceResult =>
  serviceResult({ service: name, comparison: outcome });

function renderFor(runReport: RunReport, names = ['hello']): string {
  return renderComment({
    plan: plan({ services: names.map((n) => servicePlan(n)) }),
    report: runReport,
    phase: 'result',
    context: { ...context, compareRequests: 200 },
    marker: MARKER,
    now: FIXED_NOW,
  });
}

const mermaidBlocks = (text: string): number => text.split('```mermaid').length - 1;

describe('PR vs base in the comment', () => {
  it('a table per service, one chart for the run, and the autoscaler note', () => {
    const body = renderFor(
      report({
        services: [withComparison('hello'), withComparison('api', sameComparison())],
        autoscaler: { 'stable-window': '6s', 'scale-to-zero-grace-period': '3s' },
      }),
      ['hello', 'api'],
    );
    expect(
      body.split(
        "**PR vs base** · 200 requests to each revision's tag, interleaved; the errors also count the split probe's answers",
      ),
    ).toHaveLength(3);
    expect(body).toContain('| Latency p50 | 4.1 ms | 15.9 ms | median 3.88× (95% CI 3.57–4.17) |');
    expect(mermaidBlocks(body)).toBe(1);
    expect(body).toContain(
      'x-axis ["hello p50", "hello p95", "hello p99", "api p50", "api p95", "api p99"]',
    );
    expect(body).toContain(
      "_To measure cold starts in seconds, this run shortened Knative's autoscaler windows in its ephemeral cluster (`config-autoscaler` `stable-window`: `6s`, `scale-to-zero-grace-period`: `3s`)._",
    );
    // Report only (no threshold): the split's headline stays.
    expect(body).toContain('### ✅ Knative preview: the measured split is consistent');
  });

  it('a service without a base says why it was not compared; no chart without comparisons', () => {
    const body = renderFor(
      report({
        services: [
          serviceResult({
            comparison: {
              notCompared: true,
              reason: 'the service is new in this PR, so there is no base revision to compare with',
            },
          }),
        ],
      }),
    );
    expect(body).toContain(
      '**PR vs base**: not compared: the service is new in this PR, so there is no base revision to compare with.',
    );
    expect(mermaidBlocks(body)).toBe(0);
  });

  it('the headline names the regression that failed the run; one reported only is a warning', () => {
    const slower = [withComparison('hello')];
    const failing = renderFor(
      report({
        services: slower,
        regressions: findRegressions(slower, { latencyThreshold: 20, failOnRegression: true }),
      }),
    );
    expect(failing).toContain('### ❌ Knative preview: the PR is slower than the base\n');
    expect(failing).toContain(
      "❌ `hello` is slower: the PR's median latency is 3.88× the base's, more than the latency-threshold of 20% allows (1.20×).",
    );
    const reported = renderFor(
      report({
        services: slower,
        regressions: findRegressions(slower, { latencyThreshold: 20, failOnRegression: false }),
      }),
    );
    expect(reported).toContain('### ✅ Knative preview: the measured split is consistent');
    expect(reported).toContain('_(reported only: fail-on-regression is off)_');

    const errors = comparison({
      latency: sameComparison().latency,
      errors: {
        base: { errors: 0, total: 500 },
        pr: {
          errors: 150,
          total: 500,
          mostCommon: { kind: 'HTTP 500', count: 150, sample: '<b>x</b>' },
        },
        p: 1e-40,
        pHigher: 1e-41,
        regression: true,
        alpha: 0.01,
      },
    });
    const both = [withComparison('hello'), withComparison('api', errors)];
    const body = renderFor(
      report({
        services: both,
        regressions: findRegressions(both, { latencyThreshold: 20, failOnRegression: true }),
      }),
      ['hello', 'api'],
    );
    expect(body).toContain(
      '### ❌ Knative preview: the PR is slower and fails more often than the base\n',
    );
    expect(body).toContain(
      "❌ `api`: **Errors: the PR fails more often**: 150 of 500 (30.0%) against the base's 0 of 500 (0.0%)",
    );
    // The sample body from the cluster is shown as code, never as HTML.
    expect(body).toContain('e.g. `<b>x</b>`');
    expect(body.replace(/`[^`\n]*`/g, '')).not.toContain('<b>');
  });

  it('stays under the budget with many services, keeping at most one chart', () => {
    const names = Array.from({ length: 40 }, (_, i) => `service-${String(i).padStart(2, '0')}`);
    const body = renderFor(
      report({
        services: names.map((n) =>
          serviceResult({
            service: n,
            comparison: comparison({
              errors: {
                ...comparison().errors,
                pr: {
                  errors: 3,
                  total: 600,
                  mostCommon: { kind: 'HTTP 502', count: 3, sample: 'x'.repeat(2000) },
                },
              },
            }),
          }),
        ),
      }),
      names,
    );
    expect(body.length).toBeLessThanOrEqual(COMMENT_BUDGET_CHARS);
    expect(mermaidBlocks(body)).toBeLessThanOrEqual(1);
  });
});

describe('PR vs base in the job summary', () => {
  it('shows the same tables, the chart once and the note', () => {
    const text = renderSummary({
      plan: plan(),
      report: report({
        services: [withComparison('hello')],
        autoscaler: { 'stable-window': '6s', 'scale-to-zero-grace-period': '3s' },
      }),
      context: { ...context, compareRequests: 200 },
    });
    expect(text).toContain(
      "**PR vs base** · 200 requests to each revision's tag, interleaved; the errors also count the split probe's answers",
    );
    expect(mermaidBlocks(text)).toBe(1);
    expect(text).toContain("shortened Knative's autoscaler windows");
  });
});

describe('PR vs base in the terminal report', () => {
  it('the comparison table per service, the regressions and the autoscaler note, as plain text', () => {
    const services = [
      withComparison('hello'),
      serviceResult({
        service: 'fresh',
        comparison: { notCompared: true, reason: 'the service is new in this PR' },
      }),
    ];
    const text = renderTextReport({
      plan: plan({ services: [servicePlan('hello'), servicePlan('fresh')] }),
      report: report({
        services,
        regressions: findRegressions(services, { latencyThreshold: 20, failOnRegression: true }),
        autoscaler: { 'stable-window': '6s', 'scale-to-zero-grace-period': '3s' },
      }),
    });
    expect(text).toMatch(/^❌ Knative preview: the PR is slower than the base\n/);
    expect(text).toContain(
      "Regression: hello is slower: the PR's median latency is 3.88× the base's, more than the latency-threshold of 20% allows (1.20×)",
    );
    expect(text).toContain('PR vs base: hello (namespace default)');
    expect(text).toContain('  latency p50');
    expect(text).toContain('PR vs base: not compared: the service is new in this PR.');
    expect(text).toContain('config-autoscaler stable-window 6s, scale-to-zero-grace-period 3s');
  });
});

describe('comparison verdicts in the hidden state', () => {
  const snapshot = (services: ServiceResult[], extra: Partial<RunReport> = {}) =>
    nextState(
      snapshotOf({
        plan: plan(),
        report: report({ services, ...extra }),
        phase: 'result',
        now: FIXED_NOW,
      }),
      undefined,
    );

  it('stores the verdicts, not the figures, so on-change writes when a verdict changes', () => {
    const slower = snapshot([withComparison('hello')], {
      regressions: findRegressions([withComparison('hello')], {
        latencyThreshold: 20,
        failOnRegression: true,
      }),
    });
    expect(slower.services[0]).toMatchObject({ latencyVerdict: 'slower', errorRegression: false });
    expect(slower.regressed).toBe(true);
    const back = extractState(`${MARKER}\n${embedState(slower)}\n`, { strict: true });
    expect(back?.services[0]).toMatchObject({ latencyVerdict: 'slower', errorRegression: false });
    expect(back?.regressed).toBe(true);

    const sameVerdictOtherFigures = snapshot(
      [withComparison('hello', comparison({ latency: { ...comparison().latency, ratio: 2.5 } }))],
      {
        regressions: slower.regressed
          ? findRegressions([withComparison('hello')], {
              latencyThreshold: 20,
              failOnRegression: true,
            })
          : [],
      },
    );
    expect(significantlyEqual(slower, sameVerdictOtherFigures)).toBe(true);
    const nowSame = snapshot([withComparison('hello', sameComparison())]);
    expect(significantlyEqual(slower, nowSame)).toBe(false);
  });

  it('drops an edited verdict that is not one, and strict reading refuses the state', () => {
    const state = JSON.parse(JSON.stringify(snapshot([withComparison('hello')]))) as Record<
      string,
      unknown
    >;
    (state.services as Record<string, unknown>[])[0]!.latencyVerdict = 'slow<script>';
    (state.services as Record<string, unknown>[])[0]!.errorRegression = 'yes';
    state.regressed = 1;
    const parsed = parseCommentState(state);
    expect(parsed?.state.services[0]).not.toHaveProperty('latencyVerdict');
    expect(parsed?.state.services[0]).not.toHaveProperty('errorRegression');
    expect(parsed?.state).not.toHaveProperty('regressed');
    expect(parsed?.dropped).toEqual(
      expect.arrayContaining([
        'services[0].latencyVerdict',
        'services[0].errorRegression',
        'regressed',
      ]),
    );
  });
});
