/**
 * A loopback stand-in for the parts of the GitHub REST API the sticky comment uses: /user,
 * /graphql, and issue comments with Link-header pagination. Faults are queued per route.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: 'User' | 'Bot' };
}

export interface Fault {
  method: string;
  /** Matched against the start of the path (query excluded). */
  path: string | RegExp;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface RecordedRequest {
  method: string;
  url: string;
  authorization?: string;
  body?: unknown;
}

export class FakeGitHub {
  comments: FakeComment[] = [];
  requests: RecordedRequest[] = [];
  faults: Fault[] = [];
  /** What GET /user answers: an identity, or a status for tokens /user refuses. */
  user: { login: string; type: 'User' | 'Bot' } | number = { login: 'alice', type: 'User' };
  /** What the GraphQL viewer query answers; a number answers with that status. */
  viewer: { login: string; __typename: string } | number = 403;
  /** Who writes new comments: the token's identity. */
  author: { login: string; type: 'User' | 'Bot' } = { login: 'alice', type: 'User' };
  pageSize = 100;
  /** Extra "next" link host, to test that foreign links are refused. */
  foreignNext = false;
  private nextId = 1000;
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/v3`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  addComment(body: string, user: FakeComment['user']): FakeComment {
    const comment = { id: this.nextId++, body, user };
    this.comments.push(comment);
    return comment;
  }

  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET' && !r.url.endsWith('/graphql'));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body: unknown = raw ? JSON.parse(raw) : undefined;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/^\/api\/v3/, '').replace(/^\/api/, '');
    this.requests.push({
      method: req.method ?? '',
      url: req.url ?? '',
      authorization: req.headers.authorization,
      body,
    });

    const faultIndex = this.faults.findIndex(
      (f) =>
        f.method === req.method &&
        (typeof f.path === 'string' ? path.startsWith(f.path) : f.path.test(path)),
    );
    if (faultIndex >= 0) {
      const [fault] = this.faults.splice(faultIndex, 1);
      return this.send(
        res,
        fault!.status,
        fault!.body ?? { message: `fault ${fault!.status}` },
        fault!.headers,
      );
    }

    if (req.method === 'GET' && path === '/user') {
      return typeof this.user === 'number'
        ? this.send(res, this.user, { message: 'Resource not accessible by integration' })
        : this.send(res, 200, this.user);
    }
    if (req.method === 'POST' && path === '/graphql') {
      return typeof this.viewer === 'number'
        ? this.send(res, this.viewer, { message: 'Forbidden' })
        : this.send(res, 200, { data: { viewer: this.viewer } });
    }
    const list = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(path);
    if (list && req.method === 'GET') {
      const page = Number(url.searchParams.get('page') ?? '1');
      const items = this.comments.slice((page - 1) * this.pageSize, page * this.pageSize);
      const headers: Record<string, string> = {};
      if (page * this.pageSize < this.comments.length) {
        const host = this.foreignNext
          ? 'http://127.0.0.2:1'
          : `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
        headers.link = `<${host}/api/v3${path}?per_page=100&page=${page + 1}>; rel="next", <${host}/api/v3${path}?page=99>; rel="last"`;
      }
      return this.send(
        res,
        200,
        items.map((c) => this.view(c)),
        headers,
      );
    }
    if (list && req.method === 'POST') {
      const comment = this.addComment((body as { body: string }).body, this.author);
      return this.send(res, 201, this.view(comment));
    }
    const one = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(path);
    if (one && req.method === 'PATCH') {
      const comment = this.comments.find((c) => c.id === Number(one[3]));
      if (!comment) return this.send(res, 404, { message: 'Not Found' });
      if (comment.user.login !== this.author.login)
        return this.send(res, 403, { message: 'Forbidden' });
      comment.body = (body as { body: string }).body;
      return this.send(res, 200, this.view(comment));
    }
    return this.send(res, 404, { message: `no route ${req.method} ${path}` });
  }

  private view(c: FakeComment): unknown {
    return {
      id: c.id,
      body: c.body,
      user: c.user,
      html_url: `https://github.example/octo/shop/pull/7#issuecomment-${c.id}`,
    };
  }

  private send(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }
}
