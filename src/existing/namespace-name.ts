/**
 * The preview namespace's name. Pure.
 *
 * Default `<repo>-pr-<number>`: the repository name lower-cased, every run of characters outside
 * [a-z0-9] turned into one `-`, no `-` at either end. A name over 63 characters (a namespace is a
 * DNS-1123 label) keeps its start and ends in a short hash of the whole repository name, so two
 * long names that share a start still get namespaces of their own.
 */
import { createHash } from 'node:crypto';

export const MAX_NAMESPACE_LENGTH = 63;
const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** Kubernetes' own namespaces: never a preview's, whatever the ownership labels would say. */
const RESERVED = /^(default|kube-.*|knative-.*)$/;
const HASH_LENGTH = 8;

export function defaultNamespaceName(repo: string, prNumber: number): string {
  return repoNamespace(repo, `-pr-${prNumber}`);
}

/** A terminal run's namespace, `<repo>-local`: it previews no pull request. */
export function localNamespaceName(repo: string): string {
  return repoNamespace(repo, '-local');
}

function repoNamespace(repo: string, suffix: string): string {
  const slug =
    repo
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'preview';
  if (slug.length + suffix.length <= MAX_NAMESPACE_LENGTH) return `${slug}${suffix}`;
  const hash = shortHash(repo.toLowerCase());
  const room = MAX_NAMESPACE_LENGTH - suffix.length - hash.length - 1;
  const start = slug.slice(0, room).replace(/-+$/, '');
  return `${start}-${hash}${suffix}`;
}

export function isValidNamespaceName(name: string): boolean {
  return namespaceProblem(name) === '';
}

/** What is wrong with a namespace name given as input, as the error's "expected" part. */
export function namespaceProblem(name: string): string {
  if (name.length > MAX_NAMESPACE_LENGTH || !DNS_1123_LABEL.test(name))
    return 'a DNS-1123 label: lowercase letters, digits and -, starting and ending with a letter or digit, at most 63 characters';
  if (RESERVED.test(name))
    return 'a namespace of the preview’s own, not default, kube-* or knative-* (those belong to the cluster)';
  return '';
}

/** A short hex digest; also used to keep label values unique when they must be shortened. */
export function shortHash(text: string, length = HASH_LENGTH): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}
