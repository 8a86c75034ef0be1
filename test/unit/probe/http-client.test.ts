import { afterEach, describe, expect, it } from 'vitest';
import { createNodeHttpClient, MAX_BODY_BYTES } from '../../../src/probe/http-client.js';
import { startFakeIngress, type FakeIngress } from './fake-ingress.js';

let ingress: FakeIngress | undefined;
afterEach(async () => {
  await ingress?.close();
  ingress = undefined;
});

describe('createNodeHttpClient', () => {
  it('sends the Host header, returns status, headers and body, and reuses sockets', async () => {
    const ports = new Set<number>();
    ingress = await startFakeIngress({
      routes: {
        'svc.ns.example.com': [
          {
            weight: 1,
            backend: (req, res) => {
              ports.add(req.socket.remotePort ?? 0);
              res.setHeader('k-revision', 'svc-1');
              res.end(`host=${req.headers.host}`);
            },
          },
        ],
      },
    });
    const client = createNodeHttpClient({ maxSockets: 2 });
    try {
      const outcomes = [];
      for (let i = 0; i < 10; i++) {
        outcomes.push(
          await client.get({ url: `${ingress.url}/`, host: 'svc.ns.example.com', timeoutMs: 2000 }),
        );
      }
      expect(outcomes[0]).toMatchObject({
        kind: 'response',
        status: 200,
        body: 'host=svc.ns.example.com',
      });
      expect(outcomes[0]!.kind === 'response' && outcomes[0]!.headers['k-revision']).toBe('svc-1');
      // Sequential requests over keep-alive: one connection.
      expect(ports.size).toBe(1);
    } finally {
      client.close();
    }
  });

  it('keeps at most MAX_BODY_BYTES of a large body', async () => {
    ingress = await startFakeIngress({
      routes: {
        big: [{ weight: 1, backend: (_req, res) => res.end('y'.repeat(MAX_BODY_BYTES * 2)) }],
      },
    });
    const client = createNodeHttpClient({ maxSockets: 1 });
    try {
      const outcome = await client.get({ url: ingress.url, host: 'big', timeoutMs: 2000 });
      expect(outcome.kind === 'response' && outcome.body.length).toBe(MAX_BODY_BYTES);
    } finally {
      client.close();
    }
  });
});
