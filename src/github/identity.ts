/**
 * Who the token writes as, so the sticky comment is only ever found among our own comments.
 *
 * - A personal access token: GET /user answers with its login.
 * - The workflow's GITHUB_TOKEN and other GitHub App installation tokens: GET /user is refused
 *   ("Resource not accessible by integration"). The GraphQL `viewer` still names the app's bot
 *   user; GraphQL spells bot logins without the "[bot]" suffix that REST comments carry, so it
 *   is added back.
 * - If both refuse, the token is assumed to be the GITHUB_TOKEN, whose comments are written by
 *   `github-actions[bot]` (a Bot account nobody can post as).
 * - If either failed in a way that may pass (5xx, timeout), nothing is assumed: a wrong identity
 *   would miss our comment and post a second one. The lookup fails, and may be tried again.
 */
import { errorMessage } from '../util/errors.js';
import { isTransientFailure, type GitHubClient, type RequestOptions } from './client.js';

export const GITHUB_ACTIONS_BOT = 'github-actions[bot]';

export interface TokenIdentity {
  login: string;
  bot: boolean;
  /** How it was learnt, for the log. */
  source: 'rest-user' | 'graphql-viewer' | 'assumed';
  /** Why the earlier lookups failed, when they did. */
  note?: string;
}

export async function resolveTokenIdentity(
  client: GitHubClient,
  request?: RequestOptions,
): Promise<TokenIdentity> {
  const failures: string[] = [];
  let uncertain: unknown;
  try {
    const { data } = await client.request<{ login?: unknown; type?: unknown }>(
      'GET',
      '/user',
      undefined,
      request,
    );
    if (typeof data.login === 'string' && data.login) {
      return { login: data.login, bot: data.type === 'Bot', source: 'rest-user' };
    }
    failures.push('GET /user: no login');
  } catch (error) {
    if (isTransientFailure(error)) uncertain = error;
    failures.push(errorMessage(error));
  }
  try {
    const data = await client.graphql<{ viewer?: { login?: unknown; __typename?: unknown } }>(
      'query { viewer { login __typename } }',
      request,
    );
    const login = data.viewer?.login;
    if (typeof login === 'string' && login) {
      const bot = data.viewer?.__typename === 'Bot' || login.endsWith('[bot]');
      return {
        login: bot && !login.endsWith('[bot]') ? `${login}[bot]` : login,
        bot,
        source: 'graphql-viewer',
      };
    }
    failures.push('GraphQL viewer: no login');
  } catch (error) {
    if (isTransientFailure(error)) uncertain ??= error;
    failures.push(errorMessage(error));
  }
  if (uncertain !== undefined) {
    throw new Error(`Could not tell who the token writes as: ${failures.join('; ')}`, {
      cause: uncertain,
    });
  }
  return { login: GITHUB_ACTIONS_BOT, bot: true, source: 'assumed', note: failures.join('; ') };
}

/** Whether a comment's author is the token's identity (bots must also be of type Bot). */
export function isAuthoredBy(
  user: { login?: string; type?: string } | null | undefined,
  identity: TokenIdentity,
): boolean {
  if (!user?.login) return false;
  if (user.login.toLowerCase() !== identity.login.toLowerCase()) return false;
  return !identity.bot || user.type === undefined || user.type === 'Bot';
}
