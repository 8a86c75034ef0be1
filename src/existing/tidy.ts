/**
 * After a run updated a preview in place: what the previous runs left that no longer serves.
 * Revisions outside every service's new traffic (the last commit's pair, an old base), and
 * Knative Services the manifests no longer have. Only inside the preview namespace, which the
 * run owns.
 */
import type { Kubectl } from '../cluster/kubectl.js';
import type { KubeList, ReadObject } from '../kube/object.js';
import type { PreviewPlan } from '../plan/types.js';

const SERVICE_LABEL = 'serving.knative.dev/service';

export interface Leftovers {
  revisions: string[];
  services: string[];
}

/** Pure: what to delete, given what the namespace holds and what the plan serves. */
export function leftovers(
  plan: PreviewPlan,
  revisions: readonly ReadObject[],
  services: readonly ReadObject[],
): Leftovers {
  const planned = new Set(plan.services.map((s) => s.name));
  const serving = new Set(
    plan.services.flatMap((s) => s.traffic.map((t) => t.revisionName).filter(Boolean)),
  );
  const goneServices = services
    .map((s) => s.metadata?.name)
    .filter((name): name is string => typeof name === 'string' && !planned.has(name))
    .sort();
  const staleRevisions = revisions
    .filter((revision) => {
      const name = revision.metadata?.name;
      const owner = revision.metadata?.labels?.[SERVICE_LABEL];
      // A revision of a removed service goes with its service; one of no service is not ours to judge.
      return (
        typeof name === 'string' && owner !== undefined && planned.has(owner) && !serving.has(name)
      );
    })
    .map((revision) => revision.metadata!.name!)
    .sort();
  return { revisions: staleRevisions, services: goneServices };
}

/** Deletes the leftovers of earlier runs in the preview namespace; returns what it deleted. */
export async function tidyNamespace(
  kubectl: Kubectl,
  namespace: string,
  plan: PreviewPlan,
): Promise<Leftovers> {
  const [revisions, services] = await Promise.all([
    kubectl.getJson<KubeList<ReadObject>>('revisions.serving.knative.dev', undefined, namespace),
    kubectl.getJson<KubeList<ReadObject>>('services.serving.knative.dev', undefined, namespace),
  ]);
  const found = leftovers(plan, revisions.items ?? [], services.items ?? []);
  for (const [resource, names] of [
    ['services.serving.knative.dev', found.services],
    ['revisions.serving.knative.dev', found.revisions],
  ] as const) {
    if (names.length === 0) continue;
    await kubectl.runOk([
      'delete',
      resource,
      ...names,
      '-n',
      namespace,
      '--ignore-not-found',
      '--wait=false',
    ]);
  }
  return found;
}
