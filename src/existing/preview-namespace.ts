/**
 * A PR's preview namespace over its life: claimed (created, or adopted when it is already this
 * PR's) with a fresh expiry on every run, and deleted by cleanup or sweep. Every write checks
 * ownership on the version it writes to, so two runs at once (for the same PR, or a preview
 * racing a cleanup) never write to a namespace that is not this PR's.
 */
import type { ReadObject } from '../kube/object.js';
import { UserError } from '../util/errors.js';
import { waitUntil } from '../util/wait.js';
import type { NamespaceClient } from './namespace-client.js';
import {
  namespaceObject,
  ownershipOf,
  refreshPatch,
  type NamespaceAnnotations,
  type PreviewOwner,
} from './ownership.js';

export interface LifecycleOptions {
  /** Deadline for waiting on a namespace that is being deleted. */
  timeoutMs: number;
  intervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  log?: (message: string) => void;
}

/** Reads, decides and writes again at most this often before giving up on a namespace that keeps changing. */
const MAX_ROUNDS = 5;

export class ForeignNamespaceError extends UserError {
  constructor(
    readonly namespace: string,
    why: string,
  ) {
    super(
      `The namespace '${namespace}' exists and is not this pull request's preview: ${why}. The action leaves it untouched. Choose another name with the 'namespace' input, or, if it is a leftover of yours, delete it yourself.`,
    );
    this.name = 'ForeignNamespaceError';
  }
}

/**
 * Creates the preview namespace, or adopts it when it is already this PR's (a re-run, or a
 * concurrent run that created it first), and sets its expiry. A namespace being deleted (a
 * cleanup that just ran) is waited out, then created again.
 */
export async function claimNamespace(
  client: NamespaceClient,
  name: string,
  owner: PreviewOwner,
  annotations: NamespaceAnnotations,
  options: LifecycleOptions,
): Promise<{ created: boolean }> {
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const current = await client.get(name);
    if (!current) {
      if ((await client.create(namespaceObject(name, owner, annotations))) === 'created')
        return { created: true };
      options.log?.(`namespace ${name} appeared meanwhile; checking whose it is`);
      continue;
    }
    requireOurs(current, name, owner);
    if (current.metadata?.deletionTimestamp) {
      options.log?.(
        `namespace ${name} is being deleted; waiting until it is gone to create it again`,
      );
      await waitUntilGone(client, name, options);
      continue;
    }
    if ((await client.patch(name, refreshPatch(current, owner, annotations))) === 'done')
      return { created: false };
    options.log?.(`namespace ${name} changed while its expiry was refreshed; reading it again`);
  }
  throw new Error(
    `namespace ${name} kept changing while this run claimed it (${MAX_ROUNDS} attempts); is another run writing to it?`,
  );
}

/**
 * Deletes this PR's preview namespace and waits until it is gone. Absent already: nothing to do.
 * Not this PR's: refused, untouched.
 */
export async function deleteNamespace(
  client: NamespaceClient,
  name: string,
  owner: PreviewOwner,
  options: LifecycleOptions & {
    /**
     * Decides again on every version read (a sweep: a run may have moved the expiry on since the
     * listing); a reason to keep it stops the delete.
     */
    keepReason?: (current: ReadObject) => string | undefined;
  },
): Promise<{ deleted: boolean; kept?: string }> {
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const current = await client.get(name);
    if (!current) return { deleted: false };
    requireOurs(current, name, owner);
    const kept = current.metadata?.deletionTimestamp ? undefined : options.keepReason?.(current);
    if (kept) return { deleted: false, kept };
    if (!current.metadata?.deletionTimestamp) {
      const uid = current.metadata?.uid;
      const version = current.metadata?.resourceVersion;
      if (typeof uid !== 'string' || typeof version !== 'string')
        throw new Error(`namespace ${name} as read has no uid or resourceVersion`);
      if ((await client.deleteExactly(name, uid, version)) === 'changed') {
        options.log?.(`namespace ${name} changed just before the delete; reading it again`);
        continue;
      }
    }
    await waitUntilGone(client, name, options);
    return { deleted: true };
  }
  throw new Error(
    `namespace ${name} kept changing while this run deleted it (${MAX_ROUNDS} attempts); is another run writing to it?`,
  );
}

function requireOurs(current: ReadObject, name: string, owner: PreviewOwner): void {
  const ownership = ownershipOf(current, owner);
  if (!ownership.ours) throw new ForeignNamespaceError(name, ownership.why);
}

/** Waits until the namespace is gone; the error says what it waited for and what it last saw. */
export async function waitUntilGone(
  client: NamespaceClient,
  name: string,
  options: LifecycleOptions,
): Promise<void> {
  await waitUntil(
    async () => {
      const current = await client.get(name);
      if (!current) return { done: true, value: undefined };
      return { done: false, seen: describeTerminating(current) };
    },
    {
      what: `namespace ${name} to be deleted (Kubernetes deletes everything in it first)`,
      timeoutMs: options.timeoutMs,
      intervalMs: options.intervalMs ?? 2000,
      sleep: options.sleep,
      now: options.now,
    },
  );
}

/** `namespace x: Terminating (NamespaceContentRemaining: Some resources are remaining: ...)` */
export function describeTerminating(namespace: ReadObject): string {
  const name = namespace.metadata?.name ?? '?';
  const phase = (namespace.status as { phase?: unknown } | undefined)?.phase;
  const blocking = (namespace.status?.conditions ?? []).find(
    (c) => c.status === 'True' && c.type !== 'NamespaceDeletionDiscoveryFailure',
  );
  const detail = blocking
    ? ` (${[blocking.type, blocking.message].filter(Boolean).join(': ').slice(0, 200)})`
    : '';
  const state =
    typeof phase === 'string'
      ? phase
      : namespace.metadata?.deletionTimestamp
        ? 'Terminating'
        : 'Active';
  return `namespace ${name}: ${state}${detail}`;
}
