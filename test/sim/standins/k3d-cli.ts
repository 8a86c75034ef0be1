import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { AppDescription } from '../cluster/app-answer.js';
import { withKnobs } from './knobs.js';
import { kubeconfigFor } from '../cluster/index.js';
import { type FlagSpec, UsageError, flagBool, flagList, flagString, parseArgs } from './flags.js';
import { archiveSource, type ImportSource, runtimeSource, settleImport } from './image-archive.js';
import { findImage, normalizeImageRef } from './image-store.js';
import type { StandinIo } from './io.js';
import {
  ClusterExistsError,
  type ClusterRecord,
  clusterRunning,
  createCluster,
  deleteCluster,
  getCluster,
  listClusters,
  recordImportedImages,
} from './k3d-clusters.js';
import {
  K3D_DEFAULT_CLUSTER,
  K3D_DEFAULT_IMAGE,
  globalFlags,
  parseClusterCreate,
} from './k3d-create-options.js';
import { defaultKubeconfigPath, mergeKubeconfig, removeFromKubeconfig } from './kubeconfig-file.js';
import { ensureDir, stateDirFromEnv } from './state.js';

/** A k3d failure after parsing: printed as `FATA[0000] <message>`, exit 1, like k3d's logger. */
export class K3dFatal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'K3dFatal';
  }
}

const DEFAULT_K3D_VERSION = 'v5.9.0';
const IMPORT_DEADLINE_MS = 10_000;

const info = (io: StandinIo) => (line: string) => io.stderr(`INFO[0000] ${line}\n`);

/** The k3d stand-in: `k3d <args>`; returns the exit code. */
export async function runK3d(args: string[], io: StandinIo): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'version':
      return version(rest, io);
    case '--version':
      return version([], io);
    case 'cluster':
      return cluster(rest, io);
    case 'kubeconfig':
      return kubeconfig(rest, io);
    case 'image':
    case 'images':
      if (rest[0] === 'import' || rest[0] === 'load') return imageImport(rest.slice(1), io);
      throw unknownCommand(rest[0], 'k3d image', ['import']);
    case undefined:
      throw new UsageError(
        'no command given (the simulated k3d supports: version, cluster, kubeconfig, image)',
      );
    default:
      throw unknownCommand(command, 'k3d', ['version', 'cluster', 'kubeconfig', 'image']);
  }
}

function unknownCommand(
  command: string | undefined,
  parent: string,
  supported: string[],
): UsageError {
  if (command === undefined)
    return new UsageError(`"${parent}" needs a subcommand (${supported.join(', ')})`);
  return new UsageError(
    `unknown command "${command}" for "${parent}" (the simulated k3d supports: ${supported.join(', ')})`,
  );
}

function version(args: string[], io: StandinIo): number {
  const parsed = parseArgs(args, [{ name: 'output', short: 'o', kind: 'string' }, ...globalFlags]);
  if (parsed.positionals.length > 0) throw unknownCommand(parsed.positionals[0], 'k3d version', []);
  const k3d = io.env.SIM_K3D_VERSION || DEFAULT_K3D_VERSION;
  const k3s = K3D_DEFAULT_IMAGE.split(':')[1] as string;
  const output = flagString(parsed, 'output');
  if (output === 'json') io.stdout(`${JSON.stringify({ k3d, k3s })}\n`);
  else if (output === undefined) io.stdout(`k3d version ${k3d}\nk3s version ${k3s} (default)\n`);
  else throw new UsageError(`invalid output format '${output}' (json)`);
  return 0;
}

async function cluster(args: string[], io: StandinIo): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'create':
      return clusterCreate(rest, io);
    case 'delete':
    case 'del':
    case 'rm':
      return clusterDelete(rest, io);
    case 'list':
    case 'ls':
    case 'get':
      return clusterList(rest, io);
    default:
      throw unknownCommand(sub, 'k3d cluster', ['create', 'delete', 'list']);
  }
}

async function clusterCreate(args: string[], io: StandinIo): Promise<number> {
  const options = parseClusterCreate(args);
  const stateDir = stateDirFromEnv(io.env);
  const log = info(io);
  let record: ClusterRecord;
  try {
    record = await createCluster(stateDir, options, withKnobs(io.env, options.name), log);
  } catch (error) {
    if (error instanceof ClusterExistsError) throw new K3dFatal(error.message);
    throw new K3dFatal(error instanceof Error ? error.message : String(error));
  }
  if (options.updateDefaultKubeconfig) {
    const file = defaultKubeconfigPath(io.env);
    log(`Updating default kubeconfig with a new context for cluster ${record.name}`);
    mergeKubeconfig(file, kubeconfigFor(record.apiUrl as string, record.name), {
      switchContext: options.switchContext,
    });
    if (options.switchContext)
      log(`Successfully switched kubeconfig context to k3d-${record.name}`);
  }
  log(`Cluster '${record.name}' created successfully!`);
  log('You can now use it like this:');
  io.stderr(
    options.switchContext
      ? 'kubectl cluster-info\n'
      : `kubectl config use-context k3d-${record.name}\nkubectl cluster-info\n`,
  );
  return 0;
}

async function clusterDelete(args: string[], io: StandinIo): Promise<number> {
  const parsed = parseArgs(args, [
    { name: 'all', short: 'a', kind: 'bool' },
    {
      name: 'config',
      short: 'c',
      kind: 'string',
      unsupported: 'config files are not read by the sim',
    },
    ...globalFlags,
  ]);
  const stateDir = stateDirFromEnv(io.env);
  const log = info(io);
  const all = flagBool(parsed, 'all', false);
  const names = all
    ? listClusters(stateDir).map((record) => record.name)
    : parsed.positionals.length > 0
      ? parsed.positionals
      : [io.env.K3D_CLUSTER_NAME || K3D_DEFAULT_CLUSTER];
  const existing = names.filter((name) => getCluster(stateDir, name) !== undefined);
  if (existing.length === 0) {
    log('No clusters found');
    return 0;
  }
  for (const name of existing) {
    log(`Deleting cluster '${name}'`);
    await deleteCluster(stateDir, name);
    log('Removing cluster details from default kubeconfig...');
    removeFromKubeconfig(defaultKubeconfigPath(io.env), name);
    log('Removing standalone kubeconfig file (if there is one)...');
    rmSync(standaloneKubeconfigPath(stateDir, name), { force: true });
    log(`Successfully deleted cluster ${name}!`);
  }
  return 0;
}

function clusterJson(record: ClusterRecord): Record<string, unknown> {
  const running = clusterRunning(record);
  const state = {
    Running: running,
    Status: running ? 'running' : 'exited',
    Started: record.createdAt,
  };
  // Every published port (the API and both -p mappings, proxied) sits on the load balancer node
  // (k3d v5.9.0 pkg/client/ports.go TransformPorts), as docker's nat.PortMap.
  const published = (hostIp: string | undefined, hostPort: number) => [
    { HostIp: hostIp ?? '0.0.0.0', HostPort: String(hostPort) },
  ];
  const node = (role: string, suffix: string) => ({
    name: `k3d-${record.name}-${suffix}`,
    role,
    image: role === 'loadbalancer' ? 'ghcr.io/k3d-io/k3d-proxy:5.9.0' : record.image,
    State: state,
    ...(role === 'loadbalancer'
      ? {
          portMappings: {
            '6443/tcp': published(record.apiHost, record.apiHostPort),
            '80/tcp': published(record.lbHost, record.lbPort),
            '30080/tcp': published(record.agentHost, record.agentPort),
          },
        }
      : {}),
  });
  const nodes = [
    ...Array.from({ length: record.servers }, (_, i) => node('server', `server-${i}`)),
    ...Array.from({ length: record.agents }, (_, i) => node('agent', `agent-${i}`)),
    node('loadbalancer', 'serverlb'),
  ];
  return {
    name: record.name,
    network: { name: `k3d-${record.name}`, External: false },
    token: '(simulated)',
    nodes,
    serversCount: record.servers,
    serversRunning: running ? record.servers : 0,
    agentsCount: record.agents,
    agentsRunning: running ? record.agents : 0,
    hasLoadBalancer: true,
    imageVolume: `k3d-${record.name}-images`,
    simulated: {
      apiUrl: record.apiUrl,
      lbPort: record.lbPort,
      agentPort: record.agentPort,
      pid: record.pid,
    },
  };
}

function clusterList(args: string[], io: StandinIo): number {
  const parsed = parseArgs(args, [
    { name: 'output', short: 'o', kind: 'string' },
    { name: 'no-headers', kind: 'bool' },
    { name: 'token', kind: 'bool' },
    ...globalFlags,
  ]);
  const stateDir = stateDirFromEnv(io.env);
  const all = listClusters(stateDir);
  for (const name of parsed.positionals) {
    if (!all.some((record) => record.name === name)) {
      throw new K3dFatal(`failed to get cluster ${name}: No nodes found for given cluster`);
    }
  }
  const records =
    parsed.positionals.length > 0 ? all.filter((r) => parsed.positionals.includes(r.name)) : all;
  const output = flagString(parsed, 'output');
  if (output === 'json') {
    io.stdout(`${JSON.stringify(records.map(clusterJson))}\n`);
  } else if (output === 'yaml') {
    io.stdout(stringify(records.map(clusterJson)));
  } else if (output === undefined || output === '') {
    const rows = records.map((record) => {
      const running = clusterRunning(record);
      return [
        record.name,
        `${running ? record.servers : 0}/${record.servers}`,
        `${running ? record.agents : 0}/${record.agents}`,
        'true',
      ];
    });
    if (!flagBool(parsed, 'no-headers', false))
      rows.unshift(['NAME', 'SERVERS', 'AGENTS', 'LOADBALANCER']);
    const widths = [0, 1, 2, 3].map((col) =>
      Math.max(...rows.map((row) => (row[col] as string).length)),
    );
    for (const row of rows)
      io.stdout(
        `${row
          .map((cell, i) => cell.padEnd((widths[i] as number) + 3))
          .join('')
          .trimEnd()}\n`,
      );
  } else {
    throw new UsageError(`invalid output format '${output}' (json|yaml)`);
  }
  return 0;
}

const standaloneKubeconfigPath = (stateDir: string, name: string): string =>
  join(ensureDir(stateDir, 'k3d-config'), `kubeconfig-${name}.yaml`);

function runningCluster(stateDir: string, name: string): ClusterRecord {
  const record = getCluster(stateDir, name);
  if (!record || !record.apiUrl)
    throw new K3dFatal(`failed to get cluster ${name}: No nodes found for given cluster`);
  if (!clusterRunning(record))
    throw new K3dFatal(`cluster '${name}' is not running (its daemon has stopped)`);
  return record;
}

const kubeconfigSelection: FlagSpec[] = [{ name: 'all', short: 'a', kind: 'bool' }, ...globalFlags];

function selectedClusters(stateDir: string, positionals: string[], all: boolean): ClusterRecord[] {
  if (all) return listClusters(stateDir).filter(clusterRunning);
  const names = positionals.length > 0 ? positionals : [K3D_DEFAULT_CLUSTER];
  return names.map((name) => runningCluster(stateDir, name));
}

function kubeconfig(args: string[], io: StandinIo): number {
  const [sub, ...rest] = args;
  const stateDir = stateDirFromEnv(io.env);
  if (sub === 'get') {
    const parsed = parseArgs(rest, kubeconfigSelection);
    const records = selectedClusters(stateDir, parsed.positionals, flagBool(parsed, 'all', false));
    if (records.length === 1) {
      const only = records[0] as ClusterRecord;
      io.stdout(kubeconfigFor(only.apiUrl as string, only.name));
      return 0;
    }
    // Several clusters: one merged document, as k3d prints.
    const scratch = mkdtempSync(join(tmpdir(), 'sim-k3d-kubeconfig-'));
    try {
      const file = join(scratch, 'config');
      for (const record of records) {
        mergeKubeconfig(file, kubeconfigFor(record.apiUrl as string, record.name), {
          switchContext: true,
        });
      }
      io.stdout(existsSync(file) ? readFileSync(file, 'utf8') : '');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    return 0;
  }
  if (sub === 'write' || sub === 'merge') {
    const parsed = parseArgs(rest, [
      { name: 'output', short: 'o', kind: 'string' },
      { name: 'kubeconfig-merge-default', short: 'd', kind: 'bool' },
      { name: 'kubeconfig-switch-context', short: 's', kind: 'bool' },
      { name: 'overwrite', kind: 'bool' },
      { name: 'update', short: 'u', kind: 'bool' },
      ...kubeconfigSelection,
    ]);
    const records = selectedClusters(stateDir, parsed.positionals, flagBool(parsed, 'all', false));
    const mergeDefault = flagBool(parsed, 'kubeconfig-merge-default', false);
    const output = flagString(parsed, 'output');
    const switchContext = flagBool(parsed, 'kubeconfig-switch-context', true);
    const overwrite = flagBool(parsed, 'overwrite', false);
    for (const record of records) {
      const text = kubeconfigFor(record.apiUrl as string, record.name);
      if (output === '-') {
        io.stdout(text);
        continue;
      }
      const file =
        output ??
        (mergeDefault
          ? defaultKubeconfigPath(io.env)
          : standaloneKubeconfigPath(stateDir, record.name));
      mergeKubeconfig(file, text, { switchContext, overwrite });
      io.stdout(`${file}\n`);
    }
    return 0;
  }
  throw unknownCommand(sub, 'k3d kubeconfig', ['get', 'write', 'merge']);
}

async function imageImport(args: string[], io: StandinIo): Promise<number> {
  const parsed = parseArgs(args, [
    { name: 'cluster', short: 'c', kind: 'stringArray' },
    { name: 'keep-tarball', short: 'k', kind: 'bool' },
    { name: 'keep-tools', short: 't', kind: 'bool' },
    { name: 'mode', short: 'm', kind: 'string' },
    ...globalFlags,
  ]);
  if (parsed.positionals.length === 0)
    throw new UsageError('requires at least 1 arg(s), only received 0');
  const mode = flagString(parsed, 'mode');
  if (mode !== undefined && !['auto', 'direct', 'tools-node'].includes(mode)) {
    throw new K3dFatal(`Invalid load mode '${mode}' (auto, direct, tools-node)`);
  }
  const stateDir = stateDirFromEnv(io.env);
  const log = info(io);
  const clusterNames = flagList(parsed, 'cluster');
  const records = (clusterNames.length > 0 ? clusterNames : [K3D_DEFAULT_CLUSTER]).map((name) =>
    runningCluster(stateDir, name),
  );
  const images: string[] = [];
  const sources: ImportSource[] = [];
  const apps: Record<string, AppDescription> = {};
  for (const ref of parsed.positionals) {
    const archive = archiveSource(io.cwd, ref);
    if (archive) {
      sources.push(archive);
      continue;
    }
    const image = findImage(stateDir, ref);
    if (!image) {
      throw new K3dFatal(
        `Failed to import image(s) into cluster '${records[0]?.name}': failed to save image(s): ` +
          `Error response from daemon: No such image: ${normalizeImageRef(ref)} ` +
          '(build it with the docker stand-in first)',
      );
    }
    images.push(normalizeImageRef(ref));
    if (image.app) apps[normalizeImageRef(ref)] = image.app;
  }
  if (images.length > 0) sources.unshift(runtimeSource(images, withKnobs(io.env)));
  let errorOccurred = false;
  for (const record of records) {
    log(`Importing image(s) into cluster '${record.name}'`);
    log(`Saving ${images.length} image(s) from runtime...`);
    log('Importing images into nodes...');
    const settled = settleImport(
      sources,
      { name: record.name, nodes: nodeNames(record) },
      mode,
      io,
    );
    if (settled.failed) {
      errorOccurred = true;
      continue;
    }
    // Images loaded from an archive answer like the build they came from.
    for (const name of settled.images) {
      const app = apps[name] ?? findImage(stateDir, name)?.app;
      if (app) apps[name] = app;
    }
    await markImported(record, settled.images, apps);
    recordImportedImages(stateDir, record.name, settled.images);
    log('Removing the tarball(s) from image volume...');
  }
  if (errorOccurred) {
    io.stderr(
      'WARN[0001] At least one error occured while trying to import the image(s) into the selected cluster(s)\n',
    );
    return 1;
  }
  log(
    `Successfully imported ${parsed.positionals.length} image(s) into ${records.length} cluster(s)`,
  );
  return 0;
}

const nodeNames = (record: ClusterRecord): string[] => [
  ...Array.from({ length: record.servers }, (_, i) => `k3d-${record.name}-server-${i}`),
  ...Array.from({ length: record.agents }, (_, i) => `k3d-${record.name}-agent-${i}`),
];

/** Tells the simulated API which images its nodes now hold, and what the app in each answers. */
async function markImported(
  record: ClusterRecord,
  images: string[],
  apps: Record<string, AppDescription>,
): Promise<void> {
  const url = `${record.apiUrl}/_sim/images`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ images, apps }),
      signal: AbortSignal.timeout(IMPORT_DEADLINE_MS),
    });
  } catch (error) {
    throw new K3dFatal(
      `Failed to import image(s) into cluster '${record.name}': the simulated API at ${url} did not answer ` +
        `within ${IMPORT_DEADLINE_MS / 1000}s: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!response.ok) {
    throw new K3dFatal(
      `Failed to import image(s) into cluster '${record.name}': ${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`,
    );
  }
}
