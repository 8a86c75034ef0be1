/**
 * A small GitHub REST client on plain fetch: base URL from GITHUB_API_URL (GHES and loopback
 * tests work unchanged), a deadline per request, bounded retries on 5xx, connection errors and
 * rate limits. The token only ever goes into the Authorization header: it is cut out of every
 * error message, even one the server echoed it in.
 */
import { errorMessage } from '../util/errors.js';
import {
  isTimeout,
  networkCode,
  NOT_SENT_NETWORK_CODES,
  parseRetryAfter,
  TRANSIENT_NETWORK_CODES,
} from '../util/http-failures.js';
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

export interface RequestOptions {
  /** Epoch ms after which no attempt starts; an attempt in flight is cut short near it. */
  deadline?: number;
}

export interface GitHubClient {
  readonly apiUrl: string;
  request<T>(
    method: HttpMethod,
    path: string,
    body?: unknown,
    options?: RequestOptions,
  ): Promise<GitHubResponse<T>>;
  /** GETs `path` and every page after it (Link rel="next"), concatenating the arrays. */
  paginate<T>(path: string, options?: RequestOptions): Promise<T[]>;
  /** A GraphQL query (reads only); returns `data`. */
  graphql<T>(query: string, options?: RequestOptions): Promise<T>;
}

/** An HTTP answer that is not 2xx. */
export class GitHubHttpError extends Error {
  constructor(
    readonly method: string,
    /** "METHOD /path", without the host. */
    readonly request: string,
    readonly status: number,
    readonly apiMessage: string,
    /**
     * Whether repeating this request may help, after how long the server asked us to wait, and
     * whether it was a rate limit (a 403 that is not about permissions).
     */
    readonly retry: { transient: boolean; afterMs?: number; rateLimited?: boolean },
  ) {
    super(`GitHub API ${request} answered ${status}${apiMessage ? `: ${apiMessage}` : ''}`);
    this.name = 'GitHubHttpError';
  }
}

/** The HTTP status behind an error, looking through retry wrappers. */
export function httpStatusOf(error: unknown): number | undefined {
  const failure = failureOf(error);
  return failure instanceof GitHubHttpError ? failure.status : undefined;
}

/**
 * A request that got no usable answer: no connection, a timeout, or a connection dropped before
 * the answer was read. `notSent` means it surely never reached the server (safe to repeat even
 * a POST); otherwise it may have been carried out.
 */
export class GitHubNetworkError extends Error {
  /** Whether it may pass by itself (a timeout or a transient network error). */
  readonly transient: boolean;
  readonly notSent: boolean;

  constructor(what: string, cause: unknown, redact: (text: string) => string) {
    const code = networkCode(cause);
    const timedOut = isTimeout(cause);
    super(redact(`${what}: ${errorMessage(cause)}${code ? ` (${code})` : ''}`), { cause });
    this.name = 'GitHubNetworkError';
    this.transient = timedOut || (code !== undefined && TRANSIENT_NETWORK_CODES.has(code));
    this.notSent = !timedOut && code !== undefined && NOT_SENT_NETWORK_CODES.has(code);
  }
}

/** The GitHub failure behind an error, looking through retry wrappers. */
function failureOf(error: unknown): GitHubHttpError | GitHubNetworkError | undefined {
  for (
    let e: unknown = error, depth = 0;
    e && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    if (e instanceof GitHubHttpError || e instanceof GitHubNetworkError) return e;
  }
  return undefined;
}

/**
 * Whether a failure may pass by itself: a 5xx, a timeout, a dropped connection, or a rate limit
 * GitHub asked us to wait out within the bound. For a write it also means the write may or may
 * not have happened.
 */
export function isTransientFailure(error: unknown): boolean {
  const failure = failureOf(error);
  if (failure instanceof GitHubNetworkError) return failure.transient;
  if (failure instanceof GitHubHttpError)
    return (failure.status >= 500 && failure.status <= 599) || failure.retry.transient;
  return false;
}

/**
 * Whether GitHub refused for want of permission (401, 403, 404), as it does for the read-only
 * token of a fork's pull request. A rate limit answered with 403 is not one.
 */
export function isPermissionDenied(error: unknown): boolean {
  const failure = failureOf(error);
  return (
    failure instanceof GitHubHttpError &&
    [401, 403, 404].includes(failure.status) &&
    !failure.retry.rateLimited
  );
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
  const token = options.token;
  /** Server text (messages, links) could echo the token; no error or log line may carry it. */
  const redact = (text: string): string => (token ? text.split(token).join('***') : text);

  const headers: Record<string, string> = {
    accept: 'application/vnd.github+json',
    'x-github-api-version': '2022-11-28',
    'user-agent': 'knative-action',
  };
  if (token) headers.authorization = `Bearer ${token}`;

  /** One attempt. `label` names the request without the host (errors, logs). */
  async function once<T>(
    method: HttpMethod,
    url: string,
    label: string,
    body: unknown,
    idempotent: boolean,
    deadline: number | undefined,
  ): Promise<GitHubResponse<T>> {
    // Within an overall deadline, one attempt may not outlast it by much.
    const attemptMs =
      deadline === undefined ? timeoutMs : Math.min(timeoutMs, Math.max(1000, deadline - now()));
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, {
        method,
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(attemptMs),
        redirect: 'error',
      });
    } catch (error) {
      const what = isTimeout(error)
        ? `GitHub API ${label} got no answer within ${attemptMs} ms`
        : `GitHub API ${label} could not connect`;
      throw new GitHubNetworkError(what, error, redact);
    }
    try {
      text = await response.text();
    } catch (error) {
      // The request arrived and was answered: it may well have been carried out.
      const what = isTimeout(error)
        ? `GitHub API ${label} answered ${response.status} but the answer did not arrive within ${attemptMs} ms`
        : `GitHub API ${label} answered ${response.status} but the connection dropped`;
      throw new GitHubNetworkError(what, error, redact);
    }
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
      redact(apiMessage.slice(0, 300)),
      retryPolicy(response, apiMessage, idempotent),
    );
  }

  function retryPolicy(
    response: Response,
    apiMessage: string,
    idempotent: boolean,
  ): GitHubHttpError['retry'] {
    const { status } = response;
    const wait = rateLimitWaitMs(response, apiMessage);
    if (wait !== undefined) {
      // A rejected request was not processed, so even a POST may be repeated.
      return { transient: wait <= maxWaitMs, afterMs: wait, rateLimited: true };
    }
    // After a 5xx a POST may still have happened: repeating it could post a duplicate comment.
    if (status >= 500 && status <= 599) return { transient: idempotent };
    return { transient: false };
  }

  function rateLimitWaitMs(response: Response, apiMessage: string): number | undefined {
    if (response.status !== 403 && response.status !== 429) return undefined;
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'), now());
    if (retryAfter !== undefined) return retryAfter;
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
    request: RequestOptions = {},
    idempotent = method !== 'POST',
  ): Promise<GitHubResponse<T>> {
    return withRetry(() => once<T>(method, url, label, body, idempotent, request.deadline), {
      what: `GitHub API ${label}`,
      attempts: options.attempts ?? 4,
      initialDelayMs: 1000,
      maxDelayMs: maxWaitMs,
      deadline: request.deadline,
      isTransient: (error) => {
        if (error instanceof GitHubHttpError) return error.retry.transient;
        if (error instanceof GitHubNetworkError)
          return error.transient && (idempotent || error.notSent);
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
        error.retry.rateLimited &&
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
    if (!path.startsWith('/'))
      throw new Error(`GitHub API path must start with "/": ${redact(path)}`);
    return `${apiUrl}${path}`;
  }

  return {
    apiUrl,
    request: (method, path, body, request) =>
      send(method, urlFor(path), `${method} ${redact(path)}`, body, request),
    async paginate<T>(path: string, request?: RequestOptions): Promise<T[]> {
      const items: T[] = [];
      let url: string | undefined = urlFor(path);
      for (let page = 1; url; page++) {
        if (page > maxPages)
          throw new Error(
            `GitHub API GET ${redact(path)}: more than ${maxPages} pages; stopped reading`,
          );
        const label = `GET ${redact(url.slice(apiUrl.length))}`;
        const response: GitHubResponse<unknown> = await send('GET', url, label, undefined, request);
        if (!Array.isArray(response.data))
          throw new Error(`GitHub API ${label} did not answer with a list`);
        items.push(...(response.data as T[]));
        url = nextPageUrl(response.headers.get('link'), apiUrl, redact);
      }
      return items;
    },
    async graphql<T>(query: string, request?: RequestOptions): Promise<T> {
      const response = await send<{ data?: T; errors?: { message?: string }[] }>(
        'POST',
        graphqlUrl,
        'POST graphql',
        { query },
        request,
        true,
      );
      if (!response.data.data || response.data.errors?.length) {
        const messages = response.data.errors?.map((e) => String(e.message)).join('; ');
        throw new Error(redact(`GitHub GraphQL query failed: ${messages ?? 'no data'}`));
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
 * sent with it, so a next link to another host is refused. `redact` cleans the link the error
 * quotes.
 */
export function nextPageUrl(
  link: string | null,
  apiUrl: string,
  redact: (text: string) => string = (text) => text,
): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;(.*)/.exec(part.trim());
    if (!match?.[1] || !/\brel="?([^"]*\s)?next(\s[^"]*)?"?/.test(match[2] ?? '')) continue;
    const next = match[1];
    if (next !== apiUrl && !next.startsWith(`${apiUrl}/`) && !next.startsWith(`${apiUrl}?`)) {
      throw new Error(
        `GitHub API pagination points outside ${apiUrl}: ${redact(next.slice(0, 200))}`,
      );
    }
    return next;
  }
  return undefined;
}
