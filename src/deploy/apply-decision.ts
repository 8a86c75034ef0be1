/**
 * Whether to apply a rendered Knative Service, given what the cluster holds. Knative refuses a
 * template that changes without a new revision name, and it does not default a template whose
 * name is unchanged; `kubectl apply` of a manifest whose named template was already accepted
 * therefore sends the undefaulted containers and is refused ("Saw the following changes without
 * a name change"). So an accepted template is never sent again: only the traffic is patched.
 * (knative/serving pkg/apis/serving/v1/configuration_defaults.go, revision_validation.go.) Pure.
 */
import type { KubeObject, ReadObject } from '../kube/object.js';
import type { TrafficTarget } from '../plan/types.js';

export type ApplyDecision =
  /** The template is new to the cluster: apply the manifest. */
  | { kind: 'apply' }
  /** The named template is already there; only spec.traffic differs. */
  | { kind: 'patch-traffic'; patch: { spec: { traffic: TrafficTarget[] } } }
  /** The service already has this template and this traffic. */
  | { kind: 'nothing' };

function templateName(object: ReadObject | KubeObject | undefined): string | undefined {
  const template = (object?.spec as { template?: { metadata?: { name?: unknown } } } | undefined)
    ?.template;
  const name = template?.metadata?.name;
  return typeof name === 'string' && name ? name : undefined;
}

/** A traffic target as Knative compares it (latestRevision defaults to "no revisionName"). */
function targetKey(target: unknown): string {
  const t = (typeof target === 'object' && target !== null ? target : {}) as Record<
    string,
    unknown
  >;
  const revisionName = typeof t.revisionName === 'string' ? t.revisionName : '';
  const latest = typeof t.latestRevision === 'boolean' ? t.latestRevision : !revisionName;
  return JSON.stringify([revisionName, latest, Number(t.percent ?? 0), t.tag ?? '']);
}

export function decideApply(live: ReadObject | undefined, manifest: KubeObject): ApplyDecision {
  const wanted = templateName(manifest);
  if (!live || !wanted || templateName(live) !== wanted) return { kind: 'apply' };
  const desired = ((manifest.spec as { traffic?: TrafficTarget[] } | undefined)?.traffic ??
    []) as TrafficTarget[];
  const current = (live.spec as { traffic?: unknown } | undefined)?.traffic;
  const same =
    Array.isArray(current) &&
    current.length === desired.length &&
    current.map(targetKey).join() === desired.map(targetKey).join();
  return same
    ? { kind: 'nothing' }
    : { kind: 'patch-traffic', patch: { spec: { traffic: desired.map((t) => ({ ...t })) } } };
}
