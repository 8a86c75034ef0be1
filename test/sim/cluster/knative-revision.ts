/**
 * Knative's revision reconciler with the Deployment it owns and the kubelet under it, simplified:
 * digest resolution (ContainerMissing without a Deployment when it fails), the `<rev>-deployment`
 * with its progress deadline, pods whose containers pull, wait or run by image, and the revision
 * conditions Knative derives from them (pkg/reconciler/revision/{revision,reconcile_resources}.go,
 * pkg/apis/serving/v1/revision_lifecycle.go at knative-v1.22.1).
 */
import { createHash } from 'node:crypto';
import {
  controllerRef,
  shortHash,
  withConditions,
  type ClusterContext,
  type Condition,
} from './context.js';
import { defaultRevisionSpec } from './knative-defaults.js';
import { configMapData, KNATIVE_NS } from './knative-network.js';
import { syncPods, type ContainerShape } from './pods.js';
import {
  DEFAULT_SKIPPED_REGISTRIES,
  pullFailureState,
  pullImage,
  resolveDigest,
} from './registry.js';
import { timestamp, type KObject, type Loose, type ResourceType } from './types.js';

export const QUEUE_CONTAINER = 'queue-proxy';
const QUEUE_IMAGE = 'gcr.io/knative-releases/knative.dev/serving/cmd/queue@sha256:simulated';
const REVISION_LABEL = 'serving.knative.dev/revision';
const PROGRESS_DEADLINE_ANNOTATION = 'serving.knative.dev/progress-deadline';

/** knative.dev/pkg kmeta.ChildName: parent + suffix, hashed to fit 63 characters. */
export function childName(parent: string, suffix: string): string {
  const longest = 63;
  const head = longest - 32;
  if (parent.length <= longest - suffix.length) return parent + suffix;
  const md5 = (text: string): string => createHash('md5').update(text).digest('hex');
  if (head - suffix.length <= 0) {
    let out = parent.slice(0, head) + md5(parent + suffix);
    if (longest - out.length > 0) out += suffix.slice(0, longest - out.length);
    return out.replace(/[^a-zA-Z0-9]+$/, '');
  }
  return `${parent.slice(0, head - suffix.length)}${md5(parent)}${suffix}`;
}

/** A Go duration as Knative's annotations and config maps write it (`600s`, `10m`, `1h30m`). */
export function parseGoDuration(text: string | undefined): number | undefined {
  if (!text || !/^(\d+(\.\d+)?(h|m|s|ms))+$/.test(text.trim())) return undefined;
  const unit: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  let total = 0;
  for (const [, n, , u] of text.trim().matchAll(/(\d+(\.\d+)?)(ms|h|m|s)/g))
    total += Number(n) * unit[u!]!;
  return total;
}

/** config-deployment's registries-skipping-tag-resolving (pkg/deployment/config.go). */
function skippedRegistries(ctx: ClusterContext): string[] {
  const value = configMapData(ctx, KNATIVE_NS, 'config-deployment')[
    'registries-skipping-tag-resolving'
  ];
  if (value === undefined) return DEFAULT_SKIPPED_REGISTRIES;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The revision's progress deadline: its annotation, else config-deployment, else the sim knob. */
function progressDeadlineSeconds(ctx: ClusterContext, rev: KObject): number {
  const fromAnnotation = parseGoDuration(rev.metadata.annotations?.[PROGRESS_DEADLINE_ANNOTATION]);
  const fromConfig = parseGoDuration(
    configMapData(ctx, KNATIVE_NS, 'config-deployment')['progress-deadline'],
  );
  return Math.round((fromAnnotation ?? fromConfig ?? ctx.config.progressDeadlineMs) / 1000);
}

/** The revision's containers, named as the defaulting webhook names them. */
function userContainers(rev: KObject): Loose[] {
  return defaultRevisionSpec({ containers: rev.spec?.containers ?? [] }).containers.map(
    (c: Loose, i: number) => ({ ...rev.spec?.containers?.[i], name: c.name }),
  );
}

function setRevisionStatus(
  ctx: ClusterContext,
  type: ResourceType,
  rev: KObject,
  conditions: Condition[],
  extra: Loose = {},
): void {
  const ready = conditions.find((c) => c.type === 'Ready');
  const wasReady = (rev.status?.conditions ?? []).some(
    (c: Loose) => c.type === 'Ready' && c.status === 'True',
  );
  if (ready?.status === 'True' && !wasReady) {
    recordEvent(ctx, rev, {
      type: 'Normal',
      reason: 'RevisionReady',
      message: 'Revision becomes ready upon all resources being ready',
      component: 'revision-controller',
    });
  }
  ctx.setStatus(type, rev, {
    observedGeneration: rev.metadata.generation,
    ...extra,
    conditions: withConditions(
      rev.status?.conditions,
      [...conditions].sort((a, b) => a.type.localeCompare(b.type)),
    ),
  });
}

export function reconcileRevision(ctx: ClusterContext, type: ResourceType, rev: KObject): void {
  const containers = userContainers(rev);
  let statuses: Loose[] | undefined = rev.status?.containerStatuses;
  if (!statuses || statuses.length !== containers.length) {
    // Digests are resolved in the background; the revision waits meanwhile.
    if (!ctx.elapsed(rev, ctx.config.readyDelayMs / 2, 'resolve')) {
      setRevisionStatus(ctx, type, rev, [
        { type: 'ContainerHealthy', status: 'Unknown' },
        { type: 'Ready', status: 'Unknown', reason: 'ResolvingDigests' },
        { type: 'ResourcesAvailable', status: 'Unknown', reason: 'ResolvingDigests' },
      ]);
      return;
    }
    const skipped = skippedRegistries(ctx);
    const resolved: Loose[] = [];
    for (const c of containers) {
      const result = resolveDigest(String(c.image ?? ''), skipped, ctx.pushed);
      if (result.kind === 'failed') {
        // No Deployment is made for a revision whose images do not resolve.
        recordEvent(ctx, rev, {
          type: 'Warning',
          reason: 'InternalError',
          message: result.message,
          component: 'revision-controller',
        });
        setRevisionStatus(ctx, type, rev, [
          {
            type: 'ContainerHealthy',
            status: 'False',
            reason: 'ContainerMissing',
            message: result.message,
          },
          { type: 'Ready', status: 'False', reason: 'ContainerMissing', message: result.message },
          { type: 'ResourcesAvailable', status: 'Unknown', reason: 'ResolvingDigests' },
        ]);
        return;
      }
      // A skipped registry leaves the digest empty (omitted in JSON).
      resolved.push({
        name: c.name,
        ...(result.kind === 'resolved' ? { imageDigest: result.digest } : {}),
      });
    }
    statuses = resolved;
  }
  reconcileDeployment(ctx, type, rev, containers, statuses);
}

function reconcileDeployment(
  ctx: ClusterContext,
  type: ResourceType,
  rev: KObject,
  containers: Loose[],
  statuses: Loose[],
): void {
  const deployments = ctx.apps('deployments');
  const name = childName(rev.metadata.name, '-deployment');
  const namespace = rev.metadata.namespace;
  let deployment = ctx.store.get(deployments, namespace, name);
  if (!deployment) {
    deployment = ctx.store.create(
      deployments,
      makeDeployment(ctx, rev, name, containers, statuses),
    );
  } else if (
    !(deployment.metadata.ownerReferences ?? []).some(
      (r: Loose) => r.uid === rev.metadata.uid && r.controller,
    )
  ) {
    setRevisionStatus(
      ctx,
      type,
      rev,
      [
        {
          type: 'ResourcesAvailable',
          status: 'False',
          reason: 'NotOwned',
          message: `There is an existing Deployment "${name}" that we do not own.`,
        },
        {
          type: 'Ready',
          status: 'False',
          reason: 'NotOwned',
          message: `There is an existing Deployment "${name}" that we do not own.`,
        },
      ],
      { containerStatuses: statuses },
    );
    return;
  }
  const outcome = runPods(ctx, rev, deployment);
  const replicaSet = `${name}-${podTemplateHash(deployment)}`;
  const timedOut =
    !outcome.ready &&
    ctx.elapsed(deployment, (deployment.spec?.progressDeadlineSeconds ?? 600) * 1000, 'progress');
  ctx.setStatus(deployments, deployment, {
    observedGeneration: deployment.metadata.generation,
    replicas: 1,
    updatedReplicas: 1,
    ...(outcome.ready ? { readyReplicas: 1, availableReplicas: 1 } : { unavailableReplicas: 1 }),
    conditions: withConditions(deployment.status?.conditions, [
      outcome.ready
        ? {
            type: 'Available',
            status: 'True',
            reason: 'MinimumReplicasAvailable',
            message: 'Deployment has minimum availability.',
          }
        : {
            type: 'Available',
            status: 'False',
            reason: 'MinimumReplicasUnavailable',
            message: 'Deployment does not have minimum availability.',
          },
      outcome.ready
        ? {
            type: 'Progressing',
            status: 'True',
            reason: 'NewReplicaSetAvailable',
            message: `ReplicaSet "${replicaSet}" has successfully progressed.`,
          }
        : timedOut
          ? {
              type: 'Progressing',
              status: 'False',
              reason: 'ProgressDeadlineExceeded',
              message: `ReplicaSet "${replicaSet}" has timed out progressing.`,
            }
          : {
              type: 'Progressing',
              status: 'True',
              reason: 'ReplicaSetUpdated',
              message: `ReplicaSet "${replicaSet}" is progressing.`,
            },
    ]),
  });

  let conditions: Condition[];
  if (outcome.ready) {
    conditions = [
      { type: 'Active', status: 'True' },
      { type: 'ContainerHealthy', status: 'True' },
      { type: 'Ready', status: 'True' },
      { type: 'ResourcesAvailable', status: 'True' },
    ];
  } else if (timedOut) {
    // After the deadline Knative reports the first user container's waiting reason, else the
    // Deployment's own words.
    const why = outcome.waiting ?? {
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${replicaSet}" has timed out progressing.`,
    };
    conditions = [
      { type: 'Active', status: 'Unknown', reason: 'Deploying' },
      { type: 'ContainerHealthy', status: 'Unknown', reason: 'Deploying' },
      { type: 'Ready', status: 'False', reason: why.reason, message: why.message },
      { type: 'ResourcesAvailable', status: 'False', reason: why.reason, message: why.message },
    ];
  } else {
    conditions = [
      { type: 'Active', status: 'Unknown', reason: 'Deploying' },
      { type: 'ContainerHealthy', status: 'Unknown', reason: 'Deploying' },
      { type: 'Ready', status: 'Unknown', reason: 'Deploying' },
      { type: 'ResourcesAvailable', status: 'Unknown', reason: 'Deploying' },
    ];
  }
  setRevisionStatus(ctx, type, rev, conditions, {
    containerStatuses: statuses,
    actualReplicas: outcome.ready ? 1 : 0,
    desiredReplicas: 1,
  });
}

function podTemplateHash(deployment: KObject): string {
  return shortHash(deployment.metadata.uid, JSON.stringify(deployment.spec?.template ?? {})).slice(
    0,
    10,
  );
}

function makeDeployment(
  ctx: ClusterContext,
  rev: KObject,
  name: string,
  containers: Loose[],
  statuses: Loose[],
): KObject {
  // makeLabels / deploymentAnnotations (resources/meta.go): routing metadata stays on the revision.
  const labels: Record<string, string> = {
    ...Object.fromEntries(
      Object.entries((rev.metadata.labels ?? {}) as Record<string, string>).filter(
        ([k]) => k !== 'serving.knative.dev/route' && k !== 'serving.knative.dev/routingState',
      ),
    ),
    [REVISION_LABEL]: rev.metadata.name,
    'serving.knative.dev/revisionUID': rev.metadata.uid,
  };
  labels.app ??= rev.metadata.name;
  const annotations = Object.fromEntries(
    Object.entries((rev.metadata.annotations ?? {}) as Record<string, string>).filter(
      ([k]) =>
        ![
          'serving.knative.dev/lastPinned',
          'serving.knative.dev/no-gc',
          'serving.knative.dev/routingStateModified',
          'serving.knative.dev/routes',
        ].includes(k) && !k.startsWith('autoscaling.knative.dev'),
    ),
  );
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name,
      namespace: rev.metadata.namespace,
      labels,
      annotations,
      ownerReferences: [controllerRef(rev)],
    },
    spec: {
      replicas: 1,
      selector: { matchLabels: { 'serving.knative.dev/revisionUID': rev.metadata.uid } },
      progressDeadlineSeconds: progressDeadlineSeconds(ctx, rev),
      revisionHistoryLimit: 0,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '25%' } },
      template: {
        metadata: { labels: { ...labels }, annotations: { ...annotations } },
        spec: {
          containers: [
            ...containers.map((c: Loose, i: number) => ({
              ...c,
              // A resolved digest replaces the tag; a skipped registry keeps the image as written.
              image: statuses[i]?.imageDigest || c.image,
              env: [
                ...(c.env ?? []),
                { name: 'PORT', value: String(c.ports?.[0]?.containerPort ?? 8080) },
                { name: 'K_REVISION', value: rev.metadata.name },
                {
                  name: 'K_CONFIGURATION',
                  value: rev.metadata.labels?.['serving.knative.dev/configuration'] ?? '',
                },
                {
                  name: 'K_SERVICE',
                  value: rev.metadata.labels?.['serving.knative.dev/service'] ?? '',
                },
              ],
            })),
            { name: QUEUE_CONTAINER, image: QUEUE_IMAGE },
          ],
        },
      },
    },
  };
}

interface PodOutcome {
  ready: boolean;
  /** The first user container's waiting state, when one waits. */
  waiting?: { reason: string; message: string };
}

/** The revision's pod as the kubelet would run it, by image, pull policy and referenced objects. */
function runPods(ctx: ClusterContext, rev: KObject, deployment: KObject): PodOutcome {
  const namespace = rev.metadata.namespace;
  const template: Loose = deployment.spec?.template ?? {};
  const started = ctx.elapsed(deployment, ctx.config.readyDelayMs, 'pods');
  const sinceStart = ctx.now() - ctx.firstSeen(deployment, 'pods') - ctx.config.readyDelayMs;
  const shapes: Record<string, ContainerShape> = {};
  let waiting: PodOutcome['waiting'];
  let allUserReady = true;
  for (const c of (template.spec?.containers ?? []) as Loose[]) {
    if (c.name === QUEUE_CONTAINER) continue;
    let state: ContainerShape;
    if (!started) state = { ready: false, waiting: { reason: 'ContainerCreating' } };
    else {
      const pulled = pullImage(String(c.image ?? ''), c.imagePullPolicy, ctx.imported, ctx.pushed);
      const configError = pulled.ok ? containerConfigError(ctx, namespace, c) : undefined;
      if (!pulled.ok) {
        const w = pullFailureState(String(c.image), pulled, sinceStart);
        state = { ready: false, waiting: w };
      } else if (configError) {
        state = {
          ready: false,
          waiting: { reason: 'CreateContainerConfigError', message: configError },
        };
      } else state = { ready: !ctx.config.neverReady.has(rev.metadata.name) };
    }
    if (state.waiting?.message && !waiting)
      waiting = { reason: state.waiting.reason, message: state.waiting.message };
    if (!state.ready) allUserReady = false;
    shapes[c.name] = state;
  }
  shapes[QUEUE_CONTAINER] = started
    ? { ready: allUserReady }
    : { ready: false, waiting: { reason: 'ContainerCreating' } };
  const anyWaiting = Object.values(shapes).some((s) => s.waiting);
  const hash = podTemplateHash(deployment);
  const prefix = `${deployment.metadata.name}-${hash}-`.slice(0, 58);
  syncPods(ctx, deployment, {
    prefix,
    count: 1,
    template,
    phase: anyWaiting ? 'Pending' : 'Running',
    ready: allUserReady && started,
    containers: shapes,
    extraLabels: { 'pod-template-hash': hash },
  });
  recordPodEvents(ctx, deployment, shapes, template);
  return { ready: allUserReady && started, ...(waiting ? { waiting } : {}) };
}

/**
 * The kubelet's check of env references before it creates a container
 * (CreateContainerConfigError): a missing Secret or ConfigMap, or a missing key in one.
 */
function containerConfigError(
  ctx: ClusterContext,
  namespace: string,
  container: Loose,
): string | undefined {
  const lookup = (kind: 'Secret' | 'ConfigMap', name: string): KObject | undefined =>
    ctx.store.get(ctx.core(kind === 'Secret' ? 'secrets' : 'configmaps'), namespace, name);
  const check = (
    kind: 'Secret' | 'ConfigMap',
    ref: Loose,
    key: string | undefined,
  ): string | undefined => {
    if (!ref?.name || ref.optional === true) return undefined;
    const object = lookup(kind, ref.name);
    if (!object) return `${kind.toLowerCase()} "${ref.name}" not found`;
    if (key === undefined) return undefined;
    const data = { ...(object.data ?? {}), ...(object.stringData ?? {}) };
    return key in data ? undefined : `couldn't find key ${key} in ${kind} ${namespace}/${ref.name}`;
  };
  for (const from of (container.envFrom ?? []) as Loose[]) {
    const problem =
      check('ConfigMap', from.configMapRef, undefined) ??
      check('Secret', from.secretRef, undefined);
    if (problem) return problem;
  }
  for (const env of (container.env ?? []) as Loose[]) {
    const source: Loose = env.valueFrom ?? {};
    const problem =
      (source.secretKeyRef && check('Secret', source.secretKeyRef, source.secretKeyRef.key)) ||
      (source.configMapKeyRef &&
        check('ConfigMap', source.configMapKeyRef, source.configMapKeyRef.key));
    if (problem) return problem;
  }
  return undefined;
}

/** The kubelet's events for containers that cannot start (one of each kind per pod). */
function recordPodEvents(
  ctx: ClusterContext,
  deployment: KObject,
  shapes: Record<string, ContainerShape>,
  template: Loose,
): void {
  const pod = ctx.store
    .peek(ctx.core('pods'))
    .find(
      (p) =>
        p.metadata.namespace === deployment.metadata.namespace &&
        (p.metadata.ownerReferences ?? []).some((r: Loose) => r.uid === deployment.metadata.uid),
    );
  if (!pod) return;
  for (const c of (template.spec?.containers ?? []) as Loose[]) {
    const waiting = shapes[c.name]?.waiting;
    if (!waiting?.message) continue;
    const at = { component: 'kubelet', fieldPath: `spec.containers{${c.name}}` };
    if (waiting.reason === 'ErrImagePull') {
      recordEvent(ctx, pod, {
        ...at,
        type: 'Warning',
        reason: 'Failed',
        message: `Failed to pull image "${c.image}": ${waiting.message}`,
      });
    } else if (waiting.reason === 'ImagePullBackOff') {
      recordEvent(ctx, pod, {
        ...at,
        type: 'Normal',
        reason: 'BackOff',
        message: `Back-off pulling image "${c.image}"`,
      });
    }
    recordEvent(ctx, pod, {
      ...at,
      type: 'Warning',
      reason: 'Failed',
      message: `Error: ${waiting.reason === 'CreateContainerConfigError' ? waiting.message : waiting.reason}`,
    });
  }
}

export interface EventShape {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  component: string;
  fieldPath?: string;
}

/** One Event per object, reason and message (as the recorder's aggregation would show it once). */
export function recordEvent(ctx: ClusterContext, obj: KObject, event: EventShape): void {
  const events = ctx.core('events');
  const name = `${obj.metadata.name}.${shortHash(obj.metadata.uid, event.reason, event.message).slice(0, 16)}`;
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
      ...(event.fieldPath ? { fieldPath: event.fieldPath } : {}),
    },
    reason: event.reason,
    message: event.message,
    type: event.type,
    count: 1,
    firstTimestamp: now,
    lastTimestamp: now,
    source: { component: event.component },
  });
}
