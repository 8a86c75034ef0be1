/** What to type to poke at a kept cluster, and how to delete it. Pure. */
import type { SavedCluster } from '../action/step-state.js';
import type { PreviewPlan } from '../plan/types.js';
import { shellQuote } from '../report/markdown.js';
import { curlCommands } from '../report/render-parts.js';
import { PLAIN_TEXT, clean, type TextStyle } from '../report/render-text.js';

export function keptClusterText(
  cluster: SavedCluster,
  plan: PreviewPlan,
  loadBalancerPort: number,
  style: TextStyle = PLAIN_TEXT,
): string {
  const name = clean(cluster.clusterName, 64);
  const namespaces = [...new Set(plan.services.map((s) => s.namespace))];
  const where = namespaces.length === 1 ? `-n ${shellQuote(namespaces[0] as string)}` : '-A';
  const commands = [
    `export KUBECONFIG=${shellQuote(cluster.kubeconfigPath)}`,
    `kubectl get ksvc,revisions,routes ${where}`,
    `kubectl get pods ${where}`,
    ...curlCommands(plan, loadBalancerPort, 20),
  ];
  const tools = [
    cluster.kubectlPath ? `kubectl: ${shellQuote(cluster.kubectlPath)}` : '',
    `k3d: ${shellQuote(cluster.k3dPath)}`,
  ].filter(Boolean);
  return [
    style.bold(`The k3d cluster ${name} is still running (--keep-cluster). To look around:`),
    ...commands.map((c) => `  ${clean(c, 2000)}`),
    style.bold('Delete it when you are done:'),
    `  k3d cluster delete ${shellQuote(name)}`,
    `(The binaries this run used, if they are not on your PATH: ${clean(tools.join(', '), 2000)}.)`,
  ].join('\n');
}
