/**
 * `npm run sim -- <command...>`: runs one command inside the simulated cluster world (stand-in
 * k3d/docker on PATH, release mirror, private kubeconfig) and tears it all down afterwards, also
 * on failure and on SIGINT/SIGTERM. Exits with the command's exit code. Leading NAME=value words
 * set variables for the command (see run-args.ts).
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { startSim } from './harness.js';
import { splitAssignments } from './run-args.js';

const CHILD_STOP_DEADLINE_MS = 10_000;

async function main(argv: string[]): Promise<number> {
  const { assignments, command } = splitAssignments(argv[0] === '--' ? argv.slice(1) : argv);
  if (command.length === 0) {
    process.stderr.write(
      'usage: npm run sim -- [NAME=value...] <command> [args...]\n' +
        '  e.g. npm run sim -- INPUT_DRY-RUN=false node dist/index.js\n',
    );
    return 2;
  }
  const callerEnv = { ...process.env, ...assignments };
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
