/** Which container images the sim can "run" (what they answer: app-answer.ts). */
import { DEFAULT_SKIPPED_REGISTRIES, pullImage, resolveDigest } from './registry.js';

export type ImageVerdict =
  { ok: true; app: 'helloworld' | 'template' } | { ok: false; reason: string; message: string };

/**
 * Whether a revision's container image can run here, and which app it is: Knative must resolve it
 * (or skip its registry) and the kubelet must pull it (registry.ts has the rules and texts).
 */
export function classifyImage(image: string, imported: Set<string>): ImageVerdict {
  const resolution = resolveDigest(image, DEFAULT_SKIPPED_REGISTRIES);
  if (resolution.kind === 'failed')
    return { ok: false, reason: 'ContainerMissing', message: resolution.message };
  const pulled = pullImage(image, undefined, imported);
  if (!pulled.ok) return { ok: false, reason: pulled.reason, message: pulled.message };
  return { ok: true, app: imported.has(image) ? 'template' : 'helloworld' };
}
