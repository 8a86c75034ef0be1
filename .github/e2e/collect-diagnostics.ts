/**
 * The e2e workflow's "Collect diagnostics" step. The action writes diagnostics in its post step,
 * but the runner starts post steps only after every main step of the job, so after any upload
 * step. This step runs the action's own collectDiagnostics while the cluster still exists and
 * writes only the files the upload step names: never a kubeconfig or kubectl's cache.
 *   RUNNER_TEMP      holds the action's knative-action/<cluster>/kubeconfig
 *   DIAGNOSTICS_DIR  where diagnostics.txt and report.json are written
 *   REPORT           the action's report output (optional)
 *   KUBECTL          the kubectl to run (default: kubectl on PATH)
 */
import { lstat, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { collectDiagnostics } from '../../src/cluster/diagnostics.js';
import { Kubectl } from '../../src/cluster/kubectl.js';
import { createToolRunner, type ToolRunner } from '../../src/util/tool-runner.js';

export const DIAGNOSTICS_FILE = 'diagnostics.txt';
export const REPORT_FILE = 'report.json';

export interface ClusterKubeconfig {
  cluster: string;
  kubeconfigPath: string;
}

/** The kubeconfig of every cluster the action created on this runner (regular files only). */
export async function findKubeconfigs(runnerTemp: string): Promise<ClusterKubeconfig[]> {
  const root = path.join(runnerTemp, 'knative-action');
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const found: ClusterKubeconfig[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort(byName)) {
    const kubeconfigPath = path.join(root, entry.name, 'kubeconfig');
    const stat = await lstat(kubeconfigPath).catch(() => undefined);
    if (stat?.isFile()) found.push({ cluster: entry.name, kubeconfigPath });
  }
  return found;
}

const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name);

export interface CollectOptions {
  runnerTemp: string;
  outDir: string;
  /** The action's `report` output; written as report.json when it is JSON. */
  report?: string;
  kubectl: ToolRunner;
}

/** Writes diagnostics.txt (and report.json) into outDir; returns the files written. */
export async function collectE2eDiagnostics(options: CollectOptions): Promise<string[]> {
  const clusters = await findKubeconfigs(options.runnerTemp);
  const sections: string[] = [];
  for (const { cluster, kubeconfigPath } of clusters) {
    const text = await collectDiagnostics(new Kubectl(options.kubectl, kubeconfigPath));
    sections.push(`## Cluster ${cluster}\n\n${text}`);
  }
  if (sections.length === 0) {
    sections.push(
      `No cluster kubeconfig under ${path.join(options.runnerTemp, 'knative-action')}: ` +
        'the run failed before a cluster was created.',
    );
  }
  await mkdir(options.outDir, { recursive: true });
  const written = [path.join(options.outDir, DIAGNOSTICS_FILE)];
  await writeFile(written[0]!, `${sections.join('\n\n')}\n`);

  const report = parseJson(options.report);
  if (report !== undefined) {
    const file = path.join(options.outDir, REPORT_FILE);
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
    written.push(file);
  }
  return written;
}

function parseJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const runnerTemp = process.env['RUNNER_TEMP'];
  const outDir = process.env['DIAGNOSTICS_DIR'];
  if (!runnerTemp || !outDir) throw new Error('RUNNER_TEMP and DIAGNOSTICS_DIR must be set');
  const written = await collectE2eDiagnostics({
    runnerTemp,
    outDir,
    report: process.env['REPORT'],
    kubectl: createToolRunner(process.env['KUBECTL'] || 'kubectl', { kind: 'kubectl' }),
  });
  process.stdout.write(`Wrote ${written.join(', ')}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`collect-diagnostics: ${String(error)}\n`);
    process.exitCode = 1;
  });
}
