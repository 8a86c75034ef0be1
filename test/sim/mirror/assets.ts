import { createHash } from 'node:crypto';
import { K3D_ARCHES, type K3dArch, k3dLauncherScript } from './k3d-launcher.js';

/** What the mirror answers for one path: bytes it builds, or a file it streams. */
export type MirrorAsset =
  | { kind: 'text'; body: string; contentType: string }
  | { kind: 'file'; path: string; contentType: string };

export type MirrorProject = 'k3d' | 'knative' | 'kubectl';

export type KnativeFile =
  'serving-crds.yaml' | 'serving-core.yaml' | 'contour.yaml' | 'net-contour.yaml';

export interface AssetSources {
  /** S1's release YAML generator; throws for a version it does not know. */
  releaseAsset(file: KnativeFile, version: string): string;
  /** The machine's kubectl binary and its sha256 (hex). */
  kubectlPath: string;
  kubectlSha256(): Promise<string>;
  /** Project whose checksum lists carry a wrong hash (SIM_MIRROR_BAD_CHECKSUM). */
  badChecksum?: MirrorProject;
  /** The sim's state dir, baked into the k3d launcher. */
  stateDir?: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
/** A hash that is well-formed but belongs to nothing we serve. */
const wrongHash = (seed: string): string => sha256(`wrong checksum for ${seed}`);

const K3D_VERSION = /^v5\.\d+\.\d+$/;
const KUBECTL_VERSION = /^v1\.\d+\.\d+$/;
const KNATIVE_VERSION = /^\d+\.\d+\.\d+$/;
const YAML = 'application/x-yaml';
const TEXT = 'text/plain; charset=utf-8';
const BINARY = 'application/octet-stream';

/** Maps a request path (the original release URL's path) to an asset, or undefined for 404. */
export async function resolveAsset(
  path: string,
  sources: AssetSources,
): Promise<MirrorAsset | undefined> {
  const k3d = /^\/k3d-io\/k3d\/releases\/download\/([^/]+)\/([^/]+)$/.exec(path);
  if (k3d) return k3dAsset(k3d[1] as string, k3d[2] as string, sources);

  const knative =
    /^\/knative(?:-extensions)?\/(serving|net-contour)\/releases\/download\/knative-v([^/]+)\/([^/]+)$/.exec(
      path,
    );
  if (knative) {
    return knativeAsset(
      knative[1] as 'serving' | 'net-contour',
      knative[2] as string,
      knative[3] as string,
      sources,
    );
  }

  const kubectl = /^\/release\/([^/]+)\/bin\/linux\/(amd64|arm64)\/(kubectl|kubectl\.sha256)$/.exec(
    path,
  );
  if (kubectl && KUBECTL_VERSION.test(kubectl[1] as string)) {
    if (kubectl[3] === 'kubectl')
      return { kind: 'file', path: sources.kubectlPath, contentType: BINARY };
    const hash =
      sources.badChecksum === 'kubectl' ? wrongHash(path) : await sources.kubectlSha256();
    return { kind: 'text', body: hash, contentType: TEXT };
  }
  return undefined;
}

function k3dAsset(version: string, asset: string, sources: AssetSources): MirrorAsset | undefined {
  if (!K3D_VERSION.test(version)) return undefined;
  const binary = /^k3d-linux-(amd64|arm64)$/.exec(asset);
  if (binary) {
    return {
      kind: 'text',
      body: k3dLauncherScript(version, binary[1] as K3dArch, sources.stateDir),
      contentType: BINARY,
    };
  }
  if (asset !== 'checksums.txt') return undefined;
  const served = K3D_ARCHES.map((arch) => {
    const name = `k3d-linux-${arch}`;
    const hash =
      sources.badChecksum === 'k3d'
        ? wrongHash(name)
        : sha256(k3dLauncherScript(version, arch, sources.stateDir));
    return `${hash}  _dist/${name}`;
  });
  // The real list also names builds the mirror does not serve; their hashes must not match ours.
  const others = [
    'k3d-darwin-amd64',
    'k3d-darwin-arm64',
    'k3d-linux-386',
    'k3d-linux-arm',
    'k3d-windows-amd64.exe',
  ].map((name) => `${sha256(`${version}/${name}`)}  _dist/${name}`);
  const lines = [...served, ...others].sort((a, b) => a.slice(66).localeCompare(b.slice(66)));
  return { kind: 'text', body: `${lines.join('\n')}\n`, contentType: TEXT };
}

const knativeFiles: Record<'serving' | 'net-contour', KnativeFile[]> = {
  serving: ['serving-crds.yaml', 'serving-core.yaml'],
  'net-contour': ['contour.yaml', 'net-contour.yaml'],
};

function knativeAsset(
  repo: 'serving' | 'net-contour',
  version: string,
  asset: string,
  sources: AssetSources,
): MirrorAsset | undefined {
  if (!KNATIVE_VERSION.test(version)) return undefined;
  const files = knativeFiles[repo];
  const render = (file: KnativeFile): string | undefined => {
    try {
      return sources.releaseAsset(file, version);
    } catch {
      return undefined; // a version the simulated release does not know: 404, as the release host
    }
  };
  if ((files as string[]).includes(asset)) {
    const body = render(asset as KnativeFile);
    return body === undefined ? undefined : { kind: 'text', body, contentType: YAML };
  }
  if (asset !== 'checksums.txt') return undefined;
  const lines: string[] = [];
  for (const file of files) {
    const body = render(file);
    if (body === undefined) return undefined;
    lines.push(`${sources.badChecksum === 'knative' ? wrongHash(file) : sha256(body)}  ${file}`);
  }
  return { kind: 'text', body: `${lines.join('\n')}\n`, contentType: TEXT };
}
