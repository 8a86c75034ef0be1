/**
 * Is a Docker engine reachable? Asked once, before anything that needs one starts, with a
 * deadline: `docker info` against a dead socket or a stopped Docker Desktop can hang.
 */
import { execFile } from 'node:child_process';
import { toolEnvironment } from '../util/tool-env.js';
import { UsageError } from './usage-error.js';

export type EngineCheck = { running: true; version: string } | { running: false; reason: string };

export const DOCKER_CHECK_TIMEOUT_MS = 15_000;

/** Runs `docker info` (the server version only), killed after `timeoutMs`. */
export function checkDockerEngine(
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = DOCKER_CHECK_TIMEOUT_MS,
): Promise<EngineCheck> {
  return new Promise((resolve) => {
    execFile(
      'docker',
      ['info', '--format', '{{.ServerVersion}}'],
      { env: toolEnvironment('docker', env), timeout: timeoutMs, killSignal: 'SIGKILL' },
      (error, stdout, stderr) => {
        const version = String(stdout).trim();
        if (!error && version) return resolve({ running: true, version });
        const code = (error as NodeJS.ErrnoException | null)?.code;
        const detail = String(stderr).trim().split('\n').filter(Boolean).slice(-1)[0];
        resolve({
          running: false,
          reason:
            code === 'ENOENT'
              ? 'there is no `docker` command on PATH'
              : error?.killed
                ? `\`docker info\` did not answer within ${Math.round(timeoutMs / 1000)} s`
                : `\`docker info\` failed${detail ? `: ${detail}` : ''}`,
        });
      },
    );
  });
}

/** The one message for "this run needs Docker and there is none". */
export function dockerNeeded(reason: string, why: string): UsageError {
  const end = /[.?!]$/.test(reason) ? '' : '.';
  return new UsageError(
    `This run needs a Docker engine (${why}), but ${reason}${end} ` +
      'Check it with `docker info` (start Docker Desktop, or the docker service), then run again. ' +
      '--dry-run plans without Docker.',
  );
}
