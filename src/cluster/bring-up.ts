import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DownloadOptions } from '../install/downloader.js';
import {
  ensureKubectl,
  fetchReleaseManifests,
  installK3d,
  type KubectlOptions,
  type ReleaseManifests,
} from '../install/tools.js';
import type { ActionConfig } from '../config/inputs.js';
import { PhaseError } from '../util/errors.js';
import { log, type Log } from '../util/log.js';
import { createToolRunner, type ToolRunner } from '../util/tool-runner.js';
import type { ToolKind } from '../util/tool-env.js';
import { clusterNameForRun, isValidClusterName } from './cluster-name.js';
import { allOrAbort } from '../util/abortable.js';
import { kubernetesVersionOfK3sImage } from './compatibility.js';
import { K3d } from './k3d.js';
import { installKnative } from './knative.js';
import { Kubectl } from './kubectl.js';
import { PhaseTimings } from '../util/timings.js';

/** What bring-up needs from the inputs. */
export type BringUpOptions = Pick<
  ActionConfig,
  | 'k3dVersion'
  | 'kubectlVersion'
  | 'k3sImage'
  | 'knativeVersion'
  | 'netContourVersion'
  | 'agents'
  | 'loadBalancerPort'
  | 'agentPort'
  | 'k3dArgs'
  | 'clusterName'
  | 'domain'
  | 'releaseMirror'
  | 'timeoutMinutes'
>;

/** Where the cluster lives, announced before it is created so the post step can always delete it. */
export interface ClusterHandle {
  clusterName: string;
  kubeconfigPath: string;
  k3dPath: string;
  /** Known once bring-up has chosen it (the runner's kubectl or the pinned one). */
  kubectlPath?: string;
}

export interface BringUpDeps {
  installK3d?: (version: string, options: DownloadOptions) => Promise<string>;
  ensureKubectl?: (version: string, options: KubectlOptions) => Promise<{ path: string }>;
  fetchManifests?: (
    versions: { knativeVersion: string; netContourVersion: string },
    options: DownloadOptions,
  ) => Promise<ReleaseManifests>;
  /** Makes the runner for a tool binary (tests: a fake recording argv). */
  runnerFor?: (toolPath: string, kind: ToolKind) => ToolRunner;
  /** The run's work folder (under RUNNER_TEMP); the kubeconfig goes under <workDir>/<cluster>/. */
  workDir: string;
  env?: Record<string, string | undefined>;
  log?: Log;
  /**
   * Called once the name and paths are known, before `k3d cluster create`, and again when the
   * kubectl is chosen: save them as state, so a half-made cluster is still deleted.
   */
  onClusterNamed?: (handle: ClusterHandle) => void | Promise<void>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  intervalMs?: number;
}

export interface BringUpResult extends ClusterHandle {
  kubectl: Kubectl;
  k3d: K3d;
  kubectlPath: string;
  /** Seconds per phase (concurrent phases overlap). */
  timings: Record<string, number>;
}

/** Bring-up failed in `phase`; carries the timings so far and the cluster, if one was started. */
export class BringUpError extends PhaseError {
  constructor(
    phase: string,
    cause: unknown,
    readonly timings: Record<string, number>,
    readonly cluster?: ClusterHandle,
  ) {
    super(phase, cause);
    this.name = 'BringUpError';
  }
}

/**
 * A k3d cluster with Knative Serving and Contour, ready for Knative Services.
 *   k3d download -> cluster create -> kubeconfig -> nodes Ready
 *     || release YAMLs download || kubectl (runner's or pinned)
 *   -> Knative Serving || Contour (see installKnative)
 * Everything ends by the `timeout-minutes` deadline.
 */
export async function bringUp(options: BringUpOptions, deps: BringUpDeps): Promise<BringUpResult> {
  const now = deps.now ?? Date.now;
  const timings = new PhaseTimings(now);
  const deadline = now() + options.timeoutMinutes * 60_000;
  const remainingMs = (): number => Math.max(0, deadline - now());
  const env = deps.env ?? process.env;
  const out = deps.log ?? log();
  const info = (message: string): void => out.info(message);
  // Streamed tool output goes to this log too (a branch's lines carry its prefix).
  const runnerFor =
    deps.runnerFor ??
    ((path: string, kind: ToolKind) => createToolRunner(path, { kind, log: out }));
  let handle: ClusterHandle | undefined;

  try {
    const clusterName = options.clusterName || clusterNameForRun(env);
    if (!isValidClusterName(clusterName)) {
      throw new PhaseError(
        'cluster-name',
        new Error(
          `'${clusterName}' is not a valid k3d cluster name (lowercase, digits, dashes, <= 32 characters)`,
        ),
      );
    }
    const clusterDir = join(deps.workDir, clusterName);
    const kubeconfigPath = join(clusterDir, 'kubeconfig');
    const download: DownloadOptions = {
      deadline,
      workDir: deps.workDir,
      ...(options.releaseMirror ? { mirror: options.releaseMirror } : {}),
      log: info,
      now,
    };

    const clusterBranch = async (): Promise<{ k3d: K3d; k3dPath: string }> => {
      const k3dPath = await timings.time('install-k3d', () =>
        (deps.installK3d ?? installK3d)(options.k3dVersion, download),
      );
      const k3d = new K3d(runnerFor(k3dPath, 'k3d'));
      handle = { clusterName, kubeconfigPath, k3dPath };
      await deps.onClusterNamed?.(handle);
      info(`Creating k3d cluster ${clusterName} (${options.k3sImage}, ${options.agents} agents)`);
      await timings.time('cluster-create', () =>
        k3d.createCluster({
          name: clusterName,
          k3sImage: options.k3sImage,
          agents: options.agents,
          loadBalancerPort: options.loadBalancerPort,
          agentPort: options.agentPort,
          extraArgs: options.k3dArgs,
          timeoutSeconds: remainingMs() / 1000,
        }),
      );
      await timings.time('kubeconfig', async () => {
        await mkdir(clusterDir, { recursive: true, mode: 0o700 });
        await k3d.writeKubeconfig(clusterName, kubeconfigPath);
      });
      return { k3d, k3dPath };
    };

    // On a failure, wait for the siblings to settle: a half-created cluster must be
    // announced (handle) before the error reaches the post step.
    const [{ k3d, k3dPath }, manifests, kubectlPath] = await allOrAbort(new AbortController(), [
      clusterBranch(),
      timings.time('release-manifests', () =>
        (deps.fetchManifests ?? fetchReleaseManifests)(
          { knativeVersion: options.knativeVersion, netContourVersion: options.netContourVersion },
          download,
        ),
      ),
      timings.time(
        'install-kubectl',
        async () =>
          (
            await (deps.ensureKubectl ?? ensureKubectl)(options.kubectlVersion, {
              ...download,
              // The runner's kubectl only within one minor version of the cluster's Kubernetes.
              clusterVersion: kubernetesVersionOfK3sImage(options.k3sImage),
            })
          ).path,
      ),
    ]);
    handle = { clusterName, kubeconfigPath, k3dPath, kubectlPath };
    await deps.onClusterNamed?.(handle);

    const clock = { ...(deps.sleep ? { sleep: deps.sleep } : {}), now };
    const kubectl = new Kubectl(runnerFor(kubectlPath, 'kubectl'), kubeconfigPath, clock);
    await timings.time('nodes-ready', () =>
      kubectl.waitFor('nodes', 'Ready', {
        all: true,
        minCount: options.agents + 1,
        timeoutMs: remainingMs(),
        ...(deps.intervalMs ? { intervalMs: deps.intervalMs } : {}),
      }),
    );

    info(
      `Installing Knative Serving ${options.knativeVersion} and net-contour ${options.netContourVersion}`,
    );
    await installKnative(kubectl, manifests, {
      domain: options.domain,
      deadline,
      timings,
      log: info,
      now,
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
      ...(deps.intervalMs ? { intervalMs: deps.intervalMs } : {}),
    });

    return {
      clusterName,
      kubeconfigPath,
      k3dPath,
      kubectlPath,
      kubectl,
      k3d,
      timings: { ...timings.seconds },
    };
  } catch (error) {
    const phase = error instanceof PhaseError ? error.phase : 'bring-up';
    const cause = error instanceof PhaseError ? error.cause : error;
    throw new BringUpError(phase, cause, { ...timings.seconds }, handle);
  }
}
