/**
 * The comparison phase of one service against a loopback ingress: which services are compared,
 * the split probe's failures added to the comparison's, and the verdicts it reaches.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  COMPARE_DEFAULTS,
  compareRevisions,
  comparisonTargets,
  splitErrorCounts,
} from '../../../src/compare/compare-revisions.js';
import type { RevisionResult } from '../../../src/probe/types.js';
import {
  revisionBackend,
  sometimes,
  startFakeIngress,
  type FakeIngress,
} from '../probe/fake-ingress.js';

const TAGS = { base: 'base-hello.default.example.com', pr: 'pr-hello.default.example.com' };

describe('comparisonTargets', () => {
  it('a canary service is compared through its two tag hosts', () => {
    expect(
      comparisonTargets({
        mode: 'canary',
        tagHosts: TAGS,
        revisions: { base: 'hello-base-1', pr: 'hello-pr-2' },
      }),
    ).toEqual(TAGS);
  });

  it('a new service or a push preview has no base: not compared, saying why', () => {
    expect(
      comparisonTargets({ mode: 'new', tagHosts: { pr: TAGS.pr }, revisions: { pr: 'x' } }),
    ).toEqual({
      notCompared: true,
      reason: 'the service is new in this PR, so there is no base revision to compare with',
    });
    expect(
      comparisonTargets({ mode: 'single', tagHosts: { pr: TAGS.pr }, revisions: { pr: 'x' } }),
    ).toMatchObject({
      notCompared: true,
      reason: expect.stringMatching(/push or workflow_dispatch/),
    });
  });
});

describe('splitErrorCounts', () => {
  it("sums the split probe's responses and non-2xx answers per side", () => {
    const row = (side: 'base' | 'pr', responses: number, errors: number): RevisionResult => ({
      revision: `r-${side}`,
      side,
      configuredPercent: 50,
      responses,
      observedPercent: 50,
      interval: { low: 45, high: 55 },
      errors,
      latencyMs: { p50: 1, p95: 2 },
    });
    expect(splitErrorCounts({ revisions: [row('base', 200, 1), row('pr', 190, 57)] })).toEqual({
      base: { errors: 1, total: 200 },
      pr: { errors: 57, total: 190 },
    });
  });
});

describe('compareRevisions against a loopback ingress', () => {
  let ingress: FakeIngress | undefined;
  afterEach(async () => {
    await ingress?.close();
    ingress = undefined;
  });

  it('finds a PR four times slower, sending the same number of requests to each tag', async () => {
    ingress = await startFakeIngress({
      routes: {},
      tags: {
        [TAGS.base]: revisionBackend({ revision: 'base', delayMs: 5 }),
        [TAGS.pr]: revisionBackend({ revision: 'pr', delayMs: 20 }),
      },
    });
    const result = await compareRevisions({
      ingressUrl: ingress.url,
      tagHosts: TAGS,
      requestsPerSide: 60,
    });
    expect(ingress.hits.get(TAGS.base)).toBe(60);
    expect(ingress.hits.get(TAGS.pr)).toBe(60);
    expect(result.latency.verdict).toBe('slower');
    expect(result.latency.ratio).toBeGreaterThan(2);
    expect(result.errors).toMatchObject({
      base: { errors: 0, total: 60 },
      pr: { errors: 0, total: 60 },
      regression: false,
    });
    expect(COMPARE_DEFAULTS.concurrency).toBe(4);
  });

  it("adds the split probe's failures, and flags a PR that fails more, with its most common error", async () => {
    ingress = await startFakeIngress({
      routes: {},
      tags: {
        [TAGS.base]: revisionBackend({ revision: 'base' }),
        [TAGS.pr]: sometimes(
          0.3,
          revisionBackend({ revision: 'pr', status: 500, body: 'boom: <db down>' }),
          revisionBackend({ revision: 'pr' }),
        ),
      },
    });
    const result = await compareRevisions({
      ingressUrl: ingress.url,
      tagHosts: TAGS,
      requestsPerSide: 100,
      splitErrors: { base: { errors: 0, total: 150 }, pr: { errors: 45, total: 150 } },
    });
    expect(result.errors.base).toEqual({ errors: 0, total: 250 });
    expect(result.errors.pr.total).toBe(250);
    expect(result.errors.pr.errors).toBeGreaterThan(45 + 10);
    expect(result.errors.pr.mostCommon).toMatchObject({
      kind: 'HTTP 500',
      sample: 'boom: <db down>',
    });
    expect(result.errors.regression).toBe(true);
    // Failed answers are not timed: the latency comparison uses successful answers only.
    expect(result.latency.pr.samples).toBe(100 - (result.errors.pr.errors - 45));
  });
});
