import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionConfig } from '../config/inputs.js';
import { bringUp, BringUpError, type ClusterHandle } from '../cluster/bring-up.js';
import { cleanup, saveDiagnostics } from '../cluster/cleanup.js';
import { Kubectl } from '../cluster/kubectl.js';
import { importImages } from '../images/import.js';
import { errorMessage } from '../util/errors.js';
import { log } from '../util/log.js';
import { createToolRunner } from '../util/tool-runner.js';
import type { ClusterProvider } from './preview-cluster.js';
import type { RunnerEnv } from './runner-env.js';
import type { StepState } from './step-state.js';

/**
 * An ephemeral k3d cluster with Knative and Contour; its images are loaded with k3d, and the
 * probe goes through the load balancer's host port.
 */
export function k3dProvider(
  config: ActionConfig,
  runner: RunnerEnv,
  state: StepState,
  /** With keep-cluster: told where the kept cluster's kubeconfig is (the action's output). */
  onKeptCluster: (kubeconfigPath: string) => void = () => undefined,
): ClusterProvider {
  let handle: ClusterHandle | undefined;
  return {
    startMessage: (buildingImages) =>
      buildingImages
        ? 'Bringing up the cluster and building images at the same time; their lines are prefixed [cluster] and [images].'
        : 'Bringing up the cluster.',
    async start() {
      const branch = log().branch('cluster');
      const started = await branch.group('Bring up k3d, Knative Serving and Contour', () =>
        bringUp(config, {
          workDir: runner.workDir,
          log: branch,
          // Announced before `k3d cluster create`, so the post step deletes even a half-made cluster.
          onClusterNamed: (next) => {
            handle = next;
            state.saveCluster({ ...next, keepCluster: config.keepCluster });
          },
        }),
      );
      // A kept cluster outlives the job's step: later steps can use it (e.g. as an existing cluster).
      if (config.keepCluster) onKeptCluster(started.kubeconfigPath);
      const ingressUrl = `http://127.0.0.1:${config.loadBalancerPort}`;
      return {
        kubectl: started.kubectl,
        loadImages: (tags) =>
          importImages(
            { docker: createToolRunner('docker', { kind: 'docker' }), k3d: started.k3d },
            { tags, clusterName: started.clusterName, workDir: runner.workDir },
          ),
        loadImagesStep: { title: 'Import images', phase: 'image-import' },
        probeTargets: (plan) =>
          Promise.resolve(plan.services.map((service) => ({ service, ingressUrl }))),
        timings: started.timings,
      };
    },
    failedStartTimings: (error) => (error instanceof BringUpError ? error.timings : {}),
    // A cancelled step still gets its cluster deleted (the post step would too; cleanup is idempotent).
    async onCancel(signal) {
      log().warning(`Received ${signal}: deleting the preview cluster before exiting.`);
      if (!handle) return;
      const result = await cleanup(
        { ...handle, failed: true, keepCluster: config.keepCluster },
        { workDir: runner.workDir },
      );
      if (result.deleted) log().info(`Deleted k3d cluster ${handle.clusterName}.`);
      for (const warning of result.warnings) log().warning(`Cleanup: ${warning}`);
    },
    /**
     * Diagnostics of a failed run, collected by the main step itself: later steps of the user's
     * job (an upload of artifacts, say) run before the post step, and should find them already.
     */
    async diagnose() {
      if (!handle?.kubectlPath || !existsSync(handle.kubeconfigPath)) return undefined;
      const { kubectlPath, kubeconfigPath, clusterName } = handle;
      return log().group('Collect diagnostics', async () => {
        try {
          const kubectl = new Kubectl(
            createToolRunner(kubectlPath, { kind: 'kubectl' }),
            kubeconfigPath,
          );
          const saved = await saveDiagnostics(kubectl, join(runner.workDir, clusterName));
          state.saveDiagnosticsCollected();
          log().info(`Diagnostics written to ${saved.diagnosticsFile}`);
          return saved.diagnostics;
        } catch (error) {
          log().warning(`Could not collect diagnostics: ${errorMessage(error)}`);
          return undefined;
        }
      });
    },
  };
}
