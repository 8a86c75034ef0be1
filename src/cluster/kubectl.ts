import type { KubeList, ReadObject } from '../kube/object.js';
import { dirname, join } from 'node:path';
import {
  ToolError,
  type RunOptions,
  type ToolResult,
  type ToolRunner,
} from '../util/tool-runner.js';
import { waitUntil } from '../util/wait.js';
import { daemonSetRolloutState, describeCondition, describePod, hasCondition } from './describe.js';

/** Where to look: one namespace, all of them, or (omitted) cluster-scoped / the default. */
export type Scope = string | { allNamespaces: true } | undefined;

export interface WaitForOptions {
  namespace?: string;
  timeoutMs: number;
  /** Every object of the kind (the resource has no /name); at least one must exist. */
  all?: boolean;
  /** Label selector for `all`. */
  selector?: string;
  /** With `all`: how many objects must exist (e.g. every node of the cluster). */
  minCount?: number;
  intervalMs?: number;
}

export interface KubectlClock {
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const scopeArgs = (scope: Scope): string[] =>
  scope === undefined ? [] : typeof scope === 'string' ? ['-n', scope] : ['--all-namespaces'];

export function isNotFound(error: unknown): boolean {
  return error instanceof ToolError && /\(NotFound\)|not found/i.test(error.result.stderr);
}

/**
 * kubectl bound to one kubeconfig file: every call carries `--kubeconfig <file>`, so
 * the user's ~/.kube/config is never read or written.
 */
export class Kubectl {
  constructor(
    private readonly runner: ToolRunner,
    readonly kubeconfigPath: string,
    private readonly clock: KubectlClock = {},
    /** Per API request (`--request-timeout`), so a hung API server cannot outlive a deadline. */
    private readonly requestTimeout = '60s',
  ) {}

  /** The same kubectl with another clock (tests; an abortable sleep for concurrent branches). */
  withClock(clock: KubectlClock): Kubectl {
    return new Kubectl(this.runner, this.kubeconfigPath, clock, this.requestTimeout);
  }

  /** Any kubectl command; the exit code is returned, not thrown. */
  run(args: readonly string[], options?: RunOptions): Promise<ToolResult> {
    return this.runner.run(this.withGlobalFlags(args), options);
  }

  runOk(args: readonly string[], options?: RunOptions): Promise<ToolResult> {
    return this.runner.runOk(this.withGlobalFlags(args), options);
  }

  private withGlobalFlags(args: readonly string[]): string[] {
    return [
      '--kubeconfig',
      this.kubeconfigPath,
      `--request-timeout=${this.requestTimeout}`,
      // Discovery cache beside the kubeconfig: nothing is read from or left in ~/.kube.
      '--cache-dir',
      join(dirname(this.kubeconfigPath), 'kube-cache'),
      ...args,
    ];
  }

  /** `kubectl apply -f -` of a (multi-document) YAML text; returns kubectl's summary lines. */
  async applyManifests(
    yamlText: string,
    options: { namespace?: string; serverSide?: boolean } = {},
  ): Promise<string> {
    const args = ['apply', '-f', '-', ...scopeArgs(options.namespace)];
    if (options.serverSide) args.push('--server-side', '--force-conflicts');
    return (await this.runOk(args, { input: yamlText })).stdout;
  }

  /** `kubectl get <resource> [name] -o json`; a list (`{items}`) when name is omitted. */
  async getJson<T = ReadObject>(resource: string, name?: string, scope?: Scope): Promise<T> {
    const args = ['get', resource, ...(name ? [name] : []), ...scopeArgs(scope), '-o', 'json'];
    return JSON.parse((await this.runOk(args)).stdout) as T;
  }

  /** As getJson, but NotFound is `undefined` rather than an error. */
  async tryGetJson<T = ReadObject>(
    resource: string,
    name: string,
    scope?: Scope,
  ): Promise<T | undefined> {
    try {
      return await this.getJson<T>(resource, name, scope);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async patchMerge(
    resource: string,
    name: string,
    patch: unknown,
    namespace?: string,
  ): Promise<void> {
    await this.runOk([
      'patch',
      resource,
      name,
      ...scopeArgs(namespace),
      '--type=merge',
      '-p',
      JSON.stringify(patch),
    ]);
  }

  /**
   * Polls until the object (`deployment/webhook`) or every object of a kind
   * (`nodes`, with `all`) has condition `condition`=True. A timeout names what was
   * waited for and the conditions last seen on the objects that were not there yet.
   */
  async waitFor(resource: string, condition: string, options: WaitForOptions): Promise<void> {
    const [kind, name] = resource.split('/', 2) as [string, string | undefined];
    const where = options.namespace ? ` in ${options.namespace}` : '';
    await waitUntil(
      async () => {
        const objects = name
          ? [await this.getJson(kind, name, options.namespace)]
          : await this.list(kind, options.namespace, options.selector);
        if (objects.length < Math.max(1, options.minCount ?? 1)) {
          const wanted = options.minCount ? ` of ${options.minCount}` : '';
          return { done: false, seen: `${objects.length}${wanted} ${kind} exist` };
        }
        const pending = objects.filter((o) => !hasCondition(o, condition));
        if (pending.length === 0) return { done: true, value: undefined };
        return {
          done: false,
          seen: pending.map((o) => describeCondition(o, condition)).join('; '),
        };
      },
      {
        what: `${resource} ${condition}${where}`,
        timeoutMs: options.timeoutMs,
        intervalMs: options.intervalMs ?? 2000,
        ...this.clock,
      },
    );
  }

  /** Waits for a DaemonSet's pods to run the current spec and be available on every node. */
  async rolloutStatus(
    daemonSet: string,
    namespace: string,
    options: { timeoutMs: number; intervalMs?: number },
  ): Promise<void> {
    await waitUntil(
      async () => {
        const state = daemonSetRolloutState(await this.getJson('daemonset', daemonSet, namespace));
        return state.done ? { done: true, value: undefined } : { done: false, seen: state.seen };
      },
      {
        what: `daemonset/${daemonSet} rollout in ${namespace}`,
        timeoutMs: options.timeoutMs,
        intervalMs: options.intervalMs ?? 2000,
        ...this.clock,
      },
    );
  }

  async delete(resource: string, name: string, namespace?: string): Promise<void> {
    await this.runOk([
      'delete',
      resource,
      name,
      ...scopeArgs(namespace),
      '--ignore-not-found',
      '--wait=false',
    ]);
  }

  /** The last lines of a pod's logs (all containers); failures become the returned text. */
  async logs(
    pod: string,
    namespace: string,
    options: { tail?: number; previous?: boolean } = {},
  ): Promise<string> {
    const args = [
      'logs',
      pod,
      '-n',
      namespace,
      '--all-containers',
      '--prefix',
      `--tail=${options.tail ?? 50}`,
    ];
    if (options.previous) args.push('--previous');
    const result = await this.run(args);
    return result.exitCode === 0 ? result.stdout : `(logs unavailable: ${result.stderr.trim()})`;
  }

  /** Pods of a namespace that are not ready, one line each (for "last seen" and diagnostics). */
  async describeUnreadyPods(namespace: string): Promise<string[]> {
    const pods = await this.list('pods', namespace);
    return pods
      .filter(
        (p) => !hasCondition(p, 'Ready') && (p.status as { phase?: string })?.phase !== 'Succeeded',
      )
      .map(describePod);
  }

  private async list(kind: string, namespace?: string, selector?: string): Promise<ReadObject[]> {
    const args = [
      'get',
      kind,
      ...scopeArgs(namespace),
      ...(selector ? ['-l', selector] : []),
      '-o',
      'json',
    ];
    return (JSON.parse((await this.runOk(args)).stdout) as KubeList<ReadObject>).items;
  }
}
