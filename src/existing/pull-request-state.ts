/**
 * Whether a pull request is still open, for sweep. A token that may not read pull requests (or
 * no token) is not an error: sweep then goes by expiry alone, and says so once.
 */
import { isPermissionDenied, type GitHubClient } from '../github/client.js';
import { errorMessage } from '../util/errors.js';
import type { PullRequestState } from './sweep-selection.js';

export interface PullRequestStates {
  /** 'unknown' when GitHub could not tell; never throws. */
  stateOf(pr: number): Promise<PullRequestState>;
  /** Why states are unknown, once, for the log. */
  note(): string | undefined;
}

export function pullRequestStates(
  client: GitHubClient | undefined,
  repository: { owner: string; repo: string },
  options: { timeoutMs?: number; now?: () => number } = {},
): PullRequestStates {
  const now = options.now ?? Date.now;
  let unavailable: string | undefined = client
    ? undefined
    : 'no github-token, so closed pull requests are not looked up';
  const path = (pr: number): string =>
    `/repos/${encodeURIComponent(repository.owner)}/${encodeURIComponent(repository.repo)}/pulls/${pr}`;
  return {
    async stateOf(pr) {
      if (!client || unavailable) return 'unknown';
      try {
        const { data } = await client.request<{ state?: unknown }>('GET', path(pr), undefined, {
          deadline: now() + (options.timeoutMs ?? 30_000),
        });
        return data.state === 'closed' ? 'closed' : data.state === 'open' ? 'open' : 'unknown';
      } catch (error) {
        // A refusal for want of permission holds for every PR: stop asking.
        if (isPermissionDenied(error))
          unavailable = `the token may not read pull requests (${errorMessage(error)}); give the job permissions: pull-requests: read to delete previews of closed PRs before they expire`;
        return 'unknown';
      }
    },
    note: () => unavailable,
  };
}
