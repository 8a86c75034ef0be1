import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { startMirror } from './mirror/server.js';
import { SIM_BIN_DIR } from './paths.js';
import { deleteCluster, listClusters } from './standins/k3d-clusters.js';

export interface SimOptions {
  /**
   * Environment the sim starts from (default process.env): its PATH is extended, its SIM_* fault
   * knobs configure the mirror and are passed on (the cluster daemons read theirs).
   */
  env?: NodeJS.ProcessEnv;
}

export interface Sim {
  /** Variables to set over the caller's environment when running the action. */
  env: Record<string, string>;
  mirrorUrl: string;
  stateDir: string;
  /** Deletes every cluster (stops its daemon), stops the mirror, removes the temp folder. */
  stop(): Promise<void>;
}

/**
 * Starts the simulated world around one action run: a temp folder (runner temp, tool cache,
 * a private KUBECONFIG so nobody's real kubeconfig is touched, stand-in state) and the release
 * mirror. The mirror reaches the action only through its documented `release-mirror` input.
 */
export async function startSim(options: SimOptions = {}): Promise<Sim> {
  // Knobs given in options.env add to (and override) the process environment.
  const base = { ...process.env, ...options.env };
  const root = mkdtempSync(join(tmpdir(), 'knative-action-sim-'));
  const stateDir = join(root, 'state');
  const runnerTemp = join(root, 'runner-temp');
  const toolCache = join(root, 'tool-cache');
  const kubeDir = join(root, 'kube');
  for (const dir of [stateDir, runnerTemp, toolCache, kubeDir]) mkdirSync(dir, { recursive: true });

  let mirror;
  try {
    mirror = await startMirror({ env: base });
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }

  const knobs = Object.fromEntries(
    Object.entries(base).filter(
      (entry): entry is [string, string] => entry[0].startsWith('SIM_') && entry[1] !== undefined,
    ),
  );
  const env: Record<string, string> = {
    ...knobs,
    PATH: [SIM_BIN_DIR, base.PATH ?? ''].filter(Boolean).join(delimiter),
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: toolCache,
    SIM_STATE_DIR: stateDir,
    KUBECONFIG: join(kubeDir, 'config'),
    'INPUT_RELEASE-MIRROR': mirror.url,
  };

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      const failures: string[] = [];
      for (const record of listClusters(stateDir)) {
        try {
          await deleteCluster(stateDir, record.name);
        } catch (error) {
          failures.push(
            `${record.name}: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
      await mirror.stop();
      rmSync(root, { recursive: true, force: true });
      if (failures.length > 0)
        throw new Error(`sim teardown could not stop cluster(s): ${failures.join('; ')}`);
    })());

  return { env, mirrorUrl: mirror.url, stateDir, stop };
}
