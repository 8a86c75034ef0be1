import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { AppDescription } from '../cluster/app-answer.js';
import {
  canonicalImageRef,
  pushedImagesFile,
  type PushedImage,
  type PushedImagesFile,
} from '../cluster/pushed-images.js';
import { ensureDir, readJson, withFileLock, writeJsonAtomic } from './state.js';

/** The docker stand-in's image store, shared with the k3d stand-in's `image import`. */
export interface StoredImage {
  id: string;
  tags: string[];
  created: string;
  context?: string;
  dockerfile?: string;
  buildArgs?: Record<string, string>;
  labels?: Record<string, string>;
  /** What the app in it answers in the simulated cluster (read from the build context). */
  app?: AppDescription;
}

interface StoreFile {
  images: StoredImage[];
}

export const imageStoreFile = (stateDir: string): string =>
  join(ensureDir(stateDir, 'docker'), 'images.json');

/** Docker's short forms: no tag means `:latest`; `docker.io/` and `library/` are implied. */
export function normalizeImageRef(ref: string): string {
  let name = ref.trim();
  if (name.startsWith('docker.io/')) name = name.slice('docker.io/'.length);
  if (name.startsWith('library/')) name = name.slice('library/'.length);
  const lastSlash = name.lastIndexOf('/');
  const hasTag = name.slice(lastSlash + 1).includes(':') || name.includes('@');
  return hasTag ? name : `${name}:latest`;
}

const IMAGE_REF =
  /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::\d+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?$/;

export function isValidImageRef(ref: string): boolean {
  return IMAGE_REF.test(ref);
}

export function listImages(stateDir: string): StoredImage[] {
  return readJson<StoreFile>(imageStoreFile(stateDir))?.images ?? [];
}

export function findImage(stateDir: string, ref: string): StoredImage | undefined {
  const wanted = normalizeImageRef(ref);
  const bare = ref.replace(/^sha256:/, '');
  return listImages(stateDir).find(
    (image) =>
      image.tags.includes(wanted) || (bare.length >= 12 && image.id.slice(7).startsWith(bare)),
  );
}

/** Records an image; its tags move off any image that held them, as in docker. */
export function saveImage(
  stateDir: string,
  image: Omit<StoredImage, 'id' | 'created'>,
): StoredImage {
  const file = imageStoreFile(stateDir);
  return withFileLock(file, () => {
    const tags = image.tags.map(normalizeImageRef);
    const content = JSON.stringify({ ...image, tags: undefined });
    const id = `sha256:${createHash('sha256').update(content).digest('hex')}`;
    const stored = readJson<StoreFile>(file)?.images ?? [];
    // The same content builds the same image: it keeps the tags it had.
    const kept = stored.find((old) => old.id === id)?.tags.filter((tag) => !tags.includes(tag));
    const images = stored
      .map((old) => ({ ...old, tags: old.tags.filter((tag) => !tags.includes(tag)) }))
      .filter((old) => old.id !== id);
    const saved: StoredImage = {
      ...image,
      tags: [...(kept ?? []), ...tags],
      id,
      created: new Date().toISOString(),
    };
    writeJsonAtomic(file, { images: [...images, saved] });
    return saved;
  });
}

export function tagImage(
  stateDir: string,
  source: string,
  target: string,
): StoredImage | undefined {
  const file = imageStoreFile(stateDir);
  return withFileLock(file, () => {
    const images = readJson<StoreFile>(file)?.images ?? [];
    const wanted = normalizeImageRef(source);
    const found = images.find((image) => image.tags.includes(wanted) || image.id === source);
    if (!found) return undefined;
    const tag = normalizeImageRef(target);
    for (const image of images) image.tags = image.tags.filter((t) => t !== tag);
    found.tags.push(tag);
    writeJsonAtomic(file, { images });
    return found;
  });
}

/**
 * `docker push`: records the image under `ref` in the sim's registry (pushed-images.ts), which
 * every simulated cluster of this state dir pulls from. A tag pushed again moves to the new image.
 * The digest stands for the image manifest's: the same image has the same digest in any repository.
 */
export function pushImage(stateDir: string, image: StoredImage, ref: string): PushedImage {
  const file = pushedImagesFile(stateDir);
  return withFileLock(file, () => {
    const canonical = canonicalImageRef(ref);
    const pushed: PushedImage = {
      ref: canonical,
      digest: `sha256:${createHash('sha256').update(image.id).digest('hex')}`,
      app: image.app ?? { kind: 'generic' },
      pushedAt: new Date().toISOString(),
    };
    // A tag that moves leaves the image it named in the registry, still pullable by digest (a
    // registry deletes untagged manifests only when garbage-collected): the entry stays, and the
    // later one wins the tag (pushed-images.ts indexes in push order).
    const images = (readJson<PushedImagesFile>(file)?.images ?? []).filter(
      (old) => !(old.ref === canonical && old.digest === pushed.digest),
    );
    writeJsonAtomic(file, { images: [...images, pushed] } satisfies PushedImagesFile);
    return pushed;
  });
}
