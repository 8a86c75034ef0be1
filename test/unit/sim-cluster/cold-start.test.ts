/**
 * Scale to zero and cold starts in the running sim, seen as the action sees them: pods with the
 * label `serving.knative.dev/revision=<name>` through the real kubectl, the revision's
 * `status.actualReplicas` and `Active` condition, and the time the ingress takes to answer.
 * Upstream (knative/serving release-1.22): pkg/reconciler/autoscaling/kpa/scaler.go (scale to
 * zero after the stable window and the grace period), pkg/reconciler/autoscaling/kpa/kpa.go
 * (ActualScale = ready pods; MarkInactive "NoTraffic"), pkg/apis/serving/v1/revision_lifecycle.go
 * (PropagateAutoscalerStatus: actualReplicas and Active from the PodAutoscaler; Ready does not
 * depend on Active), pkg/reconciler/autoscaling/kpa/controller.go (a config-autoscaler change
 * resyncs every PodAutoscaler).
 */
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installKnative, startHarness, type Harness } from './helpers.js';

const agent = new Agent({ keepAlive: true, maxSockets: 2 });

function askMs(h: Harness, host: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: h.cluster.lbPort, path: '/', headers: { host }, agent },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }),
        );
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer from ${host}`)));
    req.on('error', reject);
    req.end();
  });
}

function service(name: string, annotations: Record<string, string> = {}): string {
  return JSON.stringify({
    apiVersion: 'serving.knative.dev/v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: {
      template: {
        metadata: { name: `${name}-r1`, annotations },
        spec: { containers: [{ image: 'ghcr.io/knative/helloworld-go:latest' }] },
      },
    },
  });
}

async function pods(h: Harness, revision: string): Promise<number> {
  const list = JSON.parse(
    await h.ok([
      'get',
      'pods',
      '-n',
      'default',
      '-l',
      `serving.knative.dev/revision=${revision}`,
      '-o',
      'json',
    ]),
  ) as { items: unknown[] };
  return list.items.length;
}

async function revisionStatus(
  h: Harness,
  name: string,
): Promise<{ actualReplicas?: number; active?: string; ready?: string }> {
  const rev = JSON.parse(await h.ok(['get', 'revision', name, '-n', 'default', '-o', 'json'])) as {
    status: {
      actualReplicas?: number;
      conditions: { type: string; status: string; reason?: string }[];
    };
  };
  const condition = (type: string): string | undefined => {
    const c = rev.status.conditions.find((x) => x.type === type);
    return c && `${c.status}${c.reason ? `/${c.reason}` : ''}`;
  };
  return {
    actualReplicas: rev.status.actualReplicas,
    active: condition('Active'),
    ready: condition('Ready'),
  };
}

async function eventually<T>(
  look: () => Promise<T>,
  ok: (value: T) => boolean,
  ms: number,
): Promise<T> {
  const end = Date.now() + ms;
  let value = await look();
  while (!ok(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 200));
    value = await look();
  }
  return value;
}

describe('sim scale to zero and cold starts', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ SIM_COLD_START_MS: 'cold-*=400' });
    await installKnative(h);
    await h.ok(['apply', '-f', '-'], service('cold'));
    await h.ok(['apply', '-f', '-'], service('warm', { 'autoscaling.knative.dev/min-scale': '1' }));
    await h.ok(['wait', '--for=condition=Ready', 'ksvc', '--all', '--timeout=15s']);
    // Until the config map says otherwise, the defaults (60s + 30s) keep every pod for minutes.
    expect(await pods(h, 'cold-r1')).toBe(1);
    await h.ok([
      'patch',
      'configmap',
      'config-autoscaler',
      '-n',
      'knative-serving',
      '--type',
      'merge',
      '-p',
      '{"data":{"stable-window":"6s","scale-to-zero-grace-period":"1s"}}',
    ]);
  }, 60_000);
  afterAll(async () => {
    agent.destroy();
    await h?.stop();
  });

  it('scales an idle revision to zero, holds the next request for the cold start, and scales back', async () => {
    expect((await askMs(h, 'cold.default.example.com')).status).toBe(200);
    const atZero = await eventually(
      () => pods(h, 'cold-r1'),
      (n) => n === 0,
      15_000,
    );
    expect(atZero).toBe(0);
    expect(await revisionStatus(h, 'cold-r1')).toEqual({
      actualReplicas: 0,
      active: 'False/NoTraffic',
      ready: 'True',
    });
    // min-scale 1 keeps its pod however long it idles.
    expect(await pods(h, 'warm-r1')).toBe(1);

    const cold = await askMs(h, 'cold.default.example.com');
    expect(cold.status).toBe(200);
    // 400 ms plus up to 10%, plus the request itself.
    expect(cold.ms).toBeGreaterThanOrEqual(399);
    expect(cold.ms).toBeLessThan(1500);
    expect(await pods(h, 'cold-r1')).toBe(1);
    expect((await revisionStatus(h, 'cold-r1')).actualReplicas).toBe(1);
    const warm = await askMs(h, 'cold.default.example.com');
    expect(warm.ms).toBeLessThan(200);
    // Without a SIM_COLD_START_MS rule a revision still scales, but its start takes no time.
    const other = await askMs(h, 'warm.default.example.com');
    expect(other.ms).toBeLessThan(200);
  }, 40_000);
});
