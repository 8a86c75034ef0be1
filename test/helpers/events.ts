/**
 * The project's own `pull_request` webhook payloads, built the way GitHub documents the event
 * (https://docs.github.com/en/webhooks/webhook-events-and-payloads#pull_request): the action,
 * the PR number, the pull request with its labels, head and base, the repository and the sender.
 * Only the fields GitHub always sends are filled in; values are this project's own.
 */

export type PullRequestAction =
  'opened' | 'reopened' | 'synchronize' | 'labeled' | 'unlabeled' | 'closed' | 'edited';

export interface PullRequestEventOptions {
  baseSha?: string;
  headSha?: string;
  labels?: string[];
  number?: number;
  title?: string;
  /** owner/name */
  repository?: string;
  baseRef?: string;
  headRef?: string;
  /** The head branch lives in a fork (another repository). */
  fromFork?: boolean;
  author?: string;
  /** For `closed`: merged or just closed. */
  merged?: boolean;
}

export const EXAMPLE_REPOSITORY = 'octo-org/preview-demo';
export const EXAMPLE_PR_NUMBER = 17;
const BASE_SHA = '6dcb09b5b57875f334f61aebed695e2e4193db5e';
const HEAD_SHA = 'c4f3b4be5c7e32d0a3f5d9e6e1c2b7a8d9e0f1a2';

const user = (login: string, id: number, type: 'User' | 'Bot' | 'Organization' = 'User') => ({
  login,
  id,
  node_id: `U_${id}`,
  type,
  html_url: `https://github.com/${login}`,
  site_admin: false,
});

function repositoryObject(fullName: string, id: number, fork: boolean) {
  const [owner = 'octo-org', name = 'preview-demo'] = fullName.split('/');
  return {
    id,
    node_id: `R_${id}`,
    name,
    full_name: fullName,
    private: false,
    owner: user(owner, id + 1, 'Organization'),
    html_url: `https://github.com/${fullName}`,
    fork,
    url: `https://api.github.com/repos/${fullName}`,
    default_branch: 'main',
  };
}

const label = (name: string, index: number) => ({
  id: 5000 + index,
  node_id: `LA_${5000 + index}`,
  url: `https://api.github.com/repos/${EXAMPLE_REPOSITORY}/labels/${encodeURIComponent(name)}`,
  name,
  color: 'c2e0c6',
  default: false,
  description: null,
});

/** A `pull_request` event payload for `action`. */
export function pullRequestEvent(
  action: PullRequestAction,
  options: PullRequestEventOptions = {},
): Record<string, any> {
  const fullName = options.repository ?? EXAMPLE_REPOSITORY;
  const number = options.number ?? EXAMPLE_PR_NUMBER;
  const author = options.author ?? 'mona';
  const labels = (options.labels ?? []).map(label);
  const repository = repositoryObject(fullName, 901, false);
  const headRepository = options.fromFork
    ? repositoryObject(`${author}/${repository.name}`, 902, true)
    : repository;
  const closed = action === 'closed';
  const payload: Record<string, any> = {
    action,
    number,
    pull_request: {
      url: `https://api.github.com/repos/${fullName}/pulls/${number}`,
      id: 1_000_000 + number,
      node_id: `PR_${number}`,
      html_url: `https://github.com/${fullName}/pull/${number}`,
      number,
      state: closed ? 'closed' : 'open',
      locked: false,
      title: options.title ?? 'Greet visitors by name',
      user: user(author, 77),
      body: 'Changes the greeting.',
      labels,
      created_at: '2026-11-30T09:00:00Z',
      updated_at: '2026-11-30T10:00:00Z',
      closed_at: closed ? '2026-11-30T11:00:00Z' : null,
      merged_at: closed && options.merged ? '2026-11-30T11:00:00Z' : null,
      merged: closed ? Boolean(options.merged) : false,
      draft: false,
      head: {
        label: `${headRepository.owner.login}:${options.headRef ?? 'greeting'}`,
        ref: options.headRef ?? 'greeting',
        sha: options.headSha ?? HEAD_SHA,
        user: headRepository.owner,
        repo: headRepository,
      },
      base: {
        label: `${repository.owner.login}:${options.baseRef ?? 'main'}`,
        ref: options.baseRef ?? 'main',
        sha: options.baseSha ?? BASE_SHA,
        user: repository.owner,
        repo: repository,
      },
      author_association: 'MEMBER',
    },
    repository,
    sender: user(author, 77),
  };
  if (action === 'labeled' || action === 'unlabeled') {
    payload.label = labels.at(-1) ?? label('preview', 99);
  }
  return payload;
}
