import type { ToolRunner } from '../util/tool-runner.js';

/**
 * Which image store the Docker daemon uses. `containerd`: the containerd image store (the default
 * on fresh Docker 29 installs and in Docker Desktop), where `k3d image import` fails
 * (k3d-io/k3d#1538); `classic`: the graph drivers (overlay2) k3d's import was made for.
 */
export type DockerImageStore = 'containerd' | 'classic';

/**
 * moby's containerd image service reports its layer store as DriverStatus
 * [["driver-type", "io.containerd.snapshotter.v1"]] (daemon/containerd/service.go
 * LayerStoreStatus); the graph drivers report their own key/value pairs. Pure.
 */
export function imageStoreFromDriverStatus(driverStatusJson: string): DockerImageStore {
  let status: unknown;
  try {
    status = JSON.parse(driverStatusJson);
  } catch {
    return 'classic';
  }
  const pairs = Array.isArray(status) ? status : [];
  const containerd = pairs.some(
    (pair) =>
      Array.isArray(pair) &&
      pair[0] === 'driver-type' &&
      pair[1] === 'io.containerd.snapshotter.v1',
  );
  return containerd ? 'containerd' : 'classic';
}

/** Asks the daemon (`docker info --format '{{json .DriverStatus}}'`). */
export async function readDockerImageStore(docker: ToolRunner): Promise<DockerImageStore> {
  const { stdout } = await docker.runOk(['info', '--format', '{{json .DriverStatus}}']);
  return imageStoreFromDriverStatus(stdout.trim());
}
