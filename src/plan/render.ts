import type { KubeObject } from '../kube/object.js';
import type { TrafficTarget } from './types.js';

/**
 * A user's Knative Service made ready to apply: the namespace explicit, the
 * revision named (Knative only creates a new revision for a new name, and refuses
 * a changed template under an old one), and spec.traffic set by the plan.
 * Server-owned fields are dropped so a manifest copied from a cluster still applies.
 */
export function renderService(
  service: KubeObject,
  options: { namespace: string; revision: string; traffic: TrafficTarget[] },
): KubeObject {
  const copy = structuredClone(service) as KubeObject & {
    spec?: Record<string, unknown>;
    status?: unknown;
  };
  delete copy.status;
  const metadata: Record<string, unknown> = { ...copy.metadata, namespace: options.namespace };
  for (const field of [
    'resourceVersion',
    'uid',
    'generation',
    'creationTimestamp',
    'managedFields',
    'selfLink',
  ])
    delete metadata[field];
  const spec = { ...(copy.spec ?? {}) };
  const template = { ...((spec.template as Record<string, unknown> | undefined) ?? {}) };
  template.metadata = {
    ...((template.metadata as Record<string, unknown> | undefined) ?? {}),
    name: options.revision,
  };
  spec.template = template;
  spec.traffic = options.traffic.map((target) => ({ ...target }));
  return { ...copy, metadata: metadata as KubeObject['metadata'], spec };
}
