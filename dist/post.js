import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  readRunnerEnv,
  writeJobSummary
} from "./chunks/chunk-UELHAILX.js";
import {
  StepState,
  cleanup,
  codeBlock,
  details,
  errorMessage,
  log
} from "./chunks/chunk-4WJUX77I.js";

// src/action/run-post.ts
import { rm } from "node:fs/promises";
import { join } from "node:path";
async function runPost(state = new StepState()) {
  try {
    const existing = state.readExisting();
    if (existing) {
      await forgetExistingCluster(existing);
      return;
    }
    const cluster = state.readCluster();
    if (!cluster) {
      log().info("No cluster was created: nothing to clean up.");
      return;
    }
    const failed = state.readOutcome() !== "success" && !state.diagnosticsCollected();
    await log().group(`Clean up k3d cluster ${cluster.clusterName}`, async () => {
      const result = await cleanup({ ...cluster, failed }, { workDir: readRunnerEnv().workDir });
      if (result.diagnostics) {
        log().info(`Diagnostics written to ${result.diagnosticsFile}`);
        await writeJobSummary(
          `
## Cluster diagnostics

${details("Diagnostics collected after the failure", codeBlock(result.diagnostics, { maxLength: 2e5 }))}
`
        );
      }
      if (result.deleted) log().info(`Deleted k3d cluster ${cluster.clusterName}.`);
      for (const warning of result.warnings) log().warning(`Cleanup: ${warning}`);
    });
  } catch (error) {
    log().warning(`Cleanup: ${errorMessage(error)}`);
  }
}
async function forgetExistingCluster(existing) {
  if (existing.namespace)
    log().info(
      `The preview namespace ${existing.namespace} stays on the cluster for the next run; closing the PR or a sweep deletes it.`
    );
  for (const file of ["kubeconfig", "kubeconfig-input"])
    await rm(join(existing.kubeconfigDir, file), { force: true });
  await rm(join(existing.kubeconfigDir, "kube-cache"), { recursive: true, force: true });
}

// src/post.ts
await runPost();
