/**
 * The commits a terminal run previews, from git: --head (default HEAD) and --base (default the
 * merge base with the default branch, else HEAD~1), and whether the working tree holds changes
 * the preview would silently leave out.
 */
import type { ToolRunner } from '../util/tool-runner.js';
import { firstLine } from '../util/errors.js';
import { UsageError } from './usage-error.js';

export interface ResolvedRefs {
  /** The repository's top level: the workspace when the head is the checked-out commit. */
  toplevel: string;
  baseSha: string;
  headSha: string;
  /** What the base is, for people: a branch, a ref as given, or HEAD~1. */
  baseRef: string;
  headRef: string;
  /** One sentence: how the base was chosen. */
  baseReason: string;
  /** The head is the commit checked out in the working tree. */
  headIsCheckout: boolean;
}

/** Branches tried, in order, when origin/HEAD does not name the default branch. */
export const DEFAULT_BRANCH_CANDIDATES = ['main', 'master'] as const;

export async function resolveRefs(
  git: ToolRunner,
  cwd: string,
  options: { base?: string; head?: string },
): Promise<ResolvedRefs> {
  const top = await git.run(['rev-parse', '--show-toplevel'], { cwd });
  if (top.exitCode !== 0)
    throw new UsageError(
      `${cwd} is not inside a git repository (git says: ${firstLine(top.stderr) || 'nothing'}). Run knative-action from a clone of the repository to preview.`,
    );
  const toplevel = top.stdout.trim();
  const run = (args: string[]) => git.run(args, { cwd: toplevel });
  const commitOf = async (ref: string): Promise<string | undefined> => {
    if (!ref || ref.startsWith('-')) return undefined;
    const result = await run(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  };
  const requireCommit = async (ref: string, option: string): Promise<string> => {
    const sha = await commitOf(ref);
    if (!sha)
      throw new UsageError(
        `${option} '${ref}' is not a commit in this repository. Check the spelling, or fetch it first (e.g. git fetch origin ${ref.startsWith('-') ? 'REF' : ref}).`,
      );
    return sha;
  };

  const checkedOut = await commitOf('HEAD');
  if (!checkedOut && options.head === undefined)
    throw new UsageError('The repository has no commits yet: commit the service, then run again.');
  const headSha = await requireCommit(options.head ?? 'HEAD', '--head');
  const branch = await run(['symbolic-ref', '--quiet', '--short', 'HEAD']);
  const headRef = options.head ?? (branch.exitCode === 0 ? branch.stdout.trim() || 'HEAD' : 'HEAD');
  const common = { toplevel, headSha, headRef, headIsCheckout: headSha === checkedOut };

  if (options.base !== undefined) {
    const baseSha = await requireCommit(options.base, '--base');
    return { ...common, baseSha, baseRef: options.base, baseReason: 'given by --base' };
  }
  const defaultBranch = await findDefaultBranch(run, commitOf);
  if (defaultBranch) {
    const mergeBase = await run(['merge-base', headSha, defaultBranch]);
    const sha = mergeBase.exitCode === 0 ? mergeBase.stdout.trim() : '';
    if (sha && sha !== headSha)
      return {
        ...common,
        baseSha: sha,
        baseRef: defaultBranch,
        baseReason: `the merge base of ${headRef} with the default branch ${defaultBranch}`,
      };
  }
  const parent = await commitOf(`${headSha}~1`);
  if (!parent)
    throw new UsageError(
      `${headRef} (${headSha.slice(0, 7)}) has no parent commit, so there is no base to compare it with. Pass --base REF.`,
    );
  return {
    ...common,
    baseSha: parent,
    baseRef: `${headRef}~1`,
    baseReason: !defaultBranch
      ? `the parent of ${headRef} (no origin/HEAD, main or master to take a merge base with)`
      : headRef === defaultBranch || defaultBranch === `origin/${headRef}`
        ? `the parent of ${headRef}, the default branch`
        : `the parent of ${headRef} (it has no commits of its own beyond the default branch ${defaultBranch})`,
  };
}

/** origin/HEAD's branch (set by clone), else the first of main, master that exists. */
async function findDefaultBranch(
  run: (args: string[]) => Promise<{ exitCode: number; stdout: string }>,
  commitOf: (ref: string) => Promise<string | undefined>,
): Promise<string | undefined> {
  const originHead = await run(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']);
  const remote = originHead.stdout.trim();
  if (originHead.exitCode === 0 && remote && (await commitOf(remote))) return remote;
  for (const name of DEFAULT_BRANCH_CANDIDATES)
    if (await commitOf(`refs/heads/${name}`)) return name;
  return undefined;
}

/**
 * Paths under `paths` (relative to the top level) with uncommitted changes, untracked files
 * included, ignored ones not. The preview is of commits, so such changes would not be in it.
 */
export async function uncommittedChanges(
  git: ToolRunner,
  toplevel: string,
  paths: readonly string[],
): Promise<string[]> {
  const result = await git.runOk(
    [
      '--literal-pathspecs',
      'status',
      '--porcelain=v1',
      '-z',
      '--untracked-files=all',
      '--',
      ...paths,
    ],
    { cwd: toplevel },
  );
  const changed: string[] = [];
  const records = result.stdout.split('\0');
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as string;
    if (record.length < 4) continue;
    changed.push(record.slice(3));
    // A rename or copy is followed by its source path.
    if (/^[RC]/.test(record)) i++;
  }
  return changed;
}
