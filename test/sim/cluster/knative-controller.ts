/**
 * Knative Serving's controllers, simplified: Service -> Configuration, then (once the
 * Configuration has caught up, for a named revision) Route; Configuration -> Revision with the
 * name checks of the reconcilers; revisions and routes in knative-revision.ts and knative-route.ts.
 * Nothing happens until the `controller` deployment in knative-serving is Available.
 * (pkg/reconciler/{service/service.go,configuration/configuration.go} at knative-v1.22.1.)
 */
import { controllerRef, withConditions, type ClusterContext, type Condition } from './context.js';
import { defaultRevisionSpec } from './knative-defaults.js';
import { deploymentAvailable, KNATIVE_NS } from './knative-network.js';
import { childName, reconcileRevision } from './knative-revision.js';
import { readyOf, reconcileRoute } from './knative-route.js';
import {
  deepClone,
  deepEqual,
  timestamp,
  type KObject,
  type Loose,
  type ResourceType,
} from './types.js';

export { revisionState, routeHost, type RevisionState } from './knative-route.js';
export { defaultRevisionSpec } from './knative-defaults.js';

export const SERVING_GROUP = 'serving.knative.dev';
const CONFIG_GENERATION_LABEL = 'serving.knative.dev/configurationGeneration';

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

export function reconcileKnative(ctx: ClusterContext): void {
  const types = servingTypes(ctx);
  if (!types) return;
  if (!deploymentAvailable(ctx, KNATIVE_NS, 'controller')) return;
  for (const svc of ctx.store.peek(types.services)) reconcileService(ctx, types, svc);
  for (const config of ctx.store.peek(types.configurations))
    reconcileConfiguration(ctx, types, config);
  for (const rev of ctx.store.peek(types.revisions)) reconcileRevision(ctx, types.revisions, rev);
  for (const route of ctx.store.peek(types.routes)) reconcileRoute(ctx, types, route);
}

function serviceLabels(svc: KObject): Record<string, string> {
  return {
    ...(svc.metadata.labels ?? {}),
    'serving.knative.dev/service': svc.metadata.name,
    'serving.knative.dev/serviceUID': svc.metadata.uid,
  };
}

function controlledBy(child: KObject, owner: KObject): boolean {
  return (child.metadata.ownerReferences ?? []).some(
    (r: Loose) => r.uid === owner.metadata.uid && r.controller,
  );
}

/**
 * CheckNameAvailability (configuration.go / service.go): a named revision that exists must be
 * controlled by this configuration and either carry its generation or have its spec.
 */
function nameTaken(config: KObject, revision: KObject | undefined): boolean {
  if (!revision) return false;
  if (!controlledBy(revision, config)) return true;
  if (revision.metadata.labels?.[CONFIG_GENERATION_LABEL] === String(config.metadata.generation))
    return false;
  return !deepEqual(
    defaultRevisionSpec(config.spec?.template?.spec),
    defaultRevisionSpec(revision.spec),
  );
}

function upsertChild(
  ctx: ClusterContext,
  type: ResourceType,
  svc: KObject,
  kind: 'Configuration' | 'Route',
  spec: Loose,
): KObject | { notOwned: true } {
  const { name, namespace } = svc.metadata;
  const current = ctx.store.get(type, namespace, name);
  if (current && !controlledBy(current, svc)) return { notOwned: true };
  return ctx.upsert(
    type,
    {
      apiVersion: `${SERVING_GROUP}/v1`,
      kind,
      metadata: {
        name,
        namespace,
        labels: serviceLabels(svc),
        ownerReferences: [controllerRef(svc)],
      },
      spec,
    },
    (existing) =>
      deepEqual(existing.spec, spec) && deepEqual(existing.metadata.labels, serviceLabels(svc)),
  );
}

function reconcileService(ctx: ClusterContext, types: ServingTypes, svc: KObject): void {
  const { name } = svc.metadata;
  const previous: Loose[] = svc.status?.conditions ?? [];
  const old = (type: string): Condition =>
    previous.find((c) => c.type === type) ?? { type, status: 'Unknown' };
  let configsReady = old('ConfigurationsReady');
  let routesReady = old('RoutesReady');
  const fields: Loose = {};
  for (const key of [
    'latestCreatedRevisionName',
    'latestReadyRevisionName',
    'url',
    'address',
    'traffic',
  ])
    if (svc.status?.[key] !== undefined) fields[key] = svc.status[key];
  const finish = (): void => {
    ctx.setStatus(types.services, svc, {
      observedGeneration: svc.metadata.generation,
      ...fields,
      conditions: withConditions(previous, [
        configsReady,
        readyOf([configsReady, routesReady]),
        routesReady,
      ]),
    });
  };

  const template = deepClone(svc.spec?.template ?? {});
  const config = upsertChild(ctx, types.configurations, svc, 'Configuration', { template });
  if ('notOwned' in config) {
    configsReady = {
      type: 'ConfigurationsReady',
      status: 'False',
      reason: 'NotOwned',
      message: `There is an existing Configuration "${name}" that we do not own.`,
    };
    return finish();
  }
  const revisionName: string | undefined = template.metadata?.name;
  if (config.metadata.generation !== config.status?.observedGeneration) {
    configsReady = {
      type: 'ConfigurationsReady',
      status: 'Unknown',
      reason: 'OutOfDate',
      message: 'The Configuration is still working to reflect the latest desired specification.',
    };
    // A named revision serialises Configuration and Route: wait for the Configuration.
    if (revisionName) return finish();
  } else {
    for (const key of ['latestCreatedRevisionName', 'latestReadyRevisionName'])
      if (config.status?.[key] !== undefined) fields[key] = config.status[key];
    const ready = (config.status?.conditions ?? []).find((c: Loose) => c.type === 'Ready');
    if (ready) {
      configsReady = {
        type: 'ConfigurationsReady',
        status: ready.status,
        ...(ready.reason ? { reason: ready.reason } : {}),
        ...(ready.message ? { message: ready.message } : {}),
      };
    }
  }
  if (
    revisionName &&
    nameTaken(config, ctx.store.get(types.revisions, svc.metadata.namespace, revisionName))
  ) {
    routesReady = {
      type: 'RoutesReady',
      status: 'False',
      reason: 'RevisionNameTaken',
      message: `The revision name "${revisionName}" is taken by a conflicting Revision, so traffic will not be migrated`,
    };
    return finish();
  }

  const traffic = (svc.spec?.traffic ?? [{ latestRevision: true, percent: 100 }]).map((t: Loose) =>
    !t.revisionName ? { ...t, configurationName: name } : { ...t },
  );
  const route = upsertChild(ctx, types.routes, svc, 'Route', { traffic });
  if ('notOwned' in route) {
    routesReady = {
      type: 'RoutesReady',
      status: 'False',
      reason: 'NotOwned',
      message: `There is an existing Route "${name}" that we do not own.`,
    };
    return finish();
  }
  if (route.metadata.generation !== route.status?.observedGeneration) {
    routesReady = {
      type: 'RoutesReady',
      status: 'Unknown',
      reason: 'OutOfDate',
      message: 'The Route is still working to reflect the latest desired specification.',
    };
    return finish();
  }
  for (const key of ['url', 'address', 'traffic']) {
    if (route.status?.[key] !== undefined) fields[key] = route.status[key];
    else delete fields[key];
  }
  const ready = (route.status?.conditions ?? []).find((c: Loose) => c.type === 'Ready');
  if (ready) {
    routesReady = {
      type: 'RoutesReady',
      status: ready.status,
      ...(ready.reason ? { reason: ready.reason } : {}),
      ...(ready.message ? { message: ready.message } : {}),
    };
  }
  // checkRoutesNotReady: Ready routes whose status does not yet match their spec.
  if (routesReady.status === 'True' && !trafficMigrated(route, config)) {
    routesReady = {
      type: 'RoutesReady',
      status: 'Unknown',
      reason: 'TrafficNotMigrated',
      message: 'Traffic is not yet migrated to the latest revision.',
    };
  }
  finish();
}

function trafficMigrated(route: KObject, config: KObject): boolean {
  const want: Loose[] = (route.spec?.traffic ?? []).map((t: Loose) =>
    t.configurationName === config.metadata.name
      ? { ...t, revisionName: config.status?.latestReadyRevisionName, configurationName: undefined }
      : t,
  );
  const got: Loose[] = route.status?.traffic ?? [];
  if (want.length !== got.length) return false;
  const key = (t: Loose): string => `${t.revisionName}|${t.percent ?? 0}|${t.tag ?? ''}`;
  return want.every((t, i) => key(t) === key(got[i]));
}

/** MakeRevision (configuration/resources/revision.go): pending until the labeler routes it. */
function makeRevision(config: KObject, name: string): KObject {
  const template: Loose = config.spec?.template ?? {};
  const routes = config.metadata.annotations?.['serving.knative.dev/routes'];
  const labels: Record<string, string> = {
    ...(template.metadata?.labels ?? {}),
    'serving.knative.dev/configuration': config.metadata.name,
    [CONFIG_GENERATION_LABEL]: String(config.metadata.generation ?? 1),
    'serving.knative.dev/configurationUID': config.metadata.uid,
    'serving.knative.dev/routingState': routes ? 'active' : 'pending',
  };
  const svcName = config.metadata.labels?.['serving.knative.dev/service'];
  if (svcName) {
    labels['serving.knative.dev/service'] = svcName;
    labels['serving.knative.dev/serviceUID'] =
      config.metadata.labels?.['serving.knative.dev/serviceUID'] ?? '';
  }
  return {
    apiVersion: `${SERVING_GROUP}/v1`,
    kind: 'Revision',
    metadata: {
      name,
      namespace: config.metadata.namespace,
      labels,
      annotations: {
        ...(template.metadata?.annotations ?? {}),
        'serving.knative.dev/routingStateModified': timestamp(),
        ...(routes ? { 'serving.knative.dev/routes': routes } : {}),
      },
      ownerReferences: [controllerRef(config)],
    },
    spec: defaultRevisionSpec(template.spec),
  };
}

function reconcileConfiguration(ctx: ClusterContext, types: ServingTypes, config: KObject): void {
  const { namespace } = config.metadata;
  const byoName: string | undefined = config.spec?.template?.metadata?.name;
  const generation = config.metadata.generation ?? 1;
  const previous: Loose[] = config.status?.conditions ?? [];
  const setStatus = (fields: Loose, ready: Condition): void =>
    ctx.setStatus(types.configurations, config, {
      observedGeneration: generation,
      ...fields,
      conditions: withConditions(previous, [ready]),
    });
  const kept: Loose = {};
  for (const key of ['latestCreatedRevisionName', 'latestReadyRevisionName'])
    if (config.status?.[key]) kept[key] = config.status[key];

  let latest: KObject | undefined;
  if (byoName) {
    latest = ctx.store.get(types.revisions, namespace, byoName);
    if (nameTaken(config, latest)) {
      // The revision name is taken by another configuration or another spec.
      return setStatus(kept, {
        type: 'Ready',
        status: 'False',
        reason: 'RevisionFailed',
        message: `Revision creation failed with message: revisions.serving.knative.dev "${byoName}" already exists.`,
      });
    }
  } else {
    latest = ctx.store
      .list(types.revisions, namespace)
      .find(
        (r) =>
          r.metadata.labels?.['serving.knative.dev/configuration'] === config.metadata.name &&
          r.metadata.labels?.[CONFIG_GENERATION_LABEL] === String(generation),
      );
  }
  if (!latest) {
    const name =
      byoName ?? childName(config.metadata.name, `-${String(generation).padStart(5, '0')}`);
    if (ctx.store.get(types.revisions, namespace, name)) return; // AlreadyExists: retried, no status
    latest = ctx.store.create(types.revisions, makeRevision(config, name));
  }
  const fields: Loose = { ...kept, latestCreatedRevisionName: latest.metadata.name };
  const latestReady = findLatestReady(ctx, types, config, latest, Boolean(byoName));
  if (latestReady) fields.latestReadyRevisionName = latestReady;
  const state = (latest.status?.conditions ?? []).find((c: Loose) => c.type === 'Ready');
  let ready: Condition;
  if (latestReady && latestReady === latest.metadata.name)
    ready = { type: 'Ready', status: 'True' };
  else if (state?.status === 'False') {
    ready = {
      type: 'Ready',
      status: 'False',
      reason: 'RevisionFailed',
      message: `Revision "${latest.metadata.name}" failed with message: ${state.message ?? ''}.`,
    };
  } else ready = { type: 'Ready', status: 'Unknown' };
  setStatus(fields, ready);
}

/** findAndSetLatestReadyRevision: the newest Ready revision since the last ready one. */
function findLatestReady(
  ctx: ClusterContext,
  types: ServingTypes,
  config: KObject,
  latest: KObject,
  isByo: boolean,
): string | undefined {
  const gen = (r: KObject): number => Number(r.metadata.labels?.[CONFIG_GENERATION_LABEL] ?? NaN);
  const current: string | undefined = config.status?.latestReadyRevisionName;
  let candidates = ctx.store
    .list(types.revisions, config.metadata.namespace)
    .filter(
      (r) => r.metadata.labels?.['serving.knative.dev/configuration'] === config.metadata.name,
    );
  const lrr = current ? candidates.find((r) => r.metadata.name === current) : undefined;
  if (lrr) {
    const from = gen(lrr);
    candidates = candidates.filter(
      (r) =>
        (gen(r) >= from && gen(r) <= (config.metadata.generation ?? 1)) ||
        (isByo && gen(r) === gen(latest)),
    );
  }
  candidates.sort((a, b) =>
    a.metadata.name === latest.metadata.name && isByo
      ? -1
      : b.metadata.name === latest.metadata.name && isByo
        ? 1
        : gen(b) - gen(a),
  );
  const ready = candidates.find((r) =>
    (r.status?.conditions ?? []).some((c: Loose) => c.type === 'Ready' && c.status === 'True'),
  );
  return ready?.metadata.name ?? current;
}
