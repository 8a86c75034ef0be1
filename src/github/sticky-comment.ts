/**
 * One comment per PR, found again by its hidden first line AND its author, and updated in place.
 * A comment anybody else wrote is never edited, even if it carries the marker. Writing never
 * throws: a failed write becomes a warning, because the comment is a courtesy and the job
 * summary and outputs carry the result.
 */
import { errorMessage } from '../util/errors.js';
import { httpStatusOf, type GitHubClient } from './client.js';
import { isAuthoredBy, type TokenIdentity } from './identity.js';

export interface IssueComment {
  id: number;
  html_url: string;
  body?: string | null;
  user?: { login?: string; type?: string } | null;
}

export interface ExistingComment {
  id: number;
  url: string;
  body: string;
}

export interface CommentTarget {
  client: GitHubClient;
  owner: string;
  repo: string;
  issueNumber: number;
}

export type CommentAction = 'created' | 'updated' | 'skipped' | 'degraded';

export interface CommentWriteResult {
  action: CommentAction;
  id?: number;
  url?: string;
  /** For the log: why it was skipped or degraded. */
  reason?: string;
  /** For core.warning, when the comment could not be written. */
  warning?: string;
  /** The body that could not be written (degraded), e.g. to hand to a workflow_run poster. */
  body?: string;
}

function commentsPath(target: CommentTarget): string {
  const repo = `${encodeURIComponent(target.owner)}/${encodeURIComponent(target.repo)}`;
  return `/repos/${repo}/issues`;
}

/** Whether a body is ours: the marker must be its very first line, not text further down. */
export function carriesMarker(body: string | null | undefined, marker: string): boolean {
  return body === marker || (body ?? '').startsWith(`${marker}\n`);
}

/** Reads every page of the PR's comments; returns the oldest one by us with the marker. */
export async function findStickyComment(
  target: CommentTarget & { marker: string; identity: TokenIdentity },
): Promise<ExistingComment | undefined> {
  const comments = await target.client.paginate<IssueComment>(
    `${commentsPath(target)}/${target.issueNumber}/comments?per_page=100`,
  );
  const ours = comments.find(
    (c) => carriesMarker(c.body, target.marker) && isAuthoredBy(c.user, target.identity),
  );
  return ours ? { id: ours.id, url: ours.html_url, body: ours.body ?? '' } : undefined;
}

export const READ_ONLY_HELP =
  'Pull requests from forks and from Dependabot get a read-only GITHUB_TOKEN, which cannot comment. ' +
  "The results are in this job's summary and outputs, and the run's result is unchanged. " +
  'To get comments on such pull requests, post them from a second workflow triggered by ' +
  '`workflow_run` (see "Comments on fork pull requests" in the README). ' +
  'For same-repository pull requests, give the job `permissions: pull-requests: write`.';

/**
 * One write: PATCH the existing comment, or POST a new one. If the comment vanished between
 * listing and writing (PATCH 404), it is created instead; that is still the phase's only write.
 */
export async function writeStickyComment(
  target: CommentTarget & { existingId?: number; body: string },
): Promise<CommentWriteResult> {
  const base = commentsPath(target);
  try {
    if (target.existingId !== undefined) {
      try {
        const { data } = await target.client.request<IssueComment>(
          'PATCH',
          `${base}/comments/${target.existingId}`,
          { body: target.body },
        );
        return { action: 'updated', id: data.id, url: data.html_url };
      } catch (error) {
        if (httpStatusOf(error) !== 404) throw error;
      }
    }
    const { data } = await target.client.request<IssueComment>(
      'POST',
      `${base}/${target.issueNumber}/comments`,
      { body: target.body },
    );
    return { action: 'created', id: data.id, url: data.html_url };
  } catch (error) {
    return degraded(error);
  }
}

export function degraded(error: unknown): CommentWriteResult {
  const status = httpStatusOf(error);
  const readOnly = status === 403 || status === 404;
  const warning = readOnly
    ? `Could not write the preview comment: ${errorMessage(error)}. ${READ_ONLY_HELP}`
    : `Could not write the preview comment: ${errorMessage(error)}. ` +
      "The results are in this job's summary and outputs; the run's result is unchanged.";
  return { action: 'degraded', reason: readOnly ? 'read-only token' : 'GitHub API error', warning };
}

export interface UpsertOptions extends CommentTarget {
  marker: string;
  identity: TokenIdentity;
  /**
   * Builds the body from the existing comment, if any; undefined means nothing to write
   * (on-change found no change).
   */
  render: (existing: ExistingComment | undefined) => string | undefined;
}

/** Find, render, write once. Never throws. */
export async function upsertStickyComment(
  options: UpsertOptions,
): Promise<CommentWriteResult & { existing?: ExistingComment }> {
  let existing: ExistingComment | undefined;
  try {
    existing = await findStickyComment(options);
  } catch (error) {
    return degraded(error);
  }
  const body = options.render(existing);
  if (body === undefined) {
    return {
      action: 'skipped',
      id: existing?.id,
      url: existing?.url,
      reason: 'unchanged',
      existing,
    };
  }
  const result = await writeStickyComment({ ...options, existingId: existing?.id, body });
  return { ...result, existing, body };
}
