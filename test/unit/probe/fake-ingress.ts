/**
 * A loopback stand-in for the ingress (test and bench helper): routes by Host header like
 * Contour does for Knative. The route host picks a backend at random with the configured
 * weights (seeded, so runs repeat); tag hosts go to one fixed backend; other hosts get 404.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mulberry32 } from '../../helpers/prng.js';
export { mulberry32 };

export type Backend = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  ingress: FakeIngressControl,
) => void;

export interface FakeIngressControl {
  /** setTimeout that close() cancels, so slow backends leave nothing behind. */
  later(ms: number, fn: () => void): void;
}

export interface FakeIngressConfig {
  /** Route hosts: backends with weights (any positive numbers). */
  routes: Record<string, Array<{ backend: Backend; weight: number }>>;
  /** Tag hosts: one backend each. */
  tags?: Record<string, Backend>;
  seed?: number;
}

export interface FakeIngress {
  url: string;
  port: number;
  /** Requests seen per Host header. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

/** A revision's answer: optional k-revision header, a body, a status. */
export function revisionBackend(options: {
  revision: string;
  body?: string;
  header?: boolean;
  status?: number;
  delayMs?: number;
}): Backend {
  const body = options.body ?? `Hello from ${options.revision}\n`;
  return (_req, res, ingress) => {
    const answer = (): void => {
      res.statusCode = options.status ?? 200;
      res.setHeader('content-type', 'text/plain');
      if (options.header) res.setHeader('k-revision', options.revision);
      res.end(body);
    };
    if (options.delayMs) ingress.later(options.delayMs, answer);
    else answer();
  };
}

/** Mixes behaviours: each request goes to `other` with probability `share`, else to `normal`. */
export function sometimes(share: number, other: Backend, normal: Backend, seed = 7): Backend {
  const random = mulberry32(seed);
  return (req, res, ingress) => (random() < share ? other : normal)(req, res, ingress);
}

/** Drops the connection without an answer. */
export const resetBackend: Backend = (req) => {
  req.socket.destroy();
};

export async function startFakeIngress(config: FakeIngressConfig): Promise<FakeIngress> {
  const random = mulberry32(config.seed ?? 42);
  const timers = new Set<NodeJS.Timeout>();
  const control: FakeIngressControl = {
    later(ms, fn) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        fn();
      }, ms);
      timers.add(timer);
    },
  };
  const hits = new Map<string, number>();
  const pick = (choices: Array<{ backend: Backend; weight: number }>): Backend => {
    const total = choices.reduce((sum, choice) => sum + choice.weight, 0);
    let point = random() * total;
    for (const choice of choices) {
      point -= choice.weight;
      if (point < 0) return choice.backend;
    }
    return choices[choices.length - 1]!.backend;
  };

  const server = http.createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    hits.set(host, (hits.get(host) ?? 0) + 1);
    const route = config.routes[host];
    const backend = route ? pick(route) : config.tags?.[host];
    if (!backend) {
      res.statusCode = 404;
      res.end();
      return;
    }
    backend(req, res, control);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
