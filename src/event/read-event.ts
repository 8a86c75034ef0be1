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
        `GITHUB_SHA is ${quoted(sha)}, not a 40-character commit SHA; the ${eventName} preview needs it.`,
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
  const action = optionalString(payload.action, 'action');
  const pr = asRecord(payload.pull_request, "the event's pull_request");
  const number = prNumber(payload, pr);
  if (action === 'closed') return { kind: 'closed', number };
  if (!PREVIEW_ACTIONS.includes(action)) {
    throw new UserError(
      `The pull_request action ${quoted(action)} does not call for a preview; use the types ${PREVIEW_ACTIONS.join(', ')} (and closed, which does nothing).`,
    );
  }
  const base = asRecord(pr.base, "the event's pull_request.base");
  const head = asRecord(pr.head, "the event's pull_request.head");
  return {
    kind: 'pull_request',
    action,
    number,
    title: optionalString(pr.title, 'pull_request.title'),
    htmlUrl: webUrl(pr.html_url),
    baseSha: commit(base.sha, 'pull_request.base.sha'),
    baseRef: optionalString(base.ref, 'pull_request.base.ref'),
    headSha: commit(head.sha, 'pull_request.head.sha'),
    headRef: optionalString(head.ref, 'pull_request.head.ref'),
    labels: labelNames(pr.labels),
    repository: repositoryOf(payload, context),
  };
}

/** The PR number: a positive integer, the same at the top level and in pull_request when both say. */
function prNumber(payload: Record<string, unknown>, pr: Record<string, unknown>): number {
  const values = [
    ['number', payload.number],
    ['pull_request.number', pr.number],
  ] as const;
  const given = values.filter(([, value]) => value !== undefined);
  for (const [field, value] of given) {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0)
      throw new UserError(
        `The pull_request event's ${field} is ${describeValue(value)}, not a PR number (a positive integer).`,
      );
  }
  const [first, second] = given;
  if (!first) throw new UserError('The pull_request event has no PR number.');
  if (second && second[1] !== first[1])
    throw new UserError(
      `The pull_request event names two PRs: number is ${String(first[1])} but pull_request.number is ${String(second[1])}.`,
    );
  return first[1] as number;
}

/**
 * The names of the PR's labels. GitHub sends a list of label objects, each with a string name; a
 * payload without the field has no labels. Anything else is refused, saying where and what.
 */
function labelNames(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    throw new UserError(
      `The event's pull_request.labels is ${describeValue(value)}; GitHub sends a list of label objects.`,
    );
  return value.map((label: unknown, index) => {
    const name = isRecord(label) ? label.name : undefined;
    if (typeof name !== 'string' || name === '')
      throw new UserError(
        `The event's pull_request.labels[${index}] is ${isRecord(label) ? `an object whose name is ${describeValue(name)}` : describeValue(label)}; each label must be an object with a non-empty string 'name'.`,
      );
    return name;
  });
}

/** GitHub's owner and repository names: letters, digits, '-', '_' and '.'. */
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,99})$/;
const REPO = /^[A-Za-z0-9_.-]{1,100}$/;

function repositoryOf(
  payload: Record<string, unknown>,
  context: EventContext,
): { owner: string; repo: string } {
  let fullName = '';
  let source = 'GITHUB_REPOSITORY';
  if (payload.repository !== undefined) {
    const repository = asRecord(payload.repository, "the event's repository");
    if (repository.full_name !== undefined) {
      fullName = optionalString(repository.full_name, 'repository.full_name');
      source = "the event's repository.full_name";
    }
  }
  if (!fullName) {
    fullName = context.repository ?? '';
    source = 'GITHUB_REPOSITORY';
  }
  const [owner, repo, ...rest] = fullName.split('/');
  if (
    !owner ||
    !repo ||
    rest.length ||
    !OWNER.test(owner) ||
    !REPO.test(repo) ||
    /^\.\.?$/.test(repo)
  )
    throw new UserError(
      `Cannot tell the repository: ${source} is ${quoted(fullName)} (expected owner/repo, letters, digits, '-', '_' and '.').`,
    );
  return { owner, repo };
}

function commit(value: unknown, field: string): string {
  if (typeof value !== 'string' || !SHA.test(value))
    throw new UserError(
      `The event's ${field} is ${describeValue(value)}, not a 40-character commit SHA.`,
    );
  return value;
}

/** A text field that may be absent ('' then); anything but a string is refused. */
function optionalString(value: unknown, field: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string')
    throw new UserError(`The event's ${field} is ${describeValue(value)}, not a string.`);
  return value;
}

/** The PR's web address when it is one (only shown as a link); anything else is dropped. */
function webUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function asRecord(value: unknown, what: string): Record<string, unknown> {
  if (!isRecord(value))
    throw new UserError(
      `${what.charAt(0).toUpperCase()}${what.slice(1)} is ${describeValue(value)}, not an object.`,
    );
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a payload value is, for a message: its type, and a short quote of a string or number. */
function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the string ${quoted(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean')
    return `the ${typeof value} ${String(value)}`;
  return `an ${typeof value}`;
}

function quoted(text: string): string {
  const cut = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return `'${JSON.stringify(cut).slice(1, -1)}'`;
}
