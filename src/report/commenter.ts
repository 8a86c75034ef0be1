/**
 * The sticky comment over one run: resolves the token's identity, finds the comment, writes at
 * most one body per phase ("deploying", then "result"), applies the `comment` mode, and turns
 * failures into warnings. The caller calls publish() twice; it never throws.
 *
 * A failed "deploying" write never stops the "result" write, except when GitHub refused for
 * want of permission (a fork's read-only token): then one warning says so and nothing more is
 * sent. After a write whose outcome is unknown, the next phase looks for the comment again first.
 */
import { createGitHubClient, type GitHubClient } from '../github/client.js';
import { resolveTokenIdentity, type TokenIdentity } from '../github/identity.js';
import {
  degraded,
  findStickyComment,
  patienceFor,
  retryTransient,
  writeStickyComment,
  type CommentWriteResult,
  type ExistingComment,
  type Patience,
  type StickyTarget,
} from '../github/sticky-comment.js';
import type { PreviewPlan } from '../plan/types.js';
import { errorMessage } from '../util/errors.js';
import { log as pipelineLog } from '../util/log.js';
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

/** The `comment` input. */
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
  /** Default: log().warning. */
  warn?: (message: string) => void;
  /** Default: log().info. */
  log?: (message: string) => void;
  /** The time written into the comment. */
  now?: () => Date;
  /** How long one phase may spend on GitHub (looks, writes, pauses). Default: about a minute. */
  budgetMs?: number;
  /** Clock and pause of the retries (tests pass fakes). */
  clockMs?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface PreviewCommenter {
  publish(phase: CommentPhase, report: RunReport): Promise<CommentWriteResult>;
  /** The last result the existing comment held before this run (for the job summary). */
  previousResult(): RunSnapshot | undefined;
}

export function createPreviewCommenter(options: PreviewCommenterOptions): PreviewCommenter {
  const warn = options.warn ?? ((m: string) => pipelineLog().warning(m));
  const log = options.log ?? ((m: string) => pipelineLog().info(m));
  if (options.token) pipelineLog().secret(options.token);
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
        marker: options.marker,
      }
    : undefined;

  let identity: TokenIdentity | undefined;
  /** The comment as this run last saw or wrote it. */
  let current: ExistingComment | undefined;
  /** Until a look succeeds, and after a write whose outcome is unknown. */
  let mustLook = true;
  /** The state found before this run wrote anything: "since the previous run" compares to it. */
  let previous: CommentState | undefined;
  let previousRead = false;
  /** Set once GitHub refused for want of permission (a fork's read-only token). */
  let readOnly = false;

  async function publish(phase: CommentPhase, report: RunReport): Promise<CommentWriteResult> {
    if (options.mode === 'off') return { action: 'skipped', reason: 'comment: off' };
    if (!target) return { action: 'skipped', reason: 'not a pull request' };
    if (!options.token) return { action: 'skipped', reason: 'no github-token' };
    try {
      return await publishPhase(target, phase, report);
    } catch (error) {
      // Nothing here should throw; if something does, the run still goes on.
      return fail(phase, error);
    }
  }

  async function publishPhase(
    sticky: Omit<StickyTarget, 'identity'>,
    phase: CommentPhase,
    report: RunReport,
  ): Promise<CommentWriteResult> {
    const patience: Patience = patienceFor({
      budgetMs: options.budgetMs,
      now: options.clockMs,
      sleep: options.sleep,
      onRetry: (m) => log(`comment: ${m}`),
    });
    if (mustLook && !readOnly) {
      try {
        await retryTransient('find the preview comment', patience, async () => {
          identity ??= await whoAmI(patience.deadline);
          current = await findStickyComment({ ...sticky, identity }, patience.deadline);
        });
      } catch (error) {
        return fail(phase, error);
      }
      mustLook = false;
      if (!previousRead) {
        previous = extractState(current?.body);
        previousRead = true;
      }
    }
    const body = render(phase, report);
    // GitHub refused for want of permission: it will refuse this phase too. Other failures of an
    // earlier phase never stop this one.
    if (readOnly) return { action: 'degraded', reason: 'read-only token', body };
    if (options.mode === 'on-change' && current) {
      const skip = onChangeSkipReason(phase, current.body, body);
      if (skip) return { action: 'skipped', id: current.id, url: current.url, reason: skip };
    }
    // A successful look above, in this phase or an earlier one, learnt the identity.
    const result = await writeStickyComment(
      { ...sticky, identity: identity!, existingId: current?.id, body, phase },
      patience,
    );
    if (result.action === 'degraded') {
      mustLook = true;
      return noteFailure(result);
    }
    if (result.id === undefined) mustLook = true;
    else current = { id: result.id, url: result.url ?? current?.url, body };
    return { ...result, url: result.url ?? current?.url };
  }

  async function whoAmI(deadline: number): Promise<TokenIdentity> {
    const found = await resolveTokenIdentity(client, { deadline });
    log(
      `comment: writing as ${found.login} (${found.source})${found.note ? `; ${found.note}` : ''}`,
    );
    return found;
  }

  /**
   * The body, with the previous state if it renders; a state that breaks rendering is dropped
   * (it is read from a comment anyone with write access can edit).
   */
  function render(phase: CommentPhase, report: RunReport): string {
    const input = {
      plan: options.plan,
      report,
      phase,
      context: options.context,
      marker: options.marker,
      now: options.now?.(),
    };
    if (previous) {
      try {
        return renderComment({ ...input, previous });
      } catch (error) {
        log(`comment: the existing comment's state is not usable (${errorMessage(error)})`);
        previous = undefined;
      }
    }
    return renderComment(input);
  }

  function fail(phase: CommentPhase, error: unknown): CommentWriteResult {
    return noteFailure(degraded(error, phase));
  }

  /** Warns, and remembers a refusal for want of permission: later phases send nothing. */
  function noteFailure(result: CommentWriteResult): CommentWriteResult {
    if (result.warning) warn(result.warning);
    if (result.reason === 'read-only token') readOnly = true;
    return result;
  }

  return { publish, previousResult: () => lastResultOf(previous) };
}

/**
 * on-change: an existing comment keeps its last result while this run deploys, and is only
 * rewritten when the new state differs in more than timings and timestamps. A comment whose
 * state is missing or was edited is rewritten.
 */
export function onChangeSkipReason(
  phase: CommentPhase,
  existingBody: string,
  newBody: string,
): string | undefined {
  if (phase === 'deploying') return 'on-change: the existing comment stays until the result';
  const before = extractState(existingBody, { strict: true });
  const after = extractState(newBody);
  if (before && after && significantlyEqual(before, after))
    return 'on-change: nothing but timings changed';
  return undefined;
}
