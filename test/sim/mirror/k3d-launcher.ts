import { K3D_STANDIN_LAUNCHER } from '../paths.js';

export const K3D_ARCHES = ['amd64', 'arm64'] as const;
export type K3dArch = (typeof K3D_ARCHES)[number];

const shellQuote = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`;

/**
 * The bytes the mirror serves as `k3d-linux-<arch>`: a launcher for the k3d stand-in that keeps
 * working wherever the action copies it (tool cache), because it names the repo by absolute path.
 * It is NOT k3d, and says so.
 */
export function k3dLauncherScript(version: string, arch: K3dArch, stateDir?: string): string {
  return [
    '#!/usr/bin/env bash',
    `# k3d ${version} linux-${arch}: SIMULATED stand-in served by the knative-action test mirror (not the real k3d).`,
    `export SIM_K3D_VERSION=${shellQuote(version)}`,
    // The action runs tools with an allow-listed environment: the stand-in's state dir travels here.
    ...(stateDir ? [`export SIM_STATE_DIR=${shellQuote(stateDir)}`] : []),
    `exec ${shellQuote(K3D_STANDIN_LAUNCHER)} "$@"`,
    '',
  ].join('\n');
}
