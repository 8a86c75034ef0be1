/**
 * The built-in controllers the install steps wait on: Deployments and StatefulSets become
 * Available, DaemonSets roll out on every node, Jobs Complete, CRDs get Established, Services get
 * a cluster IP (and LoadBalancers an external one), all after the configured delays.
 */
import { shortHash, withConditions, type ClusterContext } from './context.js';
import { KNATIVE_NS } from './knative-network.js';
import { syncPods } from './pods.js';
import { deepClone, type KObject, type Loose } from './types.js';

export function reconcileWorkloads(ctx: ClusterContext): void {
  reconcileCrds(ctx);
  for (const d of ctx.store.peek(ctx.apps('deployments'))) reconcileDeployment(ctx, d);
  for (const s of ctx.store.peek(ctx.apps('statefulsets'))) reconcileStatefulSet(ctx, s);
  for (const ds of ctx.store.peek(ctx.apps('daemonsets'))) reconcileDaemonSet(ctx, ds);
  for (const job of ctx.store.peek(ctx.type('batch', 'jobs')!)) reconcileJob(ctx, job);
  for (const svc of ctx.store.peek(ctx.core('services'))) reconcileService(ctx, svc);
}

function podPrefix(obj: KObject): string {
  return `${obj.metadata.name}-${shortHash(obj.metadata.uid, JSON.stringify(obj.spec?.template ?? {})).slice(0, 9)}-`;
}

/**
 * Extra time a deployment's started pods take to pass their readiness probe: Knative's webhook
 * (SIM_WEBHOOK_DELAY_S), whose Service has no endpoints until then.
 */
function readinessDelayMs(ctx: ClusterContext, d: KObject): number {
  return d.metadata.namespace === KNATIVE_NS && d.metadata.name === 'webhook'
    ? ctx.config.webhookDelayMs
    : 0;
}

/** Revision deployments are run by the Knative controller here (their pods depend on images). */
function isRevisionDeployment(d: KObject): boolean {
  return Boolean(d.metadata.labels?.['serving.knative.dev/revision']);
}

function reconcileDeployment(ctx: ClusterContext, d: KObject): void {
  if (isRevisionDeployment(d)) return;
  const replicas: number = d.spec?.replicas ?? 1;
  const started = ctx.elapsed(d, ctx.config.readyDelayMs);
  const ready =
    started && ctx.elapsed(d, ctx.config.readyDelayMs + readinessDelayMs(ctx, d)) ? replicas : 0;
  syncPods(ctx, d, {
    prefix: podPrefix(d),
    count: replicas,
    template: d.spec?.template,
    phase: started ? 'Running' : 'Pending',
    ready: ready > 0,
  });
  ctx.setStatus(ctx.apps('deployments'), d, {
    observedGeneration: d.metadata.generation,
    replicas,
    updatedReplicas: replicas,
    ...(ready ? { readyReplicas: ready, availableReplicas: ready } : {}),
    ...(replicas - ready > 0 ? { unavailableReplicas: replicas - ready } : {}),
    conditions: withConditions(d.status?.conditions, [
      ready === replicas
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
      ready === replicas
        ? {
            type: 'Progressing',
            status: 'True',
            reason: 'NewReplicaSetAvailable',
            message: `ReplicaSet "${podPrefix(d).slice(0, -1)}" has successfully progressed.`,
          }
        : {
            type: 'Progressing',
            status: 'True',
            reason: 'ReplicaSetUpdated',
            message: `ReplicaSet "${podPrefix(d).slice(0, -1)}" is progressing.`,
          },
    ]),
  });
}

function reconcileStatefulSet(ctx: ClusterContext, s: KObject): void {
  const replicas: number = s.spec?.replicas ?? 1;
  const ready = ctx.elapsed(s, ctx.config.readyDelayMs) ? replicas : 0;
  syncPods(ctx, s, {
    prefix: `${s.metadata.name}-`,
    count: replicas,
    template: s.spec?.template,
    phase: ready ? 'Running' : 'Pending',
    ready: ready > 0,
  });
  const revision = podPrefix(s).slice(0, -1);
  ctx.setStatus(ctx.apps('statefulsets'), s, {
    observedGeneration: s.metadata.generation,
    replicas,
    currentReplicas: replicas,
    updatedReplicas: replicas,
    readyReplicas: ready,
    availableReplicas: ready,
    currentRevision: revision,
    updateRevision: revision,
  });
}

function reconcileDaemonSet(ctx: ClusterContext, ds: KObject): void {
  const desired = ctx.nodeNames.length;
  const ready = ctx.elapsed(ds, ctx.config.readyDelayMs) ? desired : 0;
  syncPods(ctx, ds, {
    prefix: `${ds.metadata.name}-`,
    count: desired,
    template: ds.spec?.template,
    phase: ready ? 'Running' : 'Pending',
    ready: ready > 0,
  });
  ctx.setStatus(ctx.apps('daemonsets'), ds, {
    observedGeneration: ds.metadata.generation,
    desiredNumberScheduled: desired,
    currentNumberScheduled: desired,
    updatedNumberScheduled: desired,
    numberMisscheduled: 0,
    numberReady: ready,
    ...(ready ? { numberAvailable: ready } : { numberUnavailable: desired }),
  });
}

function reconcileJob(ctx: ClusterContext, job: KObject): void {
  const completions: number = job.spec?.completions ?? 1;
  const done = ctx.elapsed(job, ctx.config.readyDelayMs);
  syncPods(ctx, job, {
    prefix: `${job.metadata.name}-`,
    count: 1,
    template: job.spec?.template,
    phase: done ? 'Succeeded' : 'Running',
    ready: false,
  });
  const started = job.status?.startTime ?? job.metadata.creationTimestamp;
  ctx.setStatus(ctx.type('batch', 'jobs')!, job, {
    startTime: started,
    ...(done
      ? {
          succeeded: completions,
          completionTime:
            job.status?.completionTime ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
          conditions: withConditions(job.status?.conditions, [
            {
              type: 'SuccessCriteriaMet',
              status: 'True',
              reason: 'CompletionsReached',
              message: 'Reached expected number of succeeded pods',
            },
            {
              type: 'Complete',
              status: 'True',
              reason: 'CompletionsReached',
              message: 'Reached expected number of succeeded pods',
            },
          ]),
        }
      : { active: 1 }),
  });
}

function reconcileService(ctx: ClusterContext, svc: KObject): void {
  if (svc.spec?.type !== 'LoadBalancer') return;
  // k3s's service load balancer publishes the node addresses.
  ctx.setStatus(ctx.core('services'), svc, {
    loadBalancer: {
      ingress: [
        { ip: '172.18.0.2', ipMode: 'VIP' },
        { ip: '172.18.0.3', ipMode: 'VIP' },
      ],
    },
  });
}

function reconcileCrds(ctx: ClusterContext): void {
  const crdType = ctx.type('apiextensions.k8s.io', 'customresourcedefinitions')!;
  for (const crd of ctx.store.peek(crdType)) {
    const established = ctx.elapsed(crd, ctx.config.crdDelayMs);
    if (established) ctx.registry.setCustom(crd, true);
    const names: Loose = deepClone(crd.spec?.names ?? {});
    names.listKind ??= `${names.kind}List`;
    names.singular ??= String(names.kind ?? '').toLowerCase();
    ctx.setStatus(crdType, crd, {
      acceptedNames: names,
      storedVersions: (crd.spec?.versions ?? [])
        .filter((v: Loose) => v.storage)
        .map((v: Loose) => v.name),
      conditions: withConditions(crd.status?.conditions, [
        {
          type: 'NamesAccepted',
          status: 'True',
          reason: 'NoConflicts',
          message: 'no conflicts found',
        },
        established
          ? {
              type: 'Established',
              status: 'True',
              reason: 'InitialNamesAccepted',
              message: 'the initial names have been accepted',
            }
          : {
              type: 'Established',
              status: 'False',
              reason: 'Installing',
              message: 'the initial names have been accepted',
            },
      ]),
    });
  }
}
