/**
 * The bundled action (dist/index.js) in `cluster: existing` mode where no cluster is needed: a
 * dry run, the manifests it refuses, and the events it does not preview. Runs on the cluster are
 * in test/e2e/existing-*.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pullRequestEvent } from '../../helpers/events.js';
import { knativeService, makeRepo, type TempRepo } from '../../helpers/git-repo.js';
import { runAction } from '../../helpers/run-action.js';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((repo) => repo.cleanup()));

function repo(head: Record<string, string>): TempRepo {
  const made = makeRepo({ 'knative/svc.yaml': knativeService('hello') }, head);
  repos.push(made);
  return made;
}

const existing = { cluster: 'existing', 'github-token': '' };

describe('dist/index.js with cluster: existing, no cluster needed', () => {
  it('a dry run plans into the PR’s namespace and names it, without a URL it cannot know yet', async () => {
    const r = repo({ 'knative/svc.yaml': knativeService('hello', { target: 'pr' }) });
    const run = await runAction({
      workspace: r.dir,
      inputs: { ...existing, 'dry-run': 'true' },
      event: pullRequestEvent('opened', { number: 42, baseSha: r.baseSha, headSha: r.headSha }),
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.namespace).toBe('preview-demo-pr-42');
    expect(run.outputs.url).toBeUndefined();
    const plan = JSON.parse(
      readFileSync(path.join(run.runnerTemp, 'knative-action', 'plan', 'plan.json'), 'utf8'),
    ) as {
      services: { namespace: string; manifests: { pr: { metadata: { namespace: string } } } }[];
    };
    expect(plan.services[0]?.namespace).toBe('preview-demo-pr-42');
    expect(plan.services[0]?.manifests.pr.metadata.namespace).toBe('preview-demo-pr-42');
    expect(run.stdout).toContain('URL as the cluster serves it (read after deploy)');
  });

  it('refuses a hostile manifest at plan time, annotating its file and line', async () => {
    const r = repo({
      'knative/svc.yaml': knativeService('hello', { target: 'pr' }),
      'knative/rbac.yaml':
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: x\nrules: []\n',
    });
    const run = await runAction({
      workspace: r.dir,
      inputs: { ...existing, 'dry-run': 'true' },
      event: pullRequestEvent('opened', { number: 42, baseSha: r.baseSha, headSha: r.headSha }),
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /::error title=knative-action,file=knative\/rbac\.yaml,line=2::knative\/rbac\.yaml:2: ClusterRole 'x' is cluster-scoped/,
    );
  });

  it('a push is not previewed on an existing cluster: one namespace per pull request', async () => {
    const r = repo({ 'knative/svc.yaml': knativeService('hello', { target: 'pr' }) });
    const run = await runAction({
      workspace: r.dir,
      inputs: existing,
      eventName: 'push',
      event: { repository: { full_name: 'octo-org/preview-demo' } },
      env: { GITHUB_SHA: r.headSha, GITHUB_REF: 'refs/heads/main' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/cluster: existing previews pull requests, one namespace per PR/);
  });

  it('a dry run of closed, cleanup or sweep touches no cluster', async () => {
    const r = repo({});
    const closed = await runAction({
      workspace: r.dir,
      inputs: { ...existing, 'dry-run': 'true' },
      event: pullRequestEvent('closed', { number: 42, baseSha: r.baseSha, headSha: r.headSha }),
      // No kubeconfig anywhere: any cluster access would fail the run.
      env: { KUBECONFIG: '/nonexistent/kubeconfig' },
    });
    expect(closed.exitCode, closed.stdout).toBe(0);
    expect(closed.outputs.namespace).toBe('preview-demo-pr-42');
    expect(closed.stdout).toContain(
      'dry-run: would delete the preview namespace preview-demo-pr-42',
    );
    const sweep = await runAction({
      workspace: r.dir,
      inputs: { ...existing, 'dry-run': 'true', mode: 'sweep' },
      eventName: 'schedule',
      event: {},
      env: { KUBECONFIG: '/nonexistent/kubeconfig' },
    });
    expect(sweep.exitCode, sweep.stdout).toBe(0);
    expect(sweep.stdout).toContain(
      'dry-run: would sweep the expired previews of octo-org/preview-demo',
    );
  });

  it('mode: cleanup needs the pull request the event is about', async () => {
    const r = repo({});
    const run = await runAction({
      workspace: r.dir,
      inputs: { ...existing, mode: 'cleanup' },
      eventName: 'workflow_dispatch',
      event: { repository: { full_name: 'octo-org/preview-demo' } },
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /mode: cleanup deletes the preview of the pull request.*mode: sweep/,
    );
  });

  it('a kubeconfig input is masked before anything is logged, even when it is not one', async () => {
    const r = repo({});
    const secret = 'very-secret-token-value';
    const run = await runAction({
      workspace: r.dir,
      inputs: { ...existing, kubeconfig: `users:\n- name: u\n  user:\n    token: ${secret}\n` },
      event: pullRequestEvent('opened', { number: 42, baseSha: r.baseSha, headSha: r.headSha }),
    });
    const lines = run.stdout.split('\n');
    const first = lines.findIndex((line) => !line.startsWith('::add-mask::'));
    // Registered before the first line that is not a mask command...
    expect(lines.slice(0, first)).toContain(`::add-mask::${secret}`);
    // ...and never shown anywhere but in mask commands (the runner hides it from then on).
    for (const line of lines.filter((l) => l.includes(secret)))
      expect(line).toBe(`::add-mask::${secret}`);
    expect(run.exitCode).toBe(1);
  });
});
