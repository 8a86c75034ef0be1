import { expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import {
  ToolError,
  type RunOptions,
  type ToolResult,
  type ToolRunner,
} from '../../../src/util/tool-runner.js';

export const RELEASE = {
  servingCrds: `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: services.serving.knative.dev}
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: revisions.serving.knative.dev}
`,
  servingCore: `
apiVersion: v1
kind: Namespace
metadata: {name: knative-serving}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: controller, namespace: knative-serving}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: webhook, namespace: knative-serving}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: config-network, namespace: knative-serving}
`,
  contour: `
apiVersion: v1
kind: Namespace
metadata: {name: contour-external}
---
apiVersion: v1
kind: Namespace
metadata: {name: contour-internal}
---
apiVersion: batch/v1
kind: Job
metadata: {name: contour-certgen-v1-33-0, namespace: contour-external}
---
apiVersion: batch/v1
kind: Job
metadata: {name: contour-certgen-v1-33-0, namespace: contour-internal}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: contour, namespace: contour-external}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: envoy, namespace: contour-external}
`,
  netContour: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: net-contour-controller, namespace: knative-serving}
`,
};

type Obj = {
  kind: string;
  metadata: { name: string; namespace?: string; generation?: number };
  status?: unknown;
};

const ok = (stdout = ''): ToolResult => ({ exitCode: 0, stdout, stderr: '' });
const fail = (stderr: string, exitCode = 1): ToolResult => ({ exitCode, stdout: '', stderr });
const WEBHOOK_DOWN =
  'Error from server (InternalError): Internal error occurred: failed calling webhook "config.webhook.serving.knative.dev": ' +
  'failed to call webhook: Post "https://webhook.knative-serving.svc:443/config-validation?timeout=10s": dial tcp 10.43.0.9:443: connect: connection refused';

/**
 * A scripted stand-in for k3d and kubectl: records every argv (with the tool) and keeps
 * just enough state for bring-up to observe order (CRDs, namespaces, workloads, patches).
 */
export class FakeCluster {
  readonly calls: Array<{ tool: string; args: string[]; input?: string }> = [];
  readonly applied: string[] = [];
  readonly objects = new Map<string, Obj>();
  /** Patches answer "webhook down" this many times first. */
  webhookFailures = 2;
  /** Polls before an applied workload reports ready. */
  readyAfterPolls = 1;
  /** Set to make one kind of command fail for good. */
  failWith?: { match: (args: string[], input?: string) => boolean; stderr: string };
  clusters = new Set<string>();
  private polls = new Map<string, number>();

  runner(tool: string): ToolRunner {
    const run = async (args: readonly string[], options: RunOptions = {}): Promise<ToolResult> => {
      this.calls.push({
        tool,
        args: [...args],
        ...(options.input !== undefined ? { input: options.input } : {}),
      });
      await Promise.resolve();
      if (this.failWith?.match([...args], options.input)) return fail(this.failWith.stderr);
      return tool.endsWith('k3d') ? this.k3d([...args]) : this.kubectl([...args], options.input);
    };
    return {
      tool,
      run,
      async runOk(args, options) {
        const result = await run(args, options);
        if (result.exitCode !== 0) throw new ToolError(`${tool} ${args.join(' ')}`, result);
        return result;
      },
    };
  }

  /** Index of the first recorded call whose argv contains every given element in order. */
  indexOf(predicate: (call: { tool: string; args: string[]; input?: string }) => boolean): number {
    return this.calls.findIndex(predicate);
  }

  private k3d(args: string[]): ToolResult {
    const [verb, sub, name] = args;
    if (verb === 'cluster' && sub === 'create') this.clusters.add(name!);
    if (verb === 'cluster' && sub === 'delete') this.clusters.delete(name!);
    if (verb === 'cluster' && sub === 'list')
      return ok(JSON.stringify([...this.clusters].map((n) => ({ name: n }))));
    if (verb === 'kubeconfig') {
      writeFileSync(
        args[args.indexOf('--output') + 1]!,
        'apiVersion: v1\nkind: Config\n# client-key-data: SECRET\n',
      );
      return ok('/should/not/be/logged\n');
    }
    return ok();
  }

  private kubectl(argv: string[], input?: string): ToolResult {
    expect(argv[0]).toBe('--kubeconfig');
    expect(argv[2]).toBe('--request-timeout=60s');
    const args = argv.slice(5);
    const ns = valueOf(args, '-n');
    switch (args[0]) {
      case 'apply': {
        const docs = parseAllDocuments(input ?? '').map((d) => d.toJS() as Obj);
        this.applied.push(docs.map((d) => `${d.kind}/${d.metadata.name}`).join(','));
        // In document order, as kubectl does: a namespace in the same file comes first.
        for (const doc of docs) {
          const ns = doc.metadata.namespace;
          if (ns && !this.objects.has(key('Namespace', ns))) {
            return fail(`Error from server (NotFound): namespaces "${ns}" not found`);
          }
          this.objects.set(key(doc.kind, doc.metadata.name, ns), doc);
        }
        return ok(docs.map((d) => `${d.kind.toLowerCase()}/${d.metadata.name} created`).join('\n'));
      }
      case 'patch': {
        if (this.webhookFailures > 0) {
          this.webhookFailures--;
          return fail(WEBHOOK_DOWN);
        }
        return ok(`configmap/${args[2]} patched`);
      }
      case 'get': {
        const [, resource, maybeName] = args;
        const name = maybeName && !maybeName.startsWith('-') ? maybeName : undefined;
        return this.get(resource!, name, ns);
      }
      default:
        return ok();
    }
  }

  private get(resource: string, name: string | undefined, ns: string | undefined): ToolResult {
    const kind = KINDS[resource] ?? resource;
    if (kind === 'Node') {
      const nodes = ['server-0', 'agent-0', 'agent-1'].map((n) => ({
        kind: 'Node',
        metadata: { name: n },
        status: { conditions: [{ type: 'Ready', status: 'True' }] },
      }));
      return ok(JSON.stringify({ items: nodes }));
    }
    const matching = [...this.objects.values()].filter(
      (o) =>
        o.kind === kind &&
        (!ns || o.metadata.namespace === ns) &&
        (!name || o.metadata.name === name),
    );
    if (name && matching.length === 0)
      return fail(`Error from server (NotFound): ${resource} "${name}" not found`);
    const withStatus = matching.map((o) => this.withStatus(o));
    return ok(JSON.stringify(name ? withStatus[0] : { items: withStatus }));
  }

  private withStatus(object: Obj): Obj {
    const id = key(object.kind, object.metadata.name, object.metadata.namespace);
    const seen = (this.polls.get(id) ?? 0) + 1;
    this.polls.set(id, seen);
    const ready = seen > this.readyAfterPolls;
    const condition = {
      CustomResourceDefinition: 'Established',
      Deployment: 'Available',
      Job: 'Complete',
    }[object.kind as 'Job'];
    if (condition)
      return {
        ...object,
        status: {
          conditions: [
            {
              type: condition,
              status: ready ? 'True' : 'False',
              reason: ready ? 'Done' : 'Waiting',
            },
          ],
        },
      };
    if (object.kind === 'DaemonSet') {
      const n = ready ? 3 : 1;
      return {
        ...object,
        metadata: { ...object.metadata, generation: 1 },
        status: {
          observedGeneration: 1,
          desiredNumberScheduled: 3,
          updatedNumberScheduled: n,
          numberAvailable: n,
        },
      };
    }
    return object;
  }
}

const KINDS: Record<string, string> = {
  customresourcedefinitions: 'CustomResourceDefinition',
  namespace: 'Namespace',
  deployments: 'Deployment',
  jobs: 'Job',
  daemonsets: 'DaemonSet',
  daemonset: 'DaemonSet',
  nodes: 'Node',
  pods: 'Pod',
};

const key = (kind: string, name: string, ns?: string): string => `${kind}/${ns ?? ''}/${name}`;
const valueOf = (args: string[], flag: string): string | undefined => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
