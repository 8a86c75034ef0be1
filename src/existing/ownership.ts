/**
 * Which namespaces are this action's, and for which pull request. Pure.
 *
 * A preview namespace carries labels (selectable) naming the tool, the repository and the PR,
 * and annotations with the full repository name and its expiry. The action writes to or deletes
 * a namespace only when all of them name this repository and this PR.
 */
import type { KubeObject, ReadObject } from '../kube/object.js';
import { shortHash } from './namespace-name.js';

export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY = 'knative-action';
export const REPOSITORY_LABEL = 'knative-action/repository';
export const PR_LABEL = 'knative-action/pull-request';
/** The full `owner/repo` (label values cannot hold a `/`). */
export const REPOSITORY_ANNOTATION = 'knative-action/repository';
/** RFC 3339: when a sweep may delete the preview; every run moves it forward. */
export const EXPIRES_ANNOTATION = 'knative-action/expires-at';
/** The run that last deployed it, for whoever finds the namespace. */
export const RUN_ANNOTATION = 'knative-action/last-run';

/** Whose preview a namespace is. */
export interface PreviewOwner {
  /** owner/repo, as GitHub spells it. */
  repository: string;
  pr: number;
}

const LABEL_VALUE = /^[a-z0-9]([-a-z0-9_.]{0,61}[a-z0-9])?$/;

/**
 * The repository as a label value (at most 63 characters of [a-z0-9._-]): `owner.repo`
 * lower-cased (GitHub names are case-insensitive; an owner has no dot, so this is unambiguous),
 * or, when that does not fit, its start and a hash of the whole name.
 */
export function repositoryLabelValue(repository: string): string {
  const readable = repository.toLowerCase().replace('/', '.');
  if (LABEL_VALUE.test(readable) && readable.length <= 63) return readable;
  const hash = shortHash(repository.toLowerCase(), 10);
  const start = readable
    .replace(/[^a-z0-9._-]+/g, '-')
    .slice(0, 63 - hash.length - 1)
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return start ? `${start}-${hash}` : hash;
}

export function ownerLabels(owner: PreviewOwner): Record<string, string> {
  return {
    [MANAGED_BY_LABEL]: MANAGED_BY,
    [REPOSITORY_LABEL]: repositoryLabelValue(owner.repository),
    [PR_LABEL]: String(owner.pr),
  };
}

/** Label selector of every preview namespace of a repository (for sweep). */
export function repositorySelector(repository: string): string {
  return `${MANAGED_BY_LABEL}=${MANAGED_BY},${REPOSITORY_LABEL}=${repositoryLabelValue(repository)}`;
}

export interface NamespaceAnnotations {
  expiresAt: string;
  /** URL of the run (absent outside Actions). */
  runUrl?: string;
}

/** The namespace a first run creates. */
export function namespaceObject(
  name: string,
  owner: PreviewOwner,
  annotations: NamespaceAnnotations,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      labels: ownerLabels(owner),
      annotations: {
        [REPOSITORY_ANNOTATION]: owner.repository,
        [EXPIRES_ANNOTATION]: annotations.expiresAt,
        ...(annotations.runUrl ? { [RUN_ANNOTATION]: annotations.runUrl } : {}),
      },
    },
  };
}

export type Ownership = { ours: true } | { ours: false; why: string };

/** Whether a namespace as read from the cluster is the preview of `owner`'s PR. */
export function ownershipOf(namespace: ReadObject, owner: PreviewOwner): Ownership {
  const repository = previewRepositoryProblem(namespace, owner.repository);
  if (repository) return { ours: false, why: repository };
  const pr = stringMap(namespace.metadata?.labels)[PR_LABEL];
  if (pr !== String(owner.pr)) {
    return {
      ours: false,
      why:
        pr === undefined
          ? `it has no ${PR_LABEL} label`
          : `it is the preview of another pull request of this repository (${PR_LABEL}=${shown(pr)})`,
    };
  }
  return { ours: true };
}

/**
 * The PR number of a namespace that is a preview of `repository` (any PR), else undefined.
 * Used by sweep, which may delete any preview of its repository.
 */
export function previewPullRequest(namespace: ReadObject, repository: string): number | undefined {
  if (previewRepositoryProblem(namespace, repository)) return undefined;
  const pr = stringMap(namespace.metadata?.labels)[PR_LABEL] ?? '';
  if (!/^[1-9]\d{0,9}$/.test(pr)) return undefined;
  return Number(pr);
}

function previewRepositoryProblem(namespace: ReadObject, repository: string): string {
  const labels = stringMap(namespace.metadata?.labels);
  const annotations = stringMap(namespace.metadata?.annotations);
  const managedBy = labels[MANAGED_BY_LABEL];
  if (managedBy !== MANAGED_BY) {
    return managedBy === undefined
      ? `it has no label ${MANAGED_BY_LABEL}=${MANAGED_BY}, so this action did not make it`
      : `it is managed by ${shown(managedBy)}, not ${MANAGED_BY}`;
  }
  const label = labels[REPOSITORY_LABEL];
  const annotation = annotations[REPOSITORY_ANNOTATION];
  // The annotation is checked too: it guards the (hashed) label against a collision.
  if (
    label !== repositoryLabelValue(repository) ||
    annotation?.toLowerCase() !== repository.toLowerCase()
  ) {
    return `it is the preview of another repository (${shown(annotation ?? label ?? 'unnamed')})`;
  }
  return '';
}

/** One operation of a JSON patch (RFC 6902). */
export type JsonPatchOperation =
  | { op: 'test'; path: string; value: unknown }
  | { op: 'add' | 'replace'; path: string; value: unknown };

/**
 * The patch that refreshes a preview namespace's expiry (and last run). It applies only if the
 * namespace is still exactly the version that was read and checked: the `test` of its
 * resourceVersion fails if anyone changed it since, and the label tests state the ownership
 * the write relies on.
 */
export function refreshPatch(
  namespace: ReadObject,
  owner: PreviewOwner,
  annotations: NamespaceAnnotations,
): JsonPatchOperation[] {
  const resourceVersion = namespace.metadata?.resourceVersion;
  if (typeof resourceVersion !== 'string' || !resourceVersion)
    throw new Error(`namespace ${String(namespace.metadata?.name)} has no resourceVersion`);
  const ops: JsonPatchOperation[] = [
    { op: 'test', path: '/metadata/resourceVersion', value: resourceVersion },
  ];
  for (const [key, value] of Object.entries(ownerLabels(owner)))
    ops.push({ op: 'test', path: `/metadata/labels/${pointerKey(key)}`, value });
  ops.push({
    op: 'add',
    path: `/metadata/annotations/${pointerKey(EXPIRES_ANNOTATION)}`,
    value: annotations.expiresAt,
  });
  if (annotations.runUrl)
    ops.push({
      op: 'add',
      path: `/metadata/annotations/${pointerKey(RUN_ANNOTATION)}`,
      value: annotations.runUrl,
    });
  return ops;
}

/** A map key as one JSON pointer segment (RFC 6901). */
function pointerKey(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function stringMap(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

/** A value read from the cluster, safe and short enough for a message. */
export function shown(value: string): string {
  const cleaned = value.replace(/[^\w./-]/g, '?');
  return `'${cleaned.length > 80 ? `${cleaned.slice(0, 79)}…` : cleaned}'`;
}
