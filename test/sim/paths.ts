import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Absolute locations the sim needs from any working directory (stand-ins run from temp repos). */
const simDir = dirname(fileURLToPath(import.meta.url));

export const SIM_DIR = simDir;
export const REPO_ROOT = resolve(simDir, '..', '..');
export const SIM_BIN_DIR = join(simDir, 'bin');
export const K3D_STANDIN_LAUNCHER = join(SIM_BIN_DIR, 'k3d');
export const DOCKER_STANDIN_LAUNCHER = join(SIM_BIN_DIR, 'docker');
export const CLUSTER_DAEMON = join(simDir, 'cluster', 'daemon.ts');
/** tsx's loader (ESM + CJS hooks), as a file URL for `node --import`. */
export const TSX_LOADER_URL = pathToFileURL(
  join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs'),
).href;
