import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  STATE_CLUSTER,
  STATE_OUTCOME,
  cleanup,
  codeBlock,
  details,
  errorMessage,
  getState,
  info,
  warning,
  writeJobSummary
} from "./chunks/chunk-EL53ZNEW.js";

// src/action/run-post.ts
async function runPost() {
  try {
    const saved = getState(STATE_CLUSTER);
    if (!saved) {
      info("No cluster was created: nothing to clean up.");
      return;
    }
    const cluster = JSON.parse(saved);
    const failed = getState(STATE_OUTCOME) !== "success";
    const result = await cleanup(
      {
        clusterName: cluster.clusterName,
        kubeconfigPath: cluster.kubeconfigPath,
        k3dPath: cluster.k3dPath,
        failed,
        keepCluster: cluster.keepCluster ?? false
      },
      { info: (message) => info(message) }
    );
    if (result.diagnostics) {
      info(`Diagnostics written to ${result.diagnosticsFile}`);
      await writeJobSummary(
        `
## Cluster diagnostics

${details("Diagnostics collected after the failure", codeBlock(result.diagnostics, { maxLength: 2e5 }))}
`
      );
    }
    if (result.deleted) info(`Deleted k3d cluster ${cluster.clusterName}.`);
    for (const warning2 of result.warnings) warning(`Cleanup: ${warning2}`);
  } catch (error) {
    warning(`Cleanup: ${errorMessage(error)}`);
  }
}

// src/post.ts
await runPost();
