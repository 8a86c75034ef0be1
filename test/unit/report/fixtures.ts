import type { PreviewPlan, ServicePlan } from '../../../src/plan/types.js';
import type { RunReport, ServiceResult } from '../../../src/report/model.js';
import type { RenderContext } from '../../../src/report/render-parts.js';

export const BASE_SHA = 'aaaaaaa1111111111111111111111111111111aa';
export const HEAD_SHA = 'bbbbbbb2222222222222222222222222222222bb';

export function servicePlan(name = 'hello', prPercent = 50): ServicePlan {
  const base = `${name}-base-aaaaaaa`;
  const pr = `${name}-pr-bbbbbbb`;
  const manifest = (revision: string) => ({
    apiVersion: 'serving.knative.dev/v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: { template: { metadata: { name: revision } } },
  });
  return {
    name,
    namespace: 'default',
    source: { file: 'knative/service.yaml', line: 1 },
    mode: 'canary',
    revisions: { base, pr },
    manifests: { base: manifest(base), pr: manifest(pr) },
    traffic: [
      { revisionName: base, percent: 100 - prPercent, tag: 'base' },
      { revisionName: pr, percent: prPercent, tag: 'pr' },
    ],
    expected: { [base]: 100 - prPercent, [pr]: prPercent },
    host: `${name}.default.example.com`,
    url: `http://${name}.default.example.com`,
    tagHosts: { base: `base-${name}.default.example.com`, pr: `pr-${name}.default.example.com` },
  };
}

export function plan(overrides: Partial<PreviewPlan> = {}): PreviewPlan {
  return {
    event: 'pull_request',
    repository: { owner: 'octo', repo: 'shop' },
    pullRequest: { number: 7, title: 'Make it faster', baseRef: 'main', headRef: 'feature/fast' },
    baseSha: BASE_SHA,
    headSha: HEAD_SHA,
    labels: ['canary-50', 'enhancement'],
    split: {
      prPercent: 50,
      label: 'canary-50',
      reason: 'The label canary-50 sends 50% to the PR.',
    },
    domain: 'example.com',
    services: [servicePlan()],
    otherObjects: [],
    ...overrides,
  };
}

export function serviceResult(overrides: Partial<ServiceResult> = {}): ServiceResult {
  return {
    service: 'hello',
    namespace: 'default',
    host: 'hello.default.example.com',
    url: 'http://hello.default.example.com',
    requests: 400,
    revisions: [
      {
        revision: 'hello-base-aaaaaaa',
        side: 'base',
        configuredPercent: 50,
        responses: 196,
        observedPercent: 49,
        interval: { low: 44.1, high: 53.9 },
        errors: 0,
        latencyMs: { p50: 3.2, p95: 9.5 },
      },
      {
        revision: 'hello-pr-bbbbbbb',
        side: 'pr',
        configuredPercent: 50,
        responses: 204,
        observedPercent: 51,
        interval: { low: 46.1, high: 55.9 },
        errors: 0,
        latencyMs: { p50: 3.1, p95: 8.7 },
      },
    ],
    unattributed: { count: 0, errors: 0, samples: [] },
    tagChecks: [
      {
        tag: 'base',
        host: 'base-hello.default.example.com',
        expectedRevision: 'hello-base-aaaaaaa',
        requests: 10,
        matched: 10,
        sample: 'hello from base',
      },
      {
        tag: 'pr',
        host: 'pr-hello.default.example.com',
        expectedRevision: 'hello-pr-bbbbbbb',
        requests: 10,
        matched: 10,
        sample: 'hello from pr',
      },
    ],
    verdict: 'consistent',
    test: 'binomial',
    pValue: 0.6891,
    alpha: 0.05,
    reason: 'The observed share is within what chance allows.',
    durationMs: 4200,
    ...overrides,
  };
}

export function report(overrides: Partial<RunReport> = {}): RunReport {
  return {
    status: 'consistent',
    services: [serviceResult()],
    timings: { 'bring-up': 61.2, knative: 48.9, deploy: 20.1, probe: 4.2 },
    ...overrides,
  };
}

export const context: RenderContext = {
  serverUrl: 'https://github.com',
  repository: 'octo/shop',
  runId: '123456',
  runAttempt: '2',
  labelPrefix: 'canary-',
  requests: 400,
};

export const MARKER = '<!-- knative-action:preview workflow=preview.yml job=preview -->';
export const FIXED_NOW = new Date('2026-01-02T03:04:05Z');
