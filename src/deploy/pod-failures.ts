/**
 * What a revision's pods say while Knative still reports it Deploying. Knative waits for the
 * Deployment's progress deadline (600 s by default) before it reports a pod that cannot start;
 * the kubelet says so within seconds, in the pod's container statuses. Pure.
 */
import type { ReadObject } from '../kube/object.js';

/** Waiting reasons that waiting will not cure (the kubelet keeps backing off). */
const HOPELESS = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'ErrImageNeverPull',
  'InvalidImageName',
  'CrashLoopBackOff',
  'CreateContainerConfigError',
]);

export interface PodFailure {
  pod: string;
  container: string;
  image: string;
  reason: string;
  /** The kubelet's message (waiting state), plus the last exit for a crash loop. */
  message: string;
}

const text = (value: unknown, max = 600): string => {
  if (typeof value !== 'string') return '';
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

/** The first container of the pods (the revision's, by label) that cannot start, if any. */
export function podFailure(pods: readonly ReadObject[]): PodFailure | undefined {
  for (const pod of pods) {
    const status = record(pod.status);
    const specContainers = [
      ...(Array.isArray(record(pod.spec)?.initContainers)
        ? (record(pod.spec)!.initContainers as unknown[])
        : []),
      ...(Array.isArray(record(pod.spec)?.containers)
        ? (record(pod.spec)!.containers as unknown[])
        : []),
    ];
    const statuses = [
      ...(Array.isArray(status?.initContainerStatuses) ? status.initContainerStatuses : []),
      ...(Array.isArray(status?.containerStatuses) ? status.containerStatuses : []),
    ] as unknown[];
    for (const entry of statuses) {
      const container = record(entry);
      const waiting = record(record(container?.state)?.waiting);
      const reason = text(waiting?.reason, 80);
      if (!HOPELESS.has(reason)) continue;
      const name = text(container?.name, 80);
      const spec = specContainers.map(record).find((c) => c?.name === name);
      const terminated = record(record(container?.lastState)?.terminated);
      const lastExit =
        reason === 'CrashLoopBackOff' && terminated
          ? `last exit code ${String(terminated.exitCode ?? '?')}${
              terminated.reason ? ` (${text(terminated.reason, 80)})` : ''
            }${terminated.message ? `: ${text(terminated.message)}` : ''}`
          : '';
      return {
        pod: text(pod.metadata?.name, 253),
        container: name,
        image: text(spec?.image, 300) || text(container?.image, 300),
        reason,
        message: [text(waiting?.message), lastExit].filter(Boolean).join('; '),
      };
    }
  }
  return undefined;
}
