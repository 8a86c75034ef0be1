import { describe, expect, it } from 'vitest';
import type { NamespaceClient } from '../../../src/existing/namespace-client.js';
import {
  EXPIRES_ANNOTATION,
  namespaceObject,
  type JsonPatchOperation,
} from '../../../src/existing/ownership.js';
import {
  ForeignNamespaceError,
  claimNamespace,
  deleteNamespace,
} from '../../../src/existing/preview-namespace.js';
import type { KubeObject, ReadObject } from '../../../src/kube/object.js';

const owner = { repository: 'octo/shop', pr: 7 };
const annotations = { expiresAt: '2026-03-08T10:00:00Z' };
const NAME = 'shop-pr-7';

/**
 * An in-memory namespace API with the guarantees the real one gives: create fails on an existing
 * name, a JSON patch's `test` ops must hold, a delete's preconditions must match. `before` hooks
 * let a test change the world between a read and a write, as a concurrent run would.
 */
class FakeNamespaces implements NamespaceClient {
  objects = new Map<string, ReadObject>();
  calls: string[] = [];
  private version = 100;
  beforeCreate?: () => void;
  beforePatch?: () => void;
  beforeDelete?: () => void;
  /** Reads a namespace takes to go after a delete (Terminating meanwhile); Infinity: never. */
  terminatingReads = 1;
  private terminating = new Map<string, number>();

  put(object: KubeObject, extra: Partial<ReadObject['metadata']> = {}): void {
    this.objects.set(object.metadata.name, {
      ...structuredClone(object),
      metadata: {
        ...structuredClone(object.metadata),
        uid: `uid-${this.version}`,
        resourceVersion: String(++this.version),
        ...extra,
      },
    });
  }

  async get(name: string) {
    this.calls.push(`get ${name}`);
    const left = this.terminating.get(name);
    if (left !== undefined) {
      if (left <= 0) {
        this.objects.delete(name);
        this.terminating.delete(name);
      } else this.terminating.set(name, left - 1);
    }
    const found = this.objects.get(name);
    return found ? structuredClone(found) : undefined;
  }

  async list() {
    return [...this.objects.values()];
  }

  async create(namespace: KubeObject) {
    this.beforeCreate?.();
    this.calls.push(`create ${namespace.metadata.name}`);
    if (this.objects.has(namespace.metadata.name)) return 'exists' as const;
    this.put(namespace);
    return 'created' as const;
  }

  async patch(name: string, operations: JsonPatchOperation[]) {
    this.beforePatch?.();
    this.calls.push(`patch ${name}`);
    const current = this.objects.get(name);
    if (!current) return 'changed' as const;
    const read = (path: string): unknown =>
      path
        .split('/')
        .slice(1)
        .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce<unknown>(
          (node, key) => (node as Record<string, unknown> | undefined)?.[key],
          current,
        );
    for (const op of operations)
      if (op.op === 'test' && read(op.path) !== op.value) return 'changed' as const;
    const next = structuredClone(current);
    for (const op of operations) {
      if (op.op !== 'add') continue;
      const key = op.path.split('/').pop()!.replace(/~1/g, '/');
      next.metadata!.annotations = { ...next.metadata!.annotations, [key]: op.value as string };
    }
    next.metadata!.resourceVersion = String(++this.version);
    this.objects.set(name, next);
    return 'done' as const;
  }

  async deleteExactly(name: string, uid: string, resourceVersion: string) {
    this.beforeDelete?.();
    this.calls.push(`delete ${name}`);
    const current = this.objects.get(name);
    if (!current) return 'done' as const;
    if (current.metadata?.uid !== uid || current.metadata?.resourceVersion !== resourceVersion)
      return 'changed' as const;
    current.metadata.deletionTimestamp = '2026-03-01T00:00:00Z';
    current.status = {
      phase: 'Terminating',
      conditions: [
        {
          type: 'NamespaceContentRemaining',
          status: 'True',
          message:
            'Some resources are remaining: revisions.serving.knative.dev has 2 resource instances',
        },
      ],
    } as ReadObject['status'];
    this.terminating.set(name, this.terminatingReads);
    return 'done' as const;
  }
}

const options = { timeoutMs: 10_000, intervalMs: 1, sleep: async () => {} };

describe('claimNamespace', () => {
  it('creates the namespace with its ownership labels and expiry', async () => {
    const api = new FakeNamespaces();
    expect(await claimNamespace(api, NAME, owner, annotations, options)).toEqual({ created: true });
    const ns = api.objects.get(NAME)!;
    expect(ns.metadata?.labels).toMatchObject({ 'knative-action/pull-request': '7' });
    expect(ns.metadata?.annotations?.[EXPIRES_ANNOTATION]).toBe('2026-03-08T10:00:00Z');
  });

  it('adopts its own namespace on a later run, moving the expiry on', async () => {
    const api = new FakeNamespaces();
    api.put(namespaceObject(NAME, owner, { expiresAt: '2026-03-01T00:00:00Z' }));
    expect(await claimNamespace(api, NAME, owner, annotations, options)).toEqual({
      created: false,
    });
    expect(api.objects.get(NAME)!.metadata?.annotations?.[EXPIRES_ANNOTATION]).toBe(
      '2026-03-08T10:00:00Z',
    );
    expect(api.calls).toEqual([`get ${NAME}`, `patch ${NAME}`]);
  });

  it('refuses a namespace that is not this PR’s, naming it, and writes nothing', async () => {
    for (const other of [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAME } },
      namespaceObject(NAME, { ...owner, pr: 8 }, annotations),
      namespaceObject(NAME, { repository: 'octo/other', pr: 7 }, annotations),
    ]) {
      const api = new FakeNamespaces();
      api.put(other);
      const before = structuredClone(api.objects.get(NAME));
      const error = await claimNamespace(api, NAME, owner, annotations, options).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ForeignNamespaceError);
      expect((error as Error).message).toMatch(
        /The namespace 'shop-pr-7' exists and is not this pull request's preview: .*leaves it untouched/,
      );
      expect(api.calls).toEqual([`get ${NAME}`]);
      expect(api.objects.get(NAME)).toEqual(before);
    }
  });

  it('two runs creating it at once: the second finds it made by the first and adopts it', async () => {
    const api = new FakeNamespaces();
    api.beforeCreate = () => {
      api.beforeCreate = undefined;
      api.put(namespaceObject(NAME, owner, { expiresAt: '2026-03-02T00:00:00Z' }));
    };
    expect(await claimNamespace(api, NAME, owner, annotations, options)).toEqual({
      created: false,
    });
    expect(api.calls).toEqual([`get ${NAME}`, `create ${NAME}`, `get ${NAME}`, `patch ${NAME}`]);
  });

  it('a namespace made meanwhile by someone else is refused, not adopted', async () => {
    const api = new FakeNamespaces();
    api.beforeCreate = () => {
      api.beforeCreate = undefined;
      api.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAME } });
    };
    await expect(claimNamespace(api, NAME, owner, annotations, options)).rejects.toBeInstanceOf(
      ForeignNamespaceError,
    );
  });

  it('a namespace whose labels change between the read and the patch is read again, and refused', async () => {
    const api = new FakeNamespaces();
    api.put(namespaceObject(NAME, owner, annotations));
    api.beforePatch = () => {
      api.beforePatch = undefined;
      const ns = api.objects.get(NAME)!;
      api.put({
        ...(ns as KubeObject),
        metadata: { ...(ns.metadata as KubeObject['metadata']), labels: {} },
      });
    };
    await expect(claimNamespace(api, NAME, owner, annotations, options)).rejects.toBeInstanceOf(
      ForeignNamespaceError,
    );
    expect(api.objects.get(NAME)!.metadata?.annotations?.[EXPIRES_ANNOTATION]).toBe(
      annotations.expiresAt,
    );
  });

  it('waits out its own namespace being deleted (a cleanup just ran), then creates it again', async () => {
    const api = new FakeNamespaces();
    api.put(namespaceObject(NAME, owner, annotations), {
      deletionTimestamp: '2026-03-01T00:00:00Z',
    });
    // It goes on the second look.
    let looks = 0;
    const get = api.get.bind(api);
    api.get = async (name) => (++looks === 3 ? (api.objects.delete(name), get(name)) : get(name));
    expect(await claimNamespace(api, NAME, owner, annotations, options)).toEqual({ created: true });
  });
});

describe('deleteNamespace', () => {
  it('deletes its own namespace and waits until it is gone', async () => {
    const api = new FakeNamespaces();
    api.put(namespaceObject(NAME, owner, annotations));
    api.terminatingReads = 2;
    expect(await deleteNamespace(api, NAME, owner, options)).toEqual({ deleted: true });
    expect(api.objects.has(NAME)).toBe(false);
  });

  it('has nothing to do when it is gone already', async () => {
    const api = new FakeNamespaces();
    expect(await deleteNamespace(api, NAME, owner, options)).toEqual({ deleted: false });
    expect(api.calls).toEqual([`get ${NAME}`]);
  });

  it('never deletes a namespace that is not this PR’s', async () => {
    const api = new FakeNamespaces();
    api.put(namespaceObject(NAME, { ...owner, pr: 8 }, annotations));
    await expect(deleteNamespace(api, NAME, owner, options)).rejects.toBeInstanceOf(
      ForeignNamespaceError,
    );
    expect(api.calls).toEqual([`get ${NAME}`]);
  });

  it('deletes only the object it checked: a swap between the read and the delete is caught', async () => {
    const api = new FakeNamespaces();
    api.put(namespaceObject(NAME, owner, annotations));
    api.beforeDelete = () => {
      api.beforeDelete = undefined;
      api.objects.delete(NAME);
      api.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAME } });
    };
    await expect(deleteNamespace(api, NAME, owner, options)).rejects.toBeInstanceOf(
      ForeignNamespaceError,
    );
    expect(api.objects.get(NAME)?.metadata?.deletionTimestamp).toBeUndefined();
  });

  it('decides again on the version it deletes: a run that moved the expiry on keeps it', async () => {
    const api = new FakeNamespaces();
    api.put(namespaceObject(NAME, owner, { expiresAt: '2026-03-01T00:00:00Z' }));
    // A preview run refreshes the expiry between the sweep's listing and its delete.
    api.beforeDelete = () => {
      api.beforeDelete = undefined;
      const ns = api.objects.get(NAME)!;
      api.put({
        ...(ns as KubeObject),
        metadata: {
          ...(ns.metadata as KubeObject['metadata']),
          annotations: {
            ...ns.metadata?.annotations,
            [EXPIRES_ANNOTATION]: '2026-03-20T00:00:00Z',
          },
        },
      });
    };
    const result = await deleteNamespace(api, NAME, owner, {
      ...options,
      keepReason: (current) =>
        current.metadata?.annotations?.[EXPIRES_ANNOTATION] === '2026-03-20T00:00:00Z'
          ? 'it expires at 2026-03-20T00:00:00Z'
          : undefined,
    });
    expect(result).toEqual({ deleted: false, kept: 'it expires at 2026-03-20T00:00:00Z' });
    expect(api.objects.get(NAME)?.metadata?.deletionTimestamp).toBeUndefined();
  });

  it('gives up at the deadline, saying what it waited for and what it last saw', async () => {
    const api = new FakeNamespaces();
    api.put(namespaceObject(NAME, owner, annotations));
    api.terminatingReads = Number.POSITIVE_INFINITY;
    let clock = 0;
    await expect(
      deleteNamespace(api, NAME, owner, {
        timeoutMs: 5000,
        intervalMs: 1000,
        sleep: async (ms) => {
          clock += ms;
        },
        now: () => clock,
      }),
    ).rejects.toThrow(
      /waiting for namespace shop-pr-7 to be deleted.*last seen: namespace shop-pr-7: Terminating \(NamespaceContentRemaining: Some resources are remaining/,
    );
  });
});
