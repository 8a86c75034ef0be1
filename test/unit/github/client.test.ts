import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  createGitHubClient,
  graphqlUrlFor,
  httpStatusOf,
  isPermissionDenied,
  isTransientFailure,
  nextPageUrl,
} from '../../../src/github/client.js';
import { FakeGitHub } from './fake-github.js';

const TOKEN = 'ghs_secretsecretsecret';
let github: FakeGitHub;
let slept: number[];

beforeEach(async () => {
  github = await new FakeGitHub().start();
  slept = [];
});
afterEach(() => github.stop());

const unexpected = (): Error => {
  throw new Error('expected the request to fail');
};

function client(extra: Partial<Parameters<typeof createGitHubClient>[0]> = {}) {
  return createGitHubClient({
    token: TOKEN,
    apiUrl: github.url,
    sleep: async (ms) => void slept.push(ms),
    ...extra,
  });
}

describe('requests', () => {
  test('send the token as a bearer header and the API version', async () => {
    const { data } = await client().request<{ login: string }>('GET', '/user');
    expect(data.login).toBe('alice');
    expect(github.requests[0]?.authorization).toBe(`Bearer ${TOKEN}`);
  });

  test('GITHUB_API_URL is the default base URL', async () => {
    const previous = process.env.GITHUB_API_URL;
    process.env.GITHUB_API_URL = github.url;
    try {
      const c = createGitHubClient({ token: TOKEN });
      expect(c.apiUrl).toBe(github.url);
      await c.request('GET', '/user');
      expect(github.requests).toHaveLength(1);
    } finally {
      if (previous === undefined) delete process.env.GITHUB_API_URL;
      else process.env.GITHUB_API_URL = previous;
    }
  });

  test('a 502 is retried with backoff, then succeeds', async () => {
    github.faults.push({ method: 'GET', path: '/user', status: 502 });
    const { data } = await client().request<{ login: string }>('GET', '/user');
    expect(data.login).toBe('alice');
    expect(github.requests).toHaveLength(2);
    expect(slept).toEqual([1000]);
  });

  test('persistent 5xx fails after the attempt budget, naming the request and the status', async () => {
    for (let i = 0; i < 4; i++) github.faults.push({ method: 'GET', path: '/user', status: 503 });
    const error = await client()
      .request('GET', '/user')
      .then(unexpected, (e: unknown) => e as Error);
    expect(error.message).toMatch(
      /GitHub API GET \/user failed after 4 attempts; last error: .*answered 503/,
    );
    expect(httpStatusOf(error)).toBe(503);
    expect(slept).toEqual([1000, 2000, 4000]);
    expect(error.message).not.toContain(TOKEN);
  });

  test('a POST is not repeated after a 5xx (it may have happened)', async () => {
    github.faults.push({ method: 'POST', path: '/repos', status: 502 });
    const error = await client()
      .request('POST', '/repos/octo/shop/issues/7/comments', { body: 'x' })
      .catch((e: unknown) => e);
    expect(httpStatusOf(error)).toBe(502);
    expect(github.writes()).toHaveLength(1);
  });

  test('secondary rate limit: 403 with retry-after is honoured, even for a POST', async () => {
    github.faults.push({
      method: 'POST',
      path: '/repos',
      status: 403,
      headers: { 'retry-after': '1' },
      body: { message: 'You have exceeded a secondary rate limit' },
    });
    const { status } = await client().request('POST', '/repos/octo/shop/issues/7/comments', {
      body: 'x',
    });
    expect(status).toBe(201);
    expect(slept).toEqual([1000]);
    expect(github.comments).toHaveLength(1);
  });

  test('429 with retry-after is honoured', async () => {
    github.faults.push({
      method: 'GET',
      path: '/user',
      status: 429,
      headers: { 'retry-after': '3' },
    });
    await client().request('GET', '/user');
    expect(slept).toEqual([3000]);
  });

  test('primary rate limit: waits until x-ratelimit-reset', async () => {
    const now = 1_700_000_000_000;
    github.faults.push({
      method: 'GET',
      path: '/user',
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 20) },
    });
    await client({ now: () => now }).request('GET', '/user');
    expect(slept).toEqual([21_000]);
  });

  test('a rate limit that asks for more than the bound fails at once, saying why', async () => {
    const now = 1_700_000_000_000;
    github.faults.push({
      method: 'GET',
      path: '/user',
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 3600) },
    });
    const error = await client({ now: () => now })
      .request('GET', '/user')
      .then(unexpected, (e: unknown) => e as Error);
    expect(error.message).toMatch(
      /answered 403.*GitHub asks to wait 3601 s, longer than the 60 s this action waits/,
    );
    expect(slept).toEqual([]);
    expect(httpStatusOf(error)).toBe(403);
  });

  test('a plain 403 (permissions) is not retried', async () => {
    github.faults.push({
      method: 'PATCH',
      path: '/repos',
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    const error = await client()
      .request('PATCH', '/repos/octo/shop/issues/comments/1', { body: 'x' })
      .then(unexpected, (e: unknown) => e as Error);
    expect(error.message).toBe(
      'GitHub API PATCH /repos/octo/shop/issues/comments/1 answered 403: Resource not accessible by integration',
    );
    expect(slept).toEqual([]);
  });

  test('connection refused is retried, and the final error says what was tried', async () => {
    const url = github.url;
    await github.stop();
    const error = await createGitHubClient({
      token: TOKEN,
      apiUrl: url,
      sleep: async (ms) => void slept.push(ms),
      attempts: 2,
    })
      .request('GET', '/user')
      .then(unexpected, (e: unknown) => e as Error);
    expect(error.message).toMatch(
      /GitHub API GET \/user failed after 2 attempts; last error: GitHub API GET \/user could not connect.*ECONNREFUSED/,
    );
    expect(slept).toEqual([1000]);
    github = await new FakeGitHub().start();
  });

  test('a request without an answer hits its deadline', async () => {
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    const error = await client({ fetch: hanging, requestTimeoutMs: 50, attempts: 1 })
      .request('GET', '/user')
      .then(unexpected, (e: unknown) => e as Error);
    expect(error.message).toMatch(/GET \/user got no answer within 50 ms/);
  });
});

describe('what a failure means', () => {
  test('Retry-After as an HTTP date is honoured (RFC 9110 10.2.3)', async () => {
    const now = Date.parse('2026-01-02T03:04:05Z');
    github.faults.push({
      method: 'GET',
      path: '/user',
      status: 429,
      headers: { 'retry-after': new Date(now + 7000).toUTCString() },
    });
    await client({ now: () => now }).request('GET', '/user');
    expect(slept).toEqual([7000]);
  });

  test('a dropped connection is retried for a GET', async () => {
    github.faults.push({ method: 'GET', path: '/user', kind: 'reset' });
    const { data } = await client().request<{ login: string }>('GET', '/user');
    expect(data.login).toBe('alice');
    expect(github.requests).toHaveLength(2);
  });

  test('an answer cut off halfway is retried for a GET', async () => {
    github.faults.push({ method: 'GET', path: '/user', kind: 'truncate' });
    const { data } = await client().request<{ login: string }>('GET', '/user');
    expect(data.login).toBe('alice');
    expect(github.requests).toHaveLength(2);
  });

  test('a POST whose connection dropped is not repeated, and the failure may pass', async () => {
    github.faults.push({ method: 'POST', path: '/repos', kind: 'reset', applied: true });
    const error = await client()
      .request('POST', '/repos/octo/shop/issues/7/comments', { body: 'x' })
      .then(unexpected, (e: unknown) => e as Error);
    expect(error.message).toMatch(
      /POST \/repos\/octo\/shop\/issues\/7\/comments could not connect/,
    );
    expect(github.writes()).toHaveLength(1);
    expect(isTransientFailure(error)).toBe(true);
    expect(isPermissionDenied(error)).toBe(false);
  });

  test('a POST answered 5xx may pass (it may also have happened)', async () => {
    github.faults.push({ method: 'POST', path: '/repos', status: 503 });
    const error = await client()
      .request('POST', '/repos/octo/shop/issues/7/comments', { body: 'x' })
      .catch((e: unknown) => e);
    expect(isTransientFailure(error)).toBe(true);
  });

  test.each([401, 403, 404])(
    '%i without rate-limit headers is a permission failure',
    async (status) => {
      github.faults.push({ method: 'POST', path: '/repos', status });
      const error = await client()
        .request('POST', '/repos/octo/shop/issues/7/comments', { body: 'x' })
        .catch((e: unknown) => e);
      expect(isPermissionDenied(error)).toBe(true);
      expect(isTransientFailure(error)).toBe(false);
    },
  );

  test('a 403 rate limit longer than the bound is neither a permission failure nor transient', async () => {
    github.faults.push({
      method: 'GET',
      path: '/user',
      status: 403,
      headers: { 'retry-after': '7200' },
      body: { message: 'You have exceeded a secondary rate limit' },
    });
    const error = await client()
      .request('GET', '/user')
      .catch((e: unknown) => e);
    expect(isPermissionDenied(error)).toBe(false);
    expect(isTransientFailure(error)).toBe(false);
  });

  test('a 422 is neither', async () => {
    github.faults.push({ method: 'POST', path: '/repos', status: 422 });
    const error = await client()
      .request('POST', '/repos/octo/shop/issues/7/comments', { body: 'x' })
      .catch((e: unknown) => e);
    expect(isPermissionDenied(error)).toBe(false);
    expect(isTransientFailure(error)).toBe(false);
  });

  test('a deadline stops the retries early', async () => {
    let now = 1_000_000;
    for (let i = 0; i < 4; i++) github.faults.push({ method: 'GET', path: '/user', status: 503 });
    const error = await client({
      now: () => now,
      sleep: async (ms) => {
        slept.push(ms);
        now += ms;
      },
    })
      .request('GET', '/user', undefined, { deadline: now + 2500 })
      .then(unexpected, (e: unknown) => e as Error);
    expect(error.message).toMatch(/failed after the deadline; last error: .*answered 503/);
    expect(slept).toEqual([1000]);
  });
});

describe('the token', () => {
  test('never appears in an error, even when the server echoes it', async () => {
    const retries: string[] = [];
    github.faults.push(
      { method: 'GET', path: '/user', status: 502, body: { message: `bad token ${TOKEN}` } },
      { method: 'GET', path: '/user', status: 401, body: { message: `bad token ${TOKEN}` } },
    );
    const error = await client({ onRetry: (m) => retries.push(m) })
      .request('GET', '/user')
      .then(unexpected, (e: unknown) => e as Error);
    expect(error.message).toContain('bad token ***');
    expect(retries.join('\n')).toContain('bad token ***');
    for (const text of [error.message, ...retries]) expect(text).not.toContain(TOKEN);
  });

  test('never appears in a request label or a page label', async () => {
    github.faults.push({ method: 'GET', path: '/repos', status: 404 });
    const failures: Error[] = await Promise.all([
      client()
        .paginate(`/repos/octo/shop/issues/7/comments?x=${TOKEN}`)
        .then(unexpected, (e: unknown) => e as Error),
      client()
        .request('GET', `/nowhere?x=${TOKEN}`)
        .then(unexpected, (e: unknown) => e as Error),
    ]);
    for (const error of failures) {
      expect(error).toBeInstanceOf(Error);
      expect(error.message).not.toContain(TOKEN);
    }
    expect(failures[0]?.message).toContain('x=***');
  });
});

describe('pagination', () => {
  test('follows Link rel="next" through every page', async () => {
    github.pageSize = 2;
    for (let i = 0; i < 5; i++) github.addComment(`c${i}`, { login: 'bob', type: 'User' });
    const items = await client().paginate<{ body: string }>(
      '/repos/octo/shop/issues/7/comments?per_page=100',
    );
    expect(items.map((c) => c.body)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    expect(github.requests).toHaveLength(3);
  });

  test('refuses a next link to another host (the token would go with it)', async () => {
    github.pageSize = 1;
    github.foreignNext = true;
    github.addComment('a', { login: 'bob', type: 'User' });
    github.addComment('b', { login: 'bob', type: 'User' });
    await expect(client().paginate('/repos/octo/shop/issues/7/comments')).rejects.toThrow(
      /pagination points outside/,
    );
  });

  test('stops after maxPages', async () => {
    github.pageSize = 1;
    for (let i = 0; i < 5; i++) github.addComment(`c${i}`, { login: 'bob', type: 'User' });
    await expect(
      client({ maxPages: 3 }).paginate('/repos/octo/shop/issues/7/comments'),
    ).rejects.toThrow(/more than 3 pages/);
  });
});

test('nextPageUrl parses Link headers', () => {
  const api = 'https://api.github.com';
  expect(nextPageUrl(`<${api}/x?page=2>; rel="next", <${api}/x?page=5>; rel="last"`, api)).toBe(
    `${api}/x?page=2`,
  );
  expect(nextPageUrl(`<${api}/x?page=1>; rel="prev"`, api)).toBeUndefined();
  expect(nextPageUrl(null, api)).toBeUndefined();
});

test('graphqlUrlFor handles github.com and GHES', () => {
  expect(graphqlUrlFor('https://api.github.com')).toBe('https://api.github.com/graphql');
  expect(graphqlUrlFor('https://ghe.example/api/v3')).toBe('https://ghe.example/api/graphql');
});
