/**
 * The sim's one image registry: what `docker push` (the docker stand-in) has pushed, shared by every
 * simulated cluster of a sim's state dir, as a real registry is shared by every cluster that can
 * reach it. A pushed image can be pulled (and its tag resolved to a digest); each entry carries
 * the app its image was built from, so the pulled image answers like the one that was built.
 *
 * File: `$SIM_STATE_DIR/registry/images.json`, `{"images": [{ref, digest, app, pushedAt}]}`,
 * written by the stand-in (image-store.ts `pushImage`), read here. References are compared in
 * canonical form (canonicalImageRef), so `octo/app:1` and `docker.io/octo/app:1` are one image.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAppDescription, type AppDescription } from './app-answer.js';

export interface PushedImage {
  /** Canonical `host/repository:tag`. */
  ref: string;
  /** `sha256:<64 hex>`: what the registry answers for the tag. */
  digest: string;
  app: AppDescription;
  pushedAt: string;
}

export interface PushedImagesFile {
  images: PushedImage[];
}

export function pushedImagesFile(stateDir: string): string {
  const dir = join(stateDir, 'registry');
  mkdirSync(dir, { recursive: true });
  return join(dir, 'images.json');
}

/**
 * Docker's and containerd's canonical name: a first component without `.` or `:` (and not
 * `localhost`) means Docker Hub, a one-part Hub name is under `library/`, no tag means `latest`,
 * and a digest wins over a tag. `ghcr.io/octo/app:abc1234` is already canonical.
 */
export function canonicalImageRef(image: string): string {
  let rest = image.trim();
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
  const hasHost = first.includes('.') || first.includes(':') || first === 'localhost';
  let host = hasHost ? first : 'docker.io';
  let path = hasHost ? rest.slice(slash + 1) : rest;
  if (host === 'index.docker.io') host = 'docker.io';
  if (host === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  return digest ? `${host}/${path}@${digest}` : `${host}/${path}:${tag ?? 'latest'}`;
}

/** `host/repository` of a canonical reference. */
export function repositoryOf(canonicalRef: string): string {
  const at = canonicalRef.indexOf('@');
  if (at >= 0) return canonicalRef.slice(0, at);
  return canonicalRef.slice(0, canonicalRef.lastIndexOf(':'));
}

/** Reads the registry file lazily, again whenever it changed; an absent file is an empty registry. */
export class PushedImages {
  private seen = '';
  private byRef = new Map<string, PushedImage>();

  /** @param file the registry file; undefined: a registry nothing was ever pushed to */
  constructor(private readonly file: string | undefined) {}

  /** The pushed image a reference (by tag or by digest) names, if any. */
  lookup(image: string): PushedImage | undefined {
    this.refresh();
    return this.byRef.get(canonicalImageRef(image));
  }

  has(image: string): boolean {
    return this.lookup(image) !== undefined;
  }

  all(): PushedImage[] {
    this.refresh();
    return [...new Set(this.byRef.values())];
  }

  private refresh(): void {
    if (!this.file) return;
    let stamp: string;
    try {
      const stat = statSync(this.file);
      stamp = `${stat.mtimeMs}/${stat.size}/${stat.ino}`;
    } catch {
      stamp = 'absent';
    }
    if (stamp === this.seen) return;
    this.seen = stamp;
    this.byRef = stamp === 'absent' ? new Map() : indexImages(readImages(this.file));
  }
}

function readImages(file: string): PushedImage[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return []; // replaced between stat and read: the next lookup reads the new file
  }
  const images = (parsed as Partial<PushedImagesFile> | null)?.images;
  if (!Array.isArray(images)) return [];
  return images.flatMap((entry: Partial<PushedImage>) => {
    if (typeof entry?.ref !== 'string' || typeof entry.digest !== 'string') return [];
    try {
      return [
        {
          ref: canonicalImageRef(entry.ref),
          digest: entry.digest,
          app: parseAppDescription(entry.app ?? { kind: 'generic' }, entry.ref),
          pushedAt: String(entry.pushedAt ?? ''),
        },
      ];
    } catch {
      return [];
    }
  });
}

/** Each image under its tag reference and its digest reference (`host/repository@sha256:...`). */
function indexImages(images: PushedImage[]): Map<string, PushedImage> {
  const byRef = new Map<string, PushedImage>();
  for (const image of images) {
    byRef.set(image.ref, image);
    byRef.set(`${repositoryOf(image.ref)}@${image.digest}`, image);
  }
  return byRef;
}
