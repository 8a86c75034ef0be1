/** One-line descriptions of Kubernetes objects that are not ready yet, for "last seen". Pure. */

import type { Condition, ReadObject } from '../kube/object.js';

const clip = (text: string, max = 160): string =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

export function objectName(object: ReadObject): string {
  const ns = object.metadata?.namespace;
  return `${(object.kind ?? 'object').toLowerCase()}/${ns ? `${ns}/` : ''}${object.metadata?.name ?? '?'}`;
}

export function hasCondition(object: ReadObject, type: string): boolean {
  return (object.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');
}

/** `deployment/knative-serving/activator: Available=False (MinimumReplicasUnavailable: ...)` */
export function describeCondition(object: ReadObject, type: string): string {
  const found = (object.status?.conditions ?? []).find((c) => c.type === type);
  if (!found) return `${objectName(object)}: no ${type} condition yet`;
  const why = [found.reason, found.message].filter(Boolean).join(': ');
  return `${objectName(object)}: ${type}=${found.status ?? '?'}${why ? ` (${clip(why)})` : ''}`;
}

interface ContainerStatus {
  name?: string;
  ready?: boolean;
  restartCount?: number;
  state?: Record<string, { reason?: string; message?: string; exitCode?: number } | undefined>;
}

/** `pod/ns/name Pending: ContainerCreating` or `... Running, container queue-proxy not ready (CrashLoopBackOff: ...)` */
export function describePod(pod: ReadObject): string {
  const status = (pod.status ?? {}) as {
    phase?: string;
    reason?: string;
    message?: string;
    conditions?: Condition[];
    containerStatuses?: ContainerStatus[];
    initContainerStatuses?: ContainerStatus[];
  };
  const parts = [`${objectName({ ...pod, kind: 'Pod' })} ${status.phase ?? 'Unknown'}`];
  if (status.reason || status.message)
    parts.push(clip([status.reason, status.message].filter(Boolean).join(': ')));
  const unscheduled = (status.conditions ?? []).find(
    (c) => c.type === 'PodScheduled' && c.status === 'False',
  );
  if (unscheduled)
    parts.push(`unschedulable: ${clip(unscheduled.message ?? unscheduled.reason ?? '')}`);
  for (const container of [
    ...(status.initContainerStatuses ?? []),
    ...(status.containerStatuses ?? []),
  ]) {
    if (container.ready) continue;
    const [stateName, state] = Object.entries(container.state ?? {}).find(([, v]) => v) ?? [
      'unknown',
      undefined,
    ];
    const detail = [state?.reason, state?.message].filter(Boolean).join(': ');
    const restarts = container.restartCount ? `, ${container.restartCount} restarts` : '';
    parts.push(
      `container ${container.name ?? '?'} ${stateName}${detail ? ` (${clip(detail)})` : ''}${restarts}`,
    );
  }
  return parts.join('; ');
}

export function isPodReady(pod: ReadObject): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  return phase === 'Succeeded' || hasCondition(pod, 'Ready');
}

/** Rollout of a DaemonSet is done when every scheduled pod runs the current spec and is ready. */
export function daemonSetRolloutState(ds: ReadObject): { done: boolean; seen: string } {
  const s = (ds.status ?? {}) as {
    observedGeneration?: number;
    desiredNumberScheduled?: number;
    updatedNumberScheduled?: number;
    numberAvailable?: number;
  };
  const desired = s.desiredNumberScheduled ?? 0;
  const updated = s.updatedNumberScheduled ?? 0;
  const available = s.numberAvailable ?? 0;
  const observed = (s.observedGeneration ?? 0) >= (ds.metadata?.generation ?? 0);
  const done = observed && desired > 0 && updated >= desired && available >= desired;
  return {
    done,
    seen: `${objectName(ds)}: ${updated}/${desired} updated, ${available}/${desired} available${observed ? '' : ', new spec not yet observed'}`,
  };
}
