/**
 * How previews on an existing cluster end: the `closed` event and `mode: cleanup` delete the PR's
 * namespace and edit its comment; `mode: sweep` deletes the previews of the repository that
 * expired or whose PR is closed, and nothing else. Whole action (dist/) on the simulated cluster.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namespaceObject } from '../../src/existing/ownership.js';
import { EXAMPLE_REPOSITORY } from '../helpers/events.js';
import { FakeGitHub } from '../unit/github/fake-github.js';
import {
  adminKubectl,
  errors,
  makeNamespace,
  namespace,
  runExisting,
  startPullsApi,
  useExistingWorld,
} from './lib/existing.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('closed and cleanup', () => {
  const world = useExistingWorld();
  let github: FakeGitHub;
  beforeAll(async () => {
    github = await new FakeGitHub().start();
  });
  afterAll(() => github.stop());

  it('the comment links the preview; closing the PR deletes the namespace and says so there', async () => {
    const withComment = {
      inputs: { comment: 'always', 'github-token': 'ghp_test_token' },
      env: { GITHUB_API_URL: github.url },
    };
    const preview = await runExisting({ world, pr: 51, labels: ['canary-50'], ...withComment });
    expect(preview.main.exitCode, preview.log.slice(-3000)).toBe(0);
    expect(github.comments).toHaveLength(1);
    const body = github.comments[0]!.body;
    expect(body).toContain('[route](http://hello.preview-demo-pr-51.example.com)');
    expect(body).toContain('[pr](http://pr-hello.preview-demo-pr-51.example.com)');
    expect(body).toMatch(
      /The preview lives in namespace `preview-demo-pr-51` until \*\*\d{4}-\d\d-\d\d \d\d:\d\d UTC\*\*/,
    );
    expect(body).toContain('`mode: cleanup`');

    const closed = await runExisting({ world, pr: 51, eventAction: 'closed', ...withComment });
    expect(closed.main.exitCode, closed.log.slice(-3000)).toBe(0);
    expect(closed.main.outputs.namespace).toBe('preview-demo-pr-51');
    expect(namespace(world, 'preview-demo-pr-51')).toBeUndefined();
    expect(github.comments).toHaveLength(1);
    const gone = github.comments[0]!.body;
    expect(gone).toContain('### 🧹 Knative preview removed');
    expect(gone).toMatch(
      /The preview namespace `preview-demo-pr-51` was deleted on .*: the pull request was closed/,
    );
    // The hidden state of the last result stays, for a PR that is reopened.
    expect(gone.split('\n')[1]).toBe(body.split('\n')[1]);
    expect(closed.main.summary).toContain(
      'Deleted the preview namespace `preview-demo-pr-51` of PR #51',
    );
  });

  it('mode: cleanup deletes the PR’s preview; run again, it finds nothing to delete', async () => {
    const preview = await runExisting({ world, pr: 52 });
    expect(preview.main.exitCode, preview.log.slice(-3000)).toBe(0);
    const cleanup = await runExisting({ world, pr: 52, inputs: { mode: 'cleanup' } });
    expect(cleanup.main.exitCode, cleanup.log.slice(-3000)).toBe(0);
    expect(cleanup.log).toContain('Deleted the preview namespace preview-demo-pr-52.');
    expect(namespace(world, 'preview-demo-pr-52')).toBeUndefined();
    const again = await runExisting({ world, pr: 52, inputs: { mode: 'cleanup' } });
    expect(again.main.exitCode).toBe(0);
    expect(again.log).toContain('was not there (expired, or deleted before)');
  });

  it('a PR closed while its namespace belongs to someone else deletes nothing, and fails saying so', async () => {
    makeNamespace(world, 'preview-demo-pr-53', { labels: { team: 'payments' } });
    const closed = await runExisting({ world, pr: 53, eventAction: 'closed' });
    expect(closed.main.exitCode).toBe(1);
    expect(errors(closed.main).join('\n')).toMatch(
      /The namespace 'preview-demo-pr-53' exists and is not this pull request's preview: it has no label app\.kubernetes\.io\/managed-by=knative-action/,
    );
    expect(namespace(world, 'preview-demo-pr-53')?.metadata?.deletionTimestamp).toBeUndefined();
  });
});

describe('sweep', () => {
  const world = useExistingWorld();

  it('deletes expired previews and those of closed PRs, and nothing else', async () => {
    // A real preview with a ttl of seconds, and previews as earlier runs left them.
    const short = await runExisting({ world, pr: 41, inputs: { ttl: '2s' } });
    expect(short.main.exitCode, short.log.slice(-3000)).toBe(0);
    const later = new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const earlier = new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const preview = (pr: number, expiresAt: string, repository = EXAMPLE_REPOSITORY) =>
      adminKubectl(
        world,
        ['create', '-f', '-'],
        JSON.stringify(
          namespaceObject(
            `${repository.split('/')[1]}-pr-${pr}`,
            { repository, pr },
            { expiresAt },
          ),
        ),
      );
    preview(42, later); // open, not expired: stays
    preview(43, later); // closed on GitHub: goes
    preview(44, 'soon'); // unreadable expiry, open: stays
    preview(45, earlier, 'octo-org/other-repo'); // another repository's: never touched
    makeNamespace(world, 'preview-demo-pr-46', {
      labels: { 'app.kubernetes.io/managed-by': 'knative-action' },
    }); // half-labelled: not a preview of this repository
    await sleep(2500);

    const pulls = await startPullsApi({ 41: 'open', 42: 'open', 43: 'closed', 44: 'open' });
    try {
      const sweep = await runExisting({
        world,
        eventName: 'schedule',
        event: { schedule: '17 3 * * *' },
        inputs: { mode: 'sweep', 'github-token': 'ghp_test_token' },
        env: { GITHUB_API_URL: pulls.url },
      });
      expect(sweep.main.exitCode, sweep.log.slice(-3000)).toBe(0);
      for (const gone of ['preview-demo-pr-41', 'preview-demo-pr-43'])
        expect(namespace(world, gone), gone).toBeUndefined();
      for (const kept of [
        'preview-demo-pr-42',
        'preview-demo-pr-44',
        'other-repo-pr-45',
        'preview-demo-pr-46',
      ])
        expect(namespace(world, kept)?.metadata?.deletionTimestamp, kept).toBeUndefined();
      expect(sweep.main.summary).toMatch(/2 of 4 preview namespaces deleted/);
      expect(sweep.main.summary).toMatch(/`preview-demo-pr-41` \| #41 \| deleted \| it expired at/);
      expect(sweep.main.summary).toMatch(
        /`preview-demo-pr-43` \| #43 \| deleted \| PR .*43 is closed \|/,
      );
      // An expired preview is deleted without asking GitHub about its PR.
      expect(pulls.requests.sort()).toEqual([
        'GET /repos/octo-org/preview-demo/pulls/42',
        'GET /repos/octo-org/preview-demo/pulls/43',
        'GET /repos/octo-org/preview-demo/pulls/44',
      ]);
    } finally {
      await pulls.stop();
    }
  });

  it('without a token that may read PRs, goes by expiry alone and says so', async () => {
    const sweep = await runExisting({
      world,
      eventName: 'schedule',
      event: { schedule: '17 3 * * *' },
      inputs: { mode: 'sweep', 'github-token': '' },
    });
    expect(sweep.main.exitCode, sweep.log.slice(-3000)).toBe(0);
    expect(sweep.log).toContain('no github-token, so closed pull requests are not looked up');
    expect(namespace(world, 'preview-demo-pr-42')?.metadata?.deletionTimestamp).toBeUndefined();
  });
});
