import { localImageTag, type BuildSpec } from '../images/build-spec.js';
import { rewriteLocalImages } from '../images/rewrite.js';
import { registryImageTag } from '../existing/registry.js';
import type { KubeObject } from '../kube/object.js';
import type { Side } from './types.js';
import { UserError } from '../util/errors.js';

/**
 * The image rewrite the plan applies: each `dev.local/<name>` image points at the tag its side's
 * build will produce: `dev.local/<name>:<sha7>`, imported into a k3d cluster, or, with a
 * `registry` (an existing cluster), `<registry>/<name>:<sha7>`, pushed there. Tags are derived
 * from commits, so the plan (and dry-run) shows the exact images before any build.
 */
export function imageRewriter(
  specs: readonly BuildSpec[],
  shas: { base?: string; pr: string },
  options: { registry?: string } = {},
): (service: KubeObject, side: Side) => KubeObject {
  return (service, side) => {
    const sha = side === 'base' ? shas.base : shas.pr;
    const tags = Object.fromEntries(
      specs.map((spec) => [spec.name, sha ? deployedImageTag(spec.name, sha, options) : '']),
    );
    const { manifest, unknown } = rewriteLocalImages(service, tags);
    if (unknown.length) {
      throw new UserError(
        `Service ${service.metadata.name} (${side} side) uses ${unknown.join(', ')}, which no 'build' line produces. dev.local images exist only when the action builds them: add a line like ${unknown
          .map(
            (image) =>
              `${image.replace(/^dev\.local\//, '').replace(/[:@].*$/, '')}=<context folder>`,
          )
          .join(', ')} to the 'build' input.`,
      );
    }
    return manifest;
  };
}

/** The image name the cluster pulls for a built image of one commit. */
export function deployedImageTag(
  name: string,
  commitSha: string,
  options: { registry?: string },
): string {
  return options.registry
    ? registryImageTag(options.registry, name, commitSha)
    : localImageTag(name, commitSha);
}
