import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const sha256 = (body: string | Buffer): string =>
  createHash('sha256').update(body).digest('hex');

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A loopback release host: fixed bodies per path, scripted failures, and a log of requests. */
export class ReleaseServer {
  readonly requests: string[] = [];
  private readonly routes = new Map<string, Handler[]>();
  private server?: Server;
  base = '';

  /** Serves `body` at `path`; `failures` answers go out first (e.g. 503s). */
  file(path: string, body: string | Buffer, failures: Handler[] = []): this {
    const ok: Handler = (_req, res) => res.writeHead(200).end(body);
    this.routes.set(path, [...failures, ok]);
    return this;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const path = req.url ?? '';
      this.requests.push(path);
      const handlers = this.routes.get(path);
      if (!handlers) return void res.writeHead(404).end('not found');
      const handler = handlers.length > 1 ? handlers.shift()! : handlers[0]!;
      handler(req, res);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  countOf(path: string): number {
    return this.requests.filter((p) => p === path).length;
  }
}

export const status =
  (code: number, headers: Record<string, string> = {}): Handler =>
  (_req, res) =>
    res.writeHead(code, headers).end(`status ${code}`);

/** Accepts the request, then drops the connection without an answer. */
export const dropConnection: Handler = (req) => req.socket.destroy();

/** Sends the headers and half a body, then goes silent (a stalled transfer). */
export const stallMidBody: Handler = (_req, res) => {
  res.writeHead(200, { 'content-length': '1000' });
  res.write('partial');
};
