import { chmod, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { withRetry } from '../util/retry.js';
import type { ToolRunner } from '../util/tool-runner.js';

export interface ClusterTopology {
  name: string;
  k3sImage: string;
  /** Agent nodes; 0 puts the NodePort mapping on server:0. */
  agents: number;
  /** Host port -> the load balancer's port 80 (the probe's entry). */
  loadBalancerPort: number;
  /** Host port -> NodePort 30080 on agent 0, the preview topology's NodePort entry. */
  agentPort: number;
  /** Extra `k3d cluster create` arguments, one argument per element (no shell splitting). */
  extraArgs: readonly string[];
  /** k3d rolls back a cluster it could not create within this many seconds. */
  timeoutSeconds?: number;
}

/**
 * Every port the cluster publishes binds this address only. Without a host IP docker publishes
 * on all interfaces, which on a self-hosted runner opens the preview and the cluster's API to
 * the network.
 */
export const PUBLISH_ADDRESS = '127.0.0.1';

/**
 * The preview topology as argv: 2 agents, NodePort 30080 on agent 0, port 80 via the
 * load balancer, traefik disabled (Contour is the ingress), every port on loopback.
 * Never touches ~/.kube/config.
 *
 * Port grammar (k3d v5.9.0): `-p [HOSTIP:][HOSTPORT:]CONTAINERPORT@NODEFILTER` is docker's
 * nat.ParsePortSpec; `--api-port [HOST:]HOSTPORT` (cmd/util/ports.go) takes `random` for a free
 * port. Not `:0`: k3d writes the requested port into the kubeconfig (pkg/client/kubeconfig.go).
 */
export function k3dCreateArgs(topology: ClusterTopology): string[] {
  const nodePortTarget = topology.agents > 0 ? 'agent:0' : 'server:0';
  return [
    'cluster',
    'create',
    topology.name,
    '--port',
    `${PUBLISH_ADDRESS}:${topology.agentPort}:30080@${nodePortTarget}`,
    '-p',
    `${PUBLISH_ADDRESS}:${topology.loadBalancerPort}:80@loadbalancer`,
    '--api-port',
    `${PUBLISH_ADDRESS}:random`,
    '--agents',
    String(topology.agents),
    '--k3s-arg',
    '--disable=traefik@server:0',
    '--image',
    topology.k3sImage,
    '--wait',
    ...(topology.timeoutSeconds
      ? ['--timeout', `${Math.max(1, Math.floor(topology.timeoutSeconds))}s`]
      : []),
    '--kubeconfig-update-default=false',
    '--kubeconfig-switch-context=false',
    ...topology.extraArgs,
  ];
}

/** The k3d CLI, one method per thing the action asks of it. */
export class K3d {
  constructor(
    private readonly runner: ToolRunner,
    /** Pause before the one retry of an image import. */
    private readonly importRetryDelayMs = 3000,
  ) {}

  async createCluster(topology: ClusterTopology): Promise<void> {
    await this.runner.runOk(k3dCreateArgs(topology), { stream: true });
  }

  /**
   * Writes the cluster's kubeconfig to a file of its own (mode 600). Its contents hold
   * client keys: nothing from this command reaches the log or an error message.
   */
  async writeKubeconfig(name: string, path: string): Promise<void> {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const result = await this.runner.run([
      'kubeconfig',
      'write',
      name,
      '--output',
      path,
      '--overwrite',
    ]);
    if (result.exitCode !== 0) {
      throw new Error(
        `k3d kubeconfig write ${name} exited with ${result.exitCode} (output withheld: it may hold credentials)`,
      );
    }
    await chmod(path, 0o600);
  }

  async listClusters(): Promise<string[]> {
    const { stdout } = await this.runner.runOk(['cluster', 'list', '-o', 'json']);
    const parsed = JSON.parse(stdout || '[]') as Array<{ name?: string }>;
    return parsed.map((c) => c.name ?? '').filter(Boolean);
  }

  async deleteCluster(name: string): Promise<void> {
    await this.runner.runOk(['cluster', 'delete', name]);
  }

  /** Loads local images into every node; retried once (a node can be briefly busy). */
  async importImages(tags: readonly string[], clusterName: string): Promise<void> {
    if (tags.length === 0) return;
    await this.importOnce(['image', 'import', ...tags, '-c', clusterName], tags.join(' '));
  }

  /**
   * Loads an image archive (`docker image save`) into every node. Direct mode: k3d's default
   * tools-node mode only logs a node's failed `ctr image import` and still exits 0
   * (k3d v5.9.0 pkg/client/tools.go importWithToolsNode).
   */
  async importArchive(archivePath: string, clusterName: string): Promise<void> {
    await this.importOnce(
      ['image', 'import', archivePath, '-c', clusterName, '--mode', 'direct'],
      archivePath,
    );
  }

  private async importOnce(args: string[], what: string): Promise<void> {
    await withRetry(() => this.runner.runOk(args, { stream: true }), {
      what: `k3d image import ${what}`,
      attempts: 2,
      initialDelayMs: this.importRetryDelayMs,
      isTransient: () => true,
    });
  }
}
