/** Pod objects standing in for running containers, so `kubectl get pods` shows something true-ish. */
import { controllerRef, podSuffix, withConditions, type ClusterContext } from './context.js';
import { deepEqual, timestamp, type KObject, type Loose } from './types.js';

export interface PodShape {
  /** Name prefix, e.g. `controller-5d8f7c9b4-`. */
  prefix: string;
  count: number;
  template: Loose;
  phase: 'Pending' | 'Running' | 'Succeeded';
  ready: boolean;
  /** Why containers are not running (e.g. ImagePullBackOff), when they are not. */
  waiting?: { reason: string; message: string };
  /** Per container name: overrides `waiting`/`ready` for that container. */
  containers?: Record<string, ContainerShape>;
  extraLabels?: Record<string, string>;
}

export interface ContainerShape {
  ready: boolean;
  /** Set: the container waits (not started) for this reason. */
  waiting?: { reason: string; message?: string };
}

function ownedBy(pod: KObject, owner: KObject): boolean {
  return (pod.metadata.ownerReferences ?? []).some((r: Loose) => r.uid === owner.metadata.uid);
}

interface PodSlot {
  name: string;
  salt: number;
  created: boolean;
}

/** The current pod name of each replica slot (owner uid / prefix / index). */
const slots = new Map<string, PodSlot>();

function podSlot(key: string, prefix: string): PodSlot {
  let slot = slots.get(key);
  if (!slot) {
    slot = { name: `${prefix}${podSuffix(key)}`, salt: 0, created: false };
    slots.set(key, slot);
  }
  return slot;
}

/** Makes `owner`'s pods match `shape`: creates, deletes and updates status as needed. */
export function syncPods(ctx: ClusterContext, owner: KObject, shape: PodShape): void {
  const podType = ctx.core('pods');
  const namespace = owner.metadata.namespace;
  const existing = ctx.store
    .peek(podType)
    .filter((p) => p.metadata.namespace === namespace && ownedBy(p, owner));
  const wanted = new Set<string>();
  for (let i = 0; i < shape.count; i++) {
    const slot = podSlot(`${owner.metadata.uid}/${shape.prefix}/${i}`, shape.prefix);
    // A pod someone deleted comes back under a new name, as a ReplicaSet's replacement would.
    if (slot.created && !ctx.store.get(podType, namespace, slot.name)) {
      slot.salt++;
      slot.name = `${shape.prefix}${podSuffix(`${owner.metadata.uid}/${shape.prefix}/${i}/${slot.salt}`)}`;
      slot.created = false;
    }
    slot.created = true;
    wanted.add(slot.name);
  }
  for (const pod of existing) {
    if (!wanted.has(pod.metadata.name)) ctx.store.remove(podType, namespace, pod.metadata.name);
  }
  let i = 0;
  for (const name of wanted) {
    const nodeName = ctx.nodeNames[i++ % Math.max(1, ctx.nodeNames.length)] ?? 'k3d-sim-server-0';
    let pod = ctx.store.get(podType, namespace, name);
    const containers: Loose[] = (
      shape.template?.spec?.containers ?? [{ name: 'main', image: 'unknown' }]
    ).map((c: Loose, index: number) => ({
      ...c,
      name: c.name ?? (index === 0 ? 'user-container' : `container-${index}`),
    }));
    if (!pod) {
      pod = ctx.store.create(podType, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name,
          namespace,
          labels: { ...(shape.template?.metadata?.labels ?? {}), ...(shape.extraLabels ?? {}) },
          ownerReferences: [controllerRef(owner)],
        },
        spec: {
          containers,
          nodeName,
          restartPolicy: shape.template?.spec?.restartPolicy ?? 'Always',
        },
      });
    }
    const running = shape.phase === 'Running' && !shape.waiting;
    const status = {
      phase: shape.phase,
      conditions: withConditions(pod.status?.conditions, [
        { type: 'PodScheduled', status: 'True' },
        { type: 'Initialized', status: 'True' },
        { type: 'ContainersReady', status: shape.ready ? 'True' : 'False' },
        { type: 'Ready', status: shape.ready ? 'True' : 'False' },
      ]),
      hostIP: '172.18.0.2',
      podIP: `10.42.0.${(parseInt(podSuffix(name, 2), 36) % 250) + 2}`,
      startTime: pod.status?.startTime ?? timestamp(),
      containerStatuses: containers.map((c: Loose) => {
        const own = shape.containers?.[c.name];
        const waiting = own ? own.waiting : shape.waiting;
        const ready = own ? own.ready : shape.ready;
        const started = own ? !own.waiting : running;
        return {
          name: c.name,
          image: c.image,
          imageID: '',
          ready,
          started: started && !waiting,
          restartCount: 0,
          state: waiting
            ? {
                waiting: {
                  reason: waiting.reason,
                  ...(waiting.message ? { message: waiting.message } : {}),
                },
              }
            : shape.phase === 'Succeeded'
              ? { terminated: { exitCode: 0, reason: 'Completed' } }
              : started
                ? { running: { startedAt: pod.status?.startTime ?? timestamp() } }
                : { waiting: { reason: 'ContainerCreating' } },
        };
      }),
    };
    if (!deepEqual(stripTimes(pod.status), stripTimes(status))) ctx.setStatus(podType, pod, status);
  }
}

function stripTimes(status: Loose): string {
  return JSON.stringify(status ?? {}, (key, value) =>
    key === 'lastTransitionTime' || key === 'startedAt' || key === 'startTime' ? undefined : value,
  );
}
