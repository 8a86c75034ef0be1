/**
 * The whole action against a simulated cluster that misbehaves on purpose (SIM_* knobs the
 * cluster daemon reads when it starts, passed per run): what the run does, says and cleans up.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  clusterList,
  commands,
  deleteCluster,
  reportOf,
  revisionNames,
  runPreview,
  useSimulatedWorld,
  type PreviewRun,
} from './lib/preview.js';

/** The `::debug::[branch] run:` lines: every external command the action ran. */
const commandsRun = (run: PreviewRun): string[] =>
  run.main.stdout
    .split('\n')
    .map((line) => /^::debug::(?:\[[a-z]+\] )?run: (.*)$/.exec(line)?.[1])
    .filter((command): command is string => command !== undefined);

// Runs queue for a slot (see runPreview), so a test's clock also counts its wait.
describe.concurrent('cluster faults', { timeout: 300_000 }, () => {
  const world = useSimulatedWorld();

  it('slow Knative webhooks: the config patch is retried until accepted, and the run succeeds', async () => {
    const run = await runPreview({
      sim: world.sim,
      repo: world.repo,
      labels: ['canary-50'],
      // Long enough for two refused attempts even when kubectl starts slowly on a busy machine.
      env: { SIM_WEBHOOK_DELAY_S: '6' },
    });
    expect(run.main.exitCode, run.log.slice(-3000)).toBe(0);
    expect(run.main.stdout).toMatch(
      /patch configmap\/config-network in knative-serving: not accepted yet \(attempt 1\): .*failed calling webhook "config\.webhook\.serving\.knative\.dev".*; retrying/,
    );
    expect(run.main.stdout).toMatch(
      /config-network in knative-serving: not accepted yet \(attempt 2\)/,
    );
    expect(reportOf(run).status).toBe('consistent');
    expect(run.post.stdout).toContain(`Deleted k3d cluster ${run.clusterName}.`);
    expect(clusterList(world.sim)).not.toContain(run.clusterName);
  });

  // The first API requests fail with 500. kubectl's own discovery retries absorb three of them;
  // ten also fail whole kubectl calls, which the action's waits must ride out. Both succeed:
  // a cluster whose API blinks at start-up is not a failed preview.
  it.each(['3', '10'])(
    'an API server that answers 500 to its first %s requests: the run rides it out',
    async (failFirst) => {
      const run = await runPreview({
        sim: world.sim,
        repo: world.repo,
        labels: ['canary-20'],
        env: { SIM_API_FAIL_FIRST: failFirst },
      });
      expect(run.main.exitCode, run.log.slice(-3000)).toBe(0);
      expect(commands(run.main, 'error')).toEqual([]);
      expect(reportOf(run).status).toBe('consistent');
      const nodeChecks = commandsRun(run).filter((c) => /kubectl .* get nodes -o json$/.test(c));
      if (failFirst === '10') expect(nodeChecks.length).toBeGreaterThan(1);
      else expect(nodeChecks.length).toBeGreaterThanOrEqual(1);
      expect(run.post.stdout).toContain(`Deleted k3d cluster ${run.clusterName}.`);
    },
  );

  let neverReadyRun: Promise<PreviewRun> | undefined;
  const runNeverReady = (): Promise<PreviewRun> =>
    (neverReadyRun ??= runPreview({
      sim: world.sim,
      repo: world.repo,
      labels: ['canary-50'],
      // Knative reports a revision that never gets ready at its progress deadline (600 s by default).
      env: {
        SIM_REVISION_NEVER_READY: revisionNames(world.repo, 'hello').pr,
        SIM_PROGRESS_DEADLINE_S: '3',
      },
    }));

  it('a PR revision that never becomes Ready fails in deploy with its reason; main collects diagnostics, post deletes', async () => {
    const { pr } = revisionNames(world.repo, 'hello');
    const run = await runNeverReady();
    expect(run.main.exitCode).toBe(1);
    const report = reportOf(run);
    expect(report.status).toBe('failed');
    expect(report.failure?.phase).toBe('deploy');
    expect(report.failure?.message).toContain(pr);
    expect(report.failure?.message).toContain('ProgressDeadlineExceeded');
    expect(report.failure?.message).not.toMatch(/timed out after/);
    const errors = commands(run.main, 'error').join('\n');
    expect(errors).toContain(`deploy failed: revision ${pr}`);
    expect(errors).toContain('ProgressDeadlineExceeded: ReplicaSet');
    expect(run.main.summary).toContain('failed in phase `deploy`');

    // The main step collects diagnostics (file and job summary) while the cluster still runs, so
    // the job's later steps (an artifact upload) find them; the post step only deletes.
    const diagnosticsFile = path.join(
      run.main.runnerTemp,
      'knative-action',
      run.clusterName,
      'diagnostics.txt',
    );
    expect(run.main.stdout).toContain(`Diagnostics written to ${diagnosticsFile}`);
    expect(readFileSync(diagnosticsFile, 'utf8')).toContain(`pod/default/${pr}-deployment`);
    expect(run.main.summary).toContain('Cluster diagnostics, collected right after the failure');
    expect(run.main.summary).toContain('### Pods');
    expect(run.main.summary).toMatch(
      new RegExp(`### Pods not ready\\n(pod/default/${pr}-deployment)`),
    );
    expect(run.post.exitCode).toBe(0);
    expect(run.post.stdout).not.toContain('Diagnostics written to');
    expect(run.post.stdout).toContain(`Deleted k3d cluster ${run.clusterName}.`);
    expect(clusterList(world.sim)).not.toContain(run.clusterName);
  });

  // Each Knative kind is collected on its own, so a kind the cluster lacks (the sim serves no
  // kingress CRD) does not hide the revisions and their Ready reasons.
  it('the diagnostics list the Knative revisions with the failing Ready reason', async () => {
    const { pr } = revisionNames(world.repo, 'hello');
    const run = await runNeverReady();
    const knative =
      /### Knative services\n([\s\S]*?)\n### Pods\n/.exec(run.main.summary)?.[1] ?? '';
    expect(knative).toContain(pr);
    expect(knative).toContain('ProgressDeadlineExceeded');
  });

  it('a cancelled main step (SIGTERM during the Knative install) still deletes its cluster', async () => {
    const run = await runPreview({
      sim: world.sim,
      repo: world.repo,
      labels: ['canary-50'],
      cancelWhen: /Installing Knative Serving/,
      skipPost: true,
    });
    expect(run.main.exitCode).toBe(143);
    expect(run.main.stdout).toContain('Received SIGTERM: deleting the preview cluster');
    expect(run.main.stdout).toContain(`Deleted k3d cluster ${run.clusterName}.`);
    // Deleted by the main step itself, before any post step ran.
    expect(clusterList(world.sim)).not.toContain(run.clusterName);
  });

  it('keep-cluster: true after a failure leaves the cluster (with diagnostics) for debugging', async () => {
    const { pr } = revisionNames(world.repo, 'hello');
    const run = await runPreview({
      sim: world.sim,
      repo: world.repo,
      labels: ['canary-50'],
      inputs: { 'keep-cluster': 'true' },
      env: { SIM_REVISION_NEVER_READY: pr, SIM_PROGRESS_DEADLINE_S: '3' },
    });
    try {
      expect(run.main.exitCode).toBe(1);
      expect(reportOf(run).failure?.phase).toBe('deploy');
      expect(run.post.exitCode).toBe(0);
      expect(run.main.summary).toContain('Cluster diagnostics, collected right after the failure');
      expect(run.post.stdout).toContain(
        `keep-cluster: leaving k3d cluster ${run.clusterName} running`,
      );
      expect(run.post.stdout).not.toContain('Deleted k3d cluster');
      expect(clusterList(world.sim)).toContain(run.clusterName);
    } finally {
      if (clusterList(world.sim).includes(run.clusterName))
        deleteCluster(world.sim, run.clusterName);
    }
    expect(clusterList(world.sim)).not.toContain(run.clusterName);
  });

  // One run, two views of it: nothing is downloaded or created, and nothing is built.
  let oldK3sRun: Promise<PreviewRun> | undefined;
  const runWithOldK3s = (): Promise<PreviewRun> =>
    (oldK3sRun ??= runPreview({
      sim: world.sim,
      repo: world.repo,
      labels: ['canary-50'],
      inputs: { 'k3s-image': 'rancher/k3s:v1.30.4-k3s1' },
    }));

  // The check belongs to input parsing: the run fails while planning (a dry run would too).
  it('a k3s image too old for Knative fails before any download or cluster, naming both versions', async () => {
    const run = await runWithOldK3s();
    expect(run.main.exitCode).toBe(1);
    const report = reportOf(run);
    expect(report.failure?.phase).toBe('plan');
    const message = report.failure?.message ?? '';
    expect(message).toContain('Knative Serving 1.22.1 needs Kubernetes >= 1.34');
    expect(message).toContain("'rancher/k3s:v1.30.4-k3s1' runs Kubernetes 1.30.4");
    expect(commands(run.main, 'error').join('\n')).toContain(
      'Knative Serving 1.22.1 needs Kubernetes >= 1.34',
    );
    expect(Object.keys(report.timings)).not.toContain('install-k3d');
    expect(Object.keys(report.timings)).not.toContain('release-manifests');
    expect(commandsRun(run).filter((c) => /k3d|kubectl/.test(c))).toEqual([]);
    expect(run.post.stdout).toContain('No cluster was created: nothing to clean up.');
    expect(clusterList(world.sim)).not.toContain(run.clusterName);
  });

  // The pure check runs before the image builds start (they would take minutes with real Docker).
  it('a k3s image too old for Knative fails before building any image', async () => {
    const run = await runWithOldK3s();
    expect(reportOf(run).failure?.phase).toBe('plan');
    expect(commandsRun(run).filter((c) => c.startsWith('docker '))).toEqual([]);
  });

  it.each([
    { failOnDeviation: 'true', exitCode: 1 },
    { failOnDeviation: 'false', exitCode: 0 },
  ])(
    'an ingress that ignores the weights: the verdict deviates (fail-on-deviation $failOnDeviation)',
    async ({ failOnDeviation, exitCode }) => {
      const names = revisionNames(world.repo, 'hello');
      const run = await runPreview({
        sim: world.sim,
        repo: world.repo,
        labels: ['canary-20'],
        inputs: { requests: '600', 'fail-on-deviation': failOnDeviation },
        env: { SIM_INGRESS_IGNORE_WEIGHTS: '1' },
      });
      expect(run.main.exitCode, run.log.slice(-3000)).toBe(exitCode);
      const report = reportOf(run);
      expect(report.status).toBe('deviates');
      const [service] = report.services;
      expect(service?.verdict).toBe('deviates');
      const pr = service?.revisions.find((r) => r.side === 'pr');
      expect(pr?.revision).toBe(names.pr);
      expect(pr?.configuredPercent).toBe(20);
      // Uniform over two revisions: about half, far outside any interval around 20%.
      expect(pr?.interval.low).toBeGreaterThan(20);
      expect(service?.revisions.reduce((sum, r) => sum + r.responses, 0)).toBe(600);
      const errors = commands(run.main, 'error').join('\n');
      if (exitCode === 1) {
        expect(errors).toContain('deviates from the configured one (fail-on-deviation is on)');
        expect(errors).toContain(`${names.pr} answered`);
      } else expect(errors).toBe('');
      expect(run.post.stdout).toContain(`Deleted k3d cluster ${run.clusterName}.`);
      expect(clusterList(world.sim)).not.toContain(run.clusterName);
    },
  );
});
