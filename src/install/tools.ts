import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { log } from '../util/log.js';
import { downloadVerified, type DownloadOptions } from './downloader.js';
import {
  chooseKubectl,
  parseKubeVersion,
  readKubectlClientVersion,
  type KubeVersion,
} from './kubectl-skew.js';
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

export interface KubectlOptions extends ToolInstallOptions {
  /** PATH to look for the runner's kubectl in (default: this process's PATH). */
  pathEnv?: string;
  /**
   * The cluster's Kubernetes version (e.g. from the k3s image tag). When given, the runner's
   * kubectl is used only within one minor version of it; omitted, any runner kubectl is used.
   */
  clusterVersion?: KubeVersion;
  /** Reads a kubectl binary's client version (default: runs `kubectl version --client -o json`). */
  readClientVersion?: (kubectlPath: string) => Promise<KubeVersion | undefined>;
}

export interface EnsuredKubectl {
  path: string;
  source: 'runner' | 'installed';
  /** Why this kubectl (also written to the log). */
  reason: string;
}

/**
 * The kubectl to talk to the cluster with: the runner's when it is on PATH and within the
 * supported skew of `clusterVersion`, else the pinned `version`, downloaded and verified by its
 * sha256 (never by the version it reports: a mirror may serve any build under that path).
 */
export async function ensureKubectl(
  version: string,
  options: KubectlOptions,
): Promise<EnsuredKubectl> {
  const info = options.log ?? ((message: string) => log().info(message));
  const onPath = await findOnPath('kubectl', options.pathEnv ?? process.env['PATH'] ?? '');
  const pinned = parseKubeVersion(version);
  let reason: string;
  if (options.clusterVersion && pinned) {
    const runner = onPath
      ? {
          path: onPath,
          version: await (options.readClientVersion ?? readKubectlClientVersion)(onPath),
        }
      : undefined;
    const choice = chooseKubectl({
      ...(runner ? { runner } : {}),
      server: options.clusterVersion,
      pinned,
    });
    info(choice.reason);
    if (choice.warning) (options.warn ?? ((m: string) => log().warning(m)))(choice.warning);
    if (choice.use === 'runner' && onPath)
      return { path: onPath, source: 'runner', reason: choice.reason };
    reason = choice.reason;
  } else if (onPath) {
    return { path: onPath, source: 'runner', reason: `Using the runner's kubectl (${onPath}).` };
  } else {
    reason = `No kubectl on PATH; using the pinned kubectl ${version}.`;
    info(reason);
  }
  const arch = releaseArch(options.platform, options.arch);
  const { path } = await downloadVerified(kubectlArtifact(version, arch), options);
  return { path, source: 'installed', reason };
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
