import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { downloadVerified, type DownloadOptions } from './downloader.js';
import { releaseArch } from './platform.js';
import {
  k3dArtifact,
  knativeManifestArtifacts,
  kubectlArtifact,
  type ManifestKey,
} from './releases.js';

export interface ToolInstallOptions extends DownloadOptions {
  /** Defaults to the runner's (process.platform / process.arch). */
  platform?: string;
  arch?: string;
}

/** Path of the verified k3d binary for this runner (tool-cached). */
export async function installK3d(version: string, options: ToolInstallOptions): Promise<string> {
  const arch = releaseArch(options.platform, options.arch);
  return (await downloadVerified(k3dArtifact(version, arch), options)).path;
}

/** The runner's kubectl when one is on PATH, else a pinned, verified one. */
export async function ensureKubectl(
  version: string,
  options: ToolInstallOptions & { pathEnv?: string },
): Promise<{ path: string; source: 'runner' | 'installed' }> {
  const onPath = await findOnPath('kubectl', options.pathEnv ?? process.env['PATH'] ?? '');
  if (onPath) return { path: onPath, source: 'runner' };
  const arch = releaseArch(options.platform, options.arch);
  return {
    path: (await downloadVerified(kubectlArtifact(version, arch), options)).path,
    source: 'installed',
  };
}

export async function findOnPath(command: string, pathEnv: string): Promise<string | undefined> {
  for (const dir of pathEnv.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, command);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

export type ReleaseManifests = Record<ManifestKey, string>;

/** The four release YAMLs (Serving CRDs and core, Contour, net-contour), fetched concurrently. */
export async function fetchReleaseManifests(
  versions: { knativeVersion: string; netContourVersion: string },
  options: DownloadOptions,
): Promise<ReleaseManifests> {
  const artifacts = knativeManifestArtifacts(versions.knativeVersion, versions.netContourVersion);
  const entries = await Promise.all(
    (Object.keys(artifacts) as ManifestKey[]).map(async (key) => {
      const { path } = await downloadVerified(artifacts[key], options);
      return [key, await readFile(path, 'utf8')] as const;
    }),
  );
  return Object.fromEntries(entries) as ReleaseManifests;
}
