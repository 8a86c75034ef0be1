/** Runs a command line (the bundled dist/cli.js, or an installed bin) as a process of its own. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../../helpers/run-action.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The bundled command line of this checkout. */
export const BUNDLED_CLI = path.join(repoRoot, 'dist', 'cli.js');

/**
 * `file args` in `cwd` with exactly `env`; never rejects: a failed or killed process resolves
 * with its exit code (-1 when it has none, e.g. killed by the timeout).
 */
export function runCliProcess(
  command: { file: string; args: readonly string[] },
  options: { cwd: string; env: Record<string, string>; timeoutMs: number },
): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      command.file,
      [...command.args],
      {
        cwd: options.cwd,
        env: options.env,
        timeout: options.timeoutMs,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : -1) : 0,
          stdout,
          stderr,
        }),
    );
  });
}

/** dist/cli.js with these arguments, under this process's Node. */
export function runBundledCli(
  args: readonly string[],
  options: { cwd: string; env: Record<string, string>; timeoutMs: number },
): Promise<CliRun> {
  return runCliProcess({ file: process.execPath, args: [BUNDLED_CLI, ...args] }, options);
}
