/**
 * Knative's route reconciler and labeler, simplified: traffic resolution (revision and
 * configuration targets, ownership), host names checked as DNS labels, the ingress condition,
 * TLS "not enabled", and the routingState labels/routes annotations the labeler keeps on the
 * revisions it routes to (pkg/reconciler/route/{route.go,traffic/traffic.go,domains/domains.go},
 * pkg/reconciler/labeler/, pkg/apis/serving/v1/route_lifecycle.go at knative-v1.22.1).
 */
import { withConditions, type ClusterContext, type Condition } from './context.js';
import { domainFor, ingressServed } from './knative-network.js';
import { deepClone, deepEqual, timestamp, type KObject, type Loose } from './types.js';
import type { ServingTypes } from './knative-controller.js';

const SERVICE_LABEL = 'serving.knative.dev/service';
const ROUTES_ANNOTATION = 'serving.knative.dev/routes';
const ROUTING_STATE_LABEL = 'serving.knative.dev/routingState';
const ROUTING_STATE_MODIFIED = 'serving.knative.dev/routingStateModified';

export type RevisionState =
  { state: 'ready' } | { state: 'pending' } | { state: 'failed'; reason: string; message: string };

export function revisionState(rev: KObject | undefined): RevisionState | undefined {
  if (!rev) return undefined;
  const ready = (rev.status?.conditions ?? []).find((c: Loose) => c.type === 'Ready');
  if (ready?.status === 'True') return { state: 'ready' };
  if (ready?.status === 'False')
    return { state: 'failed', reason: ready.reason ?? '', message: ready.message ?? '' };
  return { state: 'pending' };
}

export function routeHost(route: KObject, domain: string, tag?: string): string {
  const name = tag ? `${tag}-${route.metadata.name}` : route.metadata.name;
  return `${name}.${route.metadata.namespace}.${domain}`;
}

/**
 * domains.DomainNameFromTemplate's check (apimachinery IsFullyQualifiedDomainName): the first
 * label that is not a DNS-1123 label of at most 63 characters makes the route fail ErrorConfig.
 */
export function hostProblem(host: string): string | undefined {
  const label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
  let problem: string | undefined;
  if (host.length > 253)
    problem = `url: Invalid value: "${host}": must be no more than 253 characters`;
  for (const part of host.split('.')) {
    if (problem) break;
    const errs: string[] = [];
    if (part.length > 63) errs.push('must be no more than 63 characters');
    if (!label.test(part))
      errs.push(
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      );
    if (errs.length) problem = `url: Invalid value: "${part}": ${errs.join(',')}`;
  }
  return problem && `domain name error: invalid domain name "${host}": ${problem}`;
}

interface Resolved {
  entry: Loose;
  problem?: Condition;
}

function resolveTarget(
  ctx: ClusterContext,
  types: ServingTypes,
  route: KObject,
  target: Loose,
): Resolved {
  const namespace = route.metadata.namespace;
  const base: Loose = {
    ...(target.tag ? { tag: target.tag } : {}),
    latestRevision: target.latestRevision ?? !target.revisionName,
    percent: target.percent ?? 0,
  };
  const missing = (kind: string, name: string): Resolved => ({
    entry: base,
    problem: {
      type: 'AllTrafficAssigned',
      status: 'False',
      reason: `${kind}Missing`,
      message: `${kind} "${name}" referenced in traffic not found.`,
    },
  });
  let revisionName: string | undefined = target.revisionName;
  if (!revisionName && target.configurationName) {
    const config = ctx.store.get(types.configurations, namespace, target.configurationName);
    if (!config) return missing('Configuration', target.configurationName);
    revisionName = config.status?.latestReadyRevisionName;
    if (!revisionName) {
      const failed = (config.status?.conditions ?? []).some(
        (c: Loose) => c.type === 'Ready' && c.status === 'False',
      );
      return {
        entry: base,
        problem: failed
          ? {
              type: 'AllTrafficAssigned',
              status: 'False',
              reason: 'RevisionMissing',
              message: `Configuration "${target.configurationName}" does not have any ready Revision.`,
            }
          : {
              type: 'AllTrafficAssigned',
              status: 'Unknown',
              reason: 'RevisionMissing',
              message: `Configuration "${target.configurationName}" is waiting for a Revision to become ready.`,
            },
      };
    }
  }
  const entry = { ...base, revisionName };
  const revision = ctx.store.get(types.revisions, namespace, revisionName ?? '');
  if (!revision) return missing('Revision', revisionName ?? '');
  // A Service's route may only reach revisions of that Service (traffic.go addRevisionTarget).
  const routeService = route.metadata.labels?.[SERVICE_LABEL];
  const revisionService = revision.metadata.labels?.[SERVICE_LABEL] ?? '';
  if (target.revisionName && routeService && routeService !== revisionService) {
    return {
      entry,
      problem: {
        type: 'AllTrafficAssigned',
        status: 'False',
        reason: 'RevisionNotOwned',
        message: revisionService
          ? `Revision "${revisionName}" belongs to Service "${revisionService}", not Service "${routeService}".`
          : `Revision "${revisionName}" does not belong to Service "${routeService}".`,
      },
    };
  }
  const state = revisionState(revision)!;
  if (state.state === 'failed') {
    return {
      entry,
      problem: {
        type: 'AllTrafficAssigned',
        status: 'False',
        reason: 'RevisionMissing',
        message: `Revision "${revisionName}" failed to become ready.`,
      },
    };
  }
  if (state.state === 'pending') {
    return {
      entry,
      problem: {
        type: 'AllTrafficAssigned',
        status: 'Unknown',
        reason: 'RevisionMissing',
        message: `Revision "${revisionName}" is not yet ready.`,
      },
    };
  }
  return { entry };
}

/** A living condition set's Ready: the first False dependent, else the first Unknown, else True. */
export function readyOf(dependents: Condition[]): Condition {
  const notTrue =
    dependents.find((c) => c.status === 'False') ?? dependents.find((c) => c.status !== 'True');
  return notTrue ? { ...notTrue, type: 'Ready' } : { type: 'Ready', status: 'True' };
}

export function reconcileRoute(ctx: ClusterContext, types: ServingTypes, route: KObject): void {
  const domain = domainFor(ctx, route);
  const previous: Loose[] = route.status?.conditions ?? [];
  const old = (type: string): Condition =>
    previous.find((c) => c.type === type) ?? { type, status: 'Unknown' };
  let ingress: Condition =
    route.metadata.generation !== route.status?.observedGeneration
      ? {
          type: 'IngressReady',
          status: 'Unknown',
          reason: 'IngressNotConfigured',
          message: 'Ingress has not yet been reconciled.',
        }
      : old('IngressReady');
  let certificate: Condition = old('CertificateProvisioned');
  let assigned: Condition;
  let url: string | undefined = route.status?.url;
  let address: Loose = route.status?.address;
  let traffic: Loose[] | undefined = route.status?.traffic;

  const host = routeHost(route, domain);
  const hostError = hostProblem(host);
  const resolved = (route.spec?.traffic ?? []).map((t: Loose) =>
    resolveTarget(ctx, types, route, t),
  );
  const problems = resolved.map((r: Resolved) => r.problem).filter(Boolean) as Condition[];
  if (hostError) {
    assigned = {
      type: 'AllTrafficAssigned',
      status: 'False',
      reason: 'ErrorConfig',
      message: hostError,
    };
  } else if (problems.length > 0) {
    url = `http://${host}`;
    assigned = problems.find((p) => p.status === 'False') ?? problems[0]!;
  } else {
    url = `http://${host}`;
    // Tag hosts are checked when their URLs are computed.
    const tagError = resolved
      .map((r: Resolved) => (r.entry.tag ? hostProblem(routeHost(route, domain, r.entry.tag)) : ''))
      .find(Boolean);
    if (tagError) {
      assigned = {
        type: 'AllTrafficAssigned',
        status: 'False',
        reason: 'ErrorConfig',
        message: tagError,
      };
    } else {
      assigned = { type: 'AllTrafficAssigned', status: 'True' };
      address = {
        url: `http://${route.metadata.name}.${route.metadata.namespace}.svc.cluster.local`,
      };
      // Like Knative, status.traffic only moves once every target resolves.
      traffic = resolved.map((r: Resolved) =>
        r.entry.tag
          ? { ...r.entry, url: `http://${routeHost(route, domain, r.entry.tag)}` }
          : r.entry,
      );
      certificate = {
        type: 'CertificateProvisioned',
        status: 'True',
        reason: 'TLSNotEnabled',
        message: 'external-domain-tls is not enabled',
      };
      ingress = ingressServed(ctx)
        ? { type: 'IngressReady', status: 'True' }
        : {
            type: 'IngressReady',
            status: 'Unknown',
            reason: 'IngressNotConfigured',
            message: 'Ingress has not yet been reconciled.',
          };
    }
  }
  ctx.setStatus(types.routes, route, {
    observedGeneration: route.metadata.generation,
    ...(url ? { url } : {}),
    ...(address ? { address } : {}),
    ...(traffic ? { traffic } : {}),
    conditions: withConditions(previous, [
      assigned,
      certificate,
      ingress,
      readyOf([assigned, ingress, certificate]),
    ]),
  });
  const stored = ctx.store.get(types.routes, route.metadata.namespace, route.metadata.name);
  if (stored) syncRoutingMeta(ctx, types, stored);
}

/** Adds or removes `route` from an object's routes annotation; the routing state follows. */
function setRoutingMeta(
  ctx: ClusterContext,
  type: ServingTypes['revisions'],
  object: KObject,
  route: string,
  remove: boolean,
  withState: boolean,
): void {
  const routes = new Set(
    String(object.metadata.annotations?.[ROUTES_ANNOTATION] ?? '')
      .split(',')
      .filter(Boolean),
  );
  if (remove) routes.delete(route);
  else routes.add(route);
  const next = deepClone(object);
  next.metadata.annotations = { ...(next.metadata.annotations ?? {}) };
  next.metadata.labels = { ...(next.metadata.labels ?? {}) };
  if (routes.size > 0) next.metadata.annotations[ROUTES_ANNOTATION] = [...routes].sort().join(',');
  else delete next.metadata.annotations[ROUTES_ANNOTATION];
  if (withState) {
    const state = routes.size > 0 ? 'active' : 'reserve';
    if (next.metadata.labels[ROUTING_STATE_LABEL] !== state) {
      next.metadata.labels[ROUTING_STATE_LABEL] = state;
      next.metadata.annotations[ROUTING_STATE_MODIFIED] = timestamp();
    }
  }
  if (!deepEqual(next.metadata, object.metadata)) ctx.store.update(type, next);
}

/**
 * The labeler (metasync.go): revisions and configurations a route names (in spec or status, plus
 * the latest created revision of a latestRevision target) carry the route in their routes
 * annotation and revisions are `active`; once the route is Ready or failed, revisions it no
 * longer names lose it, and without any route they become `reserve`.
 */
function syncRoutingMeta(ctx: ClusterContext, types: ServingTypes, route: KObject): void {
  const namespace = route.metadata.namespace;
  const revisions = new Set<string>();
  const configs = new Set<string>();
  for (const t of [...(route.status?.traffic ?? []), ...(route.spec?.traffic ?? [])] as Loose[]) {
    let configName: string | undefined = t.configurationName;
    if (t.revisionName) {
      const rev = ctx.store.get(types.revisions, namespace, t.revisionName);
      if (!rev) continue;
      revisions.add(t.revisionName);
      const owner = (rev.metadata.ownerReferences ?? []).find((r: Loose) => r.controller);
      if (owner?.kind === 'Configuration') configName = owner.name;
    }
    if (!configName) continue;
    const config = ctx.store.get(types.configurations, namespace, configName);
    if (!config) continue;
    configs.add(configName);
    if (config.status?.latestCreatedRevisionName && t.latestRevision === true)
      revisions.add(config.status.latestCreatedRevisionName);
  }
  const ready = (route.status?.conditions ?? []).find((c: Loose) => c.type === 'Ready');
  const settled =
    route.status?.observedGeneration === route.metadata.generation &&
    (ready?.status === 'True' || ready?.status === 'False');
  const name = route.metadata.name;
  const routedHere = (o: KObject): boolean =>
    String(o.metadata.annotations?.[ROUTES_ANNOTATION] ?? '')
      .split(',')
      .includes(name);
  if (settled) {
    for (const rev of ctx.store.list(types.revisions, namespace)) {
      if (
        rev.metadata.labels?.[ROUTING_STATE_LABEL] === 'active' &&
        routedHere(rev) &&
        !revisions.has(rev.metadata.name)
      )
        setRoutingMeta(ctx, types.revisions, rev, name, true, true);
    }
    for (const config of ctx.store.list(types.configurations, namespace)) {
      if (routedHere(config) && !configs.has(config.metadata.name))
        setRoutingMeta(ctx, types.configurations, config, name, true, false);
    }
  }
  for (const revName of revisions) {
    const rev = ctx.store.get(types.revisions, namespace, revName);
    if (rev) setRoutingMeta(ctx, types.revisions, rev, name, false, true);
  }
  for (const configName of configs) {
    const config = ctx.store.get(types.configurations, namespace, configName);
    if (config) setRoutingMeta(ctx, types.configurations, config, name, false, false);
  }
}
