import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createToolRunner, ToolError, type ToolRunner } from '../util/tool-runner.js';
import { withRetry } from '../util/retry.js';

/** The few git operations the action needs, each one argument array. */
/** One line of `git ls-tree --long`. */
export interface TreeEntry {
  /** '100644', '100755' (files), '120000' (symlink), '160000' (submodule). */
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  object: string;
  /** Bytes of a blob; undefined for other types. */
  size?: number;
  path: string;
}

function parseTreeEntry(line: string): TreeEntry {
  const match = /^(\d{6}) (blob|tree|commit) ([0-9a-f]+) +(\d+|-)\t([^]*)$/.exec(line);
  if (!match) throw new Error(`unexpected git ls-tree line: ${JSON.stringify(line.slice(0, 200))}`);
  const [, mode, type, object, size, file] = match as unknown as [
    string,
    string,
    TreeEntry['type'],
    string,
    string,
    string,
  ];
  return { mode, type, object, size: size === '-' ? undefined : Number(size), path: file };
}

export class GitClient {
  private gitDir: string | undefined;

  private constructor(
    private readonly git: ToolRunner,
    readonly toplevel: string,
  ) {}

  /** Opens the repository that contains `directory`; undefined when it is not in one. */
  static async open(
    directory: string,
    runner: ToolRunner = createToolRunner('git', { kind: 'git' }),
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

  /**
   * The entries under `repoPath` at `sha`, recursively, with mode, type and size, so that a
   * caller can refuse links and oversized files before reading anything.
   */
  async listTree(sha: string, repoPath: string): Promise<TreeEntry[]> {
    const result = await this.git.runOk([
      'ls-tree',
      '-r',
      '-z',
      '--long',
      sha,
      '--',
      repoPath === '' ? '.' : repoPath,
    ]);
    return result.stdout.split('\0').filter(Boolean).map(parseTreeEntry);
  }

  /**
   * A blob's exact bytes. Tool output comes back decoded as UTF-8, which would replace bytes that
   * are not UTF-8 before anyone could refuse them, so git writes the blob to a file instead
   * (`unpack-file`), in a temporary folder outside the workspace.
   */
  async readBlob(objectId: string): Promise<Buffer> {
    if (!/^[0-9a-f]{40,64}$/.test(objectId)) throw new Error(`not a git object id: ${objectId}`);
    this.gitDir ??= (await this.git.runOk(['rev-parse', '--absolute-git-dir'])).stdout.trim();
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'knative-action-blob-'));
    try {
      const written = await this.git.runOk([`--git-dir=${this.gitDir}`, 'unpack-file', objectId], {
        cwd: scratch,
      });
      return await readFile(path.join(scratch, path.basename(written.stdout.trim())));
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
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
