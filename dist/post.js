import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  K3d,
  Kubectl,
  STATE_CLUSTER,
  STATE_OUTCOME,
  codeBlock,
  createToolRunner,
  describePod,
  details,
  errorMessage,
  getState,
  info,
  isPodReady,
  warning,
  writeJobSummary
} from "./chunks/chunk-3PQVDEE6.js";

// src/cluster/cleanup.ts
import { mkdir, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// src/cluster/diagnostics.ts
async function collectDiagnostics(kubectl, options = {}) {
  const sections = [];
  const section = async (title, body) => {
    let text;
    try {
      text = (await body()).trimEnd() || "(none)";
    } catch (error) {
      text = `(could not collect: ${errorMessage(error)})`;
    }
    sections.push(`### ${title}
${text}`);
  };
  const table = (args) => async () => {
    const result = await kubectl.run(args);
    if (result.exitCode !== 0)
      throw new Error(result.stderr.trim() || `kubectl exited with ${result.exitCode}`);
    return result.stdout;
  };
  await section(
    "Knative services, configurations, revisions, routes, ingresses",
    table([
      "get",
      "ksvc,configurations,revisions,routes,kingress",
      "--all-namespaces",
      "-o",
      "wide"
    ])
  );
  await section("Pods", table(["get", "pods", "--all-namespaces", "-o", "wide"]));
  await section(`Recent events (last ${options.eventLimit ?? 40})`, async () => {
    const out = await table(["get", "events", "--all-namespaces", "--sort-by=.lastTimestamp"])();
    const lines = out.trimEnd().split("\n");
    const header = lines.shift() ?? "";
    return [header, ...lines.slice(-(options.eventLimit ?? 40))].join("\n");
  });
  await section("Pods not ready", async () => {
    const pods = await kubectl.getJson("pods", void 0, { allNamespaces: true });
    const unready = pods.items.filter((pod) => !isPodReady(pod));
    const parts = [];
    for (const [index, pod] of unready.entries()) {
      parts.push(describePod({ ...pod, kind: "Pod" }));
      const name = pod.metadata?.name;
      const namespace = pod.metadata?.namespace;
      if (index < (options.maxPodLogs ?? 10) && name && namespace) {
        const logs = await kubectl.logs(name, namespace, { tail: options.tailLines ?? 30 });
        parts.push(indent(logs.trimEnd() || "(no log lines)"));
      }
    }
    return parts.join("\n");
  });
  return sections.join("\n\n");
}
var indent = (text) => text.split("\n").map((line) => `    ${line}`).join("\n");

// src/cluster/cleanup.ts
var inFlight = /* @__PURE__ */ new Map();
function cleanup(options, deps = {}) {
  const running = inFlight.get(options.clusterName);
  if (running) return running;
  const work = runCleanup(options, deps).finally(() => inFlight.delete(options.clusterName));
  inFlight.set(options.clusterName, work);
  return work;
}
async function runCleanup(options, deps) {
  const runnerFor = deps.runnerFor ?? ((path) => createToolRunner(path));
  const result = { deleted: false, warnings: [] };
  const k3d = new K3d(runnerFor(options.k3dPath ?? "k3d"));
  let exists;
  try {
    exists = (await k3d.listClusters()).includes(options.clusterName);
  } catch (error) {
    result.warnings.push(`could not list k3d clusters: ${errorMessage(error)}`);
    exists = true;
  }
  if (!exists) {
    deps.info?.(
      `k3d cluster ${options.clusterName} does not exist (never created or already deleted)`
    );
    return result;
  }
  if (options.failed && existsSync(options.kubeconfigPath)) {
    try {
      const kubectl = new Kubectl(
        runnerFor(options.kubectlPath ?? "kubectl"),
        options.kubeconfigPath
      );
      result.diagnostics = await collectDiagnostics(kubectl, options.diagnostics);
      const dir = join(
        deps.tempDir ?? process.env["RUNNER_TEMP"] ?? tmpdir(),
        "knative-action",
        options.clusterName
      );
      await mkdir(dir, { recursive: true });
      result.diagnosticsFile = join(dir, "diagnostics.txt");
      await writeFile(result.diagnosticsFile, result.diagnostics);
    } catch (error) {
      result.warnings.push(`could not collect diagnostics: ${errorMessage(error)}`);
    }
  }
  if (options.keepCluster) {
    deps.info?.(`keep-cluster: leaving k3d cluster ${options.clusterName} running`);
    return result;
  }
  try {
    await k3d.deleteCluster(options.clusterName);
    result.deleted = true;
  } catch (error) {
    result.warnings.push(
      `could not delete k3d cluster ${options.clusterName}: ${errorMessage(error)}`
    );
  }
  return result;
}

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
