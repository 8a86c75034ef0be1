import { createToolRunner, type ToolRunner } from '../util/tool-runner.js';

/** A Kubernetes release as kubectl and the API server report it (v1.34.2 -> 1, 34, 2). */
export interface KubeVersion {
  major: number;
  minor: number;
  patch: number;
}

const showVersion = (v: KubeVersion): string => `v${v.major}.${v.minor}.${v.patch}`;

/** `v1.34.2`, `1.34.2`, `v1.32.4-dispatcher`, `v1.34.8+k3s1` -> 1.34.x; undefined otherwise. Pure. */
export function parseKubeVersion(text: string): KubeVersion | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+][0-9A-Za-z.+-]*)?$/.exec(text.trim());
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

/**
 * The client version in `kubectl version --client -o json` (clientVersion.gitVersion: the
 * `minor` field can read "32+", so the git version is the one to trust). Pure.
 */
export function clientVersionFromJson(stdout: string): KubeVersion | undefined {
  try {
    const parsed = JSON.parse(stdout) as { clientVersion?: { gitVersion?: unknown } };
    const gitVersion = parsed.clientVersion?.gitVersion;
    return typeof gitVersion === 'string' ? parseKubeVersion(gitVersion) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Asks a kubectl binary for its client version (no cluster is contacted). Undefined when it
 * cannot say: the binary does not run, exits non-zero, or prints something else.
 */
export async function readKubectlClientVersion(
  kubectlPath: string,
  runner: ToolRunner = createToolRunner(kubectlPath, { kind: 'kubectl' }),
): Promise<KubeVersion | undefined> {
  const result = await runner.run(['version', '--client', '-o', 'json']).catch(() => undefined);
  if (!result || result.exitCode !== 0) return undefined;
  return clientVersionFromJson(result.stdout);
}

export interface KubectlChoice {
  use: 'runner' | 'pinned';
  /** One line for the log: what was found and why this kubectl is used. */
  reason: string;
  /** Set when even the chosen kubectl is outside the supported skew. */
  warning?: string;
}

/** kubectl is supported within one minor version (older or newer) of kube-apiserver. */
const SUPPORTED_SKEW = 1;

function skew(a: KubeVersion, b: KubeVersion): number {
  return a.major === b.major ? Math.abs(a.minor - b.minor) : Number.POSITIVE_INFINITY;
}

function distance(client: KubeVersion, server: KubeVersion): string {
  if (client.major !== server.major) return 'a different major version than';
  const minors = client.minor - server.minor;
  const count = Math.abs(minors);
  return `${count} minor version${count === 1 ? '' : 's'} ${minors > 0 ? 'ahead of' : 'behind'}`;
}

/**
 * Which kubectl talks to the cluster: the runner's when it is within Kubernetes' supported
 * skew (one minor version either way) of the cluster, else the pinned `kubectl-version`.
 * `server` is the cluster's version (from the k3s image tag, or the API server's /version). Pure.
 */
export function chooseKubectl(input: {
  /** The runner's kubectl: undefined when there is none on PATH; `version` undefined when it could not say. */
  runner?: { path: string; version: KubeVersion | undefined };
  server: KubeVersion;
  pinned: KubeVersion;
}): KubectlChoice {
  const { runner, server, pinned } = input;
  const pinnedWarning =
    skew(pinned, server) > SUPPORTED_SKEW
      ? `kubectl-version ${showVersion(pinned)} is ${distance(pinned, server)} the cluster's ` +
        `Kubernetes ${showVersion(server)}; kubectl supports one minor version either way. ` +
        `Set kubectl-version to a v${server.major}.${server.minor}.x release.`
      : undefined;
  const usePinned = (why: string): KubectlChoice => ({
    use: 'pinned',
    reason: `${why}; using the pinned kubectl ${showVersion(pinned)}.`,
    ...(pinnedWarning ? { warning: pinnedWarning } : {}),
  });
  if (!runner) return usePinned('No kubectl on PATH');
  if (!runner.version) {
    return usePinned(`The runner's kubectl (${runner.path}) did not report its version`);
  }
  if (skew(runner.version, server) > SUPPORTED_SKEW) {
    return usePinned(
      `The runner's kubectl ${showVersion(runner.version)} is ${distance(runner.version, server)} ` +
        `the cluster's Kubernetes ${showVersion(server)} (kubectl supports one minor version either way)`,
    );
  }
  return {
    use: 'runner',
    reason:
      `Using the runner's kubectl ${showVersion(runner.version)} (${runner.path}): within one minor ` +
      `version of the cluster's Kubernetes ${showVersion(server)}.`,
  };
}
