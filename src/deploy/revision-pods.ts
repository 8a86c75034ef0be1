import type { Kubectl } from '../cluster/kubectl.js';
import type { KubeList, ReadObject } from '../kube/object.js';

/** The pods Knative runs for a revision (label serving.knative.dev/revision). The adapter. */
export async function revisionPods(
  kubectl: Kubectl,
  namespace: string,
  revision: string,
): Promise<ReadObject[]> {
  const result = await kubectl.runOk([
    'get',
    'pods',
    '-n',
    namespace,
    '-l',
    `serving.knative.dev/revision=${revision}`,
    '-o',
    'json',
  ]);
  const list = JSON.parse(result.stdout) as Partial<KubeList<ReadObject>>;
  return Array.isArray(list.items) ? list.items : [];
}
