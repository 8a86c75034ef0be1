/**
 * Route and tag URLs as the cluster serves them. An existing cluster's domain, domain template
 * and TLS are its own, so nothing is predicted: the URLs are read from the Knative Service's
 * status (status.url, status.traffic[].url), checked, and the probe and the comment use them.
 */
import type { ReadObject } from '../kube/object.js';
import type { ServicePlan } from '../plan/types.js';
import type { PreviewLinks } from '../report/model.js';

/** scheme://host[:port][/], lowercase DNS host: safe to put into a Markdown link. */
const SAFE_URL =
  /^(https?):\/\/([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)(:(\d{1,5}))?\/?$/;

/** The URL if it is a plain http(s) URL of a DNS host (no credentials, path, query), else undefined. */
export function safeHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 300) return undefined;
  const match = SAFE_URL.exec(value);
  if (!match) return undefined;
  if (match[7] !== undefined && (Number(match[7]) < 1 || Number(match[7]) > 65535))
    return undefined;
  return value.replace(/\/$/, '');
}

export type ServedUrls = { ok: true; links: PreviewLinks } | { ok: false; problem: string };

/** The links of a Ready Knative Service: its route URL and the URLs of the `base` and `pr` tags. */
export function servedUrls(ksvc: ReadObject | undefined, service: ServicePlan): ServedUrls {
  const id = `${service.namespace}/${service.name}`;
  const status = (ksvc?.status ?? {}) as { url?: unknown; traffic?: unknown };
  const route = safeHttpUrl(status.url);
  if (!route)
    return {
      ok: false,
      problem: `service ${id} has no usable status.url (saw ${JSON.stringify(status.url ?? null).slice(0, 120)})`,
    };
  if (/\.svc(\.cluster\.local)?$/.test(new URL(route).hostname))
    return {
      ok: false,
      problem: `service ${id} is only reachable inside the cluster (${route}): the cluster's Knative domain is cluster-local, or the service is labelled networking.knative.dev/visibility=cluster-local. A preview needs an external domain (config-domain).`,
    };
  const links: PreviewLinks = { route };
  const targets = Array.isArray(status.traffic) ? (status.traffic as unknown[]) : [];
  for (const side of ['base', 'pr'] as const) {
    if (!service.tagHosts[side]) continue;
    const target = targets.find((t) => (t as { tag?: unknown } | null)?.tag === side) as
      { url?: unknown } | undefined;
    const url = safeHttpUrl(target?.url);
    if (!url)
      return {
        ok: false,
        problem: `service ${id} has no usable URL for its '${side}' tag in status.traffic`,
      };
    links[side] = url;
  }
  return { ok: true, links };
}

/** The service as the probe should see it: hosts from the served URLs. */
export function servedService(service: ServicePlan, links: PreviewLinks): ServicePlan {
  const host = (url: string): string => new URL(url).hostname;
  return {
    ...service,
    host: host(links.route),
    url: links.route,
    tagHosts: {
      ...(links.base ? { base: host(links.base) } : {}),
      pr: links.pr ? host(links.pr) : service.tagHosts.pr,
    },
  };
}

/**
 * Where the probe connects: the `ingress-address` when given (the Host header picks the route),
 * else the route URL itself, resolved by real DNS. The probe speaks plain HTTP.
 */
export function probeIngressUrl(
  links: PreviewLinks,
  ingressAddress: string | undefined,
): { ok: true; url: string } | { ok: false; problem: string } {
  if (ingressAddress) return { ok: true, url: `http://${ingressAddress}` };
  const route = new URL(links.route);
  if (route.protocol !== 'http:')
    return {
      ok: false,
      problem: `the route ${links.route} is HTTPS, and the probe sends plain HTTP: set 'ingress-address' to the host:port where the cluster's ingress answers HTTP (the Host header picks the route).`,
    };
  return { ok: true, url: route.origin };
}
