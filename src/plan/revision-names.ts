import type { Side } from './types.js';
import { UserError } from '../util/errors.js';

const MAX_NAME = 63;

/**
 * Deterministic revision name: `<svc>-<side>-<sha7>`. Knative requires the
 * `<svc>-` prefix and a DNS-1035 label of at most 63 characters; when the service
 * name leaves too little room, the side shrinks to one letter and the commit part
 * to what fits (at least 4 hex digits, still unique per side and commit in practice).
 */
export function revisionName(service: string, side: Side, sha: string): string {
  const commit = sha.toLowerCase().replace(/[^0-9a-f]/g, '');
  if (commit.length < 7) throw new Error(`revision name needs a commit SHA, got '${sha}'`);
  const full = `${service}-${side}-${commit.slice(0, 7)}`;
  if (full.length <= MAX_NAME) return full;
  const room = MAX_NAME - service.length - 3; // "-b-"
  if (room < 4) {
    throw new UserError(
      `Service name '${service}' is ${service.length} characters; revision names (<service>-<side>-<commit>) must fit in 63, so keep service names to 56 characters or fewer.`,
    );
  }
  return `${service}-${side[0]}-${commit.slice(0, Math.min(room, 7))}`;
}
