/**
 * The sticky comment against an unreliable GitHub: 5xx answers, dropped connections, answers
 * that never come, writes that happened although GitHub said they failed, missing fields. The
 * comment must still be written, exactly once, within about a minute.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createGitHubClient, type GitHubClient } from '../../../src/github/client.js';
import { READ_ONLY_HELP, WRITE_BUDGET_MS } from '../../../src/github/sticky-comment.js';
import { createPreviewCommenter, type CommentMode } from '../../../src/report/commenter.js';
import type { RunReport } from '../../../src/report/model.js';
import { extractState } from '../../../src/report/state.js';
import { FIXED_NOW, MARKER, context, plan, report } from '../report/fixtures.js';
import { FakeGitHub } from './fake-github.js';

const TOKEN = 'ghp_faultfaultfault';
const COMMENTS = '/repos/octo/shop/issues/7/comments';
const deploying: RunReport = { status: 'deploying', services: [], timings: {} };

let github: FakeGitHub;
let clock: { now: () => number; sleep: (ms: number) => Promise<void>; slept: number[] };
let client: GitHubClient;
let warnings: string[];
let logs: string[];

/** A clock that only moves when something sleeps, shared by the client and the commenter. */
function fakeClock(): typeof clock {
  let time = 1_700_000_000_000;
  const slept: number[] = [];
  return {
    now: () => time,
    sleep: async (ms) => {
      slept.push(ms);
      time += ms;
    },
    slept,
  };
}

beforeEach(async () => {
  github = await new FakeGitHub().start();
  clock = fakeClock();
  client = createGitHubClient({
    token: TOKEN,
    apiUrl: github.url,
    now: clock.now,
    sleep: clock.sleep,
    requestTimeoutMs: 300,
  });
  warnings = [];
  logs = [];
});
afterEach(() => github.stop());

function commenter(mode: CommentMode = 'always') {
  return createPreviewCommenter({
    token: TOKEN,
    mode,
    plan: plan(),
    context,
    marker: MARKER,
    client,
    warn: (m) => warnings.push(m),
    log: (m) => logs.push(m),
    now: () => FIXED_NOW,
    clockMs: clock.now,
    sleep: clock.sleep,
  });
}

const methods = () => github.writes().map((w) => w.method);
const listings = () =>
  github.requests.filter((r) => r.method === 'GET' && r.url.includes('/comments')).length;

describe('a failed write is tried again without a second comment', () => {
  test('502 on the first POST: looks again, finds nothing, creates the comment', async () => {
    github.faults.push({ method: 'POST', path: COMMENTS, status: 502 });
    const c = commenter();
    expect((await c.publish('deploying', deploying)).action).toBe('created');
    expect((await c.publish('result', report())).action).toBe('updated');
    expect(methods()).toEqual(['POST', 'POST', 'PATCH']);
    expect(github.comments).toHaveLength(1);
    expect(extractState(github.comments[0]?.body)?.phase).toBe('result');
    expect(warnings).toEqual([]);
  });

  test('a POST that happened but answered 502: the look finds it and PATCHes it', async () => {
    github.faults.push({ method: 'POST', path: COMMENTS, status: 502, applied: true });
    const c = commenter();
    const first = await c.publish('deploying', deploying);
    expect(first).toMatchObject({ action: 'updated', id: github.comments[0]?.id });
    await c.publish('result', report());
    expect(methods()).toEqual(['POST', 'PATCH', 'PATCH']);
    expect(github.comments).toHaveLength(1);
    expect(extractState(github.comments[0]?.body)?.phase).toBe('result');
  });

  test('the look after a failed write reads every page', async () => {
    github.pageSize = 2;
    for (let i = 0; i < 5; i++) github.addComment(`chatter ${i}`, { login: 'bob', type: 'User' });
    github.faults.push({ method: 'POST', path: COMMENTS, status: 500, applied: true });
    const c = commenter();
    await c.publish('deploying', deploying);
    expect(methods()).toEqual(['POST', 'PATCH']);
    // First look: 3 pages; second look: 3 pages, ours last on page 3.
    expect(listings()).toBe(6);
    expect(github.comments.filter((x) => x.body.startsWith(MARKER))).toHaveLength(1);
  });

  test.each([
    ['the connection dropped before the answer', 'reset'],
    ['the answer was cut off', 'truncate'],
    ['no answer came before the deadline', 'hang'],
  ] as const)('a POST that happened but %s: PATCHed, not posted again', async (_why, kind) => {
    github.faults.push({ method: 'POST', path: COMMENTS, kind, applied: true });
    const result = await commenter().publish('deploying', deploying);
    expect(result.action).toBe('updated');
    expect(methods()).toEqual(['POST', 'PATCH']);
    expect(github.comments).toHaveLength(1);
  });

  test('a POST that did not happen and whose connection dropped: posted once more', async () => {
    github.faults.push({ method: 'POST', path: COMMENTS, kind: 'reset' });
    expect((await commenter().publish('deploying', deploying)).action).toBe('created');
    expect(methods()).toEqual(['POST', 'POST']);
    expect(github.comments).toHaveLength(1);
  });

  test('while the look fails, nothing is written; once it answers, one POST', async () => {
    github.faults.push(
      { method: 'POST', path: COMMENTS, status: 502 },
      // The second look (after the failed POST) fails in full: 4 attempts of the client.
      { method: 'GET', path: COMMENTS, status: 503, nth: 2, times: 4 },
    );
    const result = await commenter().publish('deploying', deploying);
    expect(result.action).toBe('created');
    expect(methods()).toEqual(['POST', 'POST']);
    expect(github.comments).toHaveLength(1);
  });

  test('a PATCH of the known comment that fails with 5xx is retried on the same comment', async () => {
    const ours = github.addComment(`${MARKER}\nold`, { login: 'alice', type: 'User' });
    github.faults.push({
      method: 'PATCH',
      path: `/repos/octo/shop/issues/comments/${ours.id}`,
      status: 502,
      times: 6,
    });
    const result = await commenter().publish('result', report());
    expect(result).toMatchObject({ action: 'updated', id: ours.id });
    expect(github.comments).toHaveLength(1);
    expect(methods().every((m) => m === 'PATCH')).toBe(true);
  });
});

describe('bounds', () => {
  test('GitHub failing throughout: gives up within about a minute, with a warning that says what failed', async () => {
    github.faults.push({ method: 'POST', path: COMMENTS, status: 502, times: 1000 });
    const started = clock.now();
    const result = await commenter().publish('deploying', deploying);
    expect(result.action).toBe('degraded');
    expect(clock.now() - started).toBeLessThanOrEqual(WRITE_BUDGET_MS);
    expect(clock.now() - started).toBeGreaterThan(WRITE_BUDGET_MS / 2);
    expect(github.comments).toHaveLength(0);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /Could not write the preview comment \(deploying\): write the preview comment failed after the deadline; last error: GitHub API POST \/repos\/octo\/shop\/issues\/7\/comments answered 502/,
    );
    expect(warnings[0]).toContain(
      "The preview goes on; the comment is tried again with the result, which is also in this job's summary and outputs.",
    );
    expect(warnings[0]).not.toContain(READ_ONLY_HELP);
    expect(logs.some((l) => /try 2 in 1 s/.test(l))).toBe(true);
  });

  test('a failed "deploying" write never stops the "result" write', async () => {
    github.faults.push({ method: 'POST', path: COMMENTS, status: 502, times: 1000 });
    const c = commenter();
    expect((await c.publish('deploying', deploying)).action).toBe('degraded');
    github.faults = [];
    const result = await c.publish('result', report());
    expect(result.action).toBe('created');
    expect(github.comments).toHaveLength(1);
    expect(extractState(github.comments[0]?.body)?.phase).toBe('result');
  });

  test('after a write whose outcome is unknown, the next phase looks before it posts', async () => {
    github.faults.push(
      { method: 'POST', path: COMMENTS, status: 502, applied: true },
      // Every look after it fails until the deploying phase runs out of time.
      { method: 'GET', path: COMMENTS, status: 503, nth: 2, times: 1000 },
    );
    const c = commenter();
    expect((await c.publish('deploying', deploying)).action).toBe('degraded');
    github.faults = [];
    const result = await c.publish('result', report());
    expect(result).toMatchObject({ action: 'updated', id: github.comments[0]?.id });
    expect(methods()).toEqual(['POST', 'PATCH']);
    expect(github.comments).toHaveLength(1);
  });
});

describe('answers GitHub may give', () => {
  test('a created comment whose answer lacks html_url is still edited by id', async () => {
    github.omitHtmlUrl = true;
    const c = commenter();
    const first = await c.publish('deploying', deploying);
    expect(first).toMatchObject({ action: 'created', id: github.comments[0]?.id });
    expect(first.url).toBeUndefined();
    const second = await c.publish('result', report());
    expect(second).toMatchObject({ action: 'updated', id: first.id });
    expect(methods()).toEqual(['POST', 'PATCH']);
    expect(listings()).toBe(1);
    expect(github.comments).toHaveLength(1);
  });

  test.each([401, 403, 404])('%i on the write is the read-only warning', async (status) => {
    github.faults.push({ method: 'POST', path: COMMENTS, status });
    const result = await commenter().publish('result', report());
    expect(result).toMatchObject({ action: 'degraded', reason: 'read-only token' });
    expect(warnings[0]).toContain(READ_ONLY_HELP);
    expect(methods()).toEqual(['POST']);
  });

  test('422 is not a read-only token: the warning says what failed', async () => {
    github.faults.push({
      method: 'POST',
      path: COMMENTS,
      status: 422,
      body: { message: 'Validation Failed' },
    });
    const result = await commenter().publish('result', report());
    expect(result).toMatchObject({ action: 'degraded', reason: 'GitHub API error' });
    expect(warnings).toEqual([
      expect.stringMatching(
        /^Could not write the preview comment \(result\): GitHub API POST \/repos\/octo\/shop\/issues\/7\/comments answered 422: Validation Failed\. The results are in this job's summary and outputs/,
      ),
    ]);
    expect(warnings[0]).not.toContain('read-only');
  });

  test('a rate limit longer than the bound is not a read-only token', async () => {
    github.faults.push({
      method: 'POST',
      path: COMMENTS,
      status: 403,
      headers: { 'retry-after': '3600' },
      body: { message: 'You have exceeded a secondary rate limit' },
    });
    const result = await commenter().publish('result', report());
    expect(result.reason).toBe('GitHub API error');
    expect(warnings[0]).toContain('GitHub asks to wait 3600 s');
    expect(warnings[0]).not.toContain(READ_ONLY_HELP);
  });

  test('when who the token is cannot be learnt, nothing is assumed and no second comment is made', async () => {
    github.addComment(`${MARKER}\nold`, { login: 'alice', type: 'User' });
    github.user = 502;
    github.viewer = 502;
    const result = await commenter().publish('result', report());
    expect(result.action).toBe('degraded');
    expect(warnings[0]).toContain('Could not tell who the token writes as');
    expect(methods()).toEqual([]);
    expect(github.comments).toHaveLength(1);
  });

  test('the token is in no warning or log line', async () => {
    github.faults.push({
      method: 'POST',
      path: COMMENTS,
      status: 502,
      times: 1000,
      body: { message: `token ${TOKEN} rejected` },
    });
    await commenter().publish('deploying', deploying);
    expect(warnings.length + logs.length).toBeGreaterThan(1);
    for (const line of [...warnings, ...logs]) expect(line).not.toContain(TOKEN);
  });
});

describe('rendering cannot crash the run', () => {
  test('a render that throws becomes a warning', async () => {
    const broken = createPreviewCommenter({
      token: TOKEN,
      mode: 'always',
      plan: { ...plan(), services: undefined as never },
      context,
      marker: MARKER,
      client,
      warn: (m) => warnings.push(m),
      log: () => {},
      clockMs: clock.now,
      sleep: clock.sleep,
    });
    const result = await broken.publish('result', report());
    expect(result.action).toBe('degraded');
    expect(warnings[0]).toMatch(/^Could not write the preview comment \(result\)/);
    expect(methods()).toEqual([]);
  });
});
