import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { prepareKnativeCrds } from '../helpers/knative-crds.js';
import { startMirror } from './mirror/server.js';
import { DOCKER_STANDIN_LAUNCHER, K3D_STANDIN_LAUNCHER } from './paths.js';
import { deleteCluster, listClusters } from './standins/k3d-clusters.js';
import { knobsOf, writeClusterKnobs, writeSimKnobs, type Knobs } from './standins/knobs.js';

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
  /**
   * Knobs for one cluster (one action run), read when `k3d cluster create <name>` starts it: the
   * action hands tools an allow-listed environment, so a run's SIM_* variables cannot reach them.
   */
  setClusterKnobs(clusterName: string, knobs: Knobs): void;
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

  // The stand-ins find the state dir (and through it the knobs) from their launchers, not from
  // the environment the action gives them.
  const binDir = join(root, 'bin');
  mkdirSync(binDir);
  for (const [name, launcher] of [
    ['k3d', K3D_STANDIN_LAUNCHER],
    ['docker', DOCKER_STANDIN_LAUNCHER],
  ] as const) {
    const file = join(binDir, name);
    writeFileSync(
      file,
      `#!/usr/bin/env bash
export SIM_STATE_DIR=${shellQuote(stateDir)}
exec ${shellQuote(launcher)} "$@"
`,
    );
    chmodSync(file, 0o755);
  }
  writeSimKnobs(stateDir, knobsOf(base));
  // The cluster daemons validate Knative objects against the release's CRD schemas when they can.
  await prepareKnativeCrds();

  let mirror;
  try {
    mirror = await startMirror({ env: base, stateDir });
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }

  const env: Record<string, string> = {
    ...knobsOf(base),
    PATH: [binDir, base.PATH ?? ''].filter(Boolean).join(delimiter),
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

  return {
    env,
    mirrorUrl: mirror.url,
    stateDir,
    setClusterKnobs: (clusterName, knobs) => writeClusterKnobs(stateDir, clusterName, knobs),
    stop,
  };
}

const shellQuote = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`;
