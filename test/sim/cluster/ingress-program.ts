/**
 * What Envoy has been programmed with: per Route, its external hosts (the route host and one per
 * tag) and the traffic split, as of the last time the route reconciler could resolve every
 * traffic target while Contour served the ingress class.
 *
 * Knative 1.22 reprograms an ingress only then: the route reconciler stops before touching the
 * KIngress while any target is unresolved, and net-contour keeps the previous generation's
 * HTTPProxies until the new generation's endpoints are warm. So during a rollout, and when the
 * new traffic never resolves, the hosts keep answering with the last programmed split; a host
 * that was never programmed answers 404. Deleting the Route deletes its KIngress (owner
 * reference) and with it the hosts.
 */
import type { ClusterContext } from './context.js';
import { routeHost, servingTypes } from './knative-controller.js';
import { domainFor, ingressServed, isClusterLocal } from './knative-network.js';
import type { KObject, Loose } from './types.js';

export interface ProgrammedTarget {
  revisionName: string;
  percent: number;
}

export interface ProgrammedRoute {
  namespace: string;
  /** The route host -> undefined; a tag host -> the only revision it reaches. */
  hosts: Map<string, string | undefined>;
  traffic: ProgrammedTarget[];
}

export interface HostMatch {
  route: ProgrammedRoute;
  /** Set for a tag host: the only revision it reaches. */
  tagged?: string;
}

/** Whether the route's status.traffic is current: every target of this generation resolved. */
function trafficResolved(route: KObject): boolean {
  const assigned = (route.status?.conditions ?? []).find(
    (c: Loose) => c.type === 'AllTrafficAssigned',
  );
  return (
    assigned?.status === 'True' &&
    route.status?.observedGeneration === route.metadata.generation &&
    Array.isArray(route.status?.traffic)
  );
}

export class IngressProgram {
  /** By route uid. */
  private readonly routes = new Map<string, ProgrammedRoute>();

  /** Reprograms every route that can be; keeps the rest as they were; drops deleted routes. */
  refresh(ctx: ClusterContext): void {
    const types = servingTypes(ctx);
    if (!types) {
      this.routes.clear();
      return;
    }
    const served = ingressServed(ctx);
    const live = new Set<string>();
    for (const route of ctx.store.peek(types.routes)) {
      const uid: string = route.metadata.uid;
      live.add(uid);
      if (!served || !trafficResolved(route)) continue;
      const domain = domainFor(ctx, route);
      // A cluster-local route's ingress has no rules on the external gateway.
      if (isClusterLocal(domain)) {
        this.routes.delete(uid);
        continue;
      }
      const targets: Loose[] = route.status.traffic;
      const hosts = new Map<string, string | undefined>([[routeHost(route, domain), undefined]]);
      for (const target of targets) {
        if (target.tag && target.revisionName)
          hosts.set(routeHost(route, domain, String(target.tag)), String(target.revisionName));
      }
      this.routes.set(uid, {
        namespace: route.metadata.namespace,
        hosts,
        traffic: targets
          .filter((t) => t.revisionName)
          .map((t) => ({ revisionName: String(t.revisionName), percent: Number(t.percent ?? 0) })),
      });
    }
    for (const uid of [...this.routes.keys()]) if (!live.has(uid)) this.routes.delete(uid);
  }

  find(host: string): HostMatch | undefined {
    for (const route of this.routes.values()) {
      if (!route.hosts.has(host)) continue;
      const tagged = route.hosts.get(host);
      return tagged === undefined ? { route } : { route, tagged };
    }
    return undefined;
  }
}
