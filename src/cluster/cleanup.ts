import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage } from '../util/errors.js';
import { log, type Log } from '../util/log.js';
import { createToolRunner, type ToolRunner } from '../util/tool-runner.js';
import type { ToolKind } from '../util/tool-env.js';
import { collectDiagnostics, type DiagnosticsOptions } from './diagnostics.js';
import { K3d } from './k3d.js';
import { Kubectl } from './kubectl.js';

export interface CleanupOptions {
  clusterName: string;
  kubeconfigPath: string;
  /** Collect diagnostics before deleting: the run failed or was cancelled, and none were collected yet. */
  failed: boolean;
  keepCluster: boolean;
  /** The k3d/kubectl binaries bring-up used; default: whatever is on PATH. */
  k3dPath?: string;
  kubectlPath?: string;
  diagnostics?: DiagnosticsOptions;
}

export interface CleanupDeps {
  runnerFor?: (toolPath: string, kind: ToolKind) => ToolRunner;
  /** The run's work folder; diagnostics go to <workDir>/<cluster>/diagnostics.txt. */
  workDir: string;
  log?: Log;
}

export interface CleanupResult {
  /** Diagnostics text (for a collapsed section of the job summary), when collected. */
  diagnostics?: string;
  diagnosticsFile?: string;
  deleted: boolean;
  /** Everything that went wrong; the caller logs them as warnings, never fails the job. */
  warnings: string[];
}

/**
 * Collects the cluster's diagnostics and writes them to `<dir>/diagnostics.txt` (nothing else of
 * the cluster's folder: the kubeconfig beside it must never be uploaded with them).
 */
export async function saveDiagnostics(
  kubectl: Kubectl,
  dir: string,
  options?: DiagnosticsOptions,
): Promise<{ diagnostics: string; diagnosticsFile: string }> {
  const diagnostics = await collectDiagnostics(kubectl, options);
  await mkdir(dir, { recursive: true });
  const diagnosticsFile = join(dir, 'diagnostics.txt');
  await writeFile(diagnosticsFile, diagnostics);
  return { diagnostics, diagnosticsFile };
}

const inFlight = new Map<string, Promise<CleanupResult>>();

/**
 * The post step: diagnostics on failure, then `k3d cluster delete` unless kept.
 * Idempotent (a second call for the same cluster joins or repeats harmlessly: a
 * cluster already gone is not deleted again) and never throws.
 */
export function cleanup(options: CleanupOptions, deps: CleanupDeps): Promise<CleanupResult> {
  const running = inFlight.get(options.clusterName);
  if (running) return running;
  const work = runCleanup(options, deps).finally(() => inFlight.delete(options.clusterName));
  inFlight.set(options.clusterName, work);
  return work;
}

async function runCleanup(options: CleanupOptions, deps: CleanupDeps): Promise<CleanupResult> {
  const runnerFor =
    deps.runnerFor ?? ((path: string, kind: ToolKind) => createToolRunner(path, { kind }));
  const result: CleanupResult = { deleted: false, warnings: [] };
  const out = deps.log ?? log();
  const k3d = new K3d(runnerFor(options.k3dPath ?? 'k3d', 'k3d'));

  let exists: boolean;
  try {
    exists = (await k3d.listClusters()).includes(options.clusterName);
  } catch (error) {
    result.warnings.push(`could not list k3d clusters: ${errorMessage(error)}`);
    exists = true; // try the rest anyway
  }
  if (!exists) {
    out.info(
      `k3d cluster ${options.clusterName} does not exist (never created or already deleted)`,
    );
    return result;
  }

  if (options.failed && existsSync(options.kubeconfigPath)) {
    const kubectl = new Kubectl(
      runnerFor(options.kubectlPath ?? 'kubectl', 'kubectl'),
      options.kubeconfigPath,
    );
    try {
      Object.assign(
        result,
        await saveDiagnostics(
          kubectl,
          join(deps.workDir, options.clusterName),
          options.diagnostics,
        ),
      );
    } catch (error) {
      result.warnings.push(`could not collect diagnostics: ${errorMessage(error)}`);
    }
  }

  if (options.keepCluster) {
    out.info(`keep-cluster: leaving k3d cluster ${options.clusterName} running`);
    return result;
  }
  try {
    await k3d.deleteCluster(options.clusterName);
    result.deleted = true;
  } catch (error) {
    result.warnings.push(
      `could not delete k3d cluster ${options.clusterName}: ${errorMessage(error)}`,
    );
  }
  return result;
}
