import * as core from '@actions/core';
import { getExecOutput } from '@actions/exec';

export interface ToolResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Written to the tool's standard input (manifests for `kubectl apply -f -`). */
  input?: string;
  cwd?: string;
  /** Extra environment on top of the process's own. */
  env?: Record<string, string>;
  /** Echo the tool's output to the log as it runs (long builds); default off. */
  stream?: boolean;
}

/**
 * The one way the action runs an external tool: an argument array (never a shell
 * string) through @actions/exec. The exit code is returned, not thrown, so callers
 * can tell "not found" from "failed" and say what they were doing.
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

export function createToolRunner(tool: string, defaults: RunOptions = {}): ToolRunner {
  const run = async (args: readonly string[], options: RunOptions = {}): Promise<ToolResult> => {
    const env = { ...processEnv(), ...defaults.env, ...options.env };
    core.debug(`run: ${tool} ${args.join(' ')}`);
    const result = await getExecOutput(tool, [...args], {
      cwd: options.cwd ?? defaults.cwd,
      env,
      input: options.input === undefined ? undefined : Buffer.from(options.input),
      ignoreReturnCode: true,
      silent: !(options.stream ?? defaults.stream ?? false),
    });
    return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
  };
  return {
    tool,
    run,
    async runOk(args, options) {
      const result = await run(args, options);
      if (result.exitCode !== 0) throw new ToolError(`${tool} ${args.join(' ')}`, result);
      return result;
    },
  };
}

function processEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  return env;
}
