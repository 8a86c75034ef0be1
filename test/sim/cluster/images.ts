/** Which container images the sim can "run", and what they answer. */
import { DEFAULT_SKIPPED_REGISTRIES, pullImage, resolveDigest } from './registry.js';
import type { Loose } from './types.js';

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

export interface AppAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The response of a revision's container to `GET /`. */
export function appAnswer(
  app: 'helloworld' | 'template',
  revision: string,
  container: Loose,
): AppAnswer {
  const env: Loose[] = container?.env ?? [];
  const target = env.find((e) => e.name === 'TARGET')?.value || 'World';
  if (app === 'helloworld') {
    return {
      status: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: `Hello ${target}!\n`,
    };
  }
  return {
    status: 200,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'k-revision': revision,
      'cache-control': 'no-store',
    },
    body: `Hello ${target} from ${revision}!\n`,
  };
}
