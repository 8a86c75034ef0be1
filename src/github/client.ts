/**
 * A small GitHub REST client on plain fetch: base URL from GITHUB_API_URL (GHES and loopback
 * tests work unchanged), a deadline per request, bounded retries on 5xx, connection errors and
 * rate limits. The token only ever goes into the Authorization header.
 */
import { errorMessage } from '../util/errors.js';
import { sleep as realSleep, withRetry } from '../util/retry.js';

export const DEFAULT_API_URL = 'https://api.github.com';

export interface GitHubClientOptions {
  token: string;
  /** Default: GITHUB_API_URL, else https://api.github.com */
  apiUrl?: string;
  /** Default: GITHUB_GRAPHQL_URL, else derived from apiUrl. */
  graphqlUrl?: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Deadline of one HTTP request. */
  requestTimeoutMs?: number;
  /** Attempts per request, the first included. */
  attempts?: number;
  /** Longest wait a rate limit may ask for; a longer one fails instead. */
  maxRateLimitWaitMs?: number;
  /** Most pages `paginate` reads. */
  maxPages?: number;
  /** Told about each retry (core.info in the action). */
  onRetry?: (message: string) => void;
}

export interface GitHubResponse<T> {
  status: number;
  headers: Headers;
  data: T;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface GitHubClient {
  readonly apiUrl: string;
  request<T>(method: HttpMethod, path: string, body?: unknown): Promise<GitHubResponse<T>>;
  /** GETs `path` and every page after it (Link rel="next"), concatenating the arrays. */
  paginate<T>(path: string): Promise<T[]>;
  /** A GraphQL query (reads only); returns `data`. */
  graphql<T>(query: string): Promise<T>;
}

/** An HTTP answer that is not 2xx. */
export class GitHubHttpError extends Error {
  constructor(
    readonly method: string,
    /** "METHOD /path", without the host. */
    readonly request: string,
    readonly status: number,
    readonly apiMessage: string,
    /** Whether retrying may help, and after how long the server asked us to wait. */
    readonly retry: { transient: boolean; afterMs?: number },
  ) {
    super(`GitHub API ${request} answered ${status}${apiMessage ? `: ${apiMessage}` : ''}`);
    this.name = 'GitHubHttpError';
  }
}

/** The HTTP status behind an error, looking through retry wrappers. */
export function httpStatusOf(error: unknown): number | undefined {
  for (
    let e: unknown = error, depth = 0;
    e && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    if (e instanceof GitHubHttpError) return e.status;
  }
  return undefined;
}

/** Connection errors where the request surely never reached the server. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

function networkCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

class NetworkError extends Error {
  constructor(
    readonly what: string,
    readonly notSent: boolean,
    cause: unknown,
  ) {
    const code = networkCode(cause);
    super(`${what}: ${errorMessage(cause)}${code ? ` (${code})` : ''}`, { cause });
    this.name = 'NetworkError';
  }
}

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const apiUrl = (options.apiUrl || process.env.GITHUB_API_URL || DEFAULT_API_URL).replace(
    /\/+$/,
    '',
  );
  const graphqlUrl = options.graphqlUrl || process.env.GITHUB_GRAPHQL_URL || graphqlUrlFor(apiUrl);
  const doFetch = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  const timeoutMs = options.requestTimeoutMs ?? 15_000;
  const maxWaitMs = options.maxRateLimitWaitMs ?? 60_000;
  const maxPages = options.maxPages ?? 100;

  const headers: Record<string, string> = {
    accept: 'application/vnd.github+json',
    'x-github-api-version': '2022-11-28',
    'user-agent': 'knative-action',
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;

  /** One attempt. `label` names the request without the host (errors, logs). */
  async function once<T>(
    method: HttpMethod,
    url: string,
    label: string,
    body: unknown,
    idempotent: boolean,
  ): Promise<GitHubResponse<T>> {
    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      const timedOut = (error as { name?: string }).name === 'TimeoutError';
      const what = timedOut
        ? `GitHub API ${label} got no answer within ${timeoutMs} ms`
        : `GitHub API ${label} could not connect`;
      throw new NetworkError(
        what,
        !timedOut && NOT_SENT_CODES.has(networkCode(error) ?? ''),
        error,
      );
    }
    const text = await response.text();
    let data: unknown = undefined;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = text;
      }
    }
    if (response.ok) return { status: response.status, headers: response.headers, data: data as T };
    const apiMessage =
      typeof data === 'object' && data !== null && 'message' in data
        ? String((data as { message: unknown }).message)
        : String(text).slice(0, 200);
    throw new GitHubHttpError(
      method,
      label,
      response.status,
      apiMessage.slice(0, 300),
      retryPolicy(response, apiMessage, idempotent),
    );
  }

  function retryPolicy(
    response: Response,
    apiMessage: string,
    idempotent: boolean,
  ): { transient: boolean; afterMs?: number } {
    const { status } = response;
    const wait = rateLimitWaitMs(response, apiMessage);
    if (wait !== undefined) {
      // A rejected request was not processed, so even a POST may be repeated.
      if (wait > maxWaitMs) return { transient: false, afterMs: wait };
      return { transient: true, afterMs: wait };
    }
    // After a 5xx a POST may still have happened: repeating it could post a duplicate comment.
    if (status >= 500 && status <= 599) return { transient: idempotent };
    return { transient: false };
  }

  function rateLimitWaitMs(response: Response, apiMessage: string): number | undefined {
    if (response.status !== 403 && response.status !== 429) return undefined;
    const retryAfter = response.headers.get('retry-after');
    if (retryAfter !== null && /^\d+$/.test(retryAfter.trim()))
      return Number(retryAfter.trim()) * 1000;
    const reset = response.headers.get('x-ratelimit-reset');
    if (response.headers.get('x-ratelimit-remaining') === '0' && reset && /^\d+$/.test(reset)) {
      return Math.max(0, Number(reset) * 1000 - now()) + 1000;
    }
    // GitHub's advice for a secondary limit without headers: wait at least a minute.
    if (response.status === 429 || /secondary rate limit/i.test(apiMessage)) return 60_000;
    return undefined;
  }

  async function send<T>(
    method: HttpMethod,
    url: string,
    label: string,
    body: unknown,
    idempotent = method !== 'POST',
  ): Promise<GitHubResponse<T>> {
    return withRetry(() => once<T>(method, url, label, body, idempotent), {
      what: `GitHub API ${label}`,
      attempts: options.attempts ?? 4,
      initialDelayMs: 1000,
      maxDelayMs: maxWaitMs,
      isTransient: (error) => {
        if (error instanceof GitHubHttpError) return error.retry.transient;
        if (error instanceof NetworkError) return idempotent || error.notSent;
        return false;
      },
      retryAfterMs: (error) => (error instanceof GitHubHttpError ? error.retry.afterMs : undefined),
      onRetry: (error, attempt, delayMs) =>
        options.onRetry?.(
          `${errorMessage(error)}; retry ${attempt} in ${Math.round(delayMs / 1000)} s`,
        ),
      sleep: options.sleep ?? realSleep,
      now,
    }).catch((error: unknown) => {
      if (
        error instanceof GitHubHttpError &&
        !error.retry.transient &&
        error.retry.afterMs !== undefined
      ) {
        throw new Error(
          `${error.message}; GitHub asks to wait ${Math.ceil(error.retry.afterMs / 1000)} s, ` +
            `longer than the ${Math.round(maxWaitMs / 1000)} s this action waits for a rate limit`,
          { cause: error },
        );
      }
      throw error;
    });
  }

  function urlFor(path: string): string {
    if (!path.startsWith('/')) throw new Error(`GitHub API path must start with "/": ${path}`);
    return `${apiUrl}${path}`;
  }

  return {
    apiUrl,
    request: (method, path, body) => send(method, urlFor(path), `${method} ${path}`, body),
    async paginate<T>(path: string): Promise<T[]> {
      const items: T[] = [];
      let url: string | undefined = urlFor(path);
      for (let page = 1; url; page++) {
        if (page > maxPages)
          throw new Error(`GitHub API GET ${path}: more than ${maxPages} pages; stopped reading`);
        const label = `GET ${url.slice(apiUrl.length)}`;
        const response: GitHubResponse<unknown> = await send('GET', url, label, undefined);
        if (!Array.isArray(response.data))
          throw new Error(`GitHub API ${label} did not answer with a list`);
        items.push(...(response.data as T[]));
        url = nextPageUrl(response.headers.get('link'), apiUrl);
      }
      return items;
    },
    async graphql<T>(query: string): Promise<T> {
      const response = await send<{ data?: T; errors?: { message?: string }[] }>(
        'POST',
        graphqlUrl,
        'POST graphql',
        { query },
        true,
      );
      if (!response.data.data || response.data.errors?.length) {
        throw new Error(
          `GitHub GraphQL query failed: ${response.data.errors?.map((e) => e.message).join('; ') ?? 'no data'}`,
        );
      }
      return response.data.data;
    },
  };
}

/** api.github.com -> api.github.com/graphql; GHES <host>/api/v3 -> <host>/api/graphql. */
export function graphqlUrlFor(apiUrl: string): string {
  return /\/api\/v3$/.test(apiUrl) ? apiUrl.replace(/\/v3$/, '/graphql') : `${apiUrl}/graphql`;
}

/**
 * The rel="next" URL of a Link header, only when it stays under the API base URL: the token is
 * sent with it, so a next link to another host is refused.
 */
export function nextPageUrl(link: string | null, apiUrl: string): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;(.*)/.exec(part.trim());
    if (!match?.[1] || !/\brel="?([^"]*\s)?next(\s[^"]*)?"?/.test(match[2] ?? '')) continue;
    const next = match[1];
    if (next !== apiUrl && !next.startsWith(`${apiUrl}/`) && !next.startsWith(`${apiUrl}?`)) {
      throw new Error(`GitHub API pagination points outside ${apiUrl}: ${next.slice(0, 200)}`);
    }
    return next;
  }
  return undefined;
}
