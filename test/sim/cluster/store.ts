/** In-memory object storage with resourceVersions, generations and a watchable change history. */
import { randomUUID } from 'node:crypto';
import { storeKey } from './resources.js';
import {
  ApiError,
  deepClone,
  deepEqual,
  groupVersion,
  notFound,
  qualifiedResource,
  timestamp,
  type KObject,
  type ResourceType,
} from './types.js';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  rv: number;
  type: WatchEventType;
  resource: string;
  object: KObject;
}

/** Changes older than this many events are forgotten; watches from before them get 410 Gone. */
const HISTORY_LIMIT = 20_000;

function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

/** Everything but metadata and status: a change here bumps metadata.generation. */
function specPart(obj: KObject): Record<string, unknown> {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = obj;
  return rest;
}

export class ObjectStore {
  private rv = 1;
  private readonly objects = new Map<string, Map<string, KObject>>();
  private readonly history: StoreEvent[] = [];
  private readonly listeners = new Set<(event: StoreEvent) => void>();

  get resourceVersion(): number {
    return this.rv;
  }

  /** The oldest resourceVersion a watch can resume from. */
  get oldestWatchable(): number {
    return this.history[0] ? this.history[0].rv - 1 : this.rv;
  }

  eventsSince(rv: number): StoreEvent[] {
    return this.history.filter((e) => e.rv > rv);
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get(type: ResourceType, namespace: string | undefined, name: string): KObject | undefined {
    const obj = this.bucket(type).get(objectKey(type.namespaced ? namespace : undefined, name));
    return obj ? this.present(type, obj) : undefined;
  }

  mustGet(type: ResourceType, namespace: string | undefined, name: string): KObject {
    const obj = this.get(type, namespace, name);
    if (!obj) throw notFound(type, name);
    return obj;
  }

  list(type: ResourceType, namespace?: string): KObject[] {
    const out: KObject[] = [];
    for (const obj of this.bucket(type).values()) {
      if (namespace && obj.metadata.namespace !== namespace) continue;
      out.push(this.present(type, obj));
    }
    return out.sort((a, b) =>
      objectKey(a.metadata.namespace, a.metadata.name).localeCompare(
        objectKey(b.metadata.namespace, b.metadata.name),
      ),
    );
  }

  /**
   * The stored objects themselves, without copies, for controllers' read-only passes (copying
   * every CRD on every tick costs more than everything else together). Callers must not mutate.
   */
  peek(type: ResourceType): readonly KObject[] {
    return [...this.bucket(type).values()];
  }

  /** Stores a new object, filling in the metadata the API server owns. */
  create(type: ResourceType, input: KObject): KObject {
    const obj = deepClone(input);
    const meta = (obj.metadata ??= {});
    if (!meta.name && meta.generateName) {
      meta.name = `${meta.generateName}${randomUUID().replace(/-/g, '').slice(0, 5)}`;
    }
    if (!meta.name) {
      throw new ApiError(
        422,
        'Invalid',
        `${type.kind} "" is invalid: metadata.name: Required value: name or generateName is required`,
      );
    }
    if (!type.namespaced) delete meta.namespace;
    const key = objectKey(meta.namespace, meta.name);
    const existing = this.bucket(type).get(key);
    if (existing) {
      // As the generic registry store: a namespace still Terminating is "being deleted".
      const deleting = existing.metadata.deletionTimestamp ? 'object is being deleted: ' : '';
      throw new ApiError(
        409,
        'AlreadyExists',
        `${deleting}${qualifiedResource(type)} "${meta.name}" already exists`,
        {
          name: meta.name,
          group: type.group,
          kind: type.plural,
        },
      );
    }
    meta.uid = randomUUID();
    meta.creationTimestamp = timestamp();
    meta.generation = 1;
    delete meta.deletionTimestamp;
    meta.resourceVersion = String(++this.rv);
    obj.apiVersion = groupVersion(type.group, type.version);
    obj.kind = type.kind;
    this.bucket(type).set(key, obj);
    this.record('ADDED', type, obj);
    return this.present(type, obj);
  }

  /**
   * Replaces a stored object. Keeps server-owned metadata, bumps generation on spec changes,
   * and returns the stored object unchanged (same resourceVersion) when nothing changed.
   */
  update(
    type: ResourceType,
    input: KObject,
    options: { expectRv?: string; markDeletion?: boolean } = {},
  ): KObject {
    const meta = input.metadata ?? {};
    const key = objectKey(type.namespaced ? meta.namespace : undefined, meta.name);
    const current = this.bucket(type).get(key);
    if (!current) throw notFound(type, meta.name);
    if (options.expectRv && options.expectRv !== current.metadata.resourceVersion) {
      throw new ApiError(
        409,
        'Conflict',
        `Operation cannot be fulfilled on ${qualifiedResource(type)} "${meta.name}": the object has been modified; please apply your changes to the latest version and try again`,
        { name: meta.name, group: type.group, kind: type.plural },
      );
    }
    const next = deepClone(input);
    next.apiVersion = groupVersion(type.group, type.version);
    next.kind = type.kind;
    const ownedFields = ['uid', 'creationTimestamp', 'generation', 'resourceVersion'];
    if (!options.markDeletion) ownedFields.push('deletionTimestamp');
    for (const owned of ownedFields) {
      if (current.metadata[owned] === undefined) delete next.metadata[owned];
      else next.metadata[owned] = current.metadata[owned];
    }
    if (!type.namespaced) delete next.metadata.namespace;
    if (deepEqual(next, current)) return this.present(type, current);
    if (!deepEqual(specPart(next), specPart(current))) {
      next.metadata.generation = (current.metadata.generation ?? 1) + 1;
    }
    next.metadata.resourceVersion = String(++this.rv);
    this.bucket(type).set(key, next);
    this.record('MODIFIED', type, next);
    return this.present(type, next);
  }

  remove(type: ResourceType, namespace: string | undefined, name: string): KObject {
    const key = objectKey(type.namespaced ? namespace : undefined, name);
    const current = this.bucket(type).get(key);
    if (!current) throw notFound(type, name);
    this.bucket(type).delete(key);
    const gone = deepClone(current);
    gone.metadata.resourceVersion = String(++this.rv);
    gone.metadata.deletionTimestamp ??= timestamp();
    this.record('DELETED', type, gone);
    return this.present(type, gone);
  }

  /** Every stored object, for the debug dump and garbage collection. */
  everything(): { resource: string; object: KObject }[] {
    const out: { resource: string; object: KObject }[] = [];
    for (const [resource, bucket] of this.objects) {
      for (const object of bucket.values()) out.push({ resource, object: deepClone(object) });
    }
    return out;
  }

  dropResource(type: ResourceType): void {
    for (const obj of this.list(type)) this.remove(type, obj.metadata.namespace, obj.metadata.name);
  }

  private bucket(type: ResourceType): Map<string, KObject> {
    const key = storeKey(type.group, type.plural);
    let bucket = this.objects.get(key);
    if (!bucket) {
      bucket = new Map();
      this.objects.set(key, bucket);
    }
    return bucket;
  }

  private present(type: ResourceType, obj: KObject): KObject {
    const copy = deepClone(obj);
    copy.apiVersion = groupVersion(type.group, type.version);
    return copy;
  }

  private record(kind: WatchEventType, type: ResourceType, obj: KObject): void {
    const event: StoreEvent = {
      rv: this.rv,
      type: kind,
      resource: storeKey(type.group, type.plural),
      object: deepClone(obj),
    };
    this.history.push(event);
    if (this.history.length > HISTORY_LIMIT)
      this.history.splice(0, this.history.length - HISTORY_LIMIT);
    for (const listener of this.listeners) listener(event);
  }
}
