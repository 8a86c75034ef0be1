/**
 * Knative Serving's controllers, simplified: Service -> Configuration + Route, Configuration ->
 * Revision, Revision readiness (by image and the fault knobs), Route traffic resolution and URLs.
 * Nothing happens until the `controller` deployment in knative-serving is Available.
 */
import {
  controllerRef,
  shortHash,
  withConditions,
  type ClusterContext,
  type Condition,
} from './context.js';
import { classifyImage } from './images.js';
import { deploymentAvailable, domainFor, ingressServed, KNATIVE_NS } from './knative-network.js';
import { syncPods } from './pods.js';
import {
  deepClone,
  deepEqual,
  timestamp,
  type KObject,
  type Loose,
  type ResourceType,
} from './types.js';

export const SERVING_GROUP = 'serving.knative.dev';

export interface ServingTypes {
  services: ResourceType;
  configurations: ResourceType;
  routes: ResourceType;
  revisions: ResourceType;
}

export function servingTypes(ctx: ClusterContext): ServingTypes | undefined {
  const services = ctx.type(SERVING_GROUP, 'services');
  const configurations = ctx.type(SERVING_GROUP, 'configurations');
  const routes = ctx.type(SERVING_GROUP, 'routes');
  const revisions = ctx.type(SERVING_GROUP, 'revisions');
  if (!services || !configurations || !routes || !revisions) return undefined;
  return { services, configurations, routes, revisions };
}

/** Fills the defaults Knative's defaulting webhook adds to a revision spec. */
export function defaultRevisionSpec(spec: Loose): Loose {
  const out = deepClone(spec ?? {});
  out.containerConcurrency ??= 0;
  out.timeoutSeconds ??= 300;
  out.enableServiceLinks ??= false;
  out.containers = (out.containers ?? []).map((c: Loose, i: number) => ({
    ...c,
    name: c.name ?? (i === 0 ? 'user-container' : `container-${i}`),
    readinessProbe: c.readinessProbe ?? { successThreshold: 1, tcpSocket: { port: 0 } },
    resources: c.resources ?? {},
  }));
  return out;
}

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

export function reconcileKnative(ctx: ClusterContext): void {
  const types = servingTypes(ctx);
  if (!types) return;
  if (!deploymentAvailable(ctx, KNATIVE_NS, 'controller')) return;
  for (const svc of ctx.store.peek(types.services)) reconcileServiceChildren(ctx, types, svc);
  for (const config of ctx.store.peek(types.configurations))
    reconcileConfiguration(ctx, types, config);
  for (const rev of ctx.store.peek(types.revisions)) reconcileRevision(ctx, types, rev);
  for (const route of ctx.store.peek(types.routes)) reconcileRoute(ctx, types, route);
  for (const svc of ctx.store.peek(types.services)) reconcileServiceStatus(ctx, types, svc);
}

function serviceLabels(svc: KObject): Record<string, string> {
  return {
    ...(svc.metadata.labels ?? {}),
    'serving.knative.dev/service': svc.metadata.name,
    'serving.knative.dev/serviceUID': svc.metadata.uid,
  };
}

function reconcileServiceChildren(ctx: ClusterContext, types: ServingTypes, svc: KObject): void {
  const { name, namespace } = svc.metadata;
  const configSpec = { template: deepClone(svc.spec?.template ?? {}) };
  ctx.upsert(
    types.configurations,
    {
      apiVersion: `${SERVING_GROUP}/v1`,
      kind: 'Configuration',
      metadata: {
        name,
        namespace,
        labels: serviceLabels(svc),
        ownerReferences: [controllerRef(svc)],
      },
      spec: configSpec,
    },
    (current) => deepEqual(current.spec, configSpec),
  );
  const traffic = (svc.spec?.traffic ?? [{ latestRevision: true, percent: 100 }]).map((t: Loose) =>
    t.latestRevision === true || (!t.revisionName && t.latestRevision === undefined)
      ? { ...t, configurationName: name, latestRevision: true }
      : { ...t },
  );
  const routeSpec = { traffic };
  ctx.upsert(
    types.routes,
    {
      apiVersion: `${SERVING_GROUP}/v1`,
      kind: 'Route',
      metadata: {
        name,
        namespace,
        labels: serviceLabels(svc),
        ownerReferences: [controllerRef(svc)],
      },
      spec: routeSpec,
    },
    (current) => deepEqual(current.spec, routeSpec),
  );
}

function revisionNameFor(config: KObject): string {
  return (
    config.spec?.template?.metadata?.name ||
    `${config.metadata.name}-${String(config.metadata.generation ?? 1).padStart(5, '0')}`
  );
}

function reconcileConfiguration(ctx: ClusterContext, types: ServingTypes, config: KObject): void {
  const { namespace } = config.metadata;
  const revName = revisionNameFor(config);
  let rev = ctx.store.get(types.revisions, namespace, revName);
  let conflict: string | undefined;
  if (!rev) {
    const template = config.spec?.template ?? {};
    const labels: Record<string, string> = {
      ...(template.metadata?.labels ?? {}),
      'serving.knative.dev/configuration': config.metadata.name,
      'serving.knative.dev/configurationUID': config.metadata.uid,
      'serving.knative.dev/configurationGeneration': String(config.metadata.generation ?? 1),
      'serving.knative.dev/routingState': 'active',
    };
    const svcName = config.metadata.labels?.['serving.knative.dev/service'];
    if (svcName) {
      labels['serving.knative.dev/service'] = svcName;
      labels['serving.knative.dev/serviceUID'] =
        config.metadata.labels?.['serving.knative.dev/serviceUID'] ?? '';
    }
    rev = ctx.store.create(types.revisions, {
      apiVersion: `${SERVING_GROUP}/v1`,
      kind: 'Revision',
      metadata: {
        name: revName,
        namespace,
        labels,
        annotations: { ...(template.metadata?.annotations ?? {}) },
        ownerReferences: [controllerRef(config)],
      },
      spec: defaultRevisionSpec(template.spec),
    });
  } else if (
    !(rev.metadata.ownerReferences ?? []).some((r: Loose) => r.uid === config.metadata.uid)
  ) {
    conflict = `revision "${revName}" already exists and is not owned by Configuration "${config.metadata.name}"`;
  }
  const state = conflict ? undefined : revisionState(rev);
  let latestReady: string | undefined = config.status?.latestReadyRevisionName;
  if (state?.state === 'ready') latestReady = revName;
  let ready: Condition;
  if (conflict)
    ready = { type: 'Ready', status: 'False', reason: 'RevisionFailed', message: conflict };
  else if (state?.state === 'ready') ready = { type: 'Ready', status: 'True' };
  else if (state?.state === 'failed') {
    ready = {
      type: 'Ready',
      status: 'False',
      reason: 'RevisionFailed',
      message: `Revision "${revName}" failed with message: ${state.message}.`,
    };
  } else ready = { type: 'Ready', status: 'Unknown' };
  ctx.setStatus(types.configurations, config, {
    observedGeneration: config.metadata.generation,
    latestCreatedRevisionName: revName,
    ...(latestReady ? { latestReadyRevisionName: latestReady } : {}),
    conditions: withConditions(config.status?.conditions, [ready]),
  });
}

function reconcileRevision(ctx: ClusterContext, types: ServingTypes, rev: KObject): void {
  const name: string = rev.metadata.name;
  const container = rev.spec?.containers?.[0] ?? {};
  const image: string = container.image ?? '';
  const due = ctx.elapsed(rev, ctx.config.readyDelayMs);
  const verdict = classifyImage(image, ctx.imported, ctx.pushed);
  let outcome: RevisionState;
  if (!due) outcome = { state: 'pending' };
  else if (!verdict.ok)
    outcome = { state: 'failed', reason: verdict.reason, message: verdict.message };
  else if (ctx.config.neverReady.has(name)) {
    outcome = {
      state: 'failed',
      reason: 'ProgressDeadlineExceeded',
      message: 'Initial scale was never achieved',
    };
  } else outcome = { state: 'ready' };

  const podTemplate = {
    metadata: {
      labels: {
        ...(rev.metadata.labels ?? {}),
        app: name,
        'serving.knative.dev/revision': name,
        'serving.knative.dev/revisionUID': rev.metadata.uid,
      },
    },
    spec: {
      containers: [
        ...(rev.spec?.containers ?? []).map((c: Loose) => ({
          ...c,
          env: [...(c.env ?? []), { name: 'K_REVISION', value: name }],
        })),
        { name: 'queue-proxy', image: 'gcr.io/knative-releases/knative.dev/serving/cmd/queue' },
      ],
    },
  };
  syncPods(ctx, rev, {
    prefix: `${name}-deployment-${shortHash(rev.metadata.uid).slice(0, 10)}-`,
    count: 1,
    template: podTemplate,
    phase:
      outcome.state === 'ready' ||
      (outcome.state === 'failed' && outcome.reason === 'ProgressDeadlineExceeded')
        ? 'Running'
        : 'Pending',
    ready: outcome.state === 'ready',
    ...(outcome.state === 'failed' && outcome.reason !== 'ProgressDeadlineExceeded'
      ? {
          waiting: {
            reason: outcome.reason === 'ContainerMissing' ? 'ErrImagePull' : outcome.reason,
            message: outcome.message,
          },
        }
      : {}),
  });

  const conditions: Condition[] =
    outcome.state === 'ready'
      ? [
          { type: 'Active', status: 'True' },
          { type: 'ContainerHealthy', status: 'True' },
          { type: 'Ready', status: 'True' },
          { type: 'ResourcesAvailable', status: 'True' },
        ]
      : outcome.state === 'pending'
        ? [
            { type: 'Active', status: 'Unknown', reason: 'Deploying' },
            { type: 'ContainerHealthy', status: 'Unknown', reason: 'Deploying' },
            { type: 'Ready', status: 'Unknown', reason: 'Deploying' },
            { type: 'ResourcesAvailable', status: 'Unknown', reason: 'Deploying' },
          ]
        : [
            {
              type: 'Active',
              status: 'False',
              reason: 'Unreachable',
              message: 'Revision is not ready.',
            },
            outcome.reason === 'ProgressDeadlineExceeded'
              ? { type: 'ContainerHealthy', status: 'Unknown', reason: 'Deploying' }
              : {
                  type: 'ContainerHealthy',
                  status: 'False',
                  reason: outcome.reason,
                  message: outcome.message,
                },
            { type: 'Ready', status: 'False', reason: outcome.reason, message: outcome.message },
            {
              type: 'ResourcesAvailable',
              status: 'False',
              reason: outcome.reason,
              message: outcome.message,
            },
          ];
  if (outcome.state === 'failed') recordWarning(ctx, rev, outcome.reason, outcome.message);
  ctx.setStatus(types.revisions, rev, {
    observedGeneration: rev.metadata.generation,
    conditions: withConditions(rev.status?.conditions, conditions),
    containerStatuses: (rev.spec?.containers ?? []).map((c: Loose) => ({
      name: c.name,
      ...(verdict.ok
        ? {
            imageDigest: `${String(c.image).replace(/:[^/]*$/, '')}@sha256:${shortHash(String(c.image))}`,
          }
        : {}),
    })),
    actualReplicas: outcome.state === 'ready' ? 1 : 0,
    desiredReplicas: 1,
  });
}

interface ResolvedTarget {
  entry: Loose;
  problem?: Condition;
}

function resolveTarget(
  ctx: ClusterContext,
  types: ServingTypes,
  route: KObject,
  target: Loose,
): ResolvedTarget {
  const namespace = route.metadata.namespace;
  const base: Loose = {
    ...(target.tag ? { tag: target.tag } : {}),
    latestRevision: Boolean(target.configurationName) && !target.revisionName,
    percent: target.percent ?? 0,
  };
  let revisionName: string | undefined = target.revisionName;
  if (!revisionName && target.configurationName) {
    const config = ctx.store.get(types.configurations, namespace, target.configurationName);
    if (!config) {
      return {
        entry: base,
        problem: {
          type: 'AllTrafficAssigned',
          status: 'False',
          reason: 'ConfigurationMissing',
          message: `Configuration "${target.configurationName}" referenced in traffic not found.`,
        },
      };
    }
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
  const state = revisionState(ctx.store.get(types.revisions, namespace, revisionName ?? ''));
  if (!state) {
    return {
      entry,
      problem: {
        type: 'AllTrafficAssigned',
        status: 'False',
        reason: 'RevisionMissing',
        message: `Revision "${revisionName}" referenced in traffic not found.`,
      },
    };
  }
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

export function routeHost(route: KObject, domain: string, tag?: string): string {
  const name = tag ? `${tag}-${route.metadata.name}` : route.metadata.name;
  return `${name}.${route.metadata.namespace}.${domain}`;
}

function reconcileRoute(ctx: ClusterContext, types: ServingTypes, route: KObject): void {
  const domain = domainFor(ctx, route);
  const resolved = (route.spec?.traffic ?? []).map((t: Loose) =>
    resolveTarget(ctx, types, route, t),
  );
  const problems = resolved.map((r: ResolvedTarget) => r.problem).filter(Boolean) as Condition[];
  const failed = problems.find((p) => p.status === 'False');
  const assigned: Condition = failed ??
    problems[0] ?? { type: 'AllTrafficAssigned', status: 'True' };
  const ingress: Condition = ingressServed(ctx)
    ? { type: 'IngressReady', status: 'True' }
    : {
        type: 'IngressReady',
        status: 'Unknown',
        reason: 'Uninitialized',
        message: 'Waiting for load balancer to be ready',
      };
  let ready: Condition;
  if (assigned.status === 'True' && ingress.status === 'True')
    ready = { type: 'Ready', status: 'True' };
  else if (assigned.status !== 'True') ready = { ...assigned, type: 'Ready' };
  else ready = { ...ingress, type: 'Ready' };
  // Like Knative, status.traffic only moves once every target resolves.
  const traffic =
    assigned.status === 'True'
      ? resolved.map((r: ResolvedTarget) =>
          r.entry.tag
            ? { ...r.entry, url: `http://${routeHost(route, domain, r.entry.tag)}` }
            : r.entry,
        )
      : route.status?.traffic;
  ctx.setStatus(types.routes, route, {
    observedGeneration: route.metadata.generation,
    url: `http://${routeHost(route, domain)}`,
    address: { url: `http://${route.metadata.name}.${route.metadata.namespace}.svc.cluster.local` },
    ...(traffic ? { traffic } : {}),
    conditions: withConditions(route.status?.conditions, [
      assigned,
      {
        type: 'CertificateProvisioned',
        status: 'True',
        reason: 'TLSNotEnabled',
        message: 'autoTLS is not enabled',
      },
      ingress,
      ready,
    ]),
  });
}

function childCondition(
  type: string,
  child: KObject | undefined,
  generationCurrent: boolean,
): Condition {
  const ready = (child?.status?.conditions ?? []).find((c: Loose) => c.type === 'Ready');
  if (!child || !ready || !generationCurrent)
    return {
      type,
      status: 'Unknown',
      reason: 'OutOfDate',
      message: 'We are waiting for the child to be updated.',
    };
  return {
    type,
    status: ready.status,
    ...(ready.reason ? { reason: ready.reason } : {}),
    ...(ready.message ? { message: ready.message } : {}),
  };
}

function reconcileServiceStatus(ctx: ClusterContext, types: ServingTypes, svc: KObject): void {
  const { name, namespace } = svc.metadata;
  const config = ctx.store.get(types.configurations, namespace, name);
  const route = ctx.store.get(types.routes, namespace, name);
  const configs = childCondition(
    'ConfigurationsReady',
    config,
    config?.status?.observedGeneration === config?.metadata.generation,
  );
  const routes = childCondition(
    'RoutesReady',
    route,
    route?.status?.observedGeneration === route?.metadata.generation,
  );
  let ready: Condition;
  if (configs.status === 'True' && routes.status === 'True')
    ready = { type: 'Ready', status: 'True' };
  else if (configs.status === 'False') ready = { ...configs, type: 'Ready' };
  else if (routes.status === 'False') ready = { ...routes, type: 'Ready' };
  else ready = { ...(configs.status !== 'True' ? configs : routes), type: 'Ready' };
  ctx.setStatus(types.services, svc, {
    observedGeneration: svc.metadata.generation,
    ...(config?.status?.latestCreatedRevisionName
      ? { latestCreatedRevisionName: config.status.latestCreatedRevisionName }
      : {}),
    ...(config?.status?.latestReadyRevisionName
      ? { latestReadyRevisionName: config.status.latestReadyRevisionName }
      : {}),
    ...(route?.status?.url ? { url: route.status.url } : {}),
    ...(route?.status?.address ? { address: route.status.address } : {}),
    ...(route?.status?.traffic ? { traffic: route.status.traffic } : {}),
    conditions: withConditions(svc.status?.conditions, [configs, ready, routes]),
  });
}

/** One Warning event per failed revision, for `kubectl get events` in diagnostics. */
function recordWarning(ctx: ClusterContext, obj: KObject, reason: string, message: string): void {
  const events = ctx.core('events');
  const name = `${obj.metadata.name}.${shortHash(obj.metadata.uid, reason).slice(0, 16)}`;
  if (ctx.store.get(events, obj.metadata.namespace, name)) return;
  const now = timestamp();
  ctx.store.create(events, {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: obj.metadata.namespace },
    involvedObject: {
      apiVersion: obj.apiVersion,
      kind: obj.kind,
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
    },
    reason,
    message,
    type: 'Warning',
    count: 1,
    firstTimestamp: now,
    lastTimestamp: now,
    source: { component: 'revision-controller' },
  });
}
