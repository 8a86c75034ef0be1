/**
 * The cluster's load balancer port: Envoy-like routing by Host header to Knative revisions.
 * Hosts and splits are those last programmed (ingress-program.ts): a route being updated keeps
 * answering with its previous split, a host never programmed answers 404. The route host picks a
 * revision per request by the programmed weights; a tag host reaches its one revision. The
 * revision's container answers as its image's app does (app-answer.ts), after the latency and
 * with the error rate its knobs give (traffic-knobs.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { answerOf, failureAnswer, type AppAnswer, type AppDescription } from './app-answer.js';
import type { ClusterContext } from './context.js';
import { classifyImage } from './images.js';
import { IngressProgram, type HostMatch } from './ingress-program.js';
import { revisionState, servingTypes } from './knative-controller.js';
import { ingressServed } from './knative-network.js';
import { failsNow, jitteredLatency, randomStream, ruleFor } from './traffic-knobs.js';
import type { KObject, Loose } from './types.js';

/** The variables Knative gives the user container, over the ones its spec sets. */
function containerEnv(revision: KObject, container: Loose): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of (container.env ?? []) as Loose[]) {
    if (typeof entry?.name === 'string' && typeof entry.value === 'string')
      env[entry.name] = entry.value;
  }
  const labels = (revision.metadata.labels ?? {}) as Record<string, string>;
  env.PORT = String(container.ports?.[0]?.containerPort ?? 8080);
  env.K_REVISION = revision.metadata.name;
  const configuration = labels['serving.knative.dev/configuration'];
  if (configuration) env.K_CONFIGURATION = configuration;
  const service = labels['serving.knative.dev/service'];
  if (service) env.K_SERVICE = service;
  return env;
}

export class IngressServer {
  private server: Server | undefined;

  private readonly program = new IngressProgram();

  private unsubscribe: (() => void) | undefined;

  /** The split's per-request choice (the stream SIM_INGRESS_SEED has always seeded). */
  private readonly pickRandom: () => number;

  private readonly errorRandom: () => number;

  private readonly latencyRandom: () => number;

  /** For `{{random}}` in answer specs. */
  private readonly answerRandom: () => number;

  /** Answers so far per revision, for `{{request}}`. */
  private readonly answered = new Map<string, number>();

  /** Answers waiting out their latency; cleared on close. */
  private readonly delayed = new Set<NodeJS.Timeout>();

  /**
   * @param apps what each imported image answers (from `POST /_sim/images`); an imported image
   *   without a description answers like the template app
   */
  constructor(
    private readonly ctx: ClusterContext,
    private readonly apps: ReadonlyMap<string, AppDescription> = new Map(),
  ) {
    const seed = ctx.config.ingressSeed;
    this.pickRandom = randomStream(seed, 0);
    this.errorRandom = randomStream(seed, 1);
    this.latencyRandom = randomStream(seed, 2);
    this.answerRandom = randomStream(seed, 3);
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
    // Programming follows the cluster's objects as they change, not the requests.
    this.program.refresh(this.ctx);
    this.unsubscribe = this.ctx.store.subscribe(() => this.program.refresh(this.ctx));
  }

  async close(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    for (const timer of this.delayed) clearTimeout(timer);
    this.delayed.clear();
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private pickRevision(match: HostMatch): string | undefined {
    if (match.tagged) return match.tagged;
    const traffic = match.route.traffic;
    if (this.ctx.config.ingressIgnoreWeights) {
      const names = [...new Set(traffic.map((t) => t.revisionName))];
      return names[Math.floor(this.pickRandom() * names.length)];
    }
    const weighted = traffic.filter((t) => t.percent > 0);
    const total = weighted.reduce((s, t) => s + t.percent, 0);
    let roll = this.pickRandom() * total;
    for (const t of weighted) {
      roll -= t.percent;
      if (roll < 0) return t.revisionName;
    }
    return weighted[weighted.length - 1]?.revisionName;
  }

  private appFor(image: string): AppDescription | undefined {
    const verdict = classifyImage(image, this.ctx.imported, this.ctx.pushed);
    if (!verdict.ok) return undefined;
    if (verdict.app === 'helloworld') return { kind: 'helloworld' };
    return this.apps.get(image) ?? this.ctx.pushed.lookup(image)?.app ?? { kind: 'template' };
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    req.resume();
    const host = String(req.headers.host ?? '')
      .replace(/:\d+$/, '')
      .toLowerCase();
    const match = ingressServed(this.ctx) ? this.program.find(host) : undefined;
    if (!match) {
      res.writeHead(404, { server: 'envoy', 'content-length': '0' });
      res.end();
      return;
    }
    const types = servingTypes(this.ctx);
    const revisionName = this.pickRevision(match);
    const revision =
      types && revisionName
        ? this.ctx.store.get(types.revisions, match.route.namespace, revisionName)
        : undefined;
    const container: Loose | undefined = revision?.spec?.containers?.[0];
    const app = container ? this.appFor(String(container.image ?? '')) : undefined;
    if (!revision || !container || !app || revisionState(revision)?.state !== 'ready') {
      const body = 'no healthy upstream';
      res.writeHead(503, {
        server: 'envoy',
        'content-type': 'text/plain',
        'content-length': String(body.length),
      });
      res.end(body);
      return;
    }
    const name = revision.metadata.name;
    const request = (this.answered.get(name) ?? 0) + 1;
    this.answered.set(name, request);
    const method = req.method ?? 'GET';
    const answer = answerOf(app, {
      method,
      path: new URL(req.url ?? '/', 'http://x').pathname,
      env: containerEnv(revision, container),
      request,
      random: this.answerRandom,
    });
    const { errorRate, latency } = this.ctx.config;
    const sent = failsNow(ruleFor(errorRate, name) ?? 0, this.errorRandom)
      ? failureAnswer(answer)
      : answer;
    const delayMs = jitteredLatency(ruleFor(latency, name) ?? 0, this.latencyRandom);
    this.respondAfter(res, delayMs, () => send(res, sent, method === 'HEAD', delayMs));
  }

  private respondAfter(res: ServerResponse, delayMs: number, respond: () => void): void {
    if (delayMs <= 0) {
      respond();
      return;
    }
    const timer = setTimeout(() => {
      this.delayed.delete(timer);
      if (!res.destroyed) respond();
    }, delayMs);
    this.delayed.add(timer);
    res.once('close', () => {
      clearTimeout(timer);
      this.delayed.delete(timer);
    });
  }
}

function send(res: ServerResponse, answer: AppAnswer, head: boolean, delayMs: number): void {
  res.writeHead(answer.status, {
    ...answer.headers,
    server: 'envoy',
    'x-envoy-upstream-service-time': String(Math.max(1, Math.round(delayMs))),
    'content-length': String(Buffer.byteLength(answer.body)),
  });
  res.end(head ? '' : answer.body);
}
