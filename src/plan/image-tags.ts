import { localImageTag, type BuildSpec } from '../images/build-spec.js';
import { rewriteLocalImages } from '../images/rewrite.js';
import type { KubeObject } from '../kube/object.js';
import type { Side } from './types.js';
import { UserError } from '../util/errors.js';

/**
 * The image rewrite the plan applies: each `dev.local/<name>` image points at the
 * tag its side's build will produce (`dev.local/<name>:<sha7>`). Tags are derived
 * from commits, so the plan (and dry-run) shows the exact images before any build.
 */
export function imageRewriter(
  specs: readonly BuildSpec[],
  shas: { base?: string; pr: string },
): (service: KubeObject, side: Side) => KubeObject {
  return (service, side) => {
    const sha = side === 'base' ? shas.base : shas.pr;
    const tags = Object.fromEntries(
      specs.map((spec) => [spec.name, sha ? localImageTag(spec.name, sha) : '']),
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
