/** Which regressions a run has, whether they fail it, and the failure message naming them. */
import { describe, expect, it } from 'vitest';
import type { ServiceComparison } from '../../../src/compare/types.js';
import type { RunReport, ServiceResult } from '../../../src/report/model.js';
import { findRegressions, runFailureMessage } from '../../../src/report/regressions.js';
import { comparison, sameComparison } from '../report/comparison-fixtures.js';

const slower = comparison();
const failing: ServiceComparison = comparison({
  latency: sameComparison().latency,
  errors: {
    base: { errors: 0, total: 600 },
    pr: {
      errors: 180,
      total: 600,
      mostCommon: { kind: 'HTTP 500', count: 180, sample: 'Internal Server Error' },
    },
    p: 1e-50,
    pHigher: 1e-51,
    regression: true,
    alpha: 0.01,
  },
});

describe('findRegressions', () => {
  const services = [
    { service: 'hello', comparison: slower },
    { service: 'api', comparison: failing },
    { service: 'fresh', comparison: { notCompared: true as const, reason: 'new' } },
    { service: 'off' },
  ];

  it('latency counts only against a threshold; more errors always; fail-on-regression decides', () => {
    expect(findRegressions(services, { failOnRegression: true })).toEqual([
      {
        service: 'api',
        kind: 'errors',
        failsRun: true,
        message: expect.stringMatching(
          /^api fails more often: the PR revision failed 180 of 600 \(30\.0%\) requests, the base 0 of 600 \(0\.0%\).*Most common in the comparison: HTTP 500 \(180×\), e\.g\. "Internal Server Error"$/,
        ),
      },
    ]);
    const withThreshold = findRegressions(services, {
      latencyThreshold: 20,
      failOnRegression: true,
    });
    expect(withThreshold.map((r) => [r.service, r.kind])).toEqual([
      ['hello', 'latency'],
      ['api', 'errors'],
    ]);
    expect(withThreshold[0]?.message).toBe(
      "hello is slower: the PR's median latency is 3.88× the base's, more than the latency-threshold of 20% allows (1.20×)",
    );
    // Under a threshold the ratio does not exceed, a slower PR passes.
    expect(
      findRegressions(services, { latencyThreshold: 400, failOnRegression: true }),
    ).toHaveLength(1);
    expect(
      findRegressions(services, { latencyThreshold: 20, failOnRegression: false }).every(
        (r) => !r.failsRun,
      ),
    ).toBe(true);
  });
});

describe('runFailureMessage', () => {
  const report = (patch: Partial<RunReport>): RunReport => ({
    status: 'consistent',
    services: [],
    timings: {},
    ...patch,
  });

  it('names the failing regressions, and the deviating splits when they fail the run', () => {
    const regressions = findRegressions([{ service: 'hello', comparison: slower }], {
      latencyThreshold: 20,
      failOnRegression: true,
    });
    expect(runFailureMessage(report({ regressions }), true)).toBe(
      "The PR regressed against the base (fail-on-regression is on): hello is slower: the PR's median latency is 3.88× the base's, more than the latency-threshold of 20% allows (1.20×)",
    );
    const deviating = {
      service: 'hello',
      verdict: 'deviates',
      reason: 'PR got 80%.',
    } as unknown as ServiceResult;
    const both = runFailureMessage(
      report({ status: 'deviates', services: [deviating], regressions }),
      true,
    );
    expect(both).toMatch(
      /^The observed traffic split deviates .*hello: PR got 80%\. The PR regressed/,
    );
    // A deviation that does not fail the run is not given as the reason.
    expect(
      runFailureMessage(report({ status: 'deviates', services: [deviating], regressions }), false),
    ).toMatch(/^The PR regressed/);
  });
});
