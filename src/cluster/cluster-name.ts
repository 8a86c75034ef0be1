import { randomBytes } from 'node:crypto';

/** k3d refuses longer names (they prefix its container names, which Docker caps). */
export const K3D_CLUSTER_NAME_MAX = 32;
const VALID_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function isValidClusterName(name: string): boolean {
  return name.length <= K3D_CLUSTER_NAME_MAX && VALID_NAME.test(name);
}

/**
 * A cluster name unique to this run: knp-<run id>-<attempt> in Actions (so a
 * re-run never meets its predecessor's cluster), else knp-<random>.
 */
export function clusterNameForRun(
  env: Record<string, string | undefined> = process.env,
  random: () => string = () => randomBytes(4).toString('hex'),
): string {
  const runId = env['GITHUB_RUN_ID'];
  if (runId && /^\d+$/.test(runId)) {
    const attempt = /^\d+$/.test(env['GITHUB_RUN_ATTEMPT'] ?? '')
      ? env['GITHUB_RUN_ATTEMPT']!
      : '1';
    const name = `knp-${runId}-${attempt}`;
    if (isValidClusterName(name)) return name;
  }
  return `knp-${random()}`;
}
