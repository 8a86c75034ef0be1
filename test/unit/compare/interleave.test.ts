import { describe, expect, it } from 'vitest';
import { errorCounts, sendInterleaved, SAMPLE_CHARS } from '../../../src/compare/interleave.js';
import type { HttpClient, HttpGet, HttpOutcome } from '../../../src/probe/http-client.js';
import { createNodeHttpClient } from '../../../src/probe/http-client.js';
import {
  resetBackend,
  revisionBackend,
  sometimes,
  startFakeIngress,
} from '../probe/fake-ingress.js';

const BASE: HttpGet = { url: 'http://ingress/', host: 'base-hello.example.com', timeoutMs: 1000 };
const PR: HttpGet = { url: 'http://ingress/', host: 'pr-hello.example.com', timeoutMs: 1000 };

/** A client that answers from a script per host and records the order and concurrency. */
function scriptedClient(answer: (host: string, index: number) => HttpOutcome): HttpClient & {
  order: string[];
  maxInFlight: number;
} {
  const order: string[] = [];
  let inFlight = 0;
  const client = {
    order,
    maxInFlight: 0,
    async get(request: HttpGet): Promise<HttpOutcome> {
      const index = order.push(request.host) - 1;
      inFlight++;
      client.maxInFlight = Math.max(client.maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, index % 3));
      inFlight--;
      return answer(request.host, index);
    },
    close() {},
  };
  return client;
}

const ok = (latencyMs: number): HttpOutcome => ({
  kind: 'response',
  status: 200,
  headers: {},
  body: 'hello',
  latencyMs,
});

describe('sendInterleaved', () => {
  it('alternates base and PR with one shared pool of workers', async () => {
    const client = scriptedClient((_host, index) => ok(index + 1));
    const { base, pr } = await sendInterleaved(
      client,
      { base: BASE, pr: PR },
      {
        requestsPerSide: 10,
        concurrency: 4,
      },
    );
    expect(client.order).toEqual(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? BASE.host : PR.host)),
    );
    expect(client.maxInFlight).toBe(4);
    expect(base.total).toBe(10);
    expect(pr.total).toBe(10);
    expect(base.latenciesMs).toHaveLength(10);
  });

  it('keeps latencies of 2xx answers only and groups failures by kind with a sample', async () => {
    const client = scriptedClient((host, index): HttpOutcome => {
      if (host === BASE.host) return ok(5);
      if (index % 4 === 1) {
        return { kind: 'response', status: 503, headers: {}, body: 'x'.repeat(2000), latencyMs: 1 };
      }
      if (index % 4 === 3 && index < 8) {
        return {
          kind: 'transport-error',
          error: 'ECONNRESET: socket hang up',
          code: 'ECONNRESET',
          latencyMs: 2,
        };
      }
      return ok(9);
    });
    const { base, pr } = await sendInterleaved(
      client,
      { base: BASE, pr: PR },
      {
        requestsPerSide: 8,
        concurrency: 2,
      },
    );
    expect(base.latenciesMs).toEqual(new Array(8).fill(5));
    // PR requests are indexes 1, 3, 5, ..., 15: 503 at 1, 5, 9, 13; resets at 3, 7.
    expect(pr.latenciesMs).toEqual([9, 9]);
    expect(pr.failures.get('HTTP 503')).toEqual({ count: 4, sample: 'x'.repeat(SAMPLE_CHARS) });
    expect(pr.failures.get('ECONNRESET')).toEqual({
      count: 2,
      sample: 'ECONNRESET: socket hang up',
    });
    expect(errorCounts(pr)).toEqual({
      errors: 6,
      total: 8,
      mostCommon: { kind: 'HTTP 503', count: 4, sample: 'x'.repeat(SAMPLE_CHARS) },
    });
    expect(errorCounts(base)).toEqual({ errors: 0, total: 8 });
  });

  it('breaks ties between kinds by name, not by arrival', () => {
    const failures = new Map([
      ['HTTP 503', { count: 2, sample: 'b' }],
      ['ECONNRESET', { count: 2, sample: 'a' }],
    ]);
    expect(errorCounts({ latenciesMs: [], total: 4, failures }).mostCommon?.kind).toBe(
      'ECONNRESET',
    );
  });

  it('sends nothing for 0 requests per side and rejects nonsense', async () => {
    const client = scriptedClient(() => ok(1));
    const { base } = await sendInterleaved(
      client,
      { base: BASE, pr: PR },
      { requestsPerSide: 0, concurrency: 4 },
    );
    expect(base.total).toBe(0);
    expect(client.order).toEqual([]);
    await expect(
      sendInterleaved(client, { base: BASE, pr: PR }, { requestsPerSide: 1.5, concurrency: 4 }),
    ).rejects.toThrow(/requests per side/);
  });

  it('over real loopback HTTP: each tag host reaches its revision, failures counted', async () => {
    const ingress = await startFakeIngress({
      routes: {},
      tags: {
        [BASE.host]: revisionBackend({ revision: 'hello-base' }),
        [PR.host]: sometimes(0.3, resetBackend, revisionBackend({ revision: 'hello-pr' }), 3),
      },
    });
    const client = createNodeHttpClient({ maxSockets: 8 });
    try {
      const url = `${ingress.url}/`;
      const { base, pr } = await sendInterleaved(
        client,
        { base: { ...BASE, url }, pr: { ...PR, url } },
        { requestsPerSide: 100, concurrency: 8 },
      );
      expect(ingress.hits.get(BASE.host)).toBe(100);
      expect(ingress.hits.get(PR.host)).toBe(100);
      expect(errorCounts(base)).toEqual({ errors: 0, total: 100 });
      const prErrors = errorCounts(pr);
      expect(prErrors.errors).toBeGreaterThan(15);
      expect(prErrors.errors).toBeLessThan(45);
      expect(prErrors.errors + pr.latenciesMs.length).toBe(100);
    } finally {
      client.close();
      await ingress.close();
    }
  });
});
