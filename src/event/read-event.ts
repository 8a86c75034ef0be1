import { UserError } from '../util/errors.js';

/** What started the run, reduced to what the planner needs. */
export type Trigger =
  | {
      kind: 'pull_request';
      action: string;
      number: number;
      title: string;
      htmlUrl?: string;
      baseSha: string;
      baseRef: string;
      headSha: string;
      headRef: string;
      labels: string[];
      repository: { owner: string; repo: string };
    }
  | { kind: 'closed'; number: number }
  | {
      kind: 'single';
      eventName: 'push' | 'workflow_dispatch';
      sha: string;
      ref: string;
      repository: { owner: string; repo: string };
    };

const PREVIEW_ACTIONS = ['opened', 'reopened', 'synchronize', 'labeled', 'unlabeled'];
const SHA = /^[0-9a-f]{40}$/;

export interface EventContext {
  eventName: string;
  payload: unknown;
  /** GITHUB_SHA, for push and workflow_dispatch. */
  sha?: string;
  /** GITHUB_REF */
  ref?: string;
  /** GITHUB_REPOSITORY (owner/repo) */
  repository?: string;
}

/** Turns the event payload into a Trigger, or explains what is wrong with it. */
export function readTrigger(context: EventContext): Trigger {
  const { eventName } = context;
  const payload = asRecord(context.payload, 'the event payload');
  if (eventName === 'pull_request') return readPullRequest(payload, context);
  if (eventName === 'push' || eventName === 'workflow_dispatch') {
    const sha = context.sha ?? '';
    if (!SHA.test(sha))
      throw new UserError(
        `GITHUB_SHA is '${sha}', not a 40-character commit SHA; the ${eventName} preview needs it.`,
      );
    return {
      kind: 'single',
      eventName,
      sha,
      ref: context.ref ?? '',
      repository: repositoryOf(payload, context),
    };
  }
  throw new UserError(
    `This action previews pull requests; it was started by the '${eventName}' event. ` +
      "Run it on 'pull_request' (types opened, synchronize, reopened, labeled, unlabeled), or on 'push' / 'workflow_dispatch' for a single-revision preview." +
      (eventName === 'pull_request_target'
        ? " 'pull_request_target' is refused on purpose: it would build untrusted PR code with a write token; see the README's fork-PR section."
        : ''),
  );
}

function readPullRequest(payload: Record<string, unknown>, context: EventContext): Trigger {
  const action = String(payload.action ?? '');
  const pr = asRecord(payload.pull_request, "the event's pull_request");
  const number = Number(payload.number ?? pr.number);
  if (!Number.isSafeInteger(number) || number <= 0)
    throw new UserError(
      `The pull_request event has no valid PR number (saw '${String(payload.number)}').`,
    );
  if (action === 'closed') return { kind: 'closed', number };
  if (!PREVIEW_ACTIONS.includes(action)) {
    throw new UserError(
      `The pull_request action '${action}' does not call for a preview; use the types ${PREVIEW_ACTIONS.join(', ')} (and closed, which does nothing).`,
    );
  }
  const base = asRecord(pr.base, 'pull_request.base');
  const head = asRecord(pr.head, 'pull_request.head');
  const baseSha = commit(base.sha, 'pull_request.base.sha');
  const headSha = commit(head.sha, 'pull_request.head.sha');
  const labels = Array.isArray(pr.labels)
    ? pr.labels.map((label) =>
        typeof label === 'string' ? label : String(asRecord(label, 'a label').name ?? ''),
      )
    : [];
  return {
    kind: 'pull_request',
    action,
    number,
    title: String(pr.title ?? ''),
    htmlUrl: typeof pr.html_url === 'string' ? pr.html_url : undefined,
    baseSha,
    baseRef: String(base.ref ?? ''),
    headSha,
    headRef: String(head.ref ?? ''),
    labels: labels.filter(Boolean),
    repository: repositoryOf(payload, context),
  };
}

function repositoryOf(
  payload: Record<string, unknown>,
  context: EventContext,
): { owner: string; repo: string } {
  const fullName =
    (typeof payload.repository === 'object' && payload.repository !== null
      ? String((payload.repository as Record<string, unknown>).full_name ?? '')
      : '') ||
    context.repository ||
    '';
  const [owner, repo, ...rest] = fullName.split('/');
  if (!owner || !repo || rest.length)
    throw new UserError(
      `Cannot tell the repository: saw '${fullName}' (expected owner/repo in the payload or GITHUB_REPOSITORY).`,
    );
  return { owner, repo };
}

function commit(value: unknown, field: string): string {
  const sha = String(value ?? '');
  if (!SHA.test(sha))
    throw new UserError(`The event's ${field} is '${sha}', not a 40-character commit SHA.`);
  return sha;
}

function asRecord(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UserError(`${what} is missing or not an object.`);
  return value as Record<string, unknown>;
}
