/** The GitHub parts of the mode against loopback stand-ins: the "preview gone" edit, PR states. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markPreviewGone } from '../../../src/existing/gone-comment.js';
import { pullRequestStates } from '../../../src/existing/pull-request-state.js';
import { createGitHubClient } from '../../../src/github/client.js';
import { patienceFor } from '../../../src/github/sticky-comment.js';
import { FakeGitHub } from '../github/fake-github.js';

const MARKER = '<!-- knative-action:preview workflow=preview-existing.yml job=preview -->';
const repository = { owner: 'octo', repo: 'shop' };

describe('markPreviewGone', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await new FakeGitHub().start();
  });
  afterEach(() => github.stop());

  const gone = (extra: Partial<Parameters<typeof markPreviewGone>[0]> = {}) =>
    markPreviewGone({
      token: 'ghp_token',
      mode: 'always',
      repository,
      pr: 7,
      marker: MARKER,
      client: createGitHubClient({ token: 'ghp_token', apiUrl: github.url, sleep: async () => {} }),
      patience: patienceFor({ sleep: async () => {} }),
      render: (existing) => `${MARKER}\ngone (was: ${existing.body.split('\n')[1]})`,
      ...extra,
    });

  it('edits our comment in place', async () => {
    github.addComment('someone else’s', { login: 'bob', type: 'User' });
    const ours = github.addComment(`${MARKER}\nresult`, { login: 'alice', type: 'User' });
    const result = await gone();
    expect(result).toMatchObject({ action: 'updated', id: ours.id });
    expect(ours.body).toBe(`${MARKER}\ngone (was: result)`);
    expect(github.writes()).toHaveLength(1);
  });

  it('writes nothing when the PR has no comment of ours (a PR that never had a preview)', async () => {
    github.addComment(`${MARKER}\nforged by someone else`, { login: 'mallory', type: 'User' });
    const result = await gone();
    expect(result.action).toBe('skipped');
    expect(github.writes()).toEqual([]);
  });

  it('comment: off and no token write nothing, and a refusal only warns', async () => {
    github.addComment(`${MARKER}\nresult`, { login: 'alice', type: 'User' });
    expect((await gone({ mode: 'off' })).action).toBe('skipped');
    expect((await gone({ token: '' })).action).toBe('skipped');
    github.faults.push({ method: 'PATCH', path: '/repos/octo/shop/issues/comments/', status: 403 });
    const refused = await gone();
    expect(refused.action).toBe('degraded');
    expect(refused.warning).toMatch(/read-only GITHUB_TOKEN/);
  });
});

describe('pullRequestStates', () => {
  let server: Server;
  let url: string;
  const answers = new Map<string, { status: number; body: unknown }>();
  let requests: string[];
  beforeEach(async () => {
    requests = [];
    answers.clear();
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      const answer = answers.get(req.url ?? '') ?? { status: 404, body: { message: 'Not Found' } };
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const client = () => createGitHubClient({ token: 't', apiUrl: url, sleep: async () => {} });

  it('reads open and closed from GET /repos/{owner}/{repo}/pulls/{n}', async () => {
    answers.set('/repos/octo/shop/pulls/1', { status: 200, body: { state: 'open' } });
    answers.set('/repos/octo/shop/pulls/2', { status: 200, body: { state: 'closed' } });
    const states = pullRequestStates(client(), repository);
    expect(await states.stateOf(1)).toBe('open');
    expect(await states.stateOf(2)).toBe('closed');
    expect(states.note()).toBeUndefined();
  });

  it('a token that may not read PRs: unknown for all, asked once, and says why', async () => {
    answers.set('/repos/octo/shop/pulls/1', {
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    const states = pullRequestStates(client(), repository);
    expect(await states.stateOf(1)).toBe('unknown');
    expect(await states.stateOf(2)).toBe('unknown');
    expect(requests).toEqual(['/repos/octo/shop/pulls/1']);
    expect(states.note()).toMatch(/may not read pull requests.*pull-requests: read/);
  });

  it('without a token nothing is asked', async () => {
    const states = pullRequestStates(undefined, repository);
    expect(await states.stateOf(1)).toBe('unknown');
    expect(states.note()).toMatch(/no github-token/);
    expect(requests).toEqual([]);
  });
});
