/**
 * The path of this repository's e2e job `existing` (.github/workflows/e2e.yml), on the simulated
 * k3d cluster: a k3d run with keep-cluster hands its kubeconfig on as `kubeconfig-path`, and later
 * runs use that cluster as an existing one (preview, then cleanup); then the cluster is deleted.
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLE_REPOSITORY, pullRequestEvent } from '../helpers/events.js';
import { runAction } from '../helpers/run-action.js';
import { REGISTRY } from './lib/existing.js';
import {
  clusterList,
  deleteCluster,
  freePort,
  reportOf,
  runPreview,
  useSimulatedWorld,
} from './lib/preview.js';

describe('a kept k3d cluster as an existing cluster', () => {
  const world = useSimulatedWorld();

  it('keep-cluster hands on the kubeconfig; cluster: existing previews and cleans up on it', async () => {
    const lbPort = await freePort();
    const kept = await runPreview({
      sim: world.sim,
      repo: world.repo,
      labels: ['e2e-no-canary'],
      inputs: { 'keep-cluster': 'true', 'load-balancer-port': String(lbPort) },
    });
    try {
      expect(kept.main.exitCode, kept.log.slice(-3000)).toBe(0);
      const kubeconfig = kept.main.outputs['kubeconfig-path'] ?? '';
      expect(kubeconfig).toMatch(new RegExp(`/knative-action/${kept.clusterName}/kubeconfig$`));
      expect(clusterList(world.sim)).toContain(kept.clusterName);

      // Later steps of the same job: the same RUNNER_TEMP, KUBECONFIG set by the workflow.
      const step = (mode: string, entry: 'index' | 'post' = 'index', state = {}) =>
        runAction({
          entry,
          state,
          workspace: world.repo.dir,
          event: pullRequestEvent('synchronize', {
            number: 17,
            baseSha: world.repo.baseSha,
            headSha: world.repo.headSha,
          }),
          inputs: {
            cluster: 'existing',
            mode,
            manifests: 'knative',
            build: 'app=app',
            registry: REGISTRY,
            'ingress-address': `127.0.0.1:${lbPort}`,
            labels: 'canary-50',
            requests: '300',
            'timeout-minutes': '2',
            comment: 'off',
            'github-token': '',
          },
          env: {
            ...world.sim.env,
            KUBECONFIG: kubeconfig,
            GITHUB_REPOSITORY: EXAMPLE_REPOSITORY,
            RUNNER_TEMP: kept.main.runnerTemp,
            RUNNER_TOOL_CACHE: `${kept.main.runnerTemp}/tool-cache`,
          },
          runnerTemp: kept.main.runnerTemp,
          timeoutMs: 150_000,
        });

      const preview = await step('preview');
      const log = `${preview.stdout}\n${preview.stderr}`;
      expect(preview.exitCode, log.slice(-3000)).toBe(0);
      expect(preview.outputs.namespace).toBe('preview-demo-pr-17');
      const report = reportOf({ main: preview, log } as never);
      expect(report.status).toBe('consistent');
      expect(report.services[0]?.url).toBe('http://hello.preview-demo-pr-17.example.com');
      await step('preview', 'post', preview.state);

      const cleanup = await step('cleanup');
      expect(cleanup.exitCode, cleanup.stdout.slice(-3000)).toBe(0);
      expect(cleanup.stdout).toContain('Deleted the preview namespace preview-demo-pr-17.');
      // The kept cluster is still there: the existing mode never deletes a cluster.
      expect(clusterList(world.sim)).toContain(kept.clusterName);
    } finally {
      deleteCluster(world.sim, kept.clusterName);
    }
  });
});
