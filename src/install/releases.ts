import type { Artifact } from './downloader.js';
import { pinnedSha256 } from './pinned-hashes.js';
import { k3dAssetName } from './platform.js';

/** The official release assets this action installs, with where their checksums live. Pure. */

function withPin(artifact: Artifact): Artifact {
  const pinned = pinnedSha256(artifact.url);
  return pinned ? { ...artifact, pinnedSha256: pinned } : artifact;
}

export function k3dArtifact(version: string, arch: 'amd64' | 'arm64'): Artifact {
  const base = `https://github.com/k3d-io/k3d/releases/download/${version}`;
  const fileName = k3dAssetName(arch);
  return withPin({
    cacheName: 'k3d',
    version,
    arch,
    url: `${base}/${fileName}`,
    fileName,
    checksum: { kind: 'list', url: `${base}/checksums.txt` },
    executable: true,
  });
}

export function kubectlArtifact(version: string, arch: 'amd64' | 'arm64'): Artifact {
  const url = `https://dl.k8s.io/release/${version}/bin/linux/${arch}/kubectl`;
  return withPin({
    cacheName: 'kubectl',
    version,
    arch,
    url,
    fileName: 'kubectl',
    checksum: { kind: 'single', url: `${url}.sha256` },
    executable: true,
  });
}

export type ManifestKey = 'servingCrds' | 'servingCore' | 'contour' | 'netContour';

function releaseManifest(
  repo: 'serving' | 'net-contour',
  version: string,
  fileName: string,
): Artifact {
  // net-contour lives in the knative-extensions organisation (the old knative/ path only redirects).
  const owner = repo === 'serving' ? 'knative' : 'knative-extensions';
  const base = `https://github.com/${owner}/${repo}/releases/download/knative-v${version.replace(/^v/, '')}`;
  return withPin({
    // One cache name per file: tool-cache replaces a whole version folder on insert.
    cacheName: `knative-${repo}-${fileName.replace(/\.yaml$/, '')}`,
    version: version.replace(/^v/, ''),
    arch: 'noarch',
    url: `${base}/${fileName}`,
    fileName,
    checksum: { kind: 'list', url: `${base}/checksums.txt` },
  });
}

export function knativeManifestArtifacts(
  knativeVersion: string,
  netContourVersion: string,
): Record<ManifestKey, Artifact> {
  return {
    servingCrds: releaseManifest('serving', knativeVersion, 'serving-crds.yaml'),
    servingCore: releaseManifest('serving', knativeVersion, 'serving-core.yaml'),
    contour: releaseManifest('net-contour', netContourVersion, 'contour.yaml'),
    netContour: releaseManifest('net-contour', netContourVersion, 'net-contour.yaml'),
  };
}
