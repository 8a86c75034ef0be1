/**
 * One comment per PR, found again by its hidden first line AND its author, and updated in place.
 * A comment anybody else wrote is never edited, even if it carries the marker. Writing never
 * throws: a failed write becomes a warning, because the comment is a courtesy and the job
 * summary and outputs carry the result.
 *
 * A write that fails in a way that may pass (5xx, timeout, dropped connection) may still have
 * happened on GitHub's side. So before writing again the comment is looked for again, and a new
 * one is only created when that look found none: a retry never makes a second comment.
 */
import { errorMessage } from '../util/errors.js';
import { sleep as realSleep, withRetry } from '../util/retry.js';
import {
  httpStatusOf,
  isPermissionDenied,
  isTransientFailure,
  type GitHubClient,
} from './client.js';
import { isAuthoredBy, type TokenIdentity } from './identity.js';

/** How long one comment write may take in all, looks and pauses included. */
export const WRITE_BUDGET_MS = 60_000;
const FIRST_PAUSE_MS = 1000;
const LONGEST_PAUSE_MS = 16_000;

export interface ExistingComment {
  id: number;
  /** Absent when GitHub's answer lacked it; the comment is still edited by id. */
  url?: string;
  body: string;
}

export interface CommentTarget {
  client: GitHubClient;
  owner: string;
  repo: string;
  issueNumber: number;
}

/** What finds our comment among the PR's comments. */
export interface StickyTarget extends CommentTarget {
  marker: string;
  identity: TokenIdentity;
}

/** How long to keep trying, and how to wait (tests pass a fake clock). */
export interface Patience {
  /** Epoch ms (on `now`'s clock) after which nothing new starts. */
  deadline: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Told about each retry, for the log. */
  onRetry?: (message: string) => void;
}

export function patienceFor(
  options: {
    budgetMs?: number;
    now?: () => number;
    sleep?: (ms: number) => Promise<void>;
    onRetry?: (message: string) => void;
  } = {},
): Patience {
  const now = options.now ?? Date.now;
  return {
    deadline: now() + (options.budgetMs ?? WRITE_BUDGET_MS),
    now,
    sleep: options.sleep ?? realSleep,
    onRetry: options.onRetry,
  };
}

export type CommentAction = 'created' | 'updated' | 'skipped' | 'degraded';

export interface CommentWriteResult {
  action: CommentAction;
  id?: number;
  url?: string;
  /** For the log: why it was skipped or degraded. */
  reason?: string;
  /** For a warning annotation, when the comment could not be written. */
  warning?: string;
  /** The body that could not be written (degraded), e.g. to hand to a workflow_run poster. */
  body?: string;
}

function issuesPath(target: CommentTarget): string {
  const repo = `${encodeURIComponent(target.owner)}/${encodeURIComponent(target.repo)}`;
  return `/repos/${repo}/issues`;
}

/** Whether a body is ours: the marker must be its very first line, not text further down. */
export function carriesMarker(body: string | null | undefined, marker: string): boolean {
  return body === marker || (body ?? '').startsWith(`${marker}\n`);
}

/** A comment as GitHub lists it, kept only if its fields have the expected types. */
function commentOf(item: unknown): (ExistingComment & { user: unknown }) | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const { id, html_url: url, body, user } = item as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) return undefined;
  return {
    id,
    url: typeof url === 'string' ? url : undefined,
    body: typeof body === 'string' ? body : '',
    user,
  };
}

function authorOf(user: unknown): { login?: string; type?: string } | undefined {
  if (typeof user !== 'object' || user === null) return undefined;
  const { login, type } = user as Record<string, unknown>;
  return {
    login: typeof login === 'string' ? login : undefined,
    type: typeof type === 'string' ? type : undefined,
  };
}

/** One look through every page of the PR's comments: the oldest one by us with the marker. */
export async function findStickyComment(
  target: StickyTarget,
  deadline?: number,
): Promise<ExistingComment | undefined> {
  const items = await target.client.paginate<unknown>(
    `${issuesPath(target)}/${target.issueNumber}/comments?per_page=100`,
    { deadline },
  );
  for (const item of items) {
    const comment = commentOf(item);
    if (
      comment &&
      carriesMarker(comment.body, target.marker) &&
      isAuthoredBy(authorOf(comment.user), target.identity)
    ) {
      return { id: comment.id, url: comment.url, body: comment.body };
    }
  }
  return undefined;
}

/** Runs `attempt` again after failures that may pass, with backoff, until the deadline. */
export function retryTransient<T>(
  what: string,
  patience: Patience,
  attempt: () => Promise<T>,
): Promise<T> {
  return withRetry(attempt, {
    what,
    // The deadline bounds it; the count only guards against a clock that stands still.
    attempts: 12,
    initialDelayMs: FIRST_PAUSE_MS,
    maxDelayMs: LONGEST_PAUSE_MS,
    deadline: patience.deadline,
    isTransient: isTransientFailure,
    onRetry: (error, n, delayMs) =>
      patience.onRetry?.(
        `${errorMessage(error)}; ${what}: try ${n + 1} in ${Math.round(delayMs / 1000)} s`,
      ),
    sleep: patience.sleep,
    now: patience.now,
  });
}

export const READ_ONLY_HELP =
  'Pull requests from forks and from Dependabot get a read-only GITHUB_TOKEN, which cannot comment. ' +
  "The results are in this job's summary and outputs, and the run's result is unchanged. " +
  'To get comments on such pull requests, post them from a second workflow triggered by ' +
  '`workflow_run` (see "Comments on fork pull requests" in the README). ' +
  'For same-repository pull requests, give the job `permissions: pull-requests: write`.';

/**
 * Writes `body`: PATCHes the comment we know of, else POSTs a new one. After a failure that may
 * pass, waits, looks for the comment again (marker and author, every page), and PATCHes what it
 * found or POSTs only if it found nothing. Never throws.
 */
export async function writeStickyComment(
  target: StickyTarget & {
    existingId?: number;
    body: string;
    /** Named in the warning. */
    phase?: 'deploying' | 'result';
  },
  patience: Patience = patienceFor(),
): Promise<CommentWriteResult> {
  const base = issuesPath(target);
  const { client, body } = target;
  const request = { deadline: patience.deadline };
  let existingId = target.existingId;
  /** Set while an earlier write may or may not have happened: look before writing. */
  let mustLook = false;

  async function post(): Promise<CommentWriteResult> {
    const { data } = await client.request<unknown>(
      'POST',
      `${base}/${target.issueNumber}/comments`,
      { body },
      request,
    );
    const created = commentOf(data);
    return { action: 'created', id: created?.id, url: created?.url };
  }

  async function patch(id: number): Promise<CommentWriteResult> {
    const { data } = await client.request<unknown>(
      'PATCH',
      `${base}/comments/${id}`,
      { body },
      request,
    );
    return { action: 'updated', id, url: commentOf(data)?.url };
  }

  async function attempt(): Promise<CommentWriteResult> {
    if (mustLook) {
      existingId = (await findStickyComment(target, patience.deadline))?.id;
    }
    // Until this write is known to have landed (or not), the next try must look again.
    mustLook = true;
    let result: CommentWriteResult;
    if (existingId === undefined) {
      result = await post();
    } else {
      try {
        result = await patch(existingId);
      } catch (error) {
        if (httpStatusOf(error) !== 404) throw error;
        // Deleted since we saw it: look again, and create it only if no other one of ours is left.
        const gone = existingId;
        existingId = (await findStickyComment(target, patience.deadline))?.id;
        if (existingId === gone) throw error;
        result = existingId === undefined ? await post() : await patch(existingId);
      }
    }
    mustLook = false;
    return result;
  }

  try {
    return await retryTransient('write the preview comment', patience, attempt);
  } catch (error) {
    return { ...degraded(error, target.phase), body };
  }
}

/**
 * A write (or the look before it) that failed for good, as a result with its warning. Only a
 * refusal for want of permission is the read-only case; anything else says what failed.
 */
export function degraded(error: unknown, phase?: 'deploying' | 'result'): CommentWriteResult {
  const readOnly = isPermissionDenied(error);
  const what = `Could not write the preview comment${phase ? ` (${phase})` : ''}: ${errorMessage(error)}.`;
  const after =
    phase === 'deploying'
      ? 'The preview goes on; the comment is tried again with the result, ' +
        "which is also in this job's summary and outputs."
      : "The results are in this job's summary and outputs; the run's result is unchanged.";
  return {
    action: 'degraded',
    reason: readOnly ? 'read-only token' : 'GitHub API error',
    warning: readOnly ? `${what} ${READ_ONLY_HELP}` : `${what} ${after}`,
  };
}

export interface UpsertOptions extends StickyTarget {
  /**
   * Builds the body from the existing comment, if any; undefined means nothing to write
   * (on-change found no change).
   */
  render: (existing: ExistingComment | undefined) => string | undefined;
}

/** Find, render, write. Never throws. */
export async function upsertStickyComment(
  options: UpsertOptions,
  patience: Patience = patienceFor(),
): Promise<CommentWriteResult & { existing?: ExistingComment }> {
  let existing: ExistingComment | undefined;
  try {
    existing = await retryTransient('find the preview comment', patience, () =>
      findStickyComment(options, patience.deadline),
    );
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
  const result = await writeStickyComment({ ...options, existingId: existing?.id, body }, patience);
  return { ...result, existing, body };
}
