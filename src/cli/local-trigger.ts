/**
 * A terminal run as the pull request the pipeline plans for: base and head from git, the
 * repository from the origin remote. Pure.
 */
import path from 'node:path';
import type { PreviewTrigger } from '../plan/build-plan.js';
import type { ResolvedRefs } from './git-refs.js';

/** Not a real pull request: nothing on GitHub has this number. */
export const LOCAL_PR_NUMBER = 0;

export function localTrigger(refs: ResolvedRefs, originUrl: string | undefined): PreviewTrigger {
  return {
    kind: 'pull_request',
    action: 'local',
    number: LOCAL_PR_NUMBER,
    title: 'local preview',
    baseSha: refs.baseSha,
    baseRef: refs.baseRef,
    headSha: refs.headSha,
    headRef: refs.headRef,
    labels: [],
    repository: repositoryOf(originUrl, refs.toplevel),
  };
}

const NAME = /^[A-Za-z0-9_.-]{1,100}$/;

/**
 * owner/repo from a remote URL (https://host/owner/repo.git, git@host:owner/repo.git,
 * ssh://git@host/owner/repo), else local/<folder name>.
 */
export function repositoryOf(
  originUrl: string | undefined,
  toplevel: string,
): { owner: string; repo: string } {
  const match = /[:/]([^/:]+)\/([^/]+?)(?:\.git)?\/?$/.exec(originUrl?.trim() ?? '');
  if (match && NAME.test(match[1] as string) && NAME.test(match[2] as string))
    return { owner: match[1] as string, repo: match[2] as string };
  const folder = path.basename(toplevel).replace(/[^A-Za-z0-9_.-]+/g, '-') || 'repository';
  return { owner: 'local', repo: folder.slice(0, 100) };
}
