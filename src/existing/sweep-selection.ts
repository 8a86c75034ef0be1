/**
 * Which preview namespaces a sweep deletes. Pure: the namespaces as listed, the time, and what
 * GitHub said about each PR go in; a decision with its reason comes out for each.
 */
import type { ReadObject } from '../kube/object.js';
import { EXPIRES_ANNOTATION, previewPullRequest } from './ownership.js';
import { parseExpiry, rfc3339 } from './ttl.js';

/** What GitHub says of a PR: open, closed, or unknown (no permission, or no answer). */
export type PullRequestState = 'open' | 'closed' | 'unknown';

export interface SweepCandidate {
  namespace: string;
  pr: number;
  expiresAt?: Date;
  terminating: boolean;
}

export type SweepDecision =
  | { namespace: string; pr: number; action: 'delete'; reason: string }
  | { namespace: string; pr: number; action: 'keep'; reason: string };

/** The namespaces of a listing that are previews of `repository`; anything else is ignored. */
export function sweepCandidates(
  items: readonly ReadObject[],
  repository: string,
): SweepCandidate[] {
  const candidates: SweepCandidate[] = [];
  for (const item of items) {
    const name = item.metadata?.name;
    const pr = previewPullRequest(item, repository);
    if (typeof name !== 'string' || pr === undefined) continue;
    candidates.push({
      namespace: name,
      pr,
      expiresAt: parseExpiry(item.metadata?.annotations?.[EXPIRES_ANNOTATION]),
      terminating: Boolean(item.metadata?.deletionTimestamp),
    });
  }
  return candidates.sort((a, b) => a.namespace.localeCompare(b.namespace));
}

/**
 * Expired (its expiry has passed) or its PR is closed: delete. A namespace whose expiry cannot
 * be read is only deleted when its PR is known to be closed: never on a doubt.
 */
export function decideSweep(
  candidate: SweepCandidate,
  now: Date,
  prState: PullRequestState,
): SweepDecision {
  const { namespace, pr } = candidate;
  const keep = (reason: string): SweepDecision => ({ namespace, pr, action: 'keep', reason });
  const remove = (reason: string): SweepDecision => ({ namespace, pr, action: 'delete', reason });
  if (candidate.terminating) return keep('already being deleted');
  if (prState === 'closed') return remove(`PR #${pr} is closed`);
  if (!candidate.expiresAt)
    return keep(`its ${EXPIRES_ANNOTATION} annotation is missing or not an RFC 3339 time`);
  if (candidate.expiresAt.getTime() <= now.getTime())
    return remove(`it expired at ${rfc3339(candidate.expiresAt)}`);
  return keep(`it expires at ${rfc3339(candidate.expiresAt)}`);
}
