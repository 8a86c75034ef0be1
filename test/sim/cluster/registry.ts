/**
 * Images as Knative's digest resolver and the kubelet meet them, judged by name: which references
 * resolve to a digest, which registries are skipped, which pulls succeed on a node, and the error
 * texts each step prints. Pure.
 */
import { shortHash } from './context.js';

/** Images the simulated registries hold (resolvable and pullable). */
const PUBLISHED = [
  /^ghcr\.io\/knative\/helloworld-go([:@]|$)/,
  /^gcr\.io\/knative-samples\/helloworld-go([:@]|$)/,
  /^gcr\.io\/knative-releases\//,
];

/** Registry hosts that exist (a missing image there is a 401/404); any other host has no DNS name. */
const KNOWN_HOSTS = new Set([
  'index.docker.io',
  'ghcr.io',
  'gcr.io',
  'quay.io',
  'registry.k8s.io',
  'public.ecr.aws',
  'mcr.microsoft.com',
]);

export const DEFAULT_SKIPPED_REGISTRIES = ['kind.local', 'ko.local', 'dev.local'];

export interface ImageRef {
  /** As go-containerregistry names it: `index.docker.io` for Docker Hub. */
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

/** Splits a reference the way go-containerregistry's name.ParseReference (weak validation) does. */
export function parseImageRef(image: string): ImageRef {
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  const hasRegistry = first.includes('.') || first.includes(':') || first === 'localhost';
  let registry = hasRegistry ? first : 'index.docker.io';
  let repository = hasRegistry ? rest.slice(slash + 1) : rest;
  if (registry === 'docker.io') registry = 'index.docker.io';
  if (registry === 'index.docker.io' && !repository.includes('/'))
    repository = `library/${repository}`;
  return { registry, repository, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

/** containerd's normalised name (`docker.io/library/x:tag`). */
function containerdName(image: string): string {
  const ref = parseImageRef(image);
  const host = ref.registry === 'index.docker.io' ? 'docker.io' : ref.registry;
  const base = `${host}/${ref.repository}`;
  return ref.digest ? `${base}@${ref.digest}` : `${base}:${ref.tag ?? 'latest'}`;
}

function published(image: string): boolean {
  return PUBLISHED.some((pattern) => pattern.test(image));
}

/** The sim's registry of pushed images (pushed-images.ts): they resolve and pull like published ones. */
export interface PushedLookup {
  lookup(image: string): { digest: string } | undefined;
}

export type Resolution =
  /** The registry is in config-deployment's registries-skipping-tag-resolving: no digest. */
  | { kind: 'skipped' }
  | { kind: 'resolved'; digest: string }
  /** Knative marks the revision ContainerMissing with this message. */
  | { kind: 'failed'; message: string };

/**
 * What Knative's digest resolver makes of an image (pkg/reconciler/revision/resolve.go and
 * background.go): a digest reference is kept, a skipped registry gets no digest, anything else is
 * looked up with a HEAD request whose failure becomes the ContainerMissing message.
 */
export function resolveDigest(
  image: string,
  skipped: readonly string[],
  pushed?: PushedLookup,
): Resolution {
  const ref = parseImageRef(image);
  if (ref.digest) return { kind: 'resolved', digest: image };
  if (skipped.includes(ref.registry)) return { kind: 'skipped' };
  const prefix = `Unable to fetch image "${image}": failed to resolve image to digest: `;
  const pushedImage = pushed?.lookup(image);
  if (pushedImage)
    return { kind: 'resolved', digest: `${ref.registry}/${ref.repository}@${pushedImage.digest}` };
  if (published(image)) {
    return {
      kind: 'resolved',
      digest: `${ref.registry === 'index.docker.io' ? 'index.docker.io' : ref.registry}/${ref.repository}@sha256:${shortHash(image)}`,
    };
  }
  if (!KNOWN_HOSTS.has(ref.registry)) {
    return {
      kind: 'failed',
      message: `${prefix}Get "https://${ref.registry}/v2/": dial tcp: lookup ${ref.registry.replace(/:\d+$/, '')} on 10.43.0.10:53: no such host`,
    };
  }
  // Docker Hub answers an anonymous HEAD for an unknown repository with 401, others with 404.
  const status = ref.registry === 'index.docker.io' ? '401 Unauthorized' : '404 Not Found';
  return {
    kind: 'failed',
    message: `${prefix}HEAD https://${ref.registry}/v2/${ref.repository}/manifests/${ref.tag ?? 'latest'}: unexpected status code ${status} (HEAD responses have no body, use GET for details)`,
  };
}

/** The pull policy the API server defaults: Always for `:latest` or no tag, else IfNotPresent. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const ref = parseImageRef(image);
  if (ref.digest) return 'IfNotPresent';
  return !ref.tag || ref.tag === 'latest' ? 'Always' : 'IfNotPresent';
}

export type PullResult =
  { ok: true } | { ok: false; reason: 'ErrImagePull' | 'ErrImageNeverPull'; message: string };

/**
 * What the kubelet (k3s' containerd) makes of a container's image on a node: present images (those
 * `k3d image import` loaded) run unless the policy says Always; published images pull; anything
 * else fails with containerd's error text (pkg/kubelet/images/image_manager.go).
 */
export function pullImage(
  image: string,
  pullPolicy: string | undefined,
  present: ReadonlySet<string>,
  pushed?: PushedLookup,
): PullResult {
  const policy = pullPolicy || defaultPullPolicy(image);
  const onNode = present.has(image);
  if (policy === 'Never') {
    return onNode
      ? { ok: true }
      : {
          ok: false,
          reason: 'ErrImageNeverPull',
          message: `Container image "${image}" is not present with pull policy of Never`,
        };
  }
  if (onNode && policy !== 'Always') return { ok: true };
  if (published(image) || pushed?.lookup(image)) return { ok: true };
  const ref = parseImageRef(image);
  const name = containerdName(image);
  if (!KNOWN_HOSTS.has(ref.registry)) {
    const host = ref.registry.replace(/:\d+$/, '');
    return {
      ok: false,
      reason: 'ErrImagePull',
      message: `rpc error: code = Unknown desc = failed to pull and unpack image "${name}": failed to resolve reference "${name}": failed to do request: Head "https://${ref.registry}/v2/${ref.repository}/manifests/${ref.digest ?? ref.tag ?? 'latest'}": dial tcp: lookup ${host} on 127.0.0.11:53: no such host`,
    };
  }
  return {
    ok: false,
    reason: 'ErrImagePull',
    message: `rpc error: code = NotFound desc = failed to pull and unpack image "${name}": failed to resolve reference "${name}": ${name}: not found`,
  };
}

/** Kubelet's image pull back-off: 10 s doubling up to 300 s (pkg/kubelet/kubelet.go). */
const FIRST_BACKOFF_MS = 10_000;
const MAX_BACKOFF_MS = 300_000;
/** How long a failed pull shows as ErrImagePull before the next sync reports the back-off. */
const ERR_IMAGE_PULL_VISIBLE_MS = 2_000;

/**
 * The waiting state of a container whose pull keeps failing, `sinceFirstPullMs` after the first
 * attempt: ErrImagePull right after each attempt, ImagePullBackOff in between (the kubelet puts
 * the previous error in the back-off message).
 */
export function pullFailureState(
  image: string,
  failure: { reason: string; message: string },
  sinceFirstPullMs: number,
): { reason: string; message: string } {
  if (failure.reason !== 'ErrImagePull') return failure;
  let attemptAt = 0;
  let backoff = FIRST_BACKOFF_MS;
  while (attemptAt + backoff <= sinceFirstPullMs) {
    attemptAt += backoff;
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  }
  if (sinceFirstPullMs - attemptAt < ERR_IMAGE_PULL_VISIBLE_MS) return failure;
  return {
    reason: 'ImagePullBackOff',
    message: `Back-off pulling image "${image}": ErrImagePull: ${failure.message}`,
  };
}
