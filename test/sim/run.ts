/**
 * `npm run sim -- [--existing[=none|X.Y.Z]] [NAME=value...] <command...>`: runs one command inside
 * the simulated world and tears it all down afterwards, also on failure and on SIGINT/SIGTERM.
 * Exits with the command's exit code. Leading NAME=value words set variables for the command (see
 * run-args.ts).
 *   default     the k3d world: stand-in k3d/docker on PATH, release mirror, private kubeconfig
 *   --existing  one cluster with Knative Serving and Contour already Ready (existing.ts):
 *               KUBECONFIG and SIM_INGRESS_ADDRESS point at it; `=none` without Knative,
 *               `=X.Y.Z` labelled as that Knative release
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { startExistingCluster } from './existing.js';
import { startSim } from './harness.js';
import { parseRunArgs, RunArgsError, type RunArgs } from './run-args.js';
import { knobsOf } from './standins/knobs.js';

const USAGE =
  'usage: npm run sim -- [--existing[=none|X.Y.Z]] [NAME=value...] <command> [args...]\n' +
  '  e.g. npm run sim -- INPUT_DRY-RUN=false node dist/index.js\n' +
  '       npm run sim -- --existing INPUT_CLUSTER=existing node dist/index.js\n';

const CHILD_STOP_DEADLINE_MS = 10_000;

async function main(argv: string[]): Promise<number> {
  let args: RunArgs;
  try {
    args = parseRunArgs(argv);
  } catch (error) {
    if (!(error instanceof RunArgsError)) throw error;
    process.stderr.write(`[sim] ${error.message}\n${USAGE}`);
    return 2;
  }
  const { assignments, command, existing } = args;
  if (command.length === 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  const callerEnv = { ...process.env, ...assignments };
  if (existing) {
    // Starting takes seconds: a signal meanwhile must still end in a teardown, not a stray daemon.
    let interrupted: NodeJS.Signals | undefined;
    const remember = (signal: NodeJS.Signals) => (interrupted = signal);
    process.on('SIGINT', remember);
    process.on('SIGTERM', remember);
    let cluster;
    try {
      cluster = await startExistingCluster({
        knative: existing,
        knobs: knobsOf(callerEnv),
        env: callerEnv,
      });
    } finally {
      process.off('SIGINT', remember);
      process.off('SIGTERM', remember);
    }
    if (interrupted) {
      await cluster.stop();
      return 128 + (constants.signals[interrupted] ?? 1);
    }
    process.stderr.write(
      `[sim] existing cluster (${cluster.knative.version ? `Knative Serving ${cluster.knative.version}` : 'no Knative'}): ` +
        `KUBECONFIG=${cluster.kubeconfigPath} SIM_INGRESS_ADDRESS=${cluster.ingressAddress}, state dir ${cluster.stateDir}\n`,
    );
    try {
      return await runChild(command, { ...callerEnv, ...cluster.env });
    } finally {
      await cluster.stop();
    }
  }
  const sim = await startSim({ env: callerEnv });
  process.stderr.write(`[sim] release mirror ${sim.mirrorUrl}, state dir ${sim.stateDir}\n`);
  try {
    return await runChild(command, { ...callerEnv, ...sim.env });
  } finally {
    await sim.stop();
  }
}

function runChild(command: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command[0] as string, command.slice(1), { stdio: 'inherit', env });
    let killTimer: NodeJS.Timeout | undefined;
    const forward = (signal: NodeJS.Signals) => {
      child.kill(signal);
      // A child that ignores the signal must not keep the sim (and its ports) alive.
      killTimer ??= setTimeout(() => child.kill('SIGKILL'), CHILD_STOP_DEADLINE_MS);
    };
    const onInt = () => forward('SIGINT');
    const onTerm = () => forward('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    const done = (code: number) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      if (killTimer) clearTimeout(killTimer);
      resolve(code);
    };
    child.once('error', (error) => {
      process.stderr.write(`[sim] could not run ${command[0]}: ${error.message}\n`);
      done(127);
    });
    child.once('exit', (code, signal) => {
      done(code ?? 128 + (signal ? (constants.signals[signal] ?? 1) : 1));
    });
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `[sim] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
