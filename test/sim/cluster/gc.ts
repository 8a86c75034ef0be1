/** Garbage collection: dependents go with their owner, contents with their namespace, objects with their CRD. */
import type { ClusterContext } from './context.js';
import { storeKey } from './resources.js';
import {
  ApiError,
  deepClone,
  timestamp,
  type KObject,
  type Loose,
  type ResourceType,
} from './types.js';

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

/**
 * Namespaces terminate (kubernetes/kubernetes pkg/registry/core/namespace/storage/storage.go and
 * pkg/controller/namespace): the first delete marks the namespace (deletionTimestamp, phase
 * Terminating) and answers with it; the namespace controller then deletes its contents and
 * removes the `kubernetes` finalizer, and the namespace is gone. A delete while it is still
 * Terminating is refused with 409 Conflict. The time it takes is SIM_NAMESPACE_TERMINATION_S.
 */
export function deferNamespaceDelete(
  ctx: ClusterContext,
  type: ResourceType,
  obj: KObject,
): KObject | undefined {
  if (!(type.group === '' && type.plural === 'namespaces')) return undefined;
  const name: string = obj.metadata.name;
  if (obj.metadata.deletionTimestamp) {
    if ((obj.spec?.finalizers ?? []).length === 0) return obj;
    throw new ApiError(
      409,
      'Conflict',
      `Operation cannot be fulfilled on namespaces "${name}": The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.`,
      { name, kind: 'namespaces' },
    );
  }
  const marked = deepClone(obj);
  marked.metadata.deletionTimestamp = timestamp();
  marked.status = { ...(marked.status ?? {}), phase: 'Terminating' };
  const stored = ctx.store.update(type, marked, { markDeletion: true });
  const uid: string = obj.metadata.uid;
  setTimeout(
    () => finishNamespace(ctx, type, name, uid),
    ctx.config.namespaceTerminationMs,
  ).unref();
  return stored;
}

/** What the namespace controller does: the contents go (with their dependents), then the namespace. */
function finishNamespace(ctx: ClusterContext, type: ResourceType, name: string, uid: string): void {
  const namespace = ctx.store.get(type, undefined, name);
  if (namespace?.metadata.uid !== uid) return;
  for (const t of ctx.registry.all()) {
    if (!t.namespaced) continue;
    for (const obj of ctx.store.list(t, name)) {
      if (!ctx.store.get(t, name, obj.metadata.name)) continue;
      collectAfterDelete(ctx, t, ctx.store.remove(t, name, obj.metadata.name));
    }
  }
  const emptied = deepClone(namespace);
  emptied.spec = { ...(emptied.spec ?? {}), finalizers: [] };
  ctx.store.update(type, emptied, { markDeletion: true });
  collectAfterDelete(ctx, type, ctx.store.remove(type, undefined, name));
}
