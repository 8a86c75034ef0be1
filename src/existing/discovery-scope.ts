/**
 * The second look at what a PR deploys: the kind of every object, as the cluster itself serves
 * it. A custom resource can be cluster-scoped, which the manifests alone cannot tell; the
 * cluster's discovery can, before anything is applied.
 */
import type { Kubectl } from '../cluster/kubectl.js';
import type { KubeObject } from '../kube/object.js';
import type { PreviewPlan, SourceLocation } from '../plan/types.js';
import { UserError } from '../util/errors.js';
import { getRaw } from './knative-serving.js';

export interface ApiResource {
  name: string;
  kind: string;
  namespaced: boolean;
}

const API_VERSION = /^(?:([a-z0-9]([-a-z0-9.]*[a-z0-9])?)\/)?(v\d+(?:(?:alpha|beta)\d+)?)$/;

/** The discovery path of an apiVersion (`v1` -> /api/v1), or undefined when it is not one. */
export function discoveryPath(apiVersion: string): string | undefined {
  const match = API_VERSION.exec(apiVersion);
  if (!match || apiVersion.length > 253) return undefined;
  return match[1] ? `/apis/${match[1]}/${match[3]}` : `/api/${match[3]}`;
}

export interface PlacedObject {
  object: KubeObject;
  source?: SourceLocation;
}

/**
 * What is wrong with placing `object` in a namespace, given what its apiVersion serves
 * (undefined: the apiVersion is not served). Pure.
 */
export function scopeProblem(
  placed: PlacedObject,
  served: readonly ApiResource[] | undefined,
  namespace: string,
): string | undefined {
  const { object, source } = placed;
  const where = source ? `${source.file}:${source.line}: ` : '';
  const what = `${object.kind} '${object.metadata.name}' (${object.apiVersion})`;
  if (!served)
    return `${where}${what}: the cluster does not serve ${object.apiVersion}. Only kinds the cluster already has can be previewed (installing CRDs is the cluster owner's job).`;
  const resource = served.find((r) => r.kind === object.kind && !r.name.includes('/'));
  if (!resource)
    return `${where}${what}: the cluster serves no kind ${object.kind} in ${object.apiVersion}.`;
  if (!resource.namespaced)
    return `${where}${what} is cluster-scoped on this cluster. A preview only creates objects inside its namespace '${namespace}'; remove it from the manifests.`;
  return undefined;
}

/** Every object the plan applies, with where it came from. */
export function placedObjects(plan: PreviewPlan): PlacedObject[] {
  const placed: PlacedObject[] = [];
  for (const service of plan.services) {
    placed.push({ object: service.manifests.pr, source: service.source });
    if (service.manifests.base) placed.push({ object: service.manifests.base });
  }
  plan.otherObjects.forEach((object, index) =>
    placed.push({ object, source: plan.otherObjectSources?.[index] }),
  );
  return placed;
}

/**
 * Refuses (naming file, line and kind) any object of the plan that the cluster would not keep
 * inside the preview namespace. One discovery read per apiVersion.
 */
export async function checkServedScope(
  kubectl: Kubectl,
  plan: PreviewPlan,
  namespace: string,
): Promise<void> {
  const byVersion = new Map<string, ApiResource[] | undefined>();
  for (const placed of placedObjects(plan)) {
    const { apiVersion } = placed.object;
    const path = discoveryPath(apiVersion);
    if (!path) {
      const where = placed.source ? `${placed.source.file}:${placed.source.line}: ` : '';
      throw new UserError(`${where}'${apiVersion}' is not a Kubernetes apiVersion.`, placed.source);
    }
    if (!byVersion.has(apiVersion)) {
      const list = await getRaw<{ resources?: unknown }>(kubectl, path);
      byVersion.set(apiVersion, list ? resourcesOf(list.resources) : undefined);
    }
    const problem = scopeProblem(placed, byVersion.get(apiVersion), namespace);
    if (problem) throw new UserError(problem, placed.source);
  }
}

function resourcesOf(value: unknown): ApiResource[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    const r = entry as Record<string, unknown> | null;
    return r && typeof r.name === 'string' && typeof r.kind === 'string'
      ? [{ name: r.name, kind: r.kind, namespaced: r.namespaced === true }]
      : [];
  });
}
