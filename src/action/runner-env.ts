import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../util/errors.js';

/** What the Actions runner tells the action through the environment. */
export interface RunnerEnv {
  workspace: string;
  eventName: string;
  eventPath?: string;
  sha?: string;
  ref?: string;
  repository?: string;
  serverUrl: string;
  apiUrl: string;
  runId?: string;
  runAttempt?: string;
  /** RUNNER_TEMP (the system temp folder outside Actions). */
  runnerTemp: string;
  /** The action's own folder under it: plan files, kubeconfigs, diagnostics, downloads. */
  workDir: string;
  /** Set by the runner: true inside GitHub Actions. */
  inActions: boolean;
  /**
   * The action's own repository and ref (`uses: owner/repo@ref`); the runner leaves them unset
   * for a local action (`uses: ./`).
   */
  actionRepository?: string;
  actionRef?: string;
}

/** The one reader of the runner's environment. */
export function readRunnerEnv(env: NodeJS.ProcessEnv = process.env): RunnerEnv {
  const runnerTemp = env.RUNNER_TEMP || os.tmpdir();
  return {
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    eventName: env.GITHUB_EVENT_NAME ?? '',
    eventPath: env.GITHUB_EVENT_PATH || undefined,
    sha: env.GITHUB_SHA || undefined,
    ref: env.GITHUB_REF || undefined,
    repository: env.GITHUB_REPOSITORY || undefined,
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    runId: env.GITHUB_RUN_ID || undefined,
    runAttempt: env.GITHUB_RUN_ATTEMPT || undefined,
    runnerTemp,
    workDir: path.join(runnerTemp, 'knative-action'),
    inActions: env.GITHUB_ACTIONS === 'true',
    actionRepository: env.GITHUB_ACTION_REPOSITORY || undefined,
    actionRef: env.GITHUB_ACTION_REF || undefined,
  };
}

export async function readEventPayload(runner: RunnerEnv): Promise<unknown> {
  if (!runner.eventName)
    throw new UserError(
      'GITHUB_EVENT_NAME is not set: run this as a GitHub Action step, or from a terminal with the knative-action command.',
    );
  if (!runner.eventPath)
    throw new UserError('GITHUB_EVENT_PATH is not set, so the event payload cannot be read.');
  const text = await readFile(runner.eventPath, 'utf8').catch((error: unknown) => {
    throw new UserError(`Cannot read the event payload at ${runner.eventPath}: ${String(error)}`);
  });
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UserError(
      `The event payload at ${runner.eventPath} is not valid JSON: ${String(error)}`,
      { file: runner.eventPath },
    );
  }
}
