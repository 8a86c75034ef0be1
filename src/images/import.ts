import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { K3d } from '../cluster/k3d.js';
import { releaseArch } from '../install/platform.js';
import { errorMessage } from '../util/errors.js';
import { log } from '../util/log.js';
import { ToolError, type ToolRunner } from '../util/tool-runner.js';
import { readDockerImageStore } from './image-store.js';

export interface ImportOptions {
  tags: readonly string[];
  clusterName: string;
  /** The action's folder under RUNNER_TEMP: the archive is written there and removed after. */
  workDir: string;
  /** The platform the images were built for (default: this runner's, e.g. linux/amd64). */
  platform?: string;
}

/** The daemon setting that brings back the image store `k3d image import` works with. */
export const CLASSIC_STORE_SETTING = '"features": {"containerd-snapshotter": false}';

/**
 * Loads the built images into every node of the cluster.
 *
 * With Docker's containerd image store, `k3d image import` saves the images with their whole
 * image index, which names content the store does not hold (other platforms, attestations);
 * the nodes' `ctr image import --all-platforms` then fails with "content digest ... not found"
 * (k3d-io/k3d#1538; k3d v5.9.0 pkg/client/tools.go). There the images are saved for this
 * runner's platform only (`docker image save --platform`, Docker 28+) into an archive that
 * k3d imports as a file, in direct mode so a node's failure fails the command.
 */
export async function importImages(
  tools: { docker: ToolRunner; k3d: K3d },
  options: ImportOptions,
): Promise<void> {
  if (options.tags.length === 0) return;
  const store = await readDockerImageStore(tools.docker);
  if (store === 'classic') {
    await tools.k3d.importImages(options.tags, options.clusterName);
    return;
  }
  const platform = options.platform ?? `linux/${releaseArch()}`;
  log().info(
    `Docker uses the containerd image store: saving the images for ${platform} to an archive for k3d (k3d-io/k3d#1538).`,
  );
  await mkdir(options.workDir, { recursive: true });
  const archive = join(options.workDir, `images-${randomUUID()}.tar`);
  try {
    try {
      await tools.docker.runOk([
        'image',
        'save',
        '--platform',
        platform,
        '--output',
        archive,
        ...options.tags,
      ]);
    } catch (error) {
      throw containerdStoreError(error);
    }
    await tools.k3d.importArchive(archive, options.clusterName);
  } finally {
    await rm(archive, { force: true });
  }
}

function containerdStoreError(cause: unknown): Error {
  const detail = cause instanceof ToolError ? cause.message : errorMessage(cause);
  return new Error(
    'Docker on this runner uses the containerd image store (docker info: driver-type ' +
      'io.containerd.snapshotter.v1), which `k3d image import` cannot load from (k3d-io/k3d#1538), ' +
      `and saving the images for one platform failed too: ${detail}. Switch Docker to its classic ` +
      `image store: set ${CLASSIC_STORE_SETTING} in /etc/docker/daemon.json and restart Docker ` +
      '(or use Docker 28 or newer, whose `docker image save --platform` this action needs).',
    { cause },
  );
}
