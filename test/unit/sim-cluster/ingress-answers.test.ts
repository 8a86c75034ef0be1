/**
 * What the sim's ingress answers: each imported image as the app it was built from (template,
 * answer spec, generic), after SIM_LATENCY_MS and with SIM_ERROR_RATE, on route and tag hosts;
 * and a bad knob stops the cluster from starting.
 */
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimCluster } from '../../sim/cluster/index.js';
import { FAILURE_BODY, GENERIC_BODY } from '../../sim/cluster/app-answer.js';
import { freePort, installKnative, startHarness, type Harness } from './helpers.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  elapsedMs: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

function ask(h: Harness, host: string): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: h.cluster.lbPort, path: '/', headers: { host }, agent },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            elapsedMs: performance.now() - started,
          }),
        );
      },
    );
    req.setTimeout(5000, () => req.destroy(new Error(`no answer from ${host} within 5 s`)));
    req.on('error', reject);
    req.end();
  });
}

async function askMany(h: Harness, host: string, n: number): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (let i = 0; i < n; i++) answers.push(await ask(h, host));
  return answers;
}

/** One service `name` with one revision `<name>-r1` of `image`, tagged `main`. */
function service(name: string, image: string): string {
  return JSON.stringify({
    apiVersion: 'serving.knative.dev/v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: {
      template: {
        metadata: { name: `${name}-r1` },
        spec: { containers: [{ image, env: [{ name: 'TARGET', value: name }] }] },
      },
      traffic: [{ revisionName: `${name}-r1`, percent: 100, tag: 'main' }],
    },
  });
}

// {{env.K_SERVICE}}: Knative gives every user container K_REVISION, K_CONFIGURATION, K_SERVICE
// (knative/serving knative-v1.22.1 pkg/reconciler/revision/resources/env_var.go) and PORT
// (deploy.go, buildUserPortEnv).
const SPEC = {
  status: 203,
  headers: { 'X-App': 'demo {{env.TARGET}}', 'cache-control': 'no-store' },
  body: 'answer {{request}} from {{env.K_SERVICE}}\n',
};

describe('sim ingress answers and traffic knobs', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      SIM_LATENCY_MS: 'slow-*=150,*=0',
      SIM_ERROR_RATE: 'flaky-*=0.3,broken-*=1',
      SIM_INGRESS_SEED: '42',
    });
    await installKnative(h);
    const imported = await fetch(`${h.cluster.apiUrl}/_sim/images`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        images: ['dev.local/spec:1', 'dev.local/plain:1', 'dev.local/tmpl:1'],
        apps: {
          'dev.local/spec:1': { kind: 'spec', spec: SPEC },
          'dev.local/plain:1': { kind: 'generic' },
        },
      }),
    });
    expect(imported.status).toBe(200);
    const services: [string, string][] = [
      ['spec', 'dev.local/spec:1'],
      ['plain', 'dev.local/plain:1'],
      ['tmpl', 'dev.local/tmpl:1'],
      ['slow', 'dev.local/plain:1'],
      ['flaky', 'dev.local/tmpl:1'],
      ['broken', 'dev.local/tmpl:1'],
    ];
    for (const [name, image] of services) await h.ok(['apply', '-f', '-'], service(name, image));
    await h.ok(['wait', '--for=condition=Ready', 'ksvc', '--all', '--timeout=15s']);
  }, 60_000);
  afterAll(async () => {
    agent.destroy();
    await h?.stop();
  });

  it('answers per the image answer spec: status, headers, a body that varies per request', async () => {
    const [first, second] = await askMany(h, 'spec.default.example.com', 2);
    expect(first?.status).toBe(203);
    expect(first?.headers['x-app']).toBe('demo spec');
    expect(first?.headers['cache-control']).toBe('no-store');
    expect(first?.headers['k-revision']).toBeUndefined();
    expect(first?.body).toMatch(/^answer \d+ from spec\n$/);
    expect(second?.body).not.toBe(first?.body);
    // The tag host reaches the same container; the count goes on.
    const tagged = await ask(h, 'main-spec.default.example.com');
    expect(tagged.body).toBe('answer 3 from spec\n');
  });

  it('a generic image answers without a revision; an image imported without a description like the template', async () => {
    const plain = await ask(h, 'plain.default.example.com');
    expect([plain.status, plain.body, plain.headers['k-revision']]).toEqual([
      200,
      GENERIC_BODY,
      undefined,
    ]);
    const template = await ask(h, 'tmpl.default.example.com');
    expect([template.status, template.body, template.headers['k-revision']]).toEqual([
      200,
      'Hello tmpl from tmpl-r1!\n',
      'tmpl-r1',
    ]);
  });

  it('holds answers of revisions matching SIM_LATENCY_MS for about MS, with jitter', async () => {
    const slow = await askMany(h, 'slow.default.example.com', 20);
    const upstream = slow.map((a) => Number(a.headers['x-envoy-upstream-service-time']));
    // 150 * exp(0.1 z) with |z| < 4 in all but 1 in 15,000 draws: 100..224 ms, tail up to 600.
    for (const ms of upstream) {
      expect(ms).toBeGreaterThanOrEqual(100);
      expect(ms).toBeLessThanOrEqual(600);
    }
    expect(new Set(upstream).size).toBeGreaterThan(5);
    // Each answer really waited (never less than the delay it reports; 2 ms for rounding and timers).
    for (const [i, answer] of slow.entries())
      expect(answer.elapsedMs).toBeGreaterThanOrEqual((upstream[i] ?? 0) - 2);
    // The tag host too; other revisions ('*=0') are not held.
    const tag = await ask(h, 'main-slow.default.example.com');
    expect(Number(tag.headers['x-envoy-upstream-service-time'])).toBeGreaterThanOrEqual(100);
    const quick = await ask(h, 'plain.default.example.com');
    expect(quick.headers['x-envoy-upstream-service-time']).toBe('1');
  });

  it('fails the SIM_ERROR_RATE fraction of answers with HTTP 500, on route and tag hosts', async () => {
    const answers = await askMany(h, 'flaky.default.example.com', 200);
    const failed = answers.filter((a) => a.status === 500);
    expect(answers.every((a) => a.status === 200 || a.status === 500)).toBe(true);
    // Binomial(200, 0.3): mean 60, sd 6.5; 33..87 is more than 4 sd either way.
    expect(failed.length).toBeGreaterThan(33);
    expect(failed.length).toBeLessThan(87);
    // The template app labels its failures with its revision, as it labels every answer.
    expect(failed[0]?.body).toBe(FAILURE_BODY);
    expect(failed[0]?.headers['k-revision']).toBe('flaky-r1');
    const tagged = await askMany(h, 'main-flaky.default.example.com', 50);
    expect(tagged.some((a) => a.status === 500)).toBe(true);
    expect(tagged.some((a) => a.status === 200)).toBe(true);
    const broken = await askMany(h, 'broken.default.example.com', 10);
    expect(broken.map((a) => a.status)).toEqual(Array(10).fill(500));
  });
});

describe('traffic knobs at start', () => {
  it.each([
    ['SIM_LATENCY_MS', '*=soon', "SIM_LATENCY_MS='*=soon': 'soon' (for *) is not a number"],
    ['SIM_ERROR_RATE', 'x-*', "SIM_ERROR_RATE='x-*': 'x-*' has no '='"],
  ])('%s=%s stops the cluster from starting, saying why', async (name, value, message) => {
    await expect(
      startSimCluster({ name: 'bad', lbPort: await freePort(), env: { [name]: value } }),
    ).rejects.toThrow(message);
  });
});
