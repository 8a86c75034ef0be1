import type { KubeObject } from '../kube/object.js';

export interface ImageReplacement {
  container: string;
  from: string;
  to: string;
}

export interface RewriteResult {
  manifest: KubeObject;
  replaced: ImageReplacement[];
  /** dev.local images the manifest uses that no `build` line produced (they would never pull). */
  unknown: string[];
}

const DEV_LOCAL = /^dev\.local\/([^:@]+)(?::[^@]+)?(?:@.+)?$/;

/**
 * Points every `dev.local/<name>[:tag]` image in a Knative Service's (init)containers
 * at this side's built tag (`tags`: name -> dev.local/<name>:<sha7>). Pure: returns a copy.
 */
export function rewriteLocalImages(
  service: KubeObject,
  tags: Readonly<Record<string, string>>,
): RewriteResult {
  const manifest = structuredClone(service);
  const replaced: ImageReplacement[] = [];
  const unknown: string[] = [];
  const podSpec = (manifest as { spec?: { template?: { spec?: Record<string, unknown> } } }).spec
    ?.template?.spec;
  for (const field of ['initContainers', 'containers'] as const) {
    const containers = podSpec?.[field];
    if (!Array.isArray(containers)) continue;
    for (const container of containers as Array<{ name?: string; image?: unknown }>) {
      if (typeof container.image !== 'string') continue;
      const match = DEV_LOCAL.exec(container.image.trim());
      if (!match) continue;
      const tag = tags[match[1]!];
      if (!tag) {
        unknown.push(container.image);
        continue;
      }
      if (container.image !== tag)
        replaced.push({ container: container.name ?? field, from: container.image, to: tag });
      container.image = tag;
    }
  }
  return { manifest, replaced, unknown };
}
