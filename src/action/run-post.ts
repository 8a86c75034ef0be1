import * as core from '@actions/core';
import { cleanup } from '../cluster/cleanup.js';
import { details, codeBlock } from '../report/markdown.js';
import { writeJobSummary } from '../report/write-summary.js';
import { errorMessage } from '../util/errors.js';
import { STATE_CLUSTER, STATE_OUTCOME } from './run-preview.js';

interface SavedCluster {
  clusterName: string;
  kubeconfigPath: string;
  k3dPath?: string;
  keepCluster?: boolean;
}

/**
 * The post step (also run when the job is cancelled): diagnostics when the main
 * step did not succeed, then the cluster is deleted. It never fails the job.
 */
export async function runPost(): Promise<void> {
  try {
    const saved = core.getState(STATE_CLUSTER);
    if (!saved) {
      core.info('No cluster was created: nothing to clean up.');
      return;
    }
    const cluster = JSON.parse(saved) as SavedCluster;
    // No outcome saved means the main step was cancelled or crashed: treat as failed.
    const failed = core.getState(STATE_OUTCOME) !== 'success';
    const result = await cleanup(
      {
        clusterName: cluster.clusterName,
        kubeconfigPath: cluster.kubeconfigPath,
        k3dPath: cluster.k3dPath,
        failed,
        keepCluster: cluster.keepCluster ?? false,
      },
      { info: (message) => core.info(message) },
    );
    if (result.diagnostics) {
      core.info(`Diagnostics written to ${result.diagnosticsFile}`);
      await writeJobSummary(
        `\n## Cluster diagnostics\n\n${details('Diagnostics collected after the failure', codeBlock(result.diagnostics, { maxLength: 200_000 }))}\n`,
      );
    }
    if (result.deleted) core.info(`Deleted k3d cluster ${cluster.clusterName}.`);
    for (const warning of result.warnings) core.warning(`Cleanup: ${warning}`);
  } catch (error) {
    core.warning(`Cleanup: ${errorMessage(error)}`);
  }
}
