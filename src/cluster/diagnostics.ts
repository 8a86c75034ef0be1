import type { KubeList, ReadObject } from '../kube/object.js';
import { errorMessage } from '../util/errors.js';
import { describeCondition, describePod, isPodReady } from './describe.js';
import type { Kubectl } from './kubectl.js';

export interface DiagnosticsOptions {
  /** Log lines per not-ready pod. */
  tailLines?: number;
  /** Most recent events kept. */
  eventLimit?: number;
  /** Not-ready pods whose logs are read (the rest are only listed). */
  maxPodLogs?: number;
  /**
   * Only this namespace (a preview on a shared cluster: nothing of other namespaces may reach
   * the job summary, and the deployer may read nothing else). Default: every namespace.
   */
  namespace?: string;
}

/**
 * What a failed run's reader needs: Knative objects, pods everywhere, recent events,
 * and the last log lines of pods that are not ready. Every section is collected even
 * when another fails; a failure becomes that section's text.
 */
export async function collectDiagnostics(
  kubectl: Kubectl,
  options: DiagnosticsOptions = {},
): Promise<string> {
  const sections: string[] = [];
  const where = options.namespace ? ['-n', options.namespace] : ['--all-namespaces'];
  const scope = options.namespace ?? { allNamespaces: true as const };
  const section = async (title: string, body: () => Promise<string>): Promise<void> => {
    let text: string;
    try {
      text = (await body()).trimEnd() || '(none)';
    } catch (error) {
      text = `(could not collect: ${errorMessage(error)})`;
    }
    sections.push(`### ${title}\n${text}`);
  };
  const table = (args: string[]) => async (): Promise<string> => {
    const result = await kubectl.run(args);
    if (result.exitCode !== 0)
      throw new Error(result.stderr.trim() || `kubectl exited with ${result.exitCode}`);
    return result.stdout;
  };

  // One kind per call: a kind the cluster does not serve must not hide the others.
  for (const [title, kind] of [
    ['Knative services', 'ksvc'],
    ['Knative revisions', 'revisions'],
    ['Knative routes', 'routes'],
    ['Knative configurations', 'configurations'],
    ['Knative ingresses', 'kingress'],
  ] as const) {
    await section(title, table(['get', kind, ...where, '-o', 'wide']));
  }
  await section('Knative revision conditions', async () => {
    const revisions = await kubectl.getJson<KubeList<ReadObject>>('revisions', undefined, scope);
    return revisions.items.map((revision) => describeCondition(revision, 'Ready')).join('\n');
  });
  await section('Pods', table(['get', 'pods', ...where, '-o', 'wide']));
  await section(`Recent events (last ${options.eventLimit ?? 40})`, async () => {
    const out = await table(['get', 'events', ...where, '--sort-by=.lastTimestamp'])();
    const lines = out.trimEnd().split('\n');
    const header = lines.shift() ?? '';
    return [header, ...lines.slice(-(options.eventLimit ?? 40))].join('\n');
  });
  await section('Pods not ready', async () => {
    const pods = await kubectl.getJson<KubeList<ReadObject>>('pods', undefined, scope);
    const unready = pods.items.filter((pod) => !isPodReady(pod));
    const parts: string[] = [];
    for (const [index, pod] of unready.entries()) {
      parts.push(describePod({ ...pod, kind: 'Pod' }));
      const name = pod.metadata?.name;
      const namespace = pod.metadata?.namespace;
      if (index < (options.maxPodLogs ?? 10) && name && namespace) {
        const logs = await kubectl.logs(name, namespace, { tail: options.tailLines ?? 30 });
        parts.push(indent(logs.trimEnd() || '(no log lines)'));
      }
    }
    return parts.join('\n');
  });
  return sections.join('\n\n');
}

const indent = (text: string): string =>
  text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
