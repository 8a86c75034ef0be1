/**
 * Tag checks: each tag host (`base-<svc>...`, `pr-<svc>...`) must answer only from its own
 * revision. Their answers also teach the probe what each revision looks like (fingerprint,
 * whether it sends a revision header), which the split measurement relies on.
 */
import type { Side } from '../plan/types.js';
import type { TagCheck } from './types.js';
import { describeOutcome, fingerprint, isSuccess, revisionHeader } from './attribution.js';
import type { HttpClient, HttpOutcome } from './http-client.js';

export interface TagTarget {
  side: Side;
  tag: string;
  host: string;
  expectedRevision: string;
}

export interface TagFindings {
  target: TagTarget;
  check: TagCheck;
  /** The revision's body, when every matching answer had the same one. */
  fingerprint?: string;
  /** Matching answers had different bodies: the body cannot identify this revision. */
  bodyVaries: boolean;
  /** Every matching answer named the expected revision in a revision header. */
  sendsHeader: boolean;
}

/** Pure: what a tag's answers say. */
export function summarizeTagAnswers(
  target: TagTarget,
  outcomes: readonly HttpOutcome[],
): TagFindings {
  const matches = (outcome: HttpOutcome): boolean => {
    if (outcome.kind !== 'response' || !isSuccess(outcome.status)) return false;
    const header = revisionHeader(outcome.headers);
    return header === undefined || header === target.expectedRevision;
  };
  const matching = outcomes.filter(matches);
  const firstMismatch = outcomes.find((outcome) => !matches(outcome));
  const shown = firstMismatch ?? outcomes[0];
  const bodies = new Set(
    matching.map((outcome) => (outcome.kind === 'response' ? fingerprint(outcome.body) : '')),
  );
  const sendsHeader =
    matching.length > 0 &&
    matching.every(
      (outcome) => outcome.kind === 'response' && revisionHeader(outcome.headers) !== undefined,
    );
  return {
    target,
    check: {
      tag: target.tag,
      host: target.host,
      expectedRevision: target.expectedRevision,
      requests: outcomes.length,
      matched: matching.length,
      sample: shown ? describeOutcome(shown) : '',
    },
    fingerprint: bodies.size === 1 ? [...bodies][0] : undefined,
    bodyVaries: bodies.size > 1,
    sendsHeader,
  };
}

export interface TagCheckSettings {
  url: string;
  requests: number;
  timeoutMs: number;
}

/** Asks the tag host `requests` times, one after another (a handful; speed does not matter). */
export async function checkTag(
  client: HttpClient,
  target: TagTarget,
  settings: TagCheckSettings,
): Promise<TagFindings> {
  const outcomes: HttpOutcome[] = [];
  for (let i = 0; i < settings.requests; i++) {
    outcomes.push(
      await client.get({ url: settings.url, host: target.host, timeoutMs: settings.timeoutMs }),
    );
  }
  return summarizeTagAnswers(target, outcomes);
}

/** Why a tag check failed, as one clause naming the tag, or undefined when it passed. */
export function tagFailure(findings: TagFindings): string | undefined {
  const { check } = findings;
  if (check.matched === check.requests) return undefined;
  return (
    `tag ${check.tag} (${check.host}) answered from ${check.expectedRevision} in only ` +
    `${check.matched} of ${check.requests} requests; e.g. ${check.sample}`
  );
}
