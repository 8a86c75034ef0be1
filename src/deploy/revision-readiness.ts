import type { KubeObject, ReadObject } from '../kube/object.js';
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

/**
 * Service conditions that will not heal on their own for this generation: a revision name taken
 * by another revision (found by the reconcilers: RevisionFailed "already exists",
 * RevisionNameTaken), a host name Knative cannot form (ErrorConfig), objects owned by someone
 * else. Pure. (knative/serving pkg/apis/serving/v1/{service,configuration,route}_lifecycle.go.)
 */
export function serviceFailure(
  service: ReadObject | undefined,
): { reason: string; message: string } | undefined {
  if (!service) return undefined;
  const status = (service.status ?? {}) as { observedGeneration?: number };
  if (status.observedGeneration !== service.metadata?.generation) return undefined;
  for (const c of service.status?.conditions ?? []) {
    if (c.status !== 'False') continue;
    const reason = c.reason ?? '';
    const message = c.message ?? '';
    const clash = reason === 'RevisionFailed' && /already exists/.test(message);
    if (
      clash ||
      ['RevisionNameTaken', 'ErrorConfig', 'NotOwned', 'RevisionNotOwned'].includes(reason)
    ) {
      return { reason, message };
    }
  }
  return undefined;
}

const stringAt = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The first path where `actual` lacks what `wanted` says (Knative's defaulting only adds fields,
 * so the template's own fields must all be in the revision's spec), or undefined.
 */
function firstDifference(wanted: unknown, actual: unknown, path: string): string | undefined {
  if (Array.isArray(wanted)) {
    if (!Array.isArray(actual) || actual.length !== wanted.length) return path;
    for (const [i, item] of wanted.entries()) {
      const diff = firstDifference(item, actual[i], `${path}[${i}]`);
      if (diff) return diff;
    }
    return undefined;
  }
  if (typeof wanted === 'object' && wanted !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return path;
    for (const [key, value] of Object.entries(wanted)) {
      const diff = firstDifference(
        value,
        (actual as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
      if (diff) return diff;
    }
    return undefined;
  }
  return wanted === actual ? undefined : path;
}

/**
 * Whether a Ready revision of the expected name was made from this apply: Knative reuses a
 * revision of a requested name only when its Configuration controls it and its spec is the
 * template's, so a revision owned elsewhere, or with another spec, is someone else's.
 * Pure. (knative/serving pkg/reconciler/configuration/configuration.go CheckNameAvailability.)
 */
export function revisionOrigin(
  revision: ReadObject,
  service: string,
  manifest: KubeObject,
): { ok: true } | { ok: false; why: string } {
  const name = stringAt(revision.metadata?.name);
  const labels = (revision.metadata?.labels ?? {}) as Record<string, unknown>;
  const owners = Array.isArray(revision.metadata?.ownerReferences)
    ? (revision.metadata.ownerReferences as {
        kind?: unknown;
        name?: unknown;
        controller?: unknown;
      }[])
    : [];
  const controller = owners.find((o) => o?.controller === true);
  const configuration = stringAt(labels['serving.knative.dev/configuration']);
  if (
    configuration !== service ||
    controller?.kind !== 'Configuration' ||
    controller.name !== service
  ) {
    const owner = controller
      ? `${stringAt(controller.kind)} "${stringAt(controller.name)}"`
      : 'nothing';
    return {
      ok: false,
      why: `revision ${name} already exists and belongs to ${owner}, not to service ${service}: its name is taken`,
    };
  }
  const wanted = (manifest.spec as { template?: { spec?: unknown } } | undefined)?.template?.spec;
  const diff = firstDifference(wanted ?? {}, revision.spec, 'spec');
  if (diff) {
    return {
      ok: false,
      why: `revision ${name} differs from this apply's template at ${diff}: a revision of that name was made by another apply`,
    };
  }
  return { ok: true };
}
