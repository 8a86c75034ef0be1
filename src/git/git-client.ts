import path from 'node:path';
import { createToolRunner, ToolError, type ToolRunner } from '../util/tool-runner.js';
import { withRetry } from '../util/retry.js';

/** The few git operations the action needs, each one argument array. */
export class GitClient {
  private constructor(
    private readonly git: ToolRunner,
    readonly toplevel: string,
  ) {}

  /** Opens the repository that contains `directory`; undefined when it is not in one. */
  static async open(
    directory: string,
    runner: ToolRunner = createToolRunner('git'),
  ): Promise<GitClient | undefined> {
    const result = await runner
      .run(['rev-parse', '--show-toplevel'], { cwd: directory })
      .catch(() => undefined);
    if (!result || result.exitCode !== 0) return undefined;
    return new GitClient(withCwd(runner, result.stdout.trim()), result.stdout.trim());
  }

  async hasCommit(sha: string): Promise<boolean> {
    const result = await this.git.run(['cat-file', '-e', `${sha}^{commit}`]);
    return result.exitCode === 0;
  }

  /** Fetches one commit shallowly (actions/checkout's default depth-1 clone lacks the base). */
  async fetchCommit(sha: string, remote = 'origin'): Promise<void> {
    await withRetry(
      () =>
        this.git.runOk([
          // Give up on a stalled transfer instead of hanging the job.
          '-c',
          'http.lowSpeedLimit=1000',
          '-c',
          'http.lowSpeedTime=30',
          'fetch',
          '--no-tags',
          '--no-recurse-submodules',
          '--depth=1',
          remote,
          sha,
        ]),
      {
        what: `git fetch ${remote} ${sha}`,
        attempts: 3,
        initialDelayMs: 2000,
        isTransient: (error) =>
          !(
            error instanceof ToolError &&
            /not our ref|couldn't find remote ref|does not appear to be a git repository|No such remote/i.test(
              error.message,
            )
          ),
      },
    );
  }

  /** Paths of the files under `repoPath` (relative to the top level) at `sha`. */
  async listFiles(sha: string, repoPath: string): Promise<string[]> {
    const result = await this.git.runOk([
      'ls-tree',
      '-r',
      '-z',
      '--name-only',
      sha,
      '--',
      repoPath === '' ? '.' : repoPath,
    ]);
    return result.stdout.split('\0').filter(Boolean);
  }

  async readFile(sha: string, repoPath: string): Promise<string> {
    return (await this.git.runOk(['show', `${sha}:${repoPath}`])).stdout;
  }

  /** Checks `sha` out in a new detached worktree at `path` (outside the workspace). */
  async addWorktree(path: string, sha: string): Promise<void> {
    await this.git.runOk(['worktree', 'add', '--detach', path, sha]);
  }

  /** Removes a worktree made by addWorktree; false when git could not (the caller decides). */
  async removeWorktree(path: string): Promise<boolean> {
    const result = await this.git.run(['worktree', 'remove', '--force', path]);
    return result.exitCode === 0;
  }

  /** A workspace path as git names it (relative to the top level, forward slashes). */
  repoPath(absolute: string): string {
    return path.relative(this.toplevel, absolute).split(path.sep).join('/');
  }
}

function withCwd(runner: ToolRunner, cwd: string): ToolRunner {
  return {
    tool: runner.tool,
    run: (args, options) => runner.run(args, { cwd, ...options }),
    runOk: (args, options) => runner.runOk(args, { cwd, ...options }),
  };
}
