/**
 * The PR side's files when --head is not the checked-out commit: that commit in a temporary
 * detached worktree, so the working tree is never touched.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { ToolRunner } from '../util/tool-runner.js';

export interface HeadCheckout {
  dir: string;
  /** Removes the worktree (git's record of it too). */
  remove(): Promise<void>;
}

export async function checkoutHead(
  git: ToolRunner,
  toplevel: string,
  sha: string,
  tempRoot: string,
): Promise<HeadCheckout> {
  const dir = await mkdtemp(path.join(tempRoot, 'head-'));
  await git.runOk(['worktree', 'add', '--detach', dir, sha], { cwd: toplevel });
  // An interrupted run cannot wait for git; without its folder, git prunes the record itself.
  const onExit = (): void => rmSync(dir, { recursive: true, force: true });
  process.once('exit', onExit);
  return {
    dir,
    async remove() {
      process.off('exit', onExit);
      await git.run(['worktree', 'remove', '--force', dir], { cwd: toplevel });
      await rm(dir, { recursive: true, force: true });
    },
  };
}
