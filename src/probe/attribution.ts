/**
 * Which revision answered? Pure. A revision header wins (the template app sends
 * `k-revision`; `x-revision` is accepted too). Without one, the body is compared with each
 * revision's fingerprint: the exact body, trimmed of surrounding whitespace. Bodies that
 * vary per request (timestamps, pod names) therefore cannot be fingerprinted; such apps
 * must send the header, and the probe says so instead of guessing.
 */
import type { HttpOutcome } from './http-client.js';

export const REVISION_HEADERS = ['k-revision', 'x-revision'] as const;

/** Longest piece of a response body kept for the report. */
export const SAMPLE_CHARS = 200;

export function revisionHeader(
  headers: Readonly<Record<string, string | string[] | undefined>>,
): string | undefined {
  for (const name of REVISION_HEADERS) {
    const value = headers[name];
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first.trim() !== '') return first.trim();
  }
  return undefined;
}

export function fingerprint(body: string): string {
  return body.trim();
}

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

export function truncate(text: string, limit: number = SAMPLE_CHARS): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** A short, one-line description of an outcome for the report: status, revision header, body. */
export function describeOutcome(outcome: HttpOutcome): string {
  if (outcome.kind === 'transport-error') return truncate(`error: ${outcome.error}`);
  const header = revisionHeader(outcome.headers);
  const body = fingerprint(outcome.body).replace(/\s+/g, ' ');
  return truncate(
    `HTTP ${outcome.status}${header ? ` (k-revision: ${header})` : ''}${body ? ` ${body}` : ''}`,
  );
}

export type Attribution =
  /** A revision of the split answered. */
  | { kind: 'revision'; revision: string }
  /** A revision header named a revision that is not in the split. */
  | { kind: 'foreign-revision'; revision: string }
  /** Nothing identifies the answer: no header, body matches no (unambiguous) fingerprint. */
  | { kind: 'unknown' }
  | { kind: 'transport-error' };

export interface Attributor {
  attribute(outcome: HttpOutcome): Attribution;
}

/**
 * @param revisions the revisions of the split
 * @param fingerprints revision -> fingerprint, for the revisions whose answer was stable;
 *   a fingerprint shared by two revisions identifies neither and is ignored
 */
export function createAttributor(
  revisions: readonly string[],
  fingerprints: ReadonlyMap<string, string>,
): Attributor {
  const known = new Set(revisions);
  const byBody = new Map<string, string | null>();
  for (const [revision, print] of fingerprints) {
    byBody.set(print, byBody.has(print) ? null : revision);
  }
  return {
    attribute(outcome) {
      if (outcome.kind === 'transport-error') return { kind: 'transport-error' };
      const header = revisionHeader(outcome.headers);
      if (header !== undefined) {
        return known.has(header)
          ? { kind: 'revision', revision: header }
          : { kind: 'foreign-revision', revision: header };
      }
      const revision = byBody.get(fingerprint(outcome.body));
      return revision ? { kind: 'revision', revision } : { kind: 'unknown' };
    },
  };
}
