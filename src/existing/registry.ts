/**
 * The `registry` input and the image names built images get in `existing` mode:
 * `<registry>/<name>:<sha7>`. Pure.
 */
import { localImageTag } from '../images/build-spec.js';

export type RegistryParse = { ok: true; value: string } | { ok: false; expected: string };

// A registry host (DNS name or IPv4, optional port), then lowercase repository path components,
// as Docker's reference grammar allows them.
const HOST =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::\d{1,5})?$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

export function parseRegistry(text: string): RegistryParse {
  const expected =
    'a registry and path to push built images to, like ghcr.io/<owner> (lowercase path, no scheme, no tag)';
  const value = text.trim().replace(/\/+$/, '');
  if (value.length > 200 || /^[a-z]+:\/\//i.test(value)) return { ok: false, expected };
  const [host = '', ...path] = value.split('/');
  // A registry needs a host Docker recognises as one: with a dot, a port, or localhost.
  const isHost = host === 'localhost' || host.includes('.') || host.includes(':');
  if (!HOST.test(host) || !isHost) return { ok: false, expected };
  if (!path.every((component) => PATH_COMPONENT.test(component))) {
    // Suggest the lower-cased value only when that alone makes it valid.
    const lowered = path.map((component) => component.toLowerCase());
    const upper = lowered.every((component) => PATH_COMPONENT.test(component));
    return {
      ok: false,
      expected: upper
        ? `${expected}; image paths must be lowercase (e.g. ${value.toLowerCase()})`
        : expected,
    };
  }
  return { ok: true, value };
}

/**
 * `<registry>/<name>:<sha7>`: the name Kubernetes pulls in `existing` mode. Made from the local
 * tag the build gives the image, the way the push names it, so the two can never differ.
 */
export function registryImageTag(registry: string, name: string, commitSha: string): string {
  return pushedTag(localImageTag(name, commitSha), registry);
}

/** `dev.local/<name>:<sha7>` -> `<registry>/<name>:<sha7>`: where a built image is pushed. */
export function pushedTag(localTag: string, registry: string): string {
  if (!localTag.startsWith('dev.local/')) throw new Error(`'${localTag}' is not a dev.local image`);
  return `${registry}/${localTag.slice('dev.local/'.length)}`;
}
