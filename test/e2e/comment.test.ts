/**
 * The sticky PR comment over whole runs, against the loopback GitHub stand-in: one comment per
 * PR, found again and edited in place by the next run; a read-only token (fork PRs) gives a
 * warning and the job summary, never a failed run.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../unit/github/fake-github.js';
import {
  clusterList,
  commands,
  reportOf,
  revisionNames,
  runPreview,
  useSimulatedWorld,
} from './lib/preview.js';

const marker = '<!-- knative-action:preview workflow=preview.yml job=preview -->';

/** A GitHub stand-in that answers as the workflow's GITHUB_TOKEN does (GET /user refused). */
async function actionsTokenGitHub(): Promise<FakeGitHub> {
  const github = await new FakeGitHub().start();
  github.user = 403;
  github.viewer = { login: 'github-actions', __typename: 'Bot' };
  github.author = { login: 'github-actions[bot]', type: 'Bot' };
  return github;
}

const githubEnv = (github: FakeGitHub): Record<string, string> => ({
  GITHUB_API_URL: github.url,
  // What the runner sets for `uses: dwk/knative-action@v1`.
  GITHUB_ACTION_REPOSITORY: 'dwk/knative-action',
  GITHUB_ACTION_REF: 'v1',
  GITHUB_WORKFLOW_REF: 'octo-org/preview-demo/.github/workflows/preview.yml@refs/pull/17/merge',
  GITHUB_JOB: 'preview',
});

describe.concurrent('sticky PR comment', () => {
  const world = useSimulatedWorld();
  const githubs: FakeGitHub[] = [];
  afterAll(async () => {
    for (const github of githubs) await github.stop();
  });

  it('two runs on one PR leave exactly one comment by the action, edited in place', async () => {
    const github = await actionsTokenGitHub();
    githubs.push(github);
    // Other people's comments, one quoting the marker, spread over pages of two.
    github.pageSize = 2;
    const human = github.addComment('LGTM', { login: 'octocat', type: 'User' });
    const impostor = github.addComment(`${marker}\nnot the bot`, {
      login: 'mallory',
      type: 'User',
    });
    github.addComment('ship it', { login: 'hubot', type: 'User' });
    const names = revisionNames(world.repo, 'hello');
    const inputs = { comment: 'always', 'github-token': 'ghs_e2eToken000000000000000000000000' };

    const first = await runPreview({
      sim: world.sim,
      repo: world.repo,
      labels: ['canary-20'],
      inputs,
      env: githubEnv(github),
    });
    expect(first.main.exitCode, first.log.slice(-3000)).toBe(0);
    const ours = () => github.comments.filter((c) => c.user.login === 'github-actions[bot]');
    expect(ours()).toHaveLength(1);
    const id = ours()[0]!.id;
    expect(first.main.outputs['comment-id']).toBe(String(id));
    expect(first.main.outputs['comment-url']).toContain(`#issuecomment-${id}`);
    expect(ours()[0]!.body.startsWith(marker)).toBe(true);
    expect(ours()[0]!.body).toContain(names.pr);
    // "Reproduce locally": the command line from the action's repository at its ref, with this
    // run's label, commits and inputs, then curl per host.
    const reproduce = /```sh\n([\s\S]*?)\n```/.exec(ours()[0]!.body)?.[1]?.split('\n') ?? [];
    expect(reproduce[0]).toBe(
      `npx 'github:dwk/knative-action#v1' --labels canary-20 --base ${world.repo.baseSha} --head ${world.repo.headSha} --build app=app --requests 300`,
    );
    expect(reproduce[1]).toMatch(
      /^curl -H "Host: hello\.default\.example\.com" http:\/\/127\.0\.0\.1:\d+$/,
    );
    const postsAfterFirst = github.writes().filter((w) => w.method === 'POST').length;
    expect(postsAfterFirst).toBe(1);

    const second = await runPreview({
      sim: world.sim,
      repo: world.repo,
      labels: ['canary-50'],
      inputs,
      env: githubEnv(github),
    });
    expect(second.main.exitCode, second.log.slice(-3000)).toBe(0);
    expect(second.main.outputs['comment-id']).toBe(String(id));
    // Still one comment of ours, no new POST; the second run's writes were PATCHes of it.
    expect(ours()).toHaveLength(1);
    const writes = github.writes();
    expect(writes.filter((w) => w.method === 'POST')).toHaveLength(1);
    const patches = writes.filter((w) => w.method === 'PATCH');
    expect(patches.length).toBeGreaterThanOrEqual(1);
    for (const patch of patches) expect(patch.url).toContain(`/issues/comments/${id}`);
    // The body now holds the second run: canary-50 and its run id.
    const body = ours()[0]!.body;
    expect(body).toContain('canary-50');
    expect(body).toContain(`/actions/runs/${second.runId}/`);
    expect(reportOf(second).status).toBe('consistent');
    // Other comments untouched, including the one that copies the marker.
    expect(github.comments).toHaveLength(4);
    expect(github.comments.find((c) => c.id === impostor.id)?.body).toBe(`${marker}\nnot the bot`);
    expect(github.comments.find((c) => c.id === human.id)?.body).toBe('LGTM');
    // The token is masked (the runner hides it from then on) and never printed otherwise;
    // every request carried it.
    const token = inputs['github-token'];
    expect(first.main.stdout).toContain(`::add-mask::${token}`);
    const leaks = (first.log + second.log)
      .split('\n')
      .filter((line) => line.includes(token) && line !== `::add-mask::${token}`);
    expect(leaks).toEqual([]);
    expect(github.requests.every((r) => r.authorization?.includes('ghs_e2eToken'))).toBe(true);

    for (const run of [first, second]) {
      expect(run.post.stdout).toContain(`Deleted k3d cluster ${run.clusterName}.`);
      expect(clusterList(world.sim)).not.toContain(run.clusterName);
    }
  });

  it('a bad label fails the run and says why in the PR comment, with no cluster', async () => {
    const github = await actionsTokenGitHub();
    githubs.push(github);
    const run = await runPreview({
      sim: world.sim,
      repo: world.repo,
      labels: ['canary-150'],
      inputs: { comment: 'always', 'github-token': 'ghs_e2eToken000000000000000000000000' },
      env: githubEnv(github),
    });
    expect(run.main.exitCode).toBe(1);
    const ours = github.comments.filter((c) => c.user.login === 'github-actions[bot]');
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body.startsWith(marker)).toBe(true);
    expect(ours[0]!.body).toContain('canary-150');
    expect(ours[0]!.body).toMatch(/canary-0.*canary-100/);
    expect(ours[0]!.body).toContain('The split was not decided');
    expect(run.post.stdout).toContain('No cluster was created');
  });

  it('a read-only token: the run stays green with a warning and a full job summary', async () => {
    const github = await actionsTokenGitHub();
    githubs.push(github);
    // Fork PRs get a token that may read but not write: every write answers 403.
    for (let i = 0; i < 4; i++) {
      for (const method of ['POST', 'PATCH'])
        github.faults.push({
          method,
          path: /\/issues\/(\d+\/)?comments/,
          status: 403,
          body: { message: 'Resource not accessible by integration' },
        });
    }
    const names = revisionNames(world.repo, 'hello');
    const run = await runPreview({
      sim: world.sim,
      repo: world.repo,
      labels: ['canary-50'],
      inputs: { comment: 'always', 'github-token': 'ghs_readOnly00000000000000000000000000' },
      env: githubEnv(github),
    });
    expect(run.main.exitCode, run.log.slice(-3000)).toBe(0);
    expect(commands(run.main, 'error')).toEqual([]);
    const warnings = commands(run.main, 'warning');
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    expect(warnings.join('\n')).toContain('Could not write the preview comment');
    expect(warnings.join('\n')).toContain('403');
    expect(github.comments).toEqual([]);
    // It tried once, then stopped trying for the rest of the run.
    expect(github.writes()).toHaveLength(1);
    expect(run.main.outputs['comment-id']).toBeUndefined();
    // The job summary carries the whole result, traffic table included.
    expect(reportOf(run).status).toBe('consistent');
    expect(run.main.summary).toMatch(/\| Revision \| Side \| Configured \| Responses \|/);
    expect(run.main.summary).toContain(names.base);
    expect(run.main.summary).toContain(names.pr);
    expect(run.post.stdout).toContain(`Deleted k3d cluster ${run.clusterName}.`);
    expect(clusterList(world.sim)).not.toContain(run.clusterName);
  });
});
