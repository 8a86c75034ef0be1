/**
 * The cluster's load balancer port: Envoy-like routing by Host header to Knative revisions,
 * weighted per the route's resolved traffic (random per request). Only routes Knative would
 * publish on the external ingress are reachable: Ready, Contour serving the ingress class, and a
 * domain that is not cluster-local.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ClusterContext } from './context.js';
import { appAnswer, classifyImage } from './images.js';
import { revisionState, routeHost, servingTypes } from './knative-controller.js';
import { domainFor, ingressServed, isClusterLocal } from './knative-network.js';
import type { KObject, Loose } from './types.js';
import { mulberry32 } from '../../helpers/prng.js';

interface HostMatch {
  route: KObject;
  /** Set for a tag host: the only revision it reaches. */
  tagged?: Loose;
}

export class IngressServer {
  private server: Server | undefined;

  private readonly random: () => number;

  constructor(private readonly ctx: ClusterContext) {
    const seed = ctx.config.ingressSeed;
    this.random = seed === undefined ? Math.random : mulberry32(seed);
  }

  /** Binds `host` (loopback unless the k3d port mapping names another address). */
  async listen(port: number, host = '127.0.0.1'): Promise<void> {
    const server = createServer((req, res) => this.handle(req, res));
    server.keepAliveTimeout = 65_000;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (err: NodeJS.ErrnoException) => {
        reject(
          err.code === 'EADDRINUSE'
            ? new Error(`load balancer port ${port} on ${host} is already in use`)
            : err,
        );
      });
      server.listen(port, host, () => resolve());
    });
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private findHost(host: string): HostMatch | undefined {
    const types = servingTypes(this.ctx);
    if (!types || !ingressServed(this.ctx)) return undefined;
    for (const route of this.ctx.store.peek(types.routes)) {
      const ready = (route.status?.conditions ?? []).some(
        (c: Loose) => c.type === 'Ready' && c.status === 'True',
      );
      const domain = domainFor(this.ctx, route);
      if (!ready || isClusterLocal(domain)) continue;
      if (host === routeHost(route, domain)) return { route };
      const tagged = (route.status?.traffic ?? []).find(
        (t: Loose) => t.tag && host === routeHost(route, domain, t.tag),
      );
      if (tagged) return { route, tagged };
    }
    return undefined;
  }

  private pickRevision(match: HostMatch): string | undefined {
    if (match.tagged) return match.tagged.revisionName;
    const traffic: Loose[] = match.route.status?.traffic ?? [];
    if (this.ctx.config.ingressIgnoreWeights) {
      const names = [...new Set(traffic.map((t) => t.revisionName as string).filter(Boolean))];
      return names[Math.floor(this.random() * names.length)];
    }
    const weighted = traffic.filter((t) => (t.percent ?? 0) > 0);
    const total = weighted.reduce((s, t) => s + t.percent, 0);
    let roll = this.random() * total;
    for (const t of weighted) {
      roll -= t.percent;
      if (roll < 0) return t.revisionName;
    }
    return weighted[weighted.length - 1]?.revisionName;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    req.resume();
    const host = String(req.headers.host ?? '')
      .replace(/:\d+$/, '')
      .toLowerCase();
    const match = this.findHost(host);
    if (!match) {
      res.writeHead(404, { server: 'envoy', 'content-length': '0' });
      res.end();
      return;
    }
    const types = servingTypes(this.ctx)!;
    const revisionName = this.pickRevision(match);
    const revision = revisionName
      ? this.ctx.store.get(types.revisions, match.route.metadata.namespace, revisionName)
      : undefined;
    const container = revision?.spec?.containers?.[0];
    const verdict = container
      ? classifyImage(String(container.image ?? ''), this.ctx.imported)
      : undefined;
    if (!revision || revisionState(revision)?.state !== 'ready' || !verdict?.ok) {
      const body = 'no healthy upstream';
      res.writeHead(503, {
        server: 'envoy',
        'content-type': 'text/plain',
        'content-length': String(body.length),
      });
      res.end(body);
      return;
    }
    const answer = appAnswer(verdict.app, revision.metadata.name, container);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== '/' && path !== '/healthz') {
      res.writeHead(404, {
        server: 'envoy',
        'content-type': 'text/plain; charset=utf-8',
        'content-length': '10',
      });
      res.end('Not found\n');
      return;
    }
    const body = req.method === 'HEAD' ? '' : path === '/healthz' ? 'ok\n' : answer.body;
    res.writeHead(answer.status, {
      ...answer.headers,
      server: 'envoy',
      'x-envoy-upstream-service-time': '1',
      'content-length': String(Buffer.byteLength(path === '/healthz' ? 'ok\n' : answer.body)),
    });
    res.end(body);
  }
}
