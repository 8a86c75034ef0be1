import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sharedDir } from './run-action.js';

export const eventsDir = path.join(sharedDir, 'github-events');
export const haveSharedEvents = existsSync(eventsDir);
export const sharedSkipReason = `../shared/github-events is absent (a fresh clone outside the workplace): tests that read the example payloads are skipped`;

/** A shared example payload with our commits and labels swapped in. */
export function pullRequestEvent(
  action: string,
  options: { baseSha: string; headSha: string; labels?: string[] },
): object {
  const payload = JSON.parse(
    readFileSync(path.join(eventsDir, `pull_request.${action}.json`), 'utf8'),
  ) as Record<string, any>;
  payload.pull_request.base.sha = options.baseSha;
  payload.pull_request.head.sha = options.headSha;
  if (options.labels)
    payload.pull_request.labels = options.labels.map((name, id) => ({ id, name, color: 'ededed' }));
  return payload;
}
