import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { GitClient } from '../git/git-client.js';
import { log } from '../util/log.js';
import type { ToolRunner } from '../util/tool-runner.js';
import { localImageTag, type BuildSpec } from './build-spec.js';

export interface BuildSideOptions {
  specs: readonly BuildSpec[];
  /** Root of the checkout this side builds from. */
  root: string;
  commitSha: string;
}

/** name -> dev.local/<name>:<sha7> for one side. */
export type ImageTags = Record<string, string>;

/** `docker build -t <tag> -f <context>/<dockerfile> <context>` for every spec. */
export async function buildSide(docker: ToolRunner, options: BuildSideOptions): Promise<ImageTags> {
  const tags: ImageTags = {};
  for (const spec of options.specs) {
    const tag = localImageTag(spec.name, options.commitSha);
    const context = join(options.root, spec.context);
    await docker.runOk(['build', '-t', tag, '-f', join(context, spec.dockerfile), context], {
      stream: true,
    });
    tags[spec.name] = tag;
  }
  return tags;
}

export interface BuildBothOptions {
  specs: readonly BuildSpec[];
  /** The workspace (PR checkout). */
  workspace: string;
  prSha: string;
  /** Omitted (push/dispatch runs): only the PR side is built. */
  baseSha?: string;
  /** The run's work folder: the base commit's worktree is checked out under it. */
  workDir: string;
}

/**
 * Builds the PR images from the workspace and the base images from the base commit
 * checked out in a detached worktree (fetched when the checkout is shallow), removed
 * afterwards. Same commit on both sides: built once. Every git operation goes through
 * GitClient (`tools.git` is the git binary it runs).
 */
export async function buildImages(
  tools: { docker: ToolRunner; git: ToolRunner },
  options: BuildBothOptions,
): Promise<{ pr: ImageTags; base?: ImageTags }> {
  const pr = await buildSide(tools.docker, {
    specs: options.specs,
    root: options.workspace,
    commitSha: options.prSha,
  });
  if (!options.baseSha) return { pr };
  if (options.baseSha.slice(0, 7) === options.prSha.slice(0, 7)) return { pr, base: pr };
  const git = await GitClient.open(options.workspace, tools.git);
  if (!git) {
    throw new Error(
      `${options.workspace} is not a git checkout: the base images are built from the base commit ` +
        `${options.baseSha.slice(0, 7)}, which needs the repository (use actions/checkout).`,
    );
  }
  if (!(await git.hasCommit(options.baseSha))) await git.fetchCommit(options.baseSha);
  const worktree = join(options.workDir, `base-${options.baseSha.slice(0, 12)}`);
  await mkdir(options.workDir, { recursive: true });
  await rm(worktree, { recursive: true, force: true });
  await git.addWorktree(worktree, options.baseSha);
  try {
    const base = await buildSide(tools.docker, {
      specs: options.specs,
      root: worktree,
      commitSha: options.baseSha,
    });
    return { pr, base };
  } finally {
    if (!(await git.removeWorktree(worktree))) {
      log().debug(`git worktree remove ${worktree} failed; removing the folder`);
      await rm(worktree, { recursive: true, force: true });
    }
  }
}
