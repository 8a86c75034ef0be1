import { UserError } from '../util/errors.js';

/** The architectures the release binaries exist for, by Node's `process.arch` name. */
const RELEASE_ARCH: Record<string, 'amd64' | 'arm64'> = { x64: 'amd64', arm64: 'arm64' };

/** Release architecture name (amd64/arm64) for a Linux runner; anything else is a clear error. */
export function releaseArch(
  platform: string = process.platform,
  arch: string = process.arch,
): 'amd64' | 'arm64' {
  const mapped = RELEASE_ARCH[arch];
  if (platform !== 'linux' || !mapped) {
    throw new UserError(
      `This action needs a Linux runner on x64 or arm64 (k3d runs the cluster in Docker); ` +
        `this runner is ${platform}/${arch}. Use runs-on: ubuntu-latest or ubuntu-24.04-arm.`,
    );
  }
  return mapped;
}

export const k3dAssetName = (arch: 'amd64' | 'arm64'): string => `k3d-linux-${arch}`;
