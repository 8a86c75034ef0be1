/** A kubeconfig for the simulated cluster, named the way k3d names its contexts. */
import { stringify } from 'yaml';

export function kubeconfigFor(apiUrl: string, clusterName: string): string {
  const name = `k3d-${clusterName}`;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name, cluster: { server: apiUrl } }],
    contexts: [{ name, context: { cluster: name, user: `admin@${name}` } }],
    'current-context': name,
    preferences: {},
    users: [{ name: `admin@${name}`, user: { token: 'sim-token-not-a-secret' } }],
  });
}
