/** What Knative reads from its config maps and the installed networking layer. */
import { parse as parseYaml } from 'yaml';
import type { ClusterContext } from './context.js';
import type { KObject, Loose } from './types.js';

export const KNATIVE_NS = 'knative-serving';
export const CONTOUR_CLASS = 'contour.ingress.networking.knative.dev';
export const DEFAULT_INGRESS_CLASS = 'istio.ingress.networking.knative.dev';
export const CLUSTER_LOCAL_DOMAIN = 'svc.cluster.local';

export function configMapData(
  ctx: ClusterContext,
  namespace: string,
  name: string,
): Record<string, string> {
  return (ctx.store.get(ctx.core('configmaps'), namespace, name)?.data ?? {}) as Record<
    string,
    string
  >;
}

export function deploymentAvailable(ctx: ClusterContext, namespace: string, name: string): boolean {
  const d = ctx.store.get(ctx.apps('deployments'), namespace, name);
  return Boolean(
    d?.status?.conditions?.some((c: Loose) => c.type === 'Available' && c.status === 'True'),
  );
}

function daemonSetReady(ctx: ClusterContext, namespace: string, name: string): boolean {
  const ds = ctx.store.get(ctx.apps('daemonsets'), namespace, name);
  const desired = ds?.status?.desiredNumberScheduled ?? 0;
  return desired > 0 && (ds?.status?.numberReady ?? 0) >= desired;
}

export function ingressClass(ctx: ClusterContext): string {
  const data = configMapData(ctx, KNATIVE_NS, 'config-network');
  return data['ingress-class'] || data['ingress.class'] || DEFAULT_INGRESS_CLASS;
}

/** Whether some ingress controller serves Knative's KIngresses of the configured class. */
export function ingressServed(ctx: ClusterContext): boolean {
  return (
    ingressClass(ctx) === CONTOUR_CLASS &&
    deploymentAvailable(ctx, KNATIVE_NS, 'net-contour-controller') &&
    daemonSetReady(ctx, 'contour-external', 'envoy')
  );
}

/**
 * The domain for a route, from `config-domain`: keys are domains; an empty value applies to
 * every route, a `selector:` value only to routes carrying those labels (most specific wins).
 * No usable key: the cluster-local default.
 */
export function domainFor(ctx: ClusterContext, route: KObject): string {
  const labels = (route.metadata.labels ?? {}) as Record<string, string>;
  if (labels['networking.knative.dev/visibility'] === 'cluster-local') return CLUSTER_LOCAL_DOMAIN;
  const data = configMapData(ctx, KNATIVE_NS, 'config-domain');
  let best: { domain: string; specificity: number } | undefined;
  for (const domain of Object.keys(data).sort()) {
    if (domain.startsWith('_')) continue;
    const value = data[domain] ?? '';
    let selector: Record<string, string> = {};
    if (value.trim()) {
      try {
        selector = ((parseYaml(value) as Loose)?.selector ?? {}) as Record<string, string>;
      } catch {
        continue;
      }
    }
    const entries = Object.entries(selector);
    if (!entries.every(([k, v]) => labels[k] === v)) continue;
    if (!best || entries.length > best.specificity) best = { domain, specificity: entries.length };
  }
  return best?.domain ?? CLUSTER_LOCAL_DOMAIN;
}

export function isClusterLocal(domain: string): boolean {
  return domain === CLUSTER_LOCAL_DOMAIN || domain.endsWith(`.${CLUSTER_LOCAL_DOMAIN}`);
}
