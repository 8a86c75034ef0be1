import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const sharedDir = path.resolve(repoRoot, '../shared');

export interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  state: Record<string, string>;
  runnerTemp: string;
}

/** Parses a GITHUB_OUTPUT / GITHUB_STATE file (name<<DELIM ... DELIM, or name=value). */
export function parseCommandFile(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
      result[name as string] = value.join('\n');
    } else if (line.includes('=')) {
      result[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return result;
}

/**
 * Runs a bundled entry (dist/index.js or dist/post.js) as the runner would: inputs
 * as INPUT_* variables, the event as a file, outputs, state and summary as files.
 */
export function runAction(options: {
  entry?: 'index' | 'post';
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  eventName?: string;
  event?: unknown;
  workspace: string;
  runnerTemp?: string;
  state?: Record<string, string>;
  timeoutMs?: number;
  /** Also echo the action's output to this process's stdout/stderr as it runs. */
  echo?: boolean;
  /** Sends SIGTERM (as a cancelled job gets) once a line of the step's output matches. */
  cancelWhen?: RegExp;
}): Promise<ActionRun> {
  const runnerTemp = options.runnerTemp ?? mkdtempSync(path.join(os.tmpdir(), 'ka-runner-'));
  const files = mkdtempSync(path.join(os.tmpdir(), 'ka-files-'));
  const eventPath = path.join(files, 'event.json');
  writeFileSync(eventPath, JSON.stringify(options.event ?? {}));
  const outputPath = path.join(files, 'output');
  const statePath = path.join(files, 'state');
  const summaryPath = path.join(files, 'summary');
  for (const file of [outputPath, statePath, summaryPath]) writeFileSync(file, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? os.homedir(),
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_REPOSITORY: 'octo-org/preview-demo',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_OUTPUT: outputPath,
    GITHUB_STATE: statePath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: path.join(runnerTemp, 'tool-cache'),
    ...options.env,
  };
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;
  for (const [name, value] of Object.entries(options.inputs ?? {}))
    env[`INPUT_${name.toUpperCase()}`] = value;
  const entry = path.join(repoRoot, 'dist', `${options.entry ?? 'index'}.js`);
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [entry],
      {
        env,
        cwd: options.workspace,
        timeout: options.timeoutMs ?? 60_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({
          exitCode: code,
          stdout,
          stderr,
          outputs: parseCommandFile(readFileSync(outputPath, 'utf8')),
          state: parseCommandFile(readFileSync(statePath, 'utf8')),
          summary: readFileSync(summaryPath, 'utf8'),
          runnerTemp,
        });
        rmSync(files, { recursive: true, force: true });
      },
    );
    if (options.cancelWhen && child.stdout) {
      const pattern = options.cancelWhen;
      const lines = createInterface({ input: child.stdout });
      lines.on('line', (line) => {
        if (!pattern.test(line)) return;
        lines.close();
        child.kill('SIGTERM');
      });
    }
    if (options.echo) {
      if (child.stdout)
        createInterface({ input: child.stdout }).on('line', (line) => {
          const shown = readableLine(line);
          if (shown !== undefined) process.stdout.write(`${shown}\n`);
        });
      child.stderr?.pipe(process.stderr);
    }
  });
}

/**
 * A workflow-command line as a person at a terminal wants it: groups as headings,
 * annotations as plain "Error:"/"Warning:", debug lines only with RUNNER_DEBUG=1.
 */
export function readableLine(line: string): string | undefined {
  if (line.startsWith('::debug::'))
    return process.env.RUNNER_DEBUG === '1' ? line.slice(9) : undefined;
  if (line.startsWith('::group::')) return `\n== ${line.slice(9)}`;
  if (line === '::endgroup::') return undefined;
  const annotation = /^::(error|warning|notice)[^:]*::(.*)$/.exec(line);
  if (annotation)
    return `${annotation[1] === 'error' ? 'Error' : annotation[1] === 'warning' ? 'Warning' : 'Notice'}: ${annotation[2]}`;
  return line;
}
