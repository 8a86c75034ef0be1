/** Which container images the sim can "run" (what they answer: app-answer.ts). */
import {
  DEFAULT_SKIPPED_REGISTRIES,
  pullImage,
  resolveDigest,
  type PushedLookup,
} from './registry.js';

export type ImageVerdict =
  { ok: true; app: 'helloworld' | 'template' } | { ok: false; reason: string; message: string };

/**
 * Whether a revision's container image can run here, and which app it is: Knative must resolve it
 * (or skip its registry) and the kubelet must pull it (registry.ts has the rules and texts).
 * @param pushed the sim's registry (pushed-images.ts): an image pushed there resolves and pulls
 *   like a published one, and answers as the app it was built from
 */
export function classifyImage(
  image: string,
  imported: Set<string>,
  pushed?: PushedLookup,
): ImageVerdict {
  const resolution = resolveDigest(image, DEFAULT_SKIPPED_REGISTRIES, pushed);
  if (resolution.kind === 'failed')
    return { ok: false, reason: 'ContainerMissing', message: resolution.message };
  const pulled = pullImage(image, undefined, imported, pushed);
  if (!pulled.ok) return { ok: false, reason: pulled.reason, message: pulled.message };
  const built = imported.has(image) || pushed?.lookup(image) !== undefined;
  return { ok: true, app: built ? 'template' : 'helloworld' };
}
