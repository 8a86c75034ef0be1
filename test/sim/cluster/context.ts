/** What the controllers share: storage, served kinds, knobs, and small write helpers. */
import { createHash } from 'node:crypto';
import type { SimConfig } from './config.js';
import { PushedImages } from './pushed-images.js';
import type { ResourceRegistry } from './resources.js';
import type { ObjectStore } from './store.js';
import {
  deepClone,
  deepEqual,
  timestamp,
  type KObject,
  type Loose,
  type ResourceType,
} from './types.js';

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
}

export class ClusterContext {
  /** When each (uid, generation) was first seen: the clock readiness delays run on. */
  private readonly seen = new Map<string, number>();

  constructor(
    readonly store: ObjectStore,
    readonly registry: ResourceRegistry,
    readonly config: SimConfig,
    readonly imported: Set<string>,
    readonly nodeNames: string[],
    /** What `docker push` put in the sim's registry (pullable by every cluster). */
    readonly pushed: PushedImages = new PushedImages(undefined),
  ) {}

  now(): number {
    return Date.now();
  }

  /** The type at group/plural, whatever version it is served in (undefined until a CRD is established). */
  type(group: string, plural: string): ResourceType | undefined {
    return this.registry.all().find((t) => t.group === group && t.plural === plural);
  }

  core(plural: string): ResourceType {
    const type = this.type('', plural);
    if (!type) throw new Error(`no core resource ${plural}`);
    return type;
  }

  apps(plural: string): ResourceType {
    const type = this.type('apps', plural);
    if (!type) throw new Error(`no apps resource ${plural}`);
    return type;
  }

  firstSeen(obj: KObject, what = ''): number {
    const key = `${obj.metadata.uid}/${obj.metadata.generation ?? 0}/${what}`;
    let at = this.seen.get(key);
    if (at === undefined) {
      at = this.now();
      this.seen.set(key, at);
    }
    return at;
  }

  /** True once `delayMs` have passed since this generation of the object was first seen. */
  elapsed(obj: KObject, delayMs: number, what = ''): boolean {
    return this.now() >= this.firstSeen(obj, what) + delayMs;
  }

  /** Writes `status` if it differs from what is stored (no resourceVersion churn otherwise). */
  setStatus(type: ResourceType, obj: KObject, status: Loose): void {
    if (deepEqual(obj.status, status)) return;
    const next = deepClone(obj);
    next.status = status;
    this.store.update(type, next);
  }

  /** Creates the object, or updates it when the given fields differ; returns what is stored. */
  upsert(type: ResourceType, desired: KObject, compare: (current: KObject) => boolean): KObject {
    const current = this.store.get(type, desired.metadata.namespace, desired.metadata.name);
    if (!current) return this.store.create(type, desired);
    if (compare(current)) return current;
    const next = { ...deepClone(current), ...deepClone(desired) };
    next.metadata = { ...current.metadata, ...desired.metadata };
    next.status = current.status;
    return this.store.update(type, next);
  }
}

/** Conditions with lastTransitionTime kept when a condition's status did not change. */
export function withConditions(previous: Loose[] | undefined, next: Condition[]): Loose[] {
  return next.map((c) => {
    const old = (previous ?? []).find((p: Loose) => p.type === c.type);
    const keep = old && old.status === c.status;
    return {
      type: c.type,
      status: c.status,
      ...(c.reason ? { reason: c.reason } : {}),
      ...(c.message ? { message: c.message } : {}),
      lastTransitionTime: keep ? old.lastTransitionTime : timestamp(),
    };
  });
}

export function shortHash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('/')).digest('hex');
}

/** Pod-name-style suffix from a hash (k8s uses consonants and digits; so do we). */
export function podSuffix(seed: string, length = 5): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  const hex = shortHash(seed);
  let out = '';
  for (let i = 0; i < length; i++)
    out += alphabet[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % alphabet.length];
  return out;
}

export function controllerRef(owner: KObject): Loose {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}
