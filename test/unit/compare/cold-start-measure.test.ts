/**
 * Cold starts: which revisions can scale to zero, the wait for zero pods with its deadline, the
 * timed request, and the autoscaler windows the action sets in its own cluster. Upstream
 * (knative/serving release-1.22):
 *   - pkg/autoscaler/config/config.go: defaults (enable-scale-to-zero true, min-scale 0,
 *     stable-window 60s, scale-to-zero-grace-period 30s, pod retention 0s) and validate():
 *     stable-window within [autoscaling.WindowMin = 6s, WindowMax = 1h] and whole seconds,
 *     scale-to-zero-grace-period > 0;
 *   - pkg/apis/autoscaling/register.go: min-scale / minScale, window, class,
 *     scale-to-zero-pod-retention-period annotations;
 *   - pkg/apis/autoscaling/v1alpha1/pa_lifecycle.go ScaleBounds: the annotation wins;
 *   - pkg/resources/pods.go PodCountsByState: terminating pods are not counted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { COLD_START_AUTOSCALER, shortenAutoscalerWindows } from '../../../src/cluster/knative.js';
import { parseGoDuration, scaleToZeroFacts } from '../../../src/coldstart/autoscaling.js';
import {
  anyMayScaleToZero,
  measureColdStarts,
  type ColdStartOptions,
} from '../../../src/coldstart/measure.js';
import type { Kubectl } from '../../../src/cluster/kubectl.js';
import { gatherEvidence } from '../../../src/compare/evidence-phase.js';
import { isCompared } from '../../../src/compare/types.js';
import type { ReadObject } from '../../../src/kube/object.js';
import type { ServicePlan } from '../../../src/plan/types.js';
import { PhaseTimings } from '../../../src/util/timings.js';
import { servicePlan, serviceResult } from '../report/fixtures.js';
import { revisionBackend, startFakeIngress, type FakeIngress } from '../probe/fake-ingress.js';

describe('scaleToZeroFacts', () => {
  it("idles for the stable window plus the longer of grace period and retention, Knative's defaults first", () => {
    expect(scaleToZeroFacts({}, {})).toEqual({ idleToZeroMs: 90_000 });
    expect(
      scaleToZeroFacts({ 'stable-window': '6s', 'scale-to-zero-grace-period': '3s' }, {}),
    ).toEqual({ idleToZeroMs: 9000 });
    expect(
      scaleToZeroFacts(
        { 'stable-window': '6s', 'scale-to-zero-grace-period': '3s' },
        {
          'autoscaling.knative.dev/window': '2m',
          'autoscaling.knative.dev/scaleToZeroPodRetentionPeriod': '10s',
        },
      ).idleToZeroMs,
    ).toBe(130_000);
  });

  it('a revision that never scales to zero says why', () => {
    const minScale = (v: string) => ({ 'autoscaling.knative.dev/min-scale': v });
    expect(scaleToZeroFacts({}, minScale('1')).blocker).toEqual({
      reason: 'min-scale',
      minScale: 1,
    });
    expect(scaleToZeroFacts({}, { 'autoscaling.knative.dev/minScale': '3' }).blocker).toEqual({
      reason: 'min-scale',
      minScale: 3,
    });
    expect(scaleToZeroFacts({ 'min-scale': '2' }, {}).blocker).toEqual({
      reason: 'min-scale',
      minScale: 2,
    });
    // The revision's own 0 wins over the config map's default.
    expect(scaleToZeroFacts({ 'min-scale': '2' }, minScale('0')).blocker).toBeUndefined();
    expect(scaleToZeroFacts({ 'enable-scale-to-zero': 'false' }, {}).blocker).toEqual({
      reason: 'scale-to-zero-disabled',
    });
    expect(
      scaleToZeroFacts({}, { 'autoscaling.knative.dev/class': 'hpa.autoscaling.knative.dev' })
        .blocker,
    ).toEqual({ reason: 'autoscaler-class', autoscalerClass: 'hpa.autoscaling.knative.dev' });
  });

  it('reads Go durations and nothing else', () => {
    expect(parseGoDuration('1m30s')).toBe(90_000);
    expect(parseGoDuration('250ms')).toBe(250);
    expect(parseGoDuration('30')).toBeUndefined();
    expect(parseGoDuration('1d')).toBeUndefined();
  });
});

describe('the autoscaler windows the action sets in its ephemeral cluster', () => {
  it('are the shortest release-1.22 validation accepts for the window, and a positive grace period', () => {
    const window = parseGoDuration(COLD_START_AUTOSCALER['stable-window']);
    const grace = parseGoDuration(COLD_START_AUTOSCALER['scale-to-zero-grace-period']);
    expect(window).toBe(6000); // autoscaling.WindowMin
    expect(window! % 1000).toBe(0); // whole seconds
    expect(grace).toBeGreaterThan(0);
    expect(Object.keys(COLD_START_AUTOSCALER).sort()).toEqual([
      'scale-to-zero-grace-period',
      'stable-window',
    ]);
  });

  it('are written to config-autoscaler in knative-serving, retried while the webhook starts', async () => {
    const calls: unknown[][] = [];
    let refusals = 1;
    const kubectl = {
      async patchMerge(...args: unknown[]): Promise<void> {
        calls.push(args);
        if (refusals-- > 0) {
          throw new Error(
            'Internal error occurred: failed calling webhook "config.webhook.serving.knative.dev": connect: connection refused',
          );
        }
      },
    };
    const written = await shortenAutoscalerWindows(kubectl, {
      deadline: Date.now() + 10_000,
      sleep: () => Promise.resolve(),
    });
    expect(written).toEqual(COLD_START_AUTOSCALER);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual([
      'configmap',
      'config-autoscaler',
      { data: COLD_START_AUTOSCALER },
      'knative-serving',
    ]);
  });
});

const TARGET = {
  service: 'hello',
  namespace: 'default',
  revisions: { base: 'hello-base-1', pr: 'hello-pr-2' },
  tagHosts: { base: 'base-hello.default.example.com', pr: 'pr-hello.default.example.com' },
};

function pod(revision: string, extra: Partial<ReadObject['metadata']> = {}): ReadObject {
  return {
    metadata: {
      name: `${revision}-pod`,
      labels: { 'serving.knative.dev/revision': revision },
      ...extra,
    },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
  };
}

/**
 * A cluster whose revisions keep their pod for `idleLooks` looks after each request, then have
 * none until the next request (which the ingress reports through `woke`).
 */
function fakeCluster(options: {
  annotations?: Record<string, Record<string, string>>;
  config?: Record<string, string>;
  idleLooks?: Record<string, number>;
}) {
  const looksLeft = new Map<string, number>();
  const reset = (revision: string): void => {
    looksLeft.set(revision, options.idleLooks?.[revision] ?? 2);
  };
  reset(TARGET.revisions.base);
  reset(TARGET.revisions.pr);
  const podsOf = (revision: string): ReadObject[] => {
    const left = looksLeft.get(revision) ?? 0;
    if (left <= 0) return [pod(revision, { deletionTimestamp: '2025-01-01T00:00:00Z' })];
    looksLeft.set(revision, left - 1);
    return [pod(revision)];
  };
  const kubectl: ColdStartOptions['kubectl'] = {
    getJson: <T>(resource: string, name?: string): Promise<T> => {
      if (resource === 'configmap') {
        if (!options.config) return Promise.reject(new Error('configmaps is forbidden'));
        return Promise.resolve({ data: options.config } as T);
      }
      return Promise.resolve({
        metadata: { name, annotations: options.annotations?.[name ?? ''] ?? {} },
      } as T);
    },
    // `kubectl get pods -n <ns> -l serving.knative.dev/revision=<name> -o json`
    runOk: (args: readonly string[]) => {
      const selector = args[args.indexOf('-l') + 1] ?? '';
      const revision = selector.replace('serving.knative.dev/revision=', '');
      return Promise.resolve({
        exitCode: 0,
        stdout: JSON.stringify({ items: podsOf(revision) }),
        stderr: '',
      });
    },
  };
  return { kubectl, woke: reset };
}

describe('anyMayScaleToZero: whether shortening the windows is worth it', () => {
  const minScale1 = { 'autoscaling.knative.dev/min-scale': '1' };

  it('is false only when every revision has a reason never to scale to zero', async () => {
    const none = fakeCluster({
      config: {},
      annotations: { 'hello-base-1': minScale1, 'hello-pr-2': minScale1 },
    });
    expect(await anyMayScaleToZero([TARGET], { kubectl: none.kubectl })).toBe(false);
    const disabled = fakeCluster({ config: { 'enable-scale-to-zero': 'false' } });
    expect(await anyMayScaleToZero([TARGET], { kubectl: disabled.kubectl })).toBe(false);
    const one = fakeCluster({ config: {}, annotations: { 'hello-base-1': minScale1 } });
    expect(await anyMayScaleToZero([TARGET], { kubectl: one.kubectl })).toBe(true);
  });

  it('counts a revision it cannot read as one that may (measuring it says what went wrong)', async () => {
    const cluster = fakeCluster({ config: {} });
    const kubectl: ColdStartOptions['kubectl'] = {
      ...cluster.kubectl,
      getJson: <T>(resource: string, name?: string): Promise<T> =>
        resource === 'configmap'
          ? cluster.kubectl.getJson<T>(resource, name)
          : Promise.reject(new Error('revisions.serving.knative.dev is forbidden')),
    };
    expect(await anyMayScaleToZero([TARGET], { kubectl })).toBe(true);
  });
});

describe('measureColdStarts', () => {
  let ingress: FakeIngress | undefined;
  afterEach(async () => {
    await ingress?.close();
    ingress = undefined;
  });

  async function start(woke: (revision: string) => void, inFlight: { max: number }) {
    let now = 0;
    const backend = (revision: string, delayMs: number) => {
      const answer = revisionBackend({ revision, delayMs });
      return ((req, res, control) => {
        now++;
        inFlight.max = Math.max(inFlight.max, now);
        res.on('finish', () => {
          now--;
          woke(revision);
        });
        answer(req, res, control);
      }) as Parameters<typeof startFakeIngress>[0]['routes'][string][number]['backend'];
    };
    ingress = await startFakeIngress({
      routes: {},
      tags: {
        [TARGET.tagHosts.base]: backend(TARGET.revisions.base, 20),
        [TARGET.tagHosts.pr]: backend(TARGET.revisions.pr, 80),
      },
    });
    return ingress;
  }

  it('waits for zero pods, times one request per sample, three samples a side, one start at a time', async () => {
    const cluster = fakeCluster({ config: {} });
    const inFlight = { max: 0 };
    const { url } = await start(cluster.woke, inFlight);
    const lines: string[] = [];
    const measured = await measureColdStarts([TARGET], {
      ingressUrl: url,
      kubectl: cluster.kubectl,
      pollIntervalMs: 5,
      log: (m) => lines.push(m),
    });
    const result = measured.get('hello')!;
    expect(result.base.measured && result.base.samplesMs).toHaveLength(3);
    expect(result.pr.measured && result.pr.samplesMs).toHaveLength(3);
    expect(result.pr.measured && result.pr.medianMs).toBeGreaterThanOrEqual(79);
    expect(result.base.measured && result.base.medianMs).toBeLessThan(
      result.pr.measured ? result.pr.medianMs : 0,
    );
    expect(inFlight.max).toBe(1);
    expect(ingress!.hits.get(TARGET.tagHosts.pr)).toBe(3);
    expect(lines).toContain(
      `hello-pr-2: cold start 3 of 3: ${Math.round(result.pr.measured ? result.pr.samplesMs[2]! : 0)} ms`,
    );
  });

  it("on an existing cluster, measures with the cluster's own windows and never writes config-autoscaler; in k3d it shortens them", async () => {
    const run = async (cluster: 'existing' | 'k3d') => {
      const fake = fakeCluster({ config: {} });
      const writes: unknown[][] = [];
      const kubectl = {
        ...fake.kubectl,
        patchMerge: (...args: unknown[]) => {
          writes.push(args);
          return Promise.resolve();
        },
      } as unknown as Kubectl;
      const { url } = await start(fake.woke, { max: 0 });
      const plan: ServicePlan = {
        ...servicePlan(),
        revisions: TARGET.revisions,
        tagHosts: TARGET.tagHosts,
      };
      const evidence = await gatherEvidence(
        [{ plan, result: serviceResult(), ingressUrl: url }],
        {
          compareRequests: 10,
          failOnRegression: false,
          coldStart: true,
          cluster,
          timeoutMinutes: 1,
        },
        { kubectl, timings: new PhaseTimings(), coldStart: { pollIntervalMs: 5 } },
      );
      await ingress?.close();
      ingress = undefined;
      const comparison = evidence.services[0]?.comparison;
      return {
        writes,
        autoscaler: evidence.autoscaler,
        measured: isCompared(comparison) && comparison.coldStart?.pr.measured,
      };
    };
    const existing = await run('existing');
    expect(existing).toEqual({ writes: [], autoscaler: undefined, measured: true });
    const k3d = await run('k3d');
    expect(k3d.writes).toEqual([
      ['configmap', 'config-autoscaler', { data: COLD_START_AUTOSCALER }, 'knative-serving'],
    ]);
    expect(k3d.autoscaler).toEqual(COLD_START_AUTOSCALER);
    expect(k3d.measured).toBe(true);
  });

  it('does not measure a revision that cannot scale to zero, and says so', async () => {
    const cluster = fakeCluster({
      annotations: { 'hello-base-1': { 'autoscaling.knative.dev/min-scale': '1' } },
    });
    const { url } = await start(cluster.woke, { max: 0 });
    const lines: string[] = [];
    const result = (
      await measureColdStarts([TARGET], {
        ingressUrl: url,
        kubectl: cluster.kubectl,
        pollIntervalMs: 5,
        samples: 1,
        log: (m) => lines.push(m),
      })
    ).get('hello')!;
    expect(result.base).toEqual({
      measured: false,
      notMeasured: { reason: 'min-scale', minScale: 1 },
    });
    expect(result.pr.measured).toBe(true);
    // config-autoscaler unreadable (an existing cluster's RBAC): Knative's defaults are assumed.
    expect(lines[0]).toMatch(
      /Could not read config-autoscaler \(configmaps is forbidden\); assuming Knative's defaults/,
    );
  });

  it('gives up at the deadline, saying what it waited for and what it last saw', async () => {
    const cluster = fakeCluster({ config: {}, idleLooks: { 'hello-pr-2': 1e9 } });
    const { url } = await start(cluster.woke, { max: 0 });
    const lines: string[] = [];
    const result = (
      await measureColdStarts([TARGET], {
        ingressUrl: url,
        kubectl: cluster.kubectl,
        pollIntervalMs: 5,
        slackMs: 0,
        maxWaitMs: 150,
        samples: 1,
        log: (m) => lines.push(m),
      })
    ).get('hello')!;
    expect(result.pr).toEqual({
      measured: false,
      notMeasured: {
        reason: 'timed-out',
        waitedMs: 150,
        pods: 1,
        lastSeen: 'hello-pr-2-pod Running, ready',
      },
    });
    expect(lines.join('\n')).toContain(
      'waiting for revision hello-pr-2 in default to scale to zero (no running pod labelled serving.knative.dev/revision=hello-pr-2); last seen: hello-pr-2-pod Running, ready',
    );
    expect(result.base.measured).toBe(true);
  });

  it('a cold request that fails is reported with the answer', async () => {
    const cluster = fakeCluster({ config: {} });
    ingress = await startFakeIngress({
      routes: {},
      tags: {
        [TARGET.tagHosts.base]: revisionBackend({ revision: 'b' }),
        [TARGET.tagHosts.pr]: revisionBackend({ revision: 'p', status: 503, body: 'no\nupstream' }),
      },
    });
    const result = (
      await measureColdStarts([TARGET], {
        ingressUrl: ingress.url,
        kubectl: cluster.kubectl,
        pollIntervalMs: 5,
        samples: 1,
      })
    ).get('hello')!;
    expect(result.pr).toEqual({
      measured: false,
      notMeasured: { reason: 'failed', error: 'HTTP 503 no upstream' },
    });
  });
});
