/** Garbage collection: dependents go with their owner, contents with their namespace, objects with their CRD. */
import type { ClusterContext } from './context.js';
import { storeKey } from './resources.js';
import { deepClone, timestamp, type KObject, type Loose, type ResourceType } from './types.js';

/** How long a deleted namespace stays Terminating before it and its contents are gone. */
const NAMESPACE_TERMINATION_MS = 300;

export function collectAfterDelete(
  ctx: ClusterContext,
  type: ResourceType,
  deleted: KObject,
): void {
  const pending: KObject[] = [deleted];
  while (pending.length > 0) {
    const gone = pending.pop()!;
    const uid = gone.metadata.uid;
    const isNamespace = gone.kind === 'Namespace' && gone.apiVersion === 'v1';
    for (const t of ctx.registry.all()) {
      for (const obj of ctx.store.list(t)) {
        const owned = (obj.metadata.ownerReferences ?? []).some((r: Loose) => r.uid === uid);
        const inNamespace =
          isNamespace && t.namespaced && obj.metadata.namespace === gone.metadata.name;
        if (!owned && !inNamespace) continue;
        if (!ctx.store.get(t, obj.metadata.namespace, obj.metadata.name)) continue;
        pending.push(ctx.store.remove(t, obj.metadata.namespace, obj.metadata.name));
      }
    }
  }
  if (type.group === 'apiextensions.k8s.io' && type.plural === 'customresourcedefinitions') {
    const spec: Loose = deleted.spec;
    const served = ctx.registry
      .all()
      .find((t) => storeKey(t.group, t.plural) === storeKey(spec.group, spec.names.plural));
    if (served) {
      ctx.store.dropResource(served);
      ctx.registry.setCustom(deleted, false);
    }
  }
}

/** Namespaces terminate: marked now, emptied and removed shortly after (as the namespace controller does). */
export function deferNamespaceDelete(
  ctx: ClusterContext,
  type: ResourceType,
  obj: KObject,
): KObject | undefined {
  if (!(type.group === '' && type.plural === 'namespaces')) return undefined;
  if (obj.metadata.deletionTimestamp) return obj;
  const marked = deepClone(obj);
  marked.metadata.deletionTimestamp = timestamp();
  marked.status = { ...(marked.status ?? {}), phase: 'Terminating' };
  const stored = ctx.store.update(type, marked, { markDeletion: true });
  setTimeout(() => {
    if (!ctx.store.get(type, undefined, obj.metadata.name)) return;
    collectAfterDelete(ctx, type, ctx.store.remove(type, undefined, obj.metadata.name));
  }, NAMESPACE_TERMINATION_MS).unref();
  return stored;
}
