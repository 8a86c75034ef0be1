/**
 * Previews on an existing cluster, the whole action (dist/) against the simulated existing cluster
 * (test/sim/existing.ts): a namespace per PR that outlives the run, updated in place by the next
 * run, with links read from status. Simulated results, not a real cluster's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { revisionNames, templateRepo } from './lib/preview.js';
import {
  adminGet,
  errors,
  leftKubeconfigs,
  namesIn,
  pushCommit,
  reportOf,
  runExisting,
  useExistingWorld,
  type ExistingRun,
} from './lib/existing.js';
import type { TempRepo } from '../helpers/git-repo.js';

function succeeded(run: ExistingRun): void {
  expect(run.main.exitCode, run.log.slice(-4000)).toBe(0);
  expect(reportOf(run).status).toBe('consistent');
}

/** PR percent observed for the one service of a run. */
function observedPr(run: ExistingRun): { configured: number; observed: number } {
  const pr = reportOf(run).services[0]?.revisions.find((r) => r.side === 'pr');
  return { configured: pr?.configuredPercent ?? -1, observed: pr?.observedPercent ?? -1 };
}

function trafficOf(world: { cluster: unknown }, ns: string): unknown {
  return (adminGet(world as never, ['ksvc', 'hello', '-n', ns])?.status as { traffic?: unknown })
    ?.traffic;
}

describe('a preview on an existing cluster', () => {
  const world = useExistingWorld();

  it('deploys base and PR into the PR’s own namespace, measures the split and keeps the namespace', async () => {
    const run = await runExisting({ world, pr: 17, labels: ['canary-30'] });
    succeeded(run);
    expect(run.main.outputs.namespace).toBe('preview-demo-pr-17');
    const [service] = reportOf(run).services;
    expect(service?.namespace).toBe('preview-demo-pr-17');
    expect(service?.links).toEqual({
      route: 'http://hello.preview-demo-pr-17.example.com',
      base: 'http://base-hello.preview-demo-pr-17.example.com',
      pr: 'http://pr-hello.preview-demo-pr-17.example.com',
    });
    expect(observedPr(run).configured).toBe(30);
    expect(run.main.outputs.url).toBe('http://hello.preview-demo-pr-17.example.com');
    expect(reportOf(run).existing).toEqual({
      namespace: 'preview-demo-pr-17',
      expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
    });
    const ns = adminGet(world, ['namespace', 'preview-demo-pr-17']);
    expect(ns?.metadata?.labels).toMatchObject({
      'app.kubernetes.io/managed-by': 'knative-action',
      'knative-action/repository': 'octo-org.preview-demo',
      'knative-action/pull-request': '17',
    });
    expect(ns?.metadata?.annotations).toMatchObject({
      'knative-action/repository': 'octo-org/preview-demo',
      'knative-action/expires-at': reportOf(run).existing?.expiresAt,
    });
    expect(namesIn(world, 'ksvc', 'preview-demo-pr-17')).toEqual(['hello']);
    // Built images were pushed where the cluster pulls them, and the manifests name them.
    const image = (
      adminGet(world, ['ksvc', 'hello', '-n', 'preview-demo-pr-17'])?.spec as {
        template: { spec: { containers: { image: string }[] } };
      }
    ).template.spec.containers[0]?.image;
    expect(image).toBe(`ghcr.io/octo-org/app:${world.repo.headSha.slice(0, 7)}`);
    // The post step keeps the namespace and removes the run's copy of the credentials.
    expect(run.post.exitCode).toBe(0);
    expect(run.log).toContain('stays on the cluster for the next run');
    expect(leftKubeconfigs(run.main)).toEqual([]);
  });

  it('two PRs at once: each its own namespace and its own split, observed', async () => {
    const [a, b] = await Promise.all([
      runExisting({ world, pr: 21, labels: ['canary-20'] }),
      runExisting({ world, pr: 22, labels: ['canary-70'] }),
    ]);
    succeeded(a);
    succeeded(b);
    expect(reportOf(a).services[0]?.namespace).toBe('preview-demo-pr-21');
    expect(reportOf(b).services[0]?.namespace).toBe('preview-demo-pr-22');
    expect(observedPr(a).configured).toBe(20);
    expect(observedPr(b).configured).toBe(70);
    // Each split is what its own labels asked for, measured through the same ingress.
    expect(Math.abs(observedPr(a).observed - 20)).toBeLessThan(10);
    expect(Math.abs(observedPr(b).observed - 70)).toBeLessThan(10);
    expect(trafficOf(world, 'preview-demo-pr-21')).toEqual(
      expect.arrayContaining([expect.objectContaining({ tag: 'pr', percent: 20 })]),
    );
    expect(trafficOf(world, 'preview-demo-pr-22')).toEqual(
      expect.arrayContaining([expect.objectContaining({ tag: 'pr', percent: 70 })]),
    );
  });

  it('the kubeconfig input works with no KUBECONFIG and no ~/.kube/config, and never shows', async () => {
    const kubeconfig = readFileSync(world.cluster.kubeconfigPath, 'utf8');
    const token = /token: (\S+)/.exec(kubeconfig)?.[1] ?? '';
    expect(token.length).toBeGreaterThan(8);
    const run = await runExisting({
      world,
      pr: 23,
      inputs: { kubeconfig },
      withoutEnv: ['KUBECONFIG'],
    });
    succeeded(run);
    expect(run.log).toContain("of the kubeconfig from the 'kubeconfig' input");
    // The token reaches the log only in the runner's add-mask command, which hides it everywhere.
    const lines = run.log.split('\n').filter((line) => line.includes(token));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toBe(`::add-mask::${token}`);
    expect(leftKubeconfigs(run.main)).toEqual([]);
  });

  it('without KUBECONFIG, input or ~/.kube/config, fails saying how to connect', async () => {
    const run = await runExisting({ world, pr: 24, withoutEnv: ['KUBECONFIG'] });
    expect(run.main.exitCode).toBe(1);
    expect(reportOf(run).failure?.message).toMatch(
      /No kubeconfig for the existing cluster: the 'kubeconfig' input is empty, KUBECONFIG is not set/,
    );
  });
});

describe('the next run for the same PR', () => {
  const world = useExistingWorld();

  it('synchronize and label changes update the namespace in place and remove old revisions', async () => {
    const repo: TempRepo = templateRepo();
    const own = { cluster: world.cluster, repo };
    try {
      const first = await runExisting({ world: own, pr: 31, labels: ['canary-50'] });
      succeeded(first);
      const firstNames = revisionNames(repo, 'hello');
      const expiry = reportOf(first).existing?.expiresAt;

      // A new commit on the PR: a new PR revision; the one before it goes.
      const nextSha = pushCommit(repo, {
        'knative/service.yaml': readFileSync(`${repo.dir}/knative/service.yaml`, 'utf8').replace(
          'value: Preview',
          'value: Preview again',
        ),
      });
      const second = await runExisting({
        world: own,
        pr: 31,
        labels: ['canary-50'],
        headSha: nextSha,
      });
      succeeded(second);
      const nextPr = `hello-pr-${nextSha.slice(0, 7)}`;
      expect(
        reportOf(second)
          .services[0]?.revisions.map((r) => r.revision)
          .sort(),
      ).toEqual([firstNames.base, nextPr].sort());
      expect(namesIn(world, 'revisions', 'preview-demo-pr-31')).toEqual(
        [firstNames.base, nextPr].sort(),
      );
      expect(second.log).toContain(`Removed what earlier runs left: revisions ${firstNames.pr}`);

      // A label change: same revisions, a new split, a later expiry.
      const third = await runExisting({
        world: own,
        pr: 31,
        labels: ['canary-10'],
        headSha: nextSha,
        eventAction: 'labeled',
      });
      succeeded(third);
      expect(observedPr(third).configured).toBe(10);
      expect(trafficOf(world, 'preview-demo-pr-31')).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ revisionName: nextPr, tag: 'pr', percent: 10 }),
        ]),
      );
      const refreshed = adminGet(world, ['namespace', 'preview-demo-pr-31'])?.metadata
        ?.annotations?.['knative-action/expires-at'];
      expect(refreshed).toBe(reportOf(third).existing?.expiresAt);
      expect(Date.parse(refreshed ?? '')).toBeGreaterThanOrEqual(Date.parse(expiry ?? ''));
    } finally {
      repo.cleanup();
    }
  });

  it('a cancelled run leaves the namespace for the next run, which updates it', async () => {
    const cancelled = await runExisting({
      world,
      pr: 32,
      labels: ['canary-40'],
      cancelWhen: /applying the PR revision/,
    });
    expect(cancelled.main.exitCode).not.toBe(0);
    expect(cancelled.log).toContain(
      'leaving the preview namespace preview-demo-pr-32 for the next run',
    );
    const ns = adminGet(world, ['namespace', 'preview-demo-pr-32']);
    expect(ns?.metadata?.deletionTimestamp).toBeUndefined();
    expect(ns?.metadata?.labels?.['knative-action/pull-request']).toBe('32');
    expect(leftKubeconfigs(cancelled.main)).toEqual([]);
    expect(errors(cancelled.post)).toEqual([]);

    const next = await runExisting({ world, pr: 32, labels: ['canary-40'] });
    succeeded(next);
    expect(observedPr(next).configured).toBe(40);
  });
});

describe('a deployer with least privilege', () => {
  // What template/cluster/preview-deployer.yaml does not grant: nothing of Knative's own
  // namespace, no CRDs, no nodes.
  const world = useExistingWorld({
    knobs: {
      SIM_API_FORBIDDEN: [
        'customresourcedefinitions.apiextensions.k8s.io',
        'namespaces/knative-serving',
        'knative-serving:configmaps',
        'knative-serving:deployments.apps',
        'nodes',
      ].join(','),
    },
  });

  it('previews and cleans up without reading anything cluster-wide but namespaces and discovery', async () => {
    const run = await runExisting({ world, pr: 81, labels: ['canary-50'] });
    succeeded(run);
    expect(run.log).toContain('Could not read which Knative Serving release the cluster runs');
    const cleanup = await runExisting({ world, pr: 81, inputs: { mode: 'cleanup' } });
    expect(cleanup.main.exitCode, cleanup.log.slice(-3000)).toBe(0);
  });
});
