import { UserError } from '../util/errors.js';

/** Kubernetes minor (1.x) each Knative Serving minor needs. Pure data; extend with new releases. */
const MINIMUM_KUBERNETES_MINOR: ReadonlyMap<number, number> = new Map([
  [18, 31],
  [19, 32],
  [20, 32],
  [21, 33],
  [22, 34],
  [23, 34],
]);
const KNOWN_KNATIVE = [...MINIMUM_KUBERNETES_MINOR.keys()];
/** Minor of the oldest Knative Serving 1.x release the action supports. */
export const OLDEST_KNATIVE = Math.min(...KNOWN_KNATIVE);
const NEWEST_KNATIVE = Math.max(...KNOWN_KNATIVE);

export interface Version {
  major: number;
  minor: number;
  patch: number;
}

const show = (v: Version): string => `${v.major}.${v.minor}.${v.patch}`;

/** `rancher/k3s:v1.34.8-k3s1` (any registry, any suffix) -> 1.34.8. */
export function kubernetesVersionOfK3sImage(image: string): Version {
  const tag = image.slice(image.lastIndexOf(':') + 1);
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(image.includes(':') ? tag : '');
  if (!match) {
    throw new UserError(
      `Cannot read a Kubernetes version from the k3s image '${image}': expected a tag like rancher/k3s:v1.34.8-k3s1.`,
    );
  }
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

export function parseKnativeVersion(version: string): Version {
  const match = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(version.trim());
  if (!match) throw new UserError(`Knative version '${version}' is not a release like 1.22.1.`);
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

export interface Compatibility {
  kubernetes: Version;
  /** Kubernetes 1.x minimum the Knative release needs. */
  minimumMinor: number;
  warnings: string[];
}

/**
 * Checks, before anything is created, that the k3s image's Kubernetes meets the
 * Knative release's minimum. Fails naming both versions and the image to use instead.
 */
export function checkCompatibility(k3sImage: string, knativeVersion: string): Compatibility {
  const kubernetes = kubernetesVersionOfK3sImage(k3sImage);
  const knative = parseKnativeVersion(knativeVersion);
  const warnings: string[] = [];
  let minimumMinor = MINIMUM_KUBERNETES_MINOR.get(knative.minor);
  if (knative.major !== 1 || knative.minor < OLDEST_KNATIVE) {
    throw new UserError(
      `Knative Serving ${show(knative)} is older than this action supports (1.${OLDEST_KNATIVE} and newer); ` +
        `set knative-version to 1.${NEWEST_KNATIVE}.x or another supported release.`,
    );
  }
  if (minimumMinor === undefined) {
    minimumMinor = MINIMUM_KUBERNETES_MINOR.get(NEWEST_KNATIVE)!;
    warnings.push(
      `Knative Serving ${show(knative)} is newer than the releases this action knows (up to 1.${NEWEST_KNATIVE}); ` +
        `assuming it needs Kubernetes >= 1.${minimumMinor} like 1.${NEWEST_KNATIVE}. Check its release notes.`,
    );
  }
  if (kubernetes.major !== 1 || kubernetes.minor < minimumMinor) {
    throw new UserError(
      `Knative Serving ${show(knative)} needs Kubernetes >= 1.${minimumMinor}, but the k3s image '${k3sImage}' ` +
        `runs Kubernetes ${show(kubernetes)}. Set k3s-image to a rancher/k3s:v1.${minimumMinor}.x-k3s1 image ` +
        `(e.g. rancher/k3s:v1.34.8-k3s1) or pick an older knative-version.`,
    );
  }
  return { kubernetes, minimumMinor, warnings };
}
