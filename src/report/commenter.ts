/**
 * The sticky comment over one run: resolves the token's identity once, finds the comment once,
 * writes at most once per phase ("deploying", then "result"), applies the `comment` mode, and
 * turns write failures into a warning. The lead calls publish() twice; it never throws.
 */
import * as core from '@actions/core';
import { createGitHubClient, type GitHubClient } from '../github/client.js';
import { resolveTokenIdentity, type TokenIdentity } from '../github/identity.js';
import {
  findStickyComment,
  degraded,
  writeStickyComment,
  type CommentWriteResult,
  type ExistingComment,
} from '../github/sticky-comment.js';
import type { PreviewPlan } from '../plan/types.js';
import type { RunReport } from './model.js';
import { renderComment } from './render-comment.js';
import type { RenderContext } from './render-parts.js';
import {
  extractState,
  lastResultOf,
  significantlyEqual,
  type CommentPhase,
  type CommentState,
  type RunSnapshot,
} from './state.js';

export type CommentMode = 'always' | 'on-change' | 'off';

export interface PreviewCommenterOptions {
  token: string;
  mode: CommentMode;
  plan: PreviewPlan;
  context: RenderContext;
  /** First line of the comment (commentMarker / markerFromEnv). */
  marker: string;
  /** Default: a client on GITHUB_API_URL with this token. */
  client?: GitHubClient;
  /** Default: core.warning. */
  warn?: (message: string) => void;
  /** Default: core.info. */
  log?: (message: string) => void;
  now?: () => Date;
}

export interface PreviewCommenter {
  publish(phase: CommentPhase, report: RunReport): Promise<CommentWriteResult>;
  /** The last result the existing comment held before this run (for the job summary). */
  previousResult(): RunSnapshot | undefined;
}

export function createPreviewCommenter(options: PreviewCommenterOptions): PreviewCommenter {
  const warn = options.warn ?? ((m: string) => core.warning(m));
  const log = options.log ?? ((m: string) => core.info(m));
  if (options.token) core.setSecret(options.token);
  const client =
    options.client ??
    createGitHubClient({ token: options.token, onRetry: (m) => log(`comment: ${m}`) });
  const pr = options.plan.pullRequest;
  const target = pr
    ? {
        client,
        owner: options.plan.repository.owner,
        repo: options.plan.repository.repo,
        issueNumber: pr.number,
      }
    : undefined;

  let identity: Promise<TokenIdentity> | undefined;
  /** The comment as this run last saw or wrote it. */
  let current: ExistingComment | undefined;
  let lookedUp = false;
  /** The state found before this run wrote anything: "since the previous run" compares to it. */
  let previous: CommentState | undefined;
  let gaveUp: CommentWriteResult | undefined;

  async function publish(phase: CommentPhase, report: RunReport): Promise<CommentWriteResult> {
    if (options.mode === 'off') return { action: 'skipped', reason: 'comment: off' };
    if (!target) return { action: 'skipped', reason: 'not a pull request' };
    if (!options.token) return { action: 'skipped', reason: 'no github-token' };
    // One warning per run is enough; the second phase would fail the same way.
    if (gaveUp)
      return { action: 'skipped', reason: `not retried: ${gaveUp.reason ?? 'failed before'}` };
    try {
      identity ??= resolveTokenIdentity(client).then((found) => {
        log(
          `comment: writing as ${found.login} (${found.source})${found.note ? `; ${found.note}` : ''}`,
        );
        return found;
      });
      if (!lookedUp) {
        current = await findStickyComment({
          ...target,
          marker: options.marker,
          identity: await identity,
        });
        previous = extractState(current?.body);
        lookedUp = true;
      }
    } catch (error) {
      return giveUp(degraded(error));
    }
    const body = renderComment({
      plan: options.plan,
      report,
      phase,
      context: options.context,
      marker: options.marker,
      previous,
      now: options.now?.(),
    });
    if (options.mode === 'on-change' && current) {
      const skip = onChangeSkipReason(phase, current.body, body);
      if (skip) return { action: 'skipped', id: current.id, url: current.url, reason: skip };
    }
    const result = await writeStickyComment({ ...target, existingId: current?.id, body });
    if (result.action === 'degraded') return giveUp({ ...result, body });
    if (result.id !== undefined && result.url !== undefined)
      current = { id: result.id, url: result.url, body };
    return result;
  }

  function giveUp(result: CommentWriteResult): CommentWriteResult {
    gaveUp = result;
    if (result.warning) warn(result.warning);
    return result;
  }

  return { publish, previousResult: () => lastResultOf(previous) };
}

/**
 * on-change: an existing comment keeps its last result while this run deploys, and is only
 * rewritten when the new state differs in more than timings and timestamps.
 */
export function onChangeSkipReason(
  phase: CommentPhase,
  existingBody: string,
  newBody: string,
): string | undefined {
  if (phase === 'deploying') return 'on-change: the existing comment stays until the result';
  const before = extractState(existingBody);
  const after = extractState(newBody);
  if (before && after && significantlyEqual(before, after))
    return 'on-change: nothing but timings changed';
  return undefined;
}
