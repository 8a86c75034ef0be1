import { describe, expect, it } from 'vitest';
import { keptClusterText } from '../../../src/cli/keep-cluster.js';
import { plan } from '../report/fixtures.js';

describe('keptClusterText', () => {
  it('gives the kubectl and curl commands for the kept cluster, and how to delete it', () => {
    const text = keptClusterText(
      {
        clusterName: 'knp-1a2b3c4d',
        kubeconfigPath: '/tmp/run dir/knative-action/knp-1a2b3c4d/kubeconfig',
        k3dPath: '/tmp/downloads/k3d',
        kubectlPath: '/usr/local/bin/kubectl',
        keepCluster: true,
      },
      plan(),
      18081,
    );
    expect(text.split('\n')).toEqual([
      'The k3d cluster knp-1a2b3c4d is still running (--keep-cluster). To look around:',
      "  export KUBECONFIG='/tmp/run dir/knative-action/knp-1a2b3c4d/kubeconfig'",
      '  kubectl get ksvc,revisions,routes -n default',
      '  kubectl get pods -n default',
      '  curl -H "Host: hello.default.example.com" http://127.0.0.1:18081',
      '  curl -H "Host: base-hello.default.example.com" http://127.0.0.1:18081',
      '  curl -H "Host: pr-hello.default.example.com" http://127.0.0.1:18081',
      'Delete it when you are done:',
      '  k3d cluster delete knp-1a2b3c4d',
      '(The binaries this run used, if they are not on your PATH: kubectl: /usr/local/bin/kubectl, k3d: /tmp/downloads/k3d.)',
    ]);
  });
});
