/**
 * A loopback stand-in for the parts of the GitHub REST API the sticky comment uses: /user,
 * /graphql, and issue comments with Link-header pagination. Faults are queued per route: an
 * error status, a dropped connection or no answer at all, on the Nth matching request, for one
 * or more requests, before or after the request has been carried out.
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
  /**
   * What goes wrong: an answer with `status` (default), the connection dropped before any
   * answer (`reset`) or halfway through the answer's body (`truncate`), or no answer (`hang`).
   */
  kind?: 'status' | 'reset' | 'truncate' | 'hang';
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** The first matching request it hits, counted from 1 (default 1: the next one). */
  nth?: number;
  /** How many matching requests in a row it hits from there (default 1). */
  times?: number;
  /** Carry the request out first, then fail the answer (a POST that happened but says 502). */
  applied?: boolean;
  /** Matching requests seen so far. */
  seen?: number;
}

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
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
  /** Answers to POST and PATCH of a comment leave out html_url. */
  omitHtmlUrl = false;
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

    const fault = this.faultFor(req.method ?? '', path);
    if (!fault) return this.answer(res, this.route(req.method ?? '', path, url, body));
    if (fault.applied) this.route(req.method ?? '', path, url, body);
    switch (fault.kind ?? 'status') {
      case 'reset':
        req.socket.destroy();
        return;
      case 'truncate':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"id":');
        setTimeout(() => req.socket.destroy(), 20);
        return;
      case 'hang':
        // Never answers; stop() closes the connection.
        return;
      case 'status': {
        const status = fault.status ?? 502;
        return this.answer(res, {
          status,
          body: fault.body ?? { message: `fault ${status}` },
          headers: fault.headers,
        });
      }
    }
  }

  /** The fault this request meets, if any; used-up faults are removed. */
  private faultFor(method: string, path: string): Fault | undefined {
    for (const [index, fault] of this.faults.entries()) {
      const matches =
        fault.method === method &&
        (typeof fault.path === 'string' ? path.startsWith(fault.path) : fault.path.test(path));
      if (!matches) continue;
      fault.seen = (fault.seen ?? 0) + 1;
      const first = fault.nth ?? 1;
      const last = first + (fault.times ?? 1) - 1;
      if (fault.seen >= last) this.faults.splice(index, 1);
      if (fault.seen >= first) return fault;
      return undefined;
    }
    return undefined;
  }

  private route(method: string, path: string, url: URL, body: unknown): Answer {
    if (method === 'GET' && path === '/user') {
      return typeof this.user === 'number'
        ? { status: this.user, body: { message: 'Resource not accessible by integration' } }
        : { status: 200, body: this.user };
    }
    if (method === 'POST' && path === '/graphql') {
      return typeof this.viewer === 'number'
        ? { status: this.viewer, body: { message: 'Forbidden' } }
        : { status: 200, body: { data: { viewer: this.viewer } } };
    }
    const list = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(path);
    if (list && method === 'GET') {
      const page = Number(url.searchParams.get('page') ?? '1');
      const items = this.comments.slice((page - 1) * this.pageSize, page * this.pageSize);
      const headers: Record<string, string> = {};
      if (page * this.pageSize < this.comments.length) {
        const host = this.foreignNext
          ? 'http://127.0.0.2:1'
          : `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
        headers.link = `<${host}/api/v3${path}?per_page=100&page=${page + 1}>; rel="next", <${host}/api/v3${path}?page=99>; rel="last"`;
      }
      return { status: 200, body: items.map((c) => this.view(c)), headers };
    }
    if (list && method === 'POST') {
      const comment = this.addComment((body as { body: string }).body, this.author);
      return { status: 201, body: this.view(comment, this.omitHtmlUrl) };
    }
    const one = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(path);
    if (one && method === 'PATCH') {
      const comment = this.comments.find((c) => c.id === Number(one[3]));
      if (!comment) return { status: 404, body: { message: 'Not Found' } };
      if (comment.user.login !== this.author.login)
        return { status: 403, body: { message: 'Forbidden' } };
      comment.body = (body as { body: string }).body;
      return { status: 200, body: this.view(comment, this.omitHtmlUrl) };
    }
    return { status: 404, body: { message: `no route ${method} ${path}` } };
  }

  private view(c: FakeComment, withoutUrl = false): unknown {
    return {
      id: c.id,
      body: c.body,
      user: c.user,
      ...(withoutUrl
        ? {}
        : { html_url: `https://github.example/octo/shop/pull/7#issuecomment-${c.id}` }),
    };
  }

  private answer(res: ServerResponse, { status, body, headers = {} }: Answer): void {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }
}
