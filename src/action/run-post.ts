import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanup } from '../cluster/cleanup.js';
import { details, codeBlock } from '../report/markdown.js';
import { writeJobSummary } from '../report/write-summary.js';
import { errorMessage } from '../util/errors.js';
import { log } from '../util/log.js';
import { readRunnerEnv } from './runner-env.js';
import { StepState, type SavedExisting } from './step-state.js';

/**
 * The post step (also run when the job is cancelled): diagnostics when the main step did not
 * succeed, then the cluster is deleted with the k3d and kubectl that bring-up chose. It never
 * fails the job.
 */
export async function runPost(state: StepState = new StepState()): Promise<void> {
  try {
    const existing = state.readExisting();
    if (existing) {
      await forgetExistingCluster(existing);
      return;
    }
    const cluster = state.readCluster();
    if (!cluster) {
      log().info('No cluster was created: nothing to clean up.');
      return;
    }
    // No outcome saved means the main step was cancelled or crashed: treat as failed. A failed
    // main step has collected its diagnostics already, while the cluster was fresh.
    const failed = state.readOutcome() !== 'success' && !state.diagnosticsCollected();
    await log().group(`Clean up k3d cluster ${cluster.clusterName}`, async () => {
      const result = await cleanup({ ...cluster, failed }, { workDir: readRunnerEnv().workDir });
      if (result.diagnostics) {
        log().info(`Diagnostics written to ${result.diagnosticsFile}`);
        await writeJobSummary(
          `\n## Cluster diagnostics\n\n${details('Diagnostics collected after the failure', codeBlock(result.diagnostics, { maxLength: 200_000 }))}\n`,
        );
      }
      if (result.deleted) log().info(`Deleted k3d cluster ${cluster.clusterName}.`);
      for (const warning of result.warnings) log().warning(`Cleanup: ${warning}`);
    });
  } catch (error) {
    log().warning(`Cleanup: ${errorMessage(error)}`);
  }
}

/**
 * A preview on an existing cluster outlives the run, whether it succeeded, failed or was
 * cancelled: the next run updates it, closing the PR or a sweep deletes it. The post step only
 * removes the run's copy of the cluster's credentials (a self-hosted runner keeps its temp folder
 * between jobs).
 */
async function forgetExistingCluster(existing: SavedExisting): Promise<void> {
  if (existing.namespace)
    log().info(
      `The preview namespace ${existing.namespace} stays on the cluster for the next run; closing the PR or a sweep deletes it.`,
    );
  for (const file of ['kubeconfig', 'kubeconfig-input'])
    await rm(join(existing.kubeconfigDir, file), { force: true });
  await rm(join(existing.kubeconfigDir, 'kube-cache'), { recursive: true, force: true });
}
