import { isIP } from 'node:net';
import {
  type FlagSpec,
  type ParsedArgs,
  UsageError,
  flagBool,
  flagList,
  flagNumber,
  flagString,
  parseArgs,
} from './flags.js';

/** k3d v5's default node image when --image is absent (the action always passes one). */
export const K3D_DEFAULT_IMAGE = 'rancher/k3s:v1.31.5-k3s1';
export const K3D_DEFAULT_CLUSTER = 'k3s-default';
const CLUSTER_NAME_MAX = 32;

export const globalFlags: FlagSpec[] = [
  { name: 'verbose', kind: 'bool' },
  { name: 'trace', kind: 'bool' },
  { name: 'timestamps', kind: 'bool' },
  { name: 'help', short: 'h', kind: 'bool' },
];

const notModelled = 'the simulated cluster does not model it';

/** `k3d cluster create` flags of k3d v5.9 (every real one known; unmodelled ones refused by name). */
export const clusterCreateFlags: FlagSpec[] = [
  { name: 'agents', short: 'a', kind: 'int' },
  { name: 'servers', short: 's', kind: 'int' },
  { name: 'image', short: 'i', kind: 'string' },
  { name: 'port', short: 'p', kind: 'stringArray' },
  { name: 'k3s-arg', kind: 'stringArray' },
  { name: 'api-port', kind: 'string' },
  { name: 'wait', kind: 'bool' },
  { name: 'timeout', kind: 'duration' },
  { name: 'kubeconfig-update-default', kind: 'bool' },
  { name: 'kubeconfig-switch-context', kind: 'bool' },
  // Accepted without effect: they change nothing the sim can show.
  { name: 'agents-memory', kind: 'string' },
  { name: 'servers-memory', kind: 'string' },
  { name: 'token', kind: 'string' },
  { name: 'no-rollback', kind: 'bool' },
  { name: 'no-image-volume', kind: 'bool' },
  { name: 'env', short: 'e', kind: 'stringArray' },
  { name: 'k3s-node-label', kind: 'stringArray' },
  { name: 'runtime-label', kind: 'stringArray' },
  { name: 'runtime-ulimit', kind: 'stringArray' },
  { name: 'host-alias', kind: 'stringArray' },
  { name: 'host-pid-mode', kind: 'bool' },
  { name: 'registry-config', kind: 'string' },
  // Real flags whose effect the sim cannot reproduce: refused with a clear message.
  {
    name: 'config',
    short: 'c',
    kind: 'string',
    unsupported: 'config files are not read by the sim',
  },
  { name: 'volume', short: 'v', kind: 'stringArray', unsupported: notModelled },
  { name: 'network', kind: 'string', unsupported: notModelled },
  { name: 'subnet', kind: 'string', unsupported: notModelled },
  {
    name: 'no-lb',
    kind: 'bool',
    unsupported: 'the simulated ingress is reached through the load balancer',
  },
  { name: 'lb-config-override', kind: 'stringArray', unsupported: notModelled },
  { name: 'registry-create', kind: 'string', unsupported: 'the sim has no registries' },
  { name: 'registry-use', kind: 'stringArray', unsupported: 'the sim has no registries' },
  { name: 'gpus', kind: 'string', unsupported: notModelled },
  { name: 'volumes-from', kind: 'stringArray', unsupported: notModelled },
  ...globalFlags,
];

export interface PortMapping {
  /** As given, for the record. */
  spec: string;
  hostIp?: string;
  /** Undefined when k3d would pick a free host port. */
  hostPort?: number;
  containerPort: number;
  protocol: 'tcp' | 'udp';
  nodeFilters: string[];
}

export interface K3sArg {
  arg: string;
  nodeFilters: string[];
}

export interface ClusterCreateOptions {
  name: string;
  servers: number;
  agents: number;
  image: string;
  ports: PortMapping[];
  k3sArgs: K3sArg[];
  /** --api-port as given, for the record. */
  apiPort?: string;
  /** Where the Kubernetes API is published (host IP and port). */
  api: ApiExposure;
  wait: boolean;
  /** Milliseconds; undefined = k3d's default (no overall timeout). */
  timeoutMs?: number;
  updateDefaultKubeconfig: boolean;
  switchContext: boolean;
}

const NODE_FILTER =
  /^(loadbalancer|all|(server|servers|agent|agents)(:(\*|\d+(-\d+)?(,\d+(-\d+)?)*))?)(:(direct|proxy))?$/;

export function validateClusterName(name: string): void {
  if (name.length > CLUSTER_NAME_MAX) {
    throw new UsageError(`Cluster name is too long (${name.length} > ${CLUSTER_NAME_MAX})`);
  }
  if (name.startsWith('-') || name.endsWith('-')) {
    throw new UsageError(
      `Invalid cluster name: hostname [${name}] must not start or end with - (dash)`,
    );
  }
  if (!/^[A-Za-z0-9-]+$/.test(name)) {
    throw new UsageError(
      `Invalid cluster name: hostname [${name}] contains characters other than 'Aa-Zz', '0-9' or '-'`,
    );
  }
}

function splitNodeFilters(spec: string, what: string): { value: string; nodeFilters: string[] } {
  const at = spec.lastIndexOf('@');
  if (at === -1) return { value: spec, nodeFilters: [] };
  const filters = spec.slice(at + 1).split(';');
  for (const filter of filters) {
    if (!NODE_FILTER.test(filter)) {
      throw new UsageError(
        `Failed to parse node filters: invalid format or empty subset in '${filter}' (${what} '${spec}')`,
      );
    }
  }
  return { value: spec.slice(0, at), nodeFilters: filters };
}

/**
 * `[HOSTIP:][HOSTPORT:]CONTAINERPORT[/PROTOCOL][@NODEFILTER]`, split the way docker's
 * go-connections nat.ParsePortSpec splits it (k3d v5.9.0 pkg/client/ports.go hands the part
 * before `@` to it): the last part is the container port, the one before it the host port,
 * everything before that the host IP (an IPv6 address may be in brackets).
 */
export function parsePortMapping(spec: string): PortMapping {
  const { value, nodeFilters } = splitNodeFilters(spec, 'port mapping');
  const slash = value.indexOf('/');
  const portPart = slash === -1 ? value : value.slice(0, slash);
  const protocolPart = slash === -1 ? undefined : value.slice(slash + 1);
  const protocol = (protocolPart ?? 'tcp').toLowerCase();
  if (protocol !== 'tcp' && protocol !== 'udp') {
    throw new UsageError(
      `Failed to parse port mapping '${spec}': invalid protocol '${protocolPart}'`,
    );
  }
  const parts = portPart.split(':');
  const containerText = parts[parts.length - 1] as string;
  const hostPortText = parts.length >= 2 ? (parts[parts.length - 2] as string) : '';
  const ipText = parts.length >= 3 ? parts.slice(0, -2).join(':') : '';
  const asPort = (text: string, what: string): number => {
    if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 65535) {
      throw new UsageError(`Failed to parse port mapping '${spec}': invalid ${what}: ${text}`);
    }
    return Number(text);
  };
  if (containerText === '')
    throw new UsageError(`Failed to parse port mapping '${spec}': no port specified`);
  const containerPort = asPort(containerText, 'containerPort');
  const hostIp = ipText.replace(/^\[(.*)\]$/, '$1');
  if (hostIp !== '' && isIP(hostIp) === 0) {
    throw new UsageError(`Failed to parse port mapping '${spec}': invalid IP address: ${ipText}`);
  }
  return {
    spec,
    ...(hostIp ? { hostIp } : {}),
    ...(hostPortText ? { hostPort: asPort(hostPortText, 'hostPort') } : {}),
    containerPort,
    protocol,
    nodeFilters: nodeFilters.length > 0 ? nodeFilters : ['loadbalancer'],
  };
}

/** Where docker publishes a port mapped without a host IP: every interface. */
export const ALL_INTERFACES = '0.0.0.0';

/** k3d's --api-port: `[HOST:]HOSTPORT`, HOSTPORT a number or `random` (k3d's default). */
export interface ApiExposure {
  hostIp: string;
  hostPort: number | 'random';
}

/**
 * k3d v5.9.0 cmd/util/ports.go ParsePortExposureSpec: an IPv4 address or a host name (looked
 * up; the sim knows only `localhost`) before the last colon, then a port or `random`. No host:
 * k3d's DefaultAPIHost 0.0.0.0. No flag at all: 0.0.0.0 and a random free port.
 */
export function parseApiPort(spec: string | undefined): ApiExposure {
  if (spec === undefined) return { hostIp: ALL_INTERFACES, hostPort: 'random' };
  const match = /^(?:(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})|(\S+):)?(\d{1,5}|random)$/.exec(spec);
  // The IPv4 branch has no colon after it: `1.2.3.4:6550` is matched by the host-name branch.
  if (!match || match[1] !== undefined) {
    throw new UsageError(
      `failed to parse Port Exposure specification '${spec}': Format must be [(HostIP|HostName):]HostPort`,
    );
  }
  const host = match[2];
  let hostIp = ALL_INTERFACES;
  if (host !== undefined) {
    if (isIP(host) === 4) hostIp = host;
    else if (host === 'localhost') hostIp = '127.0.0.1';
    else
      throw new UsageError(
        `failed to lookup host '${host}' specified for Port Exposure (the simulated k3d resolves only IPv4 addresses and localhost)`,
      );
  }
  const port = match[3] as string;
  if (port !== 'random' && (Number(port) < 0 || Number(port) > 65535)) {
    throw new UsageError(`failed to parse port spec for Port Exposure '${spec}': invalid port`);
  }
  return { hostIp, hostPort: port === 'random' ? 'random' : Number(port) };
}

/** Node filters must name nodes that exist (k3d refuses `agent:3` in a 2-agent cluster). */
function checkFilterIndexes(
  filters: string[],
  servers: number,
  agents: number,
  spec: string,
): void {
  for (const filter of filters) {
    const match = /^(server|servers|agent|agents):([\d,-]+)/.exec(filter);
    if (!match) continue;
    const count = (match[1] as string).startsWith('server') ? servers : agents;
    const indexes = (match[2] as string).split(/[,-]/).filter(Boolean).map(Number);
    const tooHigh = indexes.find((index) => index >= count);
    if (tooHigh !== undefined) {
      throw new UsageError(
        `Failed to parse node filters: index ${tooHigh} out of range for ${count} ${match[1]} node(s) in '${spec}'`,
      );
    }
  }
}

export function parseClusterCreate(args: readonly string[]): ClusterCreateOptions {
  const parsed: ParsedArgs = parseArgs(args, clusterCreateFlags);
  if (parsed.positionals.length > 1) {
    throw new UsageError(`accepts at most 1 arg(s), received ${parsed.positionals.length}`);
  }
  const name = parsed.positionals[0] ?? K3D_DEFAULT_CLUSTER;
  validateClusterName(name);
  const servers = flagNumber(parsed, 'servers') ?? 1;
  const agents = flagNumber(parsed, 'agents') ?? 0;
  if (servers < 1)
    throw new UsageError('Failed to create cluster: at least one server node is needed');
  if (agents < 0)
    throw new UsageError('Failed to create cluster: the number of agents cannot be negative');
  const ports = flagList(parsed, 'port').map(parsePortMapping);
  for (const port of ports) checkFilterIndexes(port.nodeFilters, servers, agents, port.spec);
  const k3sArgs = flagList(parsed, 'k3s-arg').map((spec) => {
    const { value, nodeFilters } = splitNodeFilters(spec, 'k3s-arg');
    checkFilterIndexes(nodeFilters, servers, agents, spec);
    return { arg: value, nodeFilters };
  });
  const updateDefaultKubeconfig = flagBool(parsed, 'kubeconfig-update-default', true);
  const apiPort = flagString(parsed, 'api-port');
  const api = parseApiPort(apiPort);
  const timeoutMs = flagNumber(parsed, 'timeout');
  return {
    name,
    servers,
    agents,
    image: flagString(parsed, 'image') ?? K3D_DEFAULT_IMAGE,
    ports,
    k3sArgs,
    ...(apiPort !== undefined ? { apiPort } : {}),
    api,
    wait: flagBool(parsed, 'wait', true),
    ...(timeoutMs !== undefined && timeoutMs > 0 ? { timeoutMs } : {}),
    updateDefaultKubeconfig,
    switchContext: updateDefaultKubeconfig && flagBool(parsed, 'kubeconfig-switch-context', true),
  };
}

/** One published port: the host address and port it binds (port undefined: a free one). */
export interface HostBinding {
  hostIp: string;
  hostPort?: number;
}

/**
 * The host ports the sim serves and where they bind: the load balancer's port 80, NodePort 30080
 * on agent 0, and the Kubernetes API. A mapping without a host IP binds every interface, as
 * docker publishes it.
 */
export function simulatedBindings(options: ClusterCreateOptions): {
  loadBalancer: HostBinding;
  agent: HostBinding;
  api: ApiExposure;
} {
  const lb = options.ports.find(
    (port) =>
      port.containerPort === 80 && port.nodeFilters.some((f) => f.startsWith('loadbalancer')),
  );
  const agent = options.ports.find(
    (port) =>
      port.containerPort === 30080 && port.nodeFilters.some((f) => /^agents?:(0|\*)/.test(f)),
  );
  const binding = (port: PortMapping | undefined): HostBinding => ({
    hostIp: port?.hostIp ?? ALL_INTERFACES,
    ...(port?.hostPort !== undefined ? { hostPort: port.hostPort } : {}),
  });
  return { loadBalancer: binding(lb), agent: binding(agent), api: options.api };
}

/** The host ports the sim serves: the load balancer's port 80, and NodePort 30080 on agent 0. */
export function simulatedPorts(options: ClusterCreateOptions): {
  lbPort?: number;
  agentPort?: number;
} {
  const { loadBalancer, agent } = simulatedBindings(options);
  return {
    ...(loadBalancer.hostPort !== undefined ? { lbPort: loadBalancer.hostPort } : {}),
    ...(agent.hostPort !== undefined ? { agentPort: agent.hostPort } : {}),
  };
}
