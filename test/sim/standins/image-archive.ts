import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from './flags.js';

/**
 * Docker's image store, as the docker stand-in reports it and the k3d stand-in meets it.
 * SIM_DOCKER_IMAGE_STORE=containerd: the containerd image store (Docker 29's default on fresh
 * installs); unset or `classic`: the overlay2 graph driver.
 */
export type SimImageStore = 'containerd' | 'classic';

export function imageStoreFromEnv(env: NodeJS.ProcessEnv): SimImageStore {
  const value = env.SIM_DOCKER_IMAGE_STORE ?? '';
  if (value === '' || value === 'classic') return 'classic';
  if (value === 'containerd') return 'containerd';
  throw new UsageError(`SIM_DOCKER_IMAGE_STORE must be containerd or classic, got "${value}"`);
}

/**
 * `docker info`'s Driver and DriverStatus for each store. moby's containerd image service
 * reports [["driver-type", "io.containerd.snapshotter.v1"]] (daemon/containerd/service.go
 * LayerStoreStatus); overlay2 reports its filesystem details.
 */
export function storageInfo(store: SimImageStore): { Driver: string; DriverStatus: string[][] } {
  return store === 'containerd'
    ? { Driver: 'overlayfs', DriverStatus: [['driver-type', 'io.containerd.snapshotter.v1']] }
    : {
        Driver: 'overlay2',
        DriverStatus: [
          ['Backing Filesystem', 'extfs'],
          ['Supports d_type', 'true'],
          ['Using metacopy', 'false'],
          ['Native Overlay Diff', 'true'],
          ['userxattr', 'false'],
        ],
      };
}

/** The platform the stand-in's images are built for: this machine's. */
export function hostPlatform(): string {
  return `linux/${process.arch === 'x64' ? 'amd64' : process.arch}`;
}

/**
 * What `docker image save` writes in the sim: not a tar, a small JSON record of what a real
 * archive would hold. `platforms` is the --platform filter (absent: every platform the image
 * index names, which the containerd store keeps without their content).
 */
export interface SimImageArchive {
  simulatedDockerArchive: 1;
  images: string[];
  store: SimImageStore;
  platforms?: string[];
}

export function writeArchive(
  path: string,
  archive: Omit<SimImageArchive, 'simulatedDockerArchive'>,
): void {
  writeFileSync(path, `${JSON.stringify({ simulatedDockerArchive: 1, ...archive }, null, 2)}\n`);
}

/** The archive at `path`, or undefined when the file is not one (ctr: unrecognized image format). */
export function readArchive(path: string): SimImageArchive | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<SimImageArchive>;
    if (parsed.simulatedDockerArchive !== 1 || !Array.isArray(parsed.images)) return undefined;
    return parsed as SimImageArchive;
  } catch {
    return undefined;
  }
}

/**
 * Why a node's `ctr image import --all-platforms` (what k3d v5.9.0 runs in every node,
 * pkg/client/tools.go) would fail on images saved from `store`, or undefined when it succeeds.
 * The containerd store saves an image's whole index; the content of the other platforms and
 * attestations it names is missing (k3d-io/k3d#1538, containerd/containerd#12903). A save
 * limited to one platform, or the classic store's single-platform save, imports.
 */
export function ctrImportFailure(saved: {
  store: SimImageStore;
  platforms?: string[];
  images: string[];
}): string | undefined {
  if (saved.store !== 'containerd' || (saved.platforms?.length ?? 0) > 0) return undefined;
  const missing = createHash('sha256')
    .update(`attestation manifest of ${saved.images.join(',')}`)
    .digest('hex');
  return `ctr: content digest sha256:${missing}: not found`;
}

/** What one `k3d image import` loads: the runtime's images (one saved tarball) or an archive file. */
export interface ImportSource {
  /** `runtime`, or the archive path as given. */
  what: string;
  images: string[];
  /** The nodes' ctr error, when importing this source fails. */
  failure?: string;
}

/** An archive named on the command line; k3d: "A file ARCHIVE always takes precedence". */
export function archiveSource(cwd: string, ref: string): ImportSource | undefined {
  const path = resolve(cwd, ref);
  if (!existsSync(path) || !statSync(path).isFile()) return undefined;
  const archive = readArchive(path);
  if (!archive) return { what: ref, images: [], failure: 'ctr: unrecognized image format' };
  const failure = ctrImportFailure(archive);
  return { what: ref, images: archive.images, ...(failure ? { failure } : {}) };
}

/** The images k3d saves from the docker runtime (tools node or stream), as one tarball. */
export function runtimeSource(images: string[], env: NodeJS.ProcessEnv): ImportSource {
  const failure = ctrImportFailure({ store: imageStoreFromEnv(env), images });
  return { what: 'runtime', images, ...(failure ? { failure } : {}) };
}

/**
 * How k3d v5.9.0 reports sources whose ctr import fails in a cluster's nodes, and what gets in.
 * tools-node (the default): each node's failure is only logged (ERRO) and the command goes on
 * and exits 0 (pkg/client/tools.go importWithToolsNode). direct, and auto with a local daemon:
 * the first failure fails the cluster's import (loadImageFromStream), and the command exits 1
 * after logging it (cmd/image/imageImport.go).
 */
export function settleImport(
  sources: ImportSource[],
  cluster: { name: string; nodes: string[] },
  mode: string | undefined,
  io: { stderr(text: string): void },
): { images: string[]; failed: boolean } {
  const nodeError = (node: string, failure: string): string =>
    `failed to import images in node '${node}': Exec process in node '${node}' failed with exit code '1': ` +
    `Logs from failed access process:\n${failure}`;
  const failing = sources.filter((source) => source.failure !== undefined);
  const images = sources.filter((source) => source.failure === undefined).flatMap((s) => s.images);
  if (failing.length === 0) return { images, failed: false };
  if (mode === undefined || mode === 'tools-node') {
    for (const source of failing)
      for (const node of cluster.nodes)
        io.stderr(`ERRO[0001] ${nodeError(node, source.failure as string)}\n`);
    return { images, failed: false };
  }
  const first = failing[0] as ImportSource;
  io.stderr(
    `ERRO[0001] Failed to import image(s) into cluster '${cluster.name}': could not load image to cluster ` +
      `from stream [${first.images.join(' ') || first.what}]: error loading image to cluster, first error: ` +
      `${nodeError(cluster.nodes[0] ?? `k3d-${cluster.name}-server-0`, first.failure as string)}\n`,
  );
  return { images: [], failed: true };
}
