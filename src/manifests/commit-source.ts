import path from 'node:path';
import type { GitClient, TreeEntry } from '../git/git-client.js';
import {
  compareCodeUnits,
  isManifestFile,
  type ManifestFile,
  type ManifestSource,
} from './files.js';
import { ManifestBudget, MANIFEST_LIMITS, type ManifestLimits } from './limits.js';
import { checkManifestsPath, entersGitDir, shownPath } from './manifests-path.js';
import { decodeManifest } from './text-encoding.js';
import { UserError } from '../util/errors.js';
import { log } from '../util/log.js';

const SYMLINK_MODE = '120000';

/**
 * The manifests as they were at a commit (the base side), read with git. A commit missing from
 * a shallow checkout is fetched once, shallowly. Git objects are read, never the file system, so
 * a symlink in the tree is never followed: one that leads out of the workspace is refused, any
 * other is skipped with a warning. Sizes come from the tree, so limits hold before a blob is read.
 */
export function commitSource(
  git: GitClient | undefined,
  options: {
    workspace: string;
    manifestsPath: string;
    sha: string;
    canFetch: boolean;
    limits?: ManifestLimits;
  },
): ManifestSource {
  const short = options.sha.slice(0, 7);
  const limits = options.limits ?? MANIFEST_LIMITS;
  return {
    description: `base commit ${short}`,
    async readFiles() {
      const relative = checkManifestsPath(options.manifestsPath);
      if (!git) {
        throw new UserError(
          `The workspace '${options.workspace}' is not a git checkout, so the base side (commit ${short}) cannot be read. Check out the repository with actions/checkout (fetch-depth: 0) before this action.`,
        );
      }
      if (!(await git.hasCommit(options.sha))) {
        if (options.canFetch) await git.fetchCommit(options.sha).catch(() => undefined);
        if (!(await git.hasCommit(options.sha))) {
          throw new UserError(
            `The base commit ${options.sha} is not in the checkout and could not be fetched. Use actions/checkout with 'fetch-depth: 0' (or fetch the base branch) so the base side's manifests can be read.`,
          );
        }
      }
      const workspaceRoot = git.repoPath(path.resolve(options.workspace));
      const root = git.repoPath(path.resolve(options.workspace, relative));
      const entries = await git.listTree(options.sha, root);
      if (entries.length === 0) return undefined;
      const single = entries.length === 1 && entries[0]?.path === root;
      const insideRoot = (file: string) => (root === '' ? file : file.slice(root.length + 1));
      const shown = (file: string) =>
        `${path.posix.relative(workspaceRoot, file) || path.posix.basename(file)}@${short}`;

      const budget = new ManifestBudget(limits);
      const files: ManifestFile[] = [];
      for (const entry of [...entries].sort((a, b) => compareCodeUnits(a.path, b.path))) {
        if (!single && isHidden(insideRoot(entry.path))) continue;
        const name = shown(entry.path);
        if (entry.mode === SYMLINK_MODE) {
          await skipLink(git, entry, name, workspaceRoot, limits);
          continue;
        }
        // Submodules (commit entries) hold no files of this repository.
        if (entry.type !== 'blob' || (!single && !isManifestFile(entry.path))) continue;
        budget.admit(name, entry.size ?? 0);
        files.push({ path: name, text: decodeManifest(await git.readBlob(entry.object), name) });
      }
      return files;
    },
  };
}

/** Refuses a link in the tree that leads out of the workspace; skips any other, saying so. */
async function skipLink(
  git: GitClient,
  entry: TreeEntry,
  name: string,
  workspaceRoot: string,
  limits: ManifestLimits,
): Promise<void> {
  if ((entry.size ?? 0) > limits.linkTargetBytes)
    throw new UserError(`${name} is a symlink whose target is longer than any path.`, {
      file: name,
    });
  const target = (await git.readBlob(entry.object)).toString('utf8');
  const lands = path.posix.normalize(path.posix.join(path.posix.dirname(entry.path), target));
  const outside =
    path.posix.isAbsolute(target) ||
    lands === '..' ||
    lands.startsWith('../') ||
    (workspaceRoot !== '' && lands !== workspaceRoot && !lands.startsWith(`${workspaceRoot}/`));
  if (outside || entersGitDir(lands))
    throw new UserError(
      `${name} is a symlink to ${shownPath(target)}, which leads ${outside ? 'outside the workspace' : 'into .git'}; manifests are read only from the repository's own files. Replace the link with the file itself.`,
      { file: name },
    );
  log().warning(
    `${name} is a symlink to ${shownPath(target)}; the base side is read from git, where links are not followed, so it is skipped. Keep manifests as plain files to compare them with the base.`,
  );
}

function isHidden(relative: string): boolean {
  return relative.split('/').some((part) => part.startsWith('.'));
}
