import type { ReadObject } from '../kube/object.js';
import type { TrafficTarget } from '../plan/types.js';

/** What one look at a Revision says. Pure. */
export type RevisionState =
  | { state: 'ready' }
  | { state: 'pending'; seen: string }
  /** Knative reported a failure that will not heal by waiting (bad image, crash, deadline). */
  | { state: 'failed'; reason: string; message: string };

// Ready=False reasons after which Knative will not make the revision Ready by itself.
const TERMINAL_REASONS =
  /ProgressDeadlineExceeded|ContainerMissing|ImagePull|ErrImage|InvalidImageName|RevisionFailed|ExitCode|CrashLoopBackOff|ContainerCreateConfigError|Unschedulable|RevisionMissing|ResolveImage/i;

export function revisionState(revision: ReadObject | undefined, name: string): RevisionState {
  if (!revision) return { state: 'pending', seen: `revision ${name} does not exist yet` };
  const ready = (revision.status?.conditions ?? []).find((c) => c.type === 'Ready');
  if (ready?.status === 'True') return { state: 'ready' };
  const reason = ready?.reason ?? '';
  const message = ready?.message ?? '';
  if (ready?.status === 'False' && TERMINAL_REASONS.test(`${reason} ${message}`))
    return { state: 'failed', reason, message };
  return {
    state: 'pending',
    seen: `revision ${name} Ready=${ready?.status ?? 'Unknown'}${reason || message ? ` (${[reason, message].filter(Boolean).join(': ')})` : ''}`,
  };
}

/** Whether a Knative Service has reconciled the applied spec and serves the planned traffic. Pure. */
export function serviceState(
  service: ReadObject | undefined,
  name: string,
  traffic: readonly TrafficTarget[],
): { done: boolean; seen: string } {
  if (!service) return { done: false, seen: `service ${name} does not exist yet` };
  const status = (service.status ?? {}) as {
    observedGeneration?: number;
    traffic?: TrafficTarget[];
  };
  const generation = service.metadata?.generation;
  if (status.observedGeneration !== generation) {
    return {
      done: false,
      seen: `service ${name} observedGeneration ${status.observedGeneration ?? 'none'} != generation ${generation ?? '?'}`,
    };
  }
  const ready = (service.status?.conditions ?? []).find((c) => c.type === 'Ready');
  if (ready?.status !== 'True') {
    return {
      done: false,
      seen: `service ${name} Ready=${ready?.status ?? 'Unknown'}${ready?.reason ? ` (${ready.reason}: ${ready.message ?? ''})` : ''}`,
    };
  }
  const wanted = traffic.map(describeTarget).sort();
  const seen = (status.traffic ?? []).map(describeTarget).sort();
  if (wanted.join() !== seen.join())
    return {
      done: false,
      seen: `service ${name} status.traffic is [${seen.join(', ')}], want [${wanted.join(', ')}]`,
    };
  return { done: true, seen: 'ready' };
}

function describeTarget(target: TrafficTarget): string {
  return `${target.revisionName ?? 'latest'}=${target.percent ?? 0}%${target.tag ? `@${target.tag}` : ''}`;
}
