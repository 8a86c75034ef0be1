import { afterEach, describe, expect, it } from 'vitest';
import { probeService, type ProbeOptions } from '../../../src/probe/probe.js';
import { WaitTimeoutError } from '../../../src/util/wait.js';
import {
  mulberry32,
  resetBackend,
  revisionBackend,
  sometimes,
  startFakeIngress,
  type Backend,
  type FakeIngress,
  type FakeIngressConfig,
} from './fake-ingress.js';

const HOST = 'hello.default.example.com';
const BASE_TAG = 'base-hello.default.example.com';
const PR_TAG = 'pr-hello.default.example.com';
const BASE = 'hello-base-aaaaaaa';
const PR = 'hello-pr-bbbbbbb';

let ingress: FakeIngress | undefined;
afterEach(async () => {
  loadStarted = false;
  await ingress?.close();
  ingress = undefined;
});

async function start(config: FakeIngressConfig): Promise<FakeIngress> {
  ingress = await startFakeIngress(config);
  return ingress;
}

function options(url: string, overrides: Partial<ProbeOptions> = {}): ProbeOptions {
  return {
    service: 'hello',
    namespace: 'default',
    ingressUrl: url,
    host: HOST,
    revisions: { base: BASE, pr: PR },
    tagHosts: { base: BASE_TAG, pr: PR_TAG },
    expected: { [BASE]: 80, [PR]: 20 },
    requests: 1000,
    readyTimeoutMs: 5_000,
    readyIntervalMs: 20,
    log,
    ...overrides,
  };
}

/**
 * Counts how often a backend answered the load phase (after the ready wait and the tag checks,
 * which the probe announces through its log), to compare the probe's tally with the truth.
 */
let loadStarted = false;
const log = (message: string): void => {
  if (message.startsWith('sending ')) loadStarted = true;
};
function counted(backend: Backend): Backend & { calls: number } {
  const wrapper = Object.assign(
    (...args: Parameters<Backend>) => {
      if (loadStarted) wrapper.calls++;
      backend(...args);
    },
    { calls: 0 },
  );
  return wrapper;
}

const base = revisionBackend({ revision: BASE });
const pr = revisionBackend({ revision: PR });
const baseWithHeader = revisionBackend({ revision: BASE, header: true, body: 'Hello world\n' });
const prWithHeader = revisionBackend({ revision: PR, header: true, body: 'Hello world\n' });

describe('probeService against a loopback ingress', () => {
  it('a weighted 80/20 split, told apart by body: consistent', async () => {
    const { url } = await start({
      routes: {
        [HOST]: [
          { backend: base, weight: 80 },
          { backend: pr, weight: 20 },
        ],
      },
      tags: { [BASE_TAG]: base, [PR_TAG]: pr },
    });
    const result = await probeService(options(url));
    expect(result.verdict).toBe('consistent');
    expect(result.test).toBe('binomial');
    expect(result.gate).toMatchObject({ tolerance: 10, maxStages: 2, misrouteRuledOut: true });
    // Batches of 1000 up to the default cap of 1600: 1000, then 600 more if borderline.
    expect([1000, 1600]).toContain(result.requests);
    expect(result.gate!.n).toBe(result.requests);
    expect(result.unattributed.count).toBe(0);
    const [baseResult, prResult] = result.revisions;
    expect(baseResult).toMatchObject({
      revision: BASE,
      side: 'base',
      configuredPercent: 80,
      errors: 0,
    });
    expect(prResult).toMatchObject({ revision: PR, side: 'pr', configuredPercent: 20, errors: 0 });
    expect(baseResult!.responses + prResult!.responses).toBe(result.requests);
    expect(prResult!.observedPercent).toBeCloseTo((100 * prResult!.responses) / result.requests, 2);
    expect(prResult!.interval.low).toBeLessThan(20);
    expect(prResult!.interval.high).toBeGreaterThan(20);
    expect(result.tagChecks).toEqual([
      expect.objectContaining({
        tag: 'base',
        host: BASE_TAG,
        expectedRevision: BASE,
        requests: 5,
        matched: 5,
      }),
      expect.objectContaining({
        tag: 'pr',
        host: PR_TAG,
        expectedRevision: PR,
        requests: 5,
        matched: 5,
      }),
    ]);
    expect(result.tagChecks[1]!.sample).toContain(`Hello from ${PR}`);
    expect(result).toMatchObject({
      service: 'hello',
      namespace: 'default',
      host: HOST,
      url: `http://${HOST}`,
      alpha: 1e-4,
    });
    expect(result.reason).toContain(`PR revision ${PR} answered`);
    expect(result.reason).toContain('the band a correct 20% share stays in');
  });

  it('an ingress ignoring the weights (50/50 when 80/20 is configured): deviates', async () => {
    const { url } = await start({
      routes: {
        [HOST]: [
          { backend: base, weight: 50 },
          { backend: pr, weight: 50 },
        ],
      },
      tags: { [BASE_TAG]: base, [PR_TAG]: pr },
    });
    const result = await probeService(options(url, { requests: 400 }));
    expect(result.verdict).toBe('deviates');
    expect(result.test).toBe('binomial');
    expect(result.pValue).toBeLessThan(1e-20);
    // Decided by the first batch: nothing more is sent.
    expect(result.requests).toBe(400);
    expect(result.gate).toMatchObject({ stages: 1, n: 400 });
    expect(result.reason).toContain(`PR revision ${PR} answered`);
    expect(result.reason).toContain('the band a correct 20% share stays in');
    expect(result.reason).toContain('so it counts as a deviation');
  });

  it('attributes by the k-revision header when the bodies are the same', async () => {
    const { url } = await start({
      routes: {
        [HOST]: [
          { backend: baseWithHeader, weight: 1 },
          { backend: prWithHeader, weight: 1 },
        ],
      },
      tags: { [BASE_TAG]: baseWithHeader, [PR_TAG]: prWithHeader },
    });
    const result = await probeService(
      options(url, { expected: { [BASE]: 50, [PR]: 50 }, requests: 400 }),
    );
    expect(result.unattributed.count).toBe(0);
    expect(result.revisions[0]!.responses + result.revisions[1]!.responses).toBe(result.requests);
    expect(result.revisions[0]!.responses).toBeGreaterThan(0);
    expect(result.revisions[1]!.responses).toBeGreaterThan(0);
    expect(result.verdict).toBe('consistent');
  });

  it('accepts x-revision as the revision header too', async () => {
    const xRevision =
      (revision: string): Backend =>
      (_req, res) => {
        res.setHeader('x-revision', revision);
        res.end('same');
      };
    const { url } = await start({
      routes: {
        [HOST]: [
          { backend: xRevision(BASE), weight: 1 },
          { backend: xRevision(PR), weight: 1 },
        ],
      },
      tags: { [BASE_TAG]: xRevision(BASE), [PR_TAG]: xRevision(PR) },
    });
    const result = await probeService(
      options(url, { expected: { [BASE]: 50, [PR]: 50 }, requests: 100 }),
    );
    expect(result.unattributed.count).toBe(0);
    expect(result.verdict).toBe('consistent');
  });

  it('identical bodies and no header: unmeasurable, never a guess', async () => {
    const same = revisionBackend({ revision: 'either', body: 'Hello world\n' });
    const { url } = await start({
      routes: { [HOST]: [{ backend: same, weight: 1 }] },
      tags: { [BASE_TAG]: same, [PR_TAG]: same },
    });
    const result = await probeService(options(url, { requests: 50 }));
    expect(result.verdict).toBe('unmeasurable');
    expect(result.test).toBe('none');
    expect(result.reason).toContain(`base (${BASE}) and PR (${PR}) answer identically`);
    expect(result.revisions.every((revision) => revision.responses === 0)).toBe(true);
    expect(result.unattributed.count).toBe(50);
    expect(result.unattributed.samples).toEqual(['HTTP 200 Hello world']);
  });

  it('bodies that vary per request without a header: unmeasurable', async () => {
    let counter = 0;
    const varying: Backend = (_req, res) => res.end(`pr request ${counter++}`);
    const { url } = await start({
      routes: {
        [HOST]: [
          { backend: base, weight: 1 },
          { backend: varying, weight: 1 },
        ],
      },
      tags: { [BASE_TAG]: base, [PR_TAG]: varying },
    });
    const result = await probeService(
      options(url, { expected: { [BASE]: 50, [PR]: 50 }, requests: 50 }),
    );
    expect(result.verdict).toBe('unmeasurable');
    expect(result.reason).toContain(`${PR} answers with a different body each time`);
  });

  it('counts 503s as errors of the revision that sent them, and header-less 503s as unattributed', async () => {
    const prFailing = counted(
      revisionBackend({ revision: PR, header: true, status: 503, body: 'overloaded' }),
    );
    const envoy503 = counted((_req, res) => {
      res.statusCode = 503;
      res.end('no healthy upstream');
    });
    const { url } = await start({
      routes: {
        [HOST]: [
          { backend: baseWithHeader, weight: 45 },
          { backend: sometimes(0.3, prFailing, prWithHeader), weight: 45 },
          { backend: envoy503, weight: 10 },
        ],
      },
      tags: { [BASE_TAG]: baseWithHeader, [PR_TAG]: prWithHeader },
    });
    const result = await probeService(
      options(url, { expected: { [BASE]: 50, [PR]: 50 }, requests: 600, maxRequests: 600 }),
    );
    const [baseResult, prResult] = result.revisions;
    expect(prFailing.calls).toBeGreaterThan(0);
    expect(envoy503.calls).toBeGreaterThan(0);
    expect(prResult!.errors).toBe(prFailing.calls);
    expect(baseResult!.errors).toBe(0);
    expect(result.unattributed).toMatchObject({ count: envoy503.calls, errors: envoy503.calls });
    expect(result.unattributed.samples).toContain('HTTP 503 no healthy upstream');
    expect(baseResult!.responses + prResult!.responses + result.unattributed.count).toBe(600);
    expect(result.reason).toContain(`${prFailing.calls} non-2xx responses from the revisions`);
  });

  it('counts connection resets as unattributed errors, never dropping them', async () => {
    const resets = counted(resetBackend);
    const { url } = await start({
      routes: {
        [HOST]: [
          { backend: base, weight: 45 },
          { backend: pr, weight: 45 },
          { backend: resets, weight: 10 },
        ],
      },
      tags: { [BASE_TAG]: base, [PR_TAG]: pr },
    });
    const result = await probeService(
      options(url, { expected: { [BASE]: 50, [PR]: 50 }, requests: 500, maxRequests: 500 }),
    );
    expect(resets.calls).toBeGreaterThan(0);
    expect(result.requests).toBe(500);
    expect(result.unattributed.count).toBe(resets.calls);
    expect(result.unattributed.errors).toBe(resets.calls);
    expect(
      result.unattributed.samples.some(
        (sample) => sample.startsWith('error: ') && sample.includes('ECONNRESET'),
      ),
    ).toBe(true);
    const attributed = result.revisions.reduce((sum, revision) => sum + revision.responses, 0);
    expect(attributed + result.unattributed.count).toBe(500);
    expect(result.verdict).toBe('consistent');
  });

  it('reflects slow answers in latency and counts per-request timeouts as errors', async () => {
    const slowPr = revisionBackend({ revision: PR, delayMs: 40 });
    const stuck = counted((_req, _res, control) =>
      control.later(5_000, () => _res.end('too late')),
    );
    const { url } = await start({
      routes: {
        [HOST]: [
          { backend: base, weight: 45 },
          { backend: slowPr, weight: 45 },
          { backend: stuck, weight: 10 },
        ],
      },
      tags: { [BASE_TAG]: base, [PR_TAG]: slowPr },
    });
    const result = await probeService(
      options(url, {
        expected: { [BASE]: 50, [PR]: 50 },
        requests: 100,
        maxRequests: 100,
        requestTimeoutMs: 300,
      }),
    );
    const prResult = result.revisions[1]!;
    expect(prResult.responses).toBeGreaterThan(0);
    // A delay on the server is a floor for what the client measures.
    expect(prResult.latencyMs.p50).toBeGreaterThanOrEqual(40);
    expect(prResult.latencyMs.p95).toBeGreaterThanOrEqual(prResult.latencyMs.p50);
    expect(stuck.calls).toBeGreaterThan(0);
    expect(result.unattributed).toMatchObject({ count: stuck.calls, errors: stuck.calls });
    expect(result.unattributed.samples).toContain('error: ETIMEDOUT: timed out after 300 ms');
  });

  it('a tag answering from the wrong revision is visible and makes the verdict deviate', async () => {
    const { url } = await start({
      routes: {
        [HOST]: [
          { backend: baseWithHeader, weight: 80 },
          { backend: prWithHeader, weight: 20 },
        ],
      },
      tags: { [BASE_TAG]: prWithHeader, [PR_TAG]: prWithHeader },
    });
    const result = await probeService(options(url, { requests: 200 }));
    expect(result.tagChecks[0]).toMatchObject({
      tag: 'base',
      host: BASE_TAG,
      matched: 0,
      requests: 5,
    });
    expect(result.tagChecks[0]!.sample).toContain(`k-revision: ${PR}`);
    expect(result.tagChecks[1]).toMatchObject({ tag: 'pr', matched: 5 });
    expect(result.verdict).toBe('deviates');
    expect(result.reason).toContain(
      `tag base (${BASE_TAG}) answered from ${BASE} in only 0 of 5 requests`,
    );
  });

  it('one revision at 100% (a new service): consistent when only it answers', async () => {
    const { url } = await start({
      routes: { [HOST]: [{ backend: pr, weight: 1 }] },
      tags: { [PR_TAG]: pr },
    });
    const result = await probeService(
      options(url, {
        revisions: { pr: PR },
        tagHosts: { pr: PR_TAG },
        expected: { [PR]: 100 },
        requests: 100,
      }),
    );
    expect(result).toMatchObject({ verdict: 'consistent', test: 'exact-split' });
    expect(result.revisions).toHaveLength(1);
    expect(result.revisions[0]).toMatchObject({
      revision: PR,
      responses: 100,
      observedPercent: 100,
    });
    expect(result.tagChecks).toHaveLength(1);
  });

  it('a 0% revision that answers even a few times: deviates (exact split)', async () => {
    const { url } = await start({
      routes: {
        [HOST]: [
          { backend: base, weight: 98 },
          { backend: pr, weight: 2 },
        ],
      },
      tags: { [BASE_TAG]: base, [PR_TAG]: pr },
    });
    const result = await probeService(
      options(url, { expected: { [BASE]: 100, [PR]: 0 }, requests: 500 }),
    );
    expect(result).toMatchObject({ verdict: 'deviates', test: 'exact-split' });
    expect(result.reason).toContain(`revision ${PR} is configured for 0% but answered`);
  });

  it('sends another batch only while the split is borderline, and nothing after the decision', async () => {
    // 58/42 against a configured 50/50, batches of 100: inside the band at first, but a
    // 10-point misroute cannot be ruled out, so the gate keeps asking until the cap or a decision.
    const baseLoad = counted(base);
    const prLoad = counted(pr);
    const { url } = await start({
      routes: {
        [HOST]: [
          { backend: baseLoad, weight: 58 },
          { backend: prLoad, weight: 42 },
        ],
      },
      tags: { [BASE_TAG]: base, [PR_TAG]: pr },
    });
    const messages: string[] = [];
    const result = await probeService(
      options(url, {
        expected: { [BASE]: 50, [PR]: 50 },
        requests: 100,
        maxRequests: 400,
        log: (message) => {
          log(message);
          messages.push(message);
        },
      }),
    );
    expect(result.gate!.stages).toBeGreaterThan(1);
    expect(result.requests).toBe(100 * result.gate!.stages);
    // What the ingress served during the load phase is exactly what the probe counted.
    expect(baseLoad.calls + prLoad.calls).toBe(result.requests);
    expect(messages.find((m) => m.startsWith('sending '))).toContain(
      'more in batches of 100 while the split is borderline, at most 400',
    );
    expect(messages.filter((m) => m.includes('another batch follows'))).toHaveLength(
      result.gate!.stages - 1,
    );
  });

  it('refuses a request cap below the batch size', async () => {
    await expect(
      probeService(options('http://127.0.0.1:9', { requests: 400, maxRequests: 300 })),
    ).rejects.toThrow(/request cap must be an integer of at least the batch size \(400\), got 300/);
  });

  it('a route that never answers 2xx: the error names the host and what was last seen', async () => {
    const unavailable: Backend = (_req, res) => {
      res.statusCode = 503;
      res.end();
    };
    const { url } = await start({ routes: { [HOST]: [{ backend: unavailable, weight: 1 }] } });
    const attempt = probeService(options(url, { readyTimeoutMs: 300, readyIntervalMs: 50 }));
    await expect(attempt).rejects.toThrow(WaitTimeoutError);
    await expect(attempt).rejects.toThrow(
      new RegExp(`waiting for ${HOST.replace(/\./g, '\\.')} to answer 2xx.*last seen: HTTP 503`),
    );
  });

  it('an ingress that refuses connections: the error says so', async () => {
    const closed = await startFakeIngress({ routes: {} });
    const { url } = closed;
    await closed.close();
    await expect(
      probeService(options(url, { readyTimeoutMs: 200, readyIntervalMs: 50 })),
    ).rejects.toThrow(/last seen: connection error: .*ECONNREFUSED/);
  });

  it('the seeded fake ingress repeats itself (tests above are deterministic)', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});
