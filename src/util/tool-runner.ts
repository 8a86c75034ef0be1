import { getExecOutput } from '@actions/exec';
import { log as currentLog, type Log } from './log.js';
import { toolEnvironment, type ToolKind } from './tool-env.js';

export interface ToolResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Written to the tool's standard input (manifests for `kubectl apply -f -`). */
  input?: string;
  cwd?: string;
  /** Show the tool's output in the log line by line as it runs (long builds); default off. */
  stream?: boolean;
}

export interface ToolRunnerOptions {
  /** Which allow-list of environment variables the tool gets (see tool-env.ts). */
  kind: ToolKind;
  cwd?: string;
  /** Where streamed output goes; a concurrent branch passes its own prefixed log. */
  log?: Log;
  /** The environment the allow-list picks from; default the process's. */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * The one way the action runs an external tool: an argument array (never a shell string)
 * through @actions/exec, with an allow-listed environment. The exit code is returned, not
 * thrown, so callers can tell "not found" from "failed" and say what they were doing. Output
 * never goes straight to the runner's log: streamed lines pass through the log, which keeps
 * workflow commands in them from being obeyed.
 */
export interface ToolRunner {
  readonly tool: string;
  run(args: readonly string[], options?: RunOptions): Promise<ToolResult>;
  /** As run, but a non-zero exit throws an error with the command and its stderr. */
  runOk(args: readonly string[], options?: RunOptions): Promise<ToolResult>;
}

export class ToolError extends Error {
  constructor(
    readonly command: string,
    readonly result: ToolResult,
  ) {
    const detail = (result.stderr || result.stdout).trim().split('\n').slice(-8).join('\n');
    super(`\`${command}\` exited with ${result.exitCode}: ${detail}`);
    this.name = 'ToolError';
  }
}

export function createToolRunner(tool: string, options: ToolRunnerOptions): ToolRunner {
  const run = async (args: readonly string[], runOptions: RunOptions = {}): Promise<ToolResult> => {
    const out = options.log ?? currentLog();
    out.debug(`run: ${tool} ${args.join(' ')}`);
    const stream = runOptions.stream ?? false;
    const result = await getExecOutput(tool, [...args], {
      cwd: runOptions.cwd ?? options.cwd,
      env: toolEnvironment(options.kind, options.env ?? process.env),
      input: runOptions.input === undefined ? undefined : Buffer.from(runOptions.input),
      ignoreReturnCode: true,
      silent: true,
      ...(stream
        ? {
            listeners: {
              stdline: (line: string) => out.info(line),
              errline: (line: string) => out.info(line),
            },
          }
        : {}),
    });
    return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
  };
  return {
    tool,
    run,
    async runOk(args, runOptions) {
      const result = await run(args, runOptions);
      if (result.exitCode !== 0) throw new ToolError(`${tool} ${args.join(' ')}`, result);
      return result;
    },
  };
}
