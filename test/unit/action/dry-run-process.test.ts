import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pullRequestEvent } from '../../helpers/events.js';
import { knativeService, makeRepo, type TempRepo } from '../../helpers/git-repo.js';
import { runAction } from '../../helpers/run-action.js';

// The bundled action, run as the runner runs it, in dry-run mode.
const repos: TempRepo[] = [];
afterAll(() => repos.forEach((repo) => repo.cleanup()));

function repo(base: Record<string, string>, head: Record<string, string | null>): TempRepo {
  const made = makeRepo(base, head);
  repos.push(made);
  return made;
}

const dryRun = { 'dry-run': 'true', 'github-token': 'unused' };

describe('dry-run of dist/index.js', () => {
  it('plans a canary-30 split from a labeled event and writes outputs and manifests', async () => {
    const r = repo(
      { 'knative/svc.yaml': knativeService('hello') },
      { 'knative/svc.yaml': knativeService('hello', { target: 'pr' }) },
    );
    const run = await runAction({
      workspace: r.dir,
      inputs: dryRun,
      event: pullRequestEvent('labeled', {
        baseSha: r.baseSha,
        headSha: r.headSha,
        labels: ['canary-30', 'bug'],
      }),
    });
    expect(run.exitCode, run.stdout).toBe(0);
    const base = `hello-base-${r.baseSha.slice(0, 7)}`;
    const pr = `hello-pr-${r.headSha.slice(0, 7)}`;
    expect(JSON.parse(run.outputs.traffic ?? '')).toEqual([
      { revisionName: base, percent: 70, tag: 'base' },
      { revisionName: pr, percent: 30, tag: 'pr' },
    ]);
    expect(JSON.parse(run.outputs.revisions ?? '')).toEqual({ base, pr });
    expect(run.outputs.url).toBe('http://hello.default.example.com');
    const planDir = path.join(run.runnerTemp, 'knative-action', 'plan');
    expect(run.stdout).toContain(planDir);
    expect(readdirSync(planDir).sort()).toEqual([
      'default-hello.1-base.yaml',
      'default-hello.2-pr.yaml',
      'plan.json',
    ]);
    expect(readFileSync(path.join(planDir, 'default-hello.1-base.yaml'), 'utf8')).toContain(
      'value: base',
    );
    expect(run.stdout).toMatch(/dry-run: planned only/);
  });

  it('reads the base side from git history; a service new in the PR gets 100%', async () => {
    const r = repo(
      { 'knative/a.yaml': knativeService('alpha') },
      { 'knative/a.yaml': null, 'knative/b.yml': knativeService('beta') },
    );
    const run = await runAction({
      workspace: r.dir,
      inputs: dryRun,
      event: pullRequestEvent('synchronize', {
        baseSha: r.baseSha,
        headSha: r.headSha,
        labels: ['canary-50'],
      }),
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(JSON.parse(run.outputs.revisions ?? '')).toEqual({
      base: null,
      pr: `beta-pr-${r.headSha.slice(0, 7)}`,
    });
    expect(run.stdout).toMatch(/does not exist at the base commit/);
  });

  it('plans several services as objects keyed by name', async () => {
    const both = `${knativeService('one')}---\n${knativeService('two')}`;
    const r = repo(
      { 'knative/all.yaml': both },
      { 'knative/all.yaml': both.replace(/value: base/g, 'value: pr') },
    );
    const run = await runAction({
      workspace: r.dir,
      inputs: dryRun,
      event: pullRequestEvent('opened', {
        baseSha: r.baseSha,
        headSha: r.headSha,
        labels: ['canary-10'],
      }),
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(Object.keys(JSON.parse(run.outputs.revisions ?? ''))).toEqual(['one', 'two']);
    expect(JSON.parse(run.outputs.traffic ?? '').two[1]).toMatchObject({
      percent: 10,
      tag: 'pr',
    });
  });

  it('succeeds without doing anything on closed', async () => {
    const r = repo({ 'knative/svc.yaml': knativeService('hello') }, {});
    const run = await runAction({
      workspace: r.dir,
      inputs: dryRun,
      event: pullRequestEvent('closed', { baseSha: r.baseSha, headSha: r.headSha }),
    });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/nothing to preview/);
    expect(run.outputs).toEqual({});
  });

  it('fails with an annotation on two canary labels', async () => {
    const r = repo({ 'knative/svc.yaml': knativeService('hello') }, {});
    const run = await runAction({
      workspace: r.dir,
      inputs: dryRun,
      event: pullRequestEvent('labeled', {
        baseSha: r.baseSha,
        headSha: r.headSha,
        labels: ['canary-10', 'canary-90'],
      }),
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /::error title=knative-action::The PR has 2 split labels \('canary-10', 'canary-90'\)/,
    );
  });

  it('fails with a file and line annotation on a broken manifest', async () => {
    const r = repo(
      { 'knative/svc.yaml': knativeService('hello') },
      {
        'knative/svc.yaml':
          'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: hello\nspec:\n  template:\n    spec:\n      containers: [\n',
      },
    );
    const run = await runAction({
      workspace: r.dir,
      inputs: dryRun,
      event: pullRequestEvent('opened', { baseSha: r.baseSha, headSha: r.headSha }),
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /::error title=knative-action,file=knative\/svc\.yaml,line=\d+::knative\/svc\.yaml:\d+: YAML syntax error/,
    );
  });

  it('explains how to check out when the base commit is missing', async () => {
    const r = repo({ 'knative/svc.yaml': knativeService('hello') }, {});
    const missing = 'b'.repeat(40);
    const run = await runAction({
      workspace: r.dir,
      inputs: dryRun,
      event: pullRequestEvent('opened', { baseSha: missing, headSha: r.headSha }),
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/base commit b{40} is not in the checkout.*fetch-depth: 0/);
  });

  it('plans one revision on push', async () => {
    const r = repo({ 'knative/svc.yaml': knativeService('hello') }, {});
    const run = await runAction({
      workspace: r.dir,
      inputs: dryRun,
      eventName: 'push',
      event: { repository: { full_name: 'o/r' } },
      env: { GITHUB_SHA: r.headSha },
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(JSON.parse(run.outputs.traffic ?? '')).toEqual([
      { revisionName: `hello-pr-${r.headSha.slice(0, 7)}`, percent: 100, tag: 'pr' },
    ]);
  });

  it('refuses a bad input value', async () => {
    const r = repo({ 'knative/svc.yaml': knativeService('hello') }, {});
    const run = await runAction({
      workspace: r.dir,
      inputs: { ...dryRun, requests: 'lots' },
      event: pullRequestEvent('opened', { baseSha: r.baseSha, headSha: r.headSha }),
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/Input 'requests' has the value 'lots'/);
    expect(existsSync(path.join(run.runnerTemp, 'knative-action', 'plan'))).toBe(false);
  });
});

describe('dry-run of the GitOps template', () => {
  it('plans template/knative with the app image tagged per side', async () => {
    const { execFileSync } = await import('node:child_process');
    const { repoRoot } = await import('../../helpers/run-action.js');
    const head = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: repoRoot,
      encoding: 'utf8',
    }).trim();
    const event = {
      action: 'labeled',
      number: 1,
      pull_request: {
        number: 1,
        title: 'template',
        labels: [{ name: 'canary-50' }],
        base: { sha: head, ref: 'main' },
        head: { sha: head, ref: 'pr' },
      },
      repository: { full_name: 'o/template' },
    };
    const run = await runAction({
      workspace: repoRoot,
      inputs: { ...dryRun, manifests: 'template/knative', build: 'app=template/app' },
      event,
    });
    expect(run.exitCode, run.stdout).toBe(0);
    const short = head.slice(0, 7);
    expect(JSON.parse(run.outputs.revisions ?? '')).toEqual({
      base: `hello-base-${short}`,
      pr: `hello-pr-${short}`,
    });
    expect(
      JSON.parse(run.outputs.traffic ?? '').map((t: { percent: number }) => t.percent),
    ).toEqual([50, 50]);
    expect(run.stdout).toContain(`image: dev.local/app:${short}`);
    expect(run.summary).toContain('hello-pr-');
  });

  it('refuses a dev.local image that no build line produces, saying how to fix it', async () => {
    const r = repo({ 'knative/svc.yaml': knativeService('hello', { image: 'dev.local/api' }) }, {});
    const run = await runAction({
      workspace: r.dir,
      inputs: dryRun,
      event: {
        action: 'opened',
        number: 1,
        pull_request: { number: 1, labels: [], base: { sha: r.baseSha }, head: { sha: r.headSha } },
        repository: { full_name: 'o/r' },
      },
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /dev\.local\/api, which no 'build' line produces.*api=<context folder>/,
    );
  });
});
