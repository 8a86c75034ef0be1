import path from 'node:path';
import type { GitClient } from '../git/git-client.js';
import { isManifestFile, type ManifestSource } from './files.js';
import { UserError } from '../util/errors.js';

/**
 * The manifests as they were at a commit (the base side), read with git. A commit
 * missing from a shallow checkout is fetched once, shallowly.
 */
export function commitSource(
  git: GitClient | undefined,
  options: { workspace: string; manifestsPath: string; sha: string; canFetch: boolean },
): ManifestSource {
  const short = options.sha.slice(0, 7);
  return {
    description: `base commit ${short}`,
    async readFiles() {
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
      const root = git.repoPath(path.resolve(options.workspace, options.manifestsPath));
      const listed = await git.listFiles(options.sha, root);
      if (listed.length === 0) return undefined;
      const single = listed.length === 1 && listed[0] === root;
      const insideRoot = (file: string) => (root === '' ? file : file.slice(root.length + 1));
      const files = single
        ? listed
        : listed.filter(
            (file) =>
              isManifestFile(file) &&
              !insideRoot(file)
                .split('/')
                .some((part) => part.startsWith('.')),
          );
      const result = [];
      for (const file of files.sort()) {
        const shown = path.relative(options.workspace, path.join(git.toplevel, file)) || file;
        result.push({ path: `${shown}@${short}`, text: await git.readFile(options.sha, file) });
      }
      return result;
    },
  };
}
