/**
 * Which pull request a cleanup is for, read from the event (any `pull_request` action: closed,
 * or any other when `mode: cleanup` is set), and which repository a run belongs to. Pure.
 */
import { UserError } from '../util/errors.js';

export interface RepositoryName {
  owner: string;
  repo: string;
}

const NAME = /^[A-Za-z0-9_.-]{1,100}$/;

/** owner/repo of the event's repository, else GITHUB_REPOSITORY. */
export function repositoryOfRun(
  payload: unknown,
  envRepository: string | undefined,
): RepositoryName {
  const fromPayload = (payload as { repository?: { full_name?: unknown } } | null)?.repository
    ?.full_name;
  const fullName =
    typeof fromPayload === 'string' && fromPayload ? fromPayload : (envRepository ?? '');
  const [owner = '', repo = '', ...rest] = fullName.split('/');
  if (!NAME.test(owner) || !NAME.test(repo) || rest.length)
    throw new UserError(
      `Cannot tell the repository: saw '${fullName.slice(0, 200)}' (expected owner/repo in the payload or GITHUB_REPOSITORY).`,
    );
  return { owner, repo };
}

/** The PR number of a pull_request event, for cleanup. */
export function pullRequestNumberOf(eventName: string, payload: unknown): number {
  const event = payload as { number?: unknown; pull_request?: { number?: unknown } } | null;
  const number = Number(event?.number ?? event?.pull_request?.number);
  if (eventName !== 'pull_request' || !Number.isSafeInteger(number) || number <= 0)
    throw new UserError(
      `mode: cleanup deletes the preview of the pull request the event is about, but this run was started by '${eventName}'${eventName === 'pull_request' ? ' with no PR number' : ''}. Run it on pull_request (the template does so on 'closed'); to delete expired previews and those of closed PRs on a schedule, use mode: sweep.`,
    );
  return number;
}
