/**
 * The probe's one side effect: plain HTTP GETs through the ingress, with a Host header
 * naming the Knative route. Keep-alive sockets are reused (a fresh TCP connection per
 * request would dominate the cost), the pool is bounded, and every request has a deadline.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface HttpGet {
  /** Where to connect: the ingress, e.g. http://127.0.0.1:8081/ (path included). */
  url: string;
  /** Sent as the Host header: the route or tag host. */
  host: string;
  timeoutMs: number;
}

export interface HttpResponse {
  kind: 'response';
  status: number;
  /** Header names lower-case, as node:http gives them. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** At most MAX_BODY_BYTES of the body, decoded as UTF-8. */
  body: string;
  latencyMs: number;
}

export interface HttpTransportError {
  kind: 'transport-error';
  /** What went wrong, as a person reads it ("timed out after 2000 ms", "ECONNRESET: socket hang up"). */
  error: string;
  code?: string;
  latencyMs: number;
}

export type HttpOutcome = HttpResponse | HttpTransportError;

export interface HttpClient {
  /** Never rejects: a failed exchange is a `transport-error` outcome. */
  get(request: HttpGet): Promise<HttpOutcome>;
  /** Closes pooled sockets so nothing keeps the process alive. */
  close(): void;
}

/** Bodies are evidence and fingerprints, not payloads: anything beyond this is drained, not kept. */
export const MAX_BODY_BYTES = 64 * 1024;

export interface NodeHttpClientOptions {
  /** Sockets per ingress; match the probe's concurrency so no request queues for a socket. */
  maxSockets: number;
}

export function createNodeHttpClient(options: NodeHttpClientOptions): HttpClient {
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: options.maxSockets,
    maxFreeSockets: options.maxSockets,
    // Reusing the most recently used socket keeps the warm ones warm and lets idle ones expire.
    scheduling: 'lifo',
  });
  const targets = new Map<string, URL>();

  const get = (request: HttpGet): Promise<HttpOutcome> =>
    new Promise((resolve) => {
      let target = targets.get(request.url);
      if (!target) {
        target = new URL(request.url);
        targets.set(request.url, target);
      }
      const started = performance.now();
      let settled = false;
      const finish = (outcome: HttpOutcome): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      };
      const fail = (error: NodeJS.ErrnoException): void => {
        const latencyMs = performance.now() - started;
        const message =
          error.code && !error.message.includes(error.code)
            ? `${error.code}: ${error.message}`
            : error.message;
        finish({ kind: 'transport-error', error: message, code: error.code, latencyMs });
      };

      const req = http.request(
        {
          protocol: target.protocol,
          hostname: target.hostname,
          port: target.port,
          path: `${target.pathname}${target.search}`,
          method: 'GET',
          headers: { host: request.host },
          agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let kept = 0;
          res.on('data', (chunk: Buffer) => {
            if (kept >= MAX_BODY_BYTES) return;
            const room = MAX_BODY_BYTES - kept;
            const piece = chunk.length > room ? chunk.subarray(0, room) : chunk;
            chunks.push(piece);
            kept += piece.length;
          });
          res.on('error', fail);
          res.on('aborted', () =>
            fail(Object.assign(new Error('response aborted'), { code: 'ECONNRESET' })),
          );
          res.on('end', () => {
            finish({
              kind: 'response',
              status: res.statusCode ?? 0,
              headers: res.headers,
              body:
                chunks.length === 1
                  ? chunks[0]!.toString('utf8')
                  : Buffer.concat(chunks).toString('utf8'),
              latencyMs: performance.now() - started,
            });
          });
        },
      );
      // A total deadline, not an idle timeout: a server dripping bytes must not hold a worker forever.
      const timer = setTimeout(() => {
        const error = Object.assign(new Error(`timed out after ${request.timeoutMs} ms`), {
          code: 'ETIMEDOUT',
        });
        req.destroy(error);
        fail(error);
      }, request.timeoutMs);
      req.on('error', fail);
      req.end();
    });

  return { get, close: () => agent.destroy() };
}
