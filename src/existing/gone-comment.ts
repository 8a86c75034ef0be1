/**
 * Edits the PR's sticky comment to say the preview is gone. Only an existing comment of ours is
 * edited (found by marker and author, as every write is); with none, nothing is written: a PR
 * that never had a preview comment gets no new one when it closes. Never throws.
 */
import type { CommentMode } from '../report/commenter.js';
import { createGitHubClient, type GitHubClient } from '../github/client.js';
import { resolveTokenIdentity } from '../github/identity.js';
import {
  degraded,
  patienceFor,
  retryTransient,
  upsertStickyComment,
  type CommentWriteResult,
  type Patience,
} from '../github/sticky-comment.js';
import type { ExistingComment } from '../github/sticky-comment.js';

export interface GoneCommentOptions {
  token: string;
  mode: CommentMode;
  repository: { owner: string; repo: string };
  pr: number;
  marker: string;
  /** The new body from the comment it replaces. */
  render: (existing: ExistingComment) => string;
  client?: GitHubClient;
  patience?: Patience;
  log?: (message: string) => void;
}

export async function markPreviewGone(options: GoneCommentOptions): Promise<CommentWriteResult> {
  if (options.mode === 'off') return { action: 'skipped', reason: 'comment: off' };
  if (!options.token) return { action: 'skipped', reason: 'no github-token' };
  const client =
    options.client ??
    createGitHubClient({ token: options.token, onRetry: (m) => options.log?.(`comment: ${m}`) });
  const patience =
    options.patience ?? patienceFor({ onRetry: (m) => options.log?.(`comment: ${m}`) });
  try {
    const identity = await retryTransient('find who the token writes as', patience, () =>
      resolveTokenIdentity(client, { deadline: patience.deadline }),
    );
    return await upsertStickyComment(
      {
        client,
        owner: options.repository.owner,
        repo: options.repository.repo,
        issueNumber: options.pr,
        marker: options.marker,
        identity,
        render: (existing) => (existing ? options.render(existing) : undefined),
      },
      patience,
    );
  } catch (error) {
    return degraded(error);
  }
}
