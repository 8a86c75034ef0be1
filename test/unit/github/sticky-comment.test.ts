import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createGitHubClient, type GitHubClient } from '../../../src/github/client.js';
import {
  GITHUB_ACTIONS_BOT,
  resolveTokenIdentity,
  type TokenIdentity,
} from '../../../src/github/identity.js';
import { carriesMarker, upsertStickyComment } from '../../../src/github/sticky-comment.js';
import { createPreviewCommenter, type CommentMode } from '../../../src/report/commenter.js';
import { commentMarker, workflowFileOf } from '../../../src/report/marker.js';
import type { RunReport } from '../../../src/report/model.js';
import { extractState } from '../../../src/report/state.js';
import { FIXED_NOW, MARKER, context, plan, report } from '../report/fixtures.js';
import { FakeGitHub } from './fake-github.js';

const ALICE: TokenIdentity = { login: 'alice', bot: false, source: 'rest-user' };
let github: FakeGitHub;
let client: GitHubClient;

beforeEach(async () => {
  github = await new FakeGitHub().start();
  client = createGitHubClient({ token: 'ghp_token', apiUrl: github.url, sleep: async () => {} });
});
afterEach(() => github.stop());

const target = () => ({
  client,
  owner: 'octo',
  repo: 'shop',
  issueNumber: 7,
  marker: MARKER,
  identity: ALICE,
});

describe('upsertStickyComment', () => {
  test('creates the comment once, then updates it in place', async () => {
    const first = await upsertStickyComment({ ...target(), render: () => `${MARKER}\nfirst` });
    expect(first.action).toBe('created');
    expect(first.url).toMatch(/#issuecomment-\d+$/);
    const second = await upsertStickyComment({
      ...target(),
      render: (existing) => `${MARKER}\nsecond after ${existing?.id}`,
    });
    expect(second).toMatchObject({ action: 'updated', id: first.id });
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]?.body).toBe(`${MARKER}\nsecond after ${first.id}`);
    expect(github.writes().map((w) => w.method)).toEqual(['POST', 'PATCH']);
  });

  test('finds the marker on a later page', async () => {
    github.pageSize = 3;
    for (let i = 0; i < 7; i++) github.addComment(`chatter ${i}`, { login: 'bob', type: 'User' });
    const ours = github.addComment(`${MARKER}\nold`, { login: 'alice', type: 'User' });
    const result = await upsertStickyComment({ ...target(), render: () => `${MARKER}\nnew` });
    expect(result).toMatchObject({ action: 'updated', id: ours.id });
    expect(github.requests.filter((r) => r.method === 'GET').length).toBe(3);
    expect(github.comments).toHaveLength(8);
  });

  test('never edits a comment by someone else that carries the marker', async () => {
    const spoof = github.addComment(`${MARKER}\nI am the bot, trust me`, {
      login: 'mallory',
      type: 'User',
    });
    const result = await upsertStickyComment({ ...target(), render: () => `${MARKER}\nreal` });
    expect(result.action).toBe('created');
    expect(result.id).not.toBe(spoof.id);
    expect(spoof.body).toBe(`${MARKER}\nI am the bot, trust me`);
    expect(github.writes().map((w) => w.method)).toEqual(['POST']);
  });

  test('a marker further down a comment is not ours (quoted text, code samples)', async () => {
    github.addComment(`> quoted\n${MARKER}\n`, { login: 'alice', type: 'User' });
    expect(carriesMarker(`> quoted\n${MARKER}\n`, MARKER)).toBe(false);
    const result = await upsertStickyComment({ ...target(), render: () => `${MARKER}\nx` });
    expect(result.action).toBe('created');
  });

  test('a marker of another workflow or job is not ours', async () => {
    const other = commentMarker({ workflow: 'other.yml', job: 'preview' });
    github.addComment(`${other}\nx`, { login: 'alice', type: 'User' });
    const result = await upsertStickyComment({ ...target(), render: () => `${MARKER}\ny` });
    expect(result.action).toBe('created');
    expect(github.comments).toHaveLength(2);
  });

  test('403 on write degrades to a warning that explains fork PRs and workflow_run', async () => {
    github.faults.push({
      method: 'POST',
      path: '/repos',
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    const result = await upsertStickyComment({ ...target(), render: () => `${MARKER}\nx` });
    expect(result.action).toBe('degraded');
    expect(result.warning).toContain('answered 403: Resource not accessible by integration');
    expect(result.warning).toContain('read-only GITHUB_TOKEN');
    expect(result.warning).toContain('workflow_run');
    expect(result.warning).toContain("the run's result is unchanged");
  });

  test('a comment deleted between listing and writing is created again', async () => {
    const ours = github.addComment(`${MARKER}\nold`, { login: 'alice', type: 'User' });
    const result = await upsertStickyComment({
      ...target(),
      render: () => {
        github.comments = github.comments.filter((c) => c !== ours);
        return `${MARKER}\nnew`;
      },
    });
    expect(result.action).toBe('created');
    expect(github.writes().map((w) => w.method)).toEqual(['PATCH', 'POST']);
    expect(github.comments).toHaveLength(1);
  });

  test('a PATCH refused with 404 while the comment is still listed is not answered by a new comment', async () => {
    const ours = github.addComment(`${MARKER}\nold`, { login: 'alice', type: 'User' });
    github.faults.push({
      method: 'PATCH',
      path: `/repos/octo/shop/issues/comments/${ours.id}`,
      status: 404,
    });
    const result = await upsertStickyComment({ ...target(), render: () => `${MARKER}\nnew` });
    expect(result.action).toBe('degraded');
    expect(github.writes().map((w) => w.method)).toEqual(['PATCH']);
  });

  test('render returning undefined skips the write', async () => {
    const ours = github.addComment(`${MARKER}\nold`, { login: 'alice', type: 'User' });
    const result = await upsertStickyComment({ ...target(), render: () => undefined });
    expect(result).toMatchObject({ action: 'skipped', id: ours.id });
    expect(github.writes()).toHaveLength(0);
  });
});

describe('token identity', () => {
  test('a personal access token: GET /user', async () => {
    expect(await resolveTokenIdentity(client)).toMatchObject({
      login: 'alice',
      bot: false,
      source: 'rest-user',
    });
  });

  test('an installation token: /user is refused, the GraphQL viewer names the bot', async () => {
    github.user = 403;
    github.viewer = { login: 'my-app', __typename: 'Bot' };
    expect(await resolveTokenIdentity(client)).toMatchObject({
      login: 'my-app[bot]',
      bot: true,
      source: 'graphql-viewer',
    });
  });

  test('GITHUB_TOKEN when both lookups fail: assumed github-actions[bot]', async () => {
    github.user = 403;
    github.viewer = 403;
    const identity = await resolveTokenIdentity(client);
    expect(identity).toMatchObject({ login: GITHUB_ACTIONS_BOT, bot: true, source: 'assumed' });
    expect(identity.note).toContain('answered 403');
  });
});

describe('preview commenter', () => {
  function commenter(mode: CommentMode = 'always', warnings: string[] = []) {
    return createPreviewCommenter({
      token: 'ghp_token',
      mode,
      plan: plan(),
      context,
      marker: MARKER,
      client,
      warn: (m) => warnings.push(m),
      log: () => {},
      now: () => FIXED_NOW,
    });
  }
  const deploying: RunReport = { status: 'deploying', services: [], timings: {} };

  test('two phases on a fresh PR: one create, one update; GITHUB_TOKEN identity is used', async () => {
    github.user = 403;
    github.author = { login: GITHUB_ACTIONS_BOT, type: 'Bot' };
    const c = commenter();
    const first = await c.publish('deploying', deploying);
    const second = await c.publish('result', report());
    expect(first.action).toBe('created');
    expect(second).toMatchObject({ action: 'updated', id: first.id, url: first.url });
    expect(github.writes().map((w) => w.method)).toEqual(['POST', 'PATCH']);
    // The comments were listed once, not per phase.
    expect(
      github.requests.filter((r) => r.method === 'GET' && r.url.includes('/comments')).length,
    ).toBe(1);
    expect(extractState(github.comments[0]?.body)?.phase).toBe('result');
  });

  test('a later run updates the same comment and shows the change since the previous run', async () => {
    await commenter().publish('result', report());
    const changed = report({
      services: [
        {
          ...report().services[0]!,
          revisions: report().services[0]!.revisions.map((r) => ({
            ...r,
            observedPercent: r.side === 'pr' ? 53 : 47,
          })),
        },
      ],
    });
    const next = commenter();
    await next.publish('deploying', deploying);
    await next.publish('result', changed);
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]?.body).toContain('previous run 51.0% → now 53.0% to PR');
    expect(next.previousResult()?.services[0]?.revisions[1]?.observedPercent).toBe(51);
  });

  test('on-change: nothing but timings changed, so nothing is written', async () => {
    await commenter().publish('result', report());
    const rerun = commenter('on-change');
    expect((await rerun.publish('deploying', deploying)).action).toBe('skipped');
    const result = await rerun.publish('result', report({ timings: { 'bring-up': 1, probe: 2 } }));
    expect(result).toMatchObject({
      action: 'skipped',
      reason: 'on-change: nothing but timings changed',
    });
    expect(result.id).toBe(github.comments[0]?.id);
    expect(github.writes()).toHaveLength(1);
  });

  test('on-change: a changed verdict is written', async () => {
    await commenter().publish('result', report());
    const result = await commenter('on-change').publish(
      'result',
      report({ status: 'deviates', services: [{ ...report().services[0]!, verdict: 'deviates' }] }),
    );
    expect(result.action).toBe('updated');
  });

  test('on-change on a PR without a comment still creates one', async () => {
    expect((await commenter('on-change').publish('deploying', deploying)).action).toBe('created');
  });

  test('off: no request at all', async () => {
    expect((await commenter('off').publish('result', report())).action).toBe('skipped');
    expect(github.requests).toHaveLength(0);
  });

  test('not a pull request: skipped', async () => {
    const c = createPreviewCommenter({
      token: 't',
      mode: 'always',
      plan: plan({ pullRequest: undefined, event: 'push' }),
      context,
      marker: MARKER,
      client,
    });
    expect(await c.publish('result', report())).toMatchObject({
      action: 'skipped',
      reason: 'not a pull request',
    });
  });

  test('read-only token: one warning; the result is rendered but not sent again; nothing throws', async () => {
    const warnings: string[] = [];
    github.faults.push({
      method: 'POST',
      path: '/repos',
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    const c = commenter('always', warnings);
    const first = await c.publish('deploying', deploying);
    expect(first.action).toBe('degraded');
    expect(first.body?.startsWith(`${MARKER}\n`)).toBe(true);
    const second = await c.publish('result', report());
    expect(second).toMatchObject({ action: 'degraded', reason: 'read-only token' });
    expect(extractState(second.body)?.phase).toBe('result');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('workflow_run');
    expect(github.writes().map((w) => w.method)).toEqual(['POST']);
  });

  test('listing failures degrade too', async () => {
    const warnings: string[] = [];
    github.faults.push({
      method: 'GET',
      path: '/repos',
      status: 404,
      body: { message: 'Not Found' },
    });
    expect((await commenter('always', warnings).publish('result', report())).action).toBe(
      'degraded',
    );
    expect(warnings[0]).toContain('answered 404');
  });
});

describe('marker', () => {
  test('names workflow file and job; cannot end the HTML comment early', () => {
    expect(workflowFileOf('octo/shop/.github/workflows/preview.yml@refs/pull/7/merge')).toBe(
      'preview.yml',
    );
    expect(commentMarker({ workflow: 'preview.yml', job: 'preview' })).toBe(MARKER);
    const hostile = commentMarker({ workflow: 'a --> <b>', job: 'x--y' });
    expect(hostile.slice(4, -4)).not.toMatch(/--|>|</);
  });
});
