import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { CLUSTER_DAEMON, TSX_LOADER_URL } from '../paths.js';
import {
  type ClusterCreateOptions,
  type K3sArg,
  type PortMapping,
  simulatedBindings,
} from './k3d-create-options.js';
import { ensureDir, processAlive, processCommandLine, readJson, writeJsonAtomic } from './state.js';
import { freePort } from '../../helpers/ports.js';

/** What `$SIM_STATE_DIR/clusters/<name>.json` holds about one simulated cluster. */
export interface ClusterRecord {
  name: string;
  status: 'creating' | 'running';
  pid?: number;
  apiUrl?: string;
  lbPort: number;
  agentPort: number;
  /** The addresses the published ports bind (a mapping without a host IP: 0.0.0.0). */
  lbHost: string;
  agentHost: string;
  apiHost: string;
  /** The API's host port (chosen before the daemon starts when k3d picks `random`). */
  apiHostPort: number;
  servers: number;
  agents: number;
  image: string;
  ports: PortMapping[];
  k3sArgs: K3sArg[];
  apiPort?: string;
  createdAt: string;
  logFile: string;
  daemonStateFile: string;
  /** Images marked imported through `k3d image import`. */
  importedImages: string[];
  /** The daemon script started (S1's daemon unless a test sets SIM_CLUSTER_DAEMON). */
  daemonScript: string;
}

/** The daemon's ready file (S1's contract). */
interface DaemonState {
  pid: number;
  name: string;
  apiUrl: string;
  lbPort: number;
  agentPort: number;
}

const DEFAULT_CREATE_DEADLINE_MS = 60_000;
const STOP_DEADLINE_MS = 10_000;

export const clustersDir = (stateDir: string): string => ensureDir(stateDir, 'clusters');
export const clusterFile = (stateDir: string, name: string): string =>
  join(clustersDir(stateDir), `${name}.json`);

export function getCluster(stateDir: string, name: string): ClusterRecord | undefined {
  return readJson<ClusterRecord>(clusterFile(stateDir, name));
}

export function listClusters(stateDir: string): ClusterRecord[] {
  return readdirSync(clustersDir(stateDir))
    .filter((file) => file.endsWith('.json'))
    .map((file) => readJson<ClusterRecord>(join(clustersDir(stateDir), file)))
    .filter((record): record is ClusterRecord => record !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name));
}

export class ClusterExistsError extends Error {
  constructor(name: string) {
    super(`Failed to create cluster '${name}' because a cluster with that name already exists`);
  }
}

/** The daemon's ready file, or undefined while it is absent or still being written. */
function readReadyFile(file: string): DaemonState | undefined {
  try {
    const state = readJson<DaemonState>(file);
    return state && typeof state.apiUrl === 'string' ? state : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function logTail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no daemon log)';
  }
}

/**
 * Starts the cluster daemon detached (it outlives this k3d process, like k3d's containers) and
 * waits for its ready file. The record is claimed first with an exclusive create, so two
 * concurrent creates of one name cannot both succeed.
 */
export async function createCluster(
  stateDir: string,
  options: ClusterCreateOptions,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<ClusterRecord> {
  const file = clusterFile(stateDir, options.name);
  const logsDir = ensureDir(stateDir, 'logs');
  const record: ClusterRecord = {
    name: options.name,
    status: 'creating',
    lbPort: 0,
    agentPort: 0,
    lbHost: '',
    agentHost: '',
    apiHost: '',
    apiHostPort: 0,
    servers: options.servers,
    agents: options.agents,
    image: options.image,
    ports: options.ports,
    k3sArgs: options.k3sArgs,
    ...(options.apiPort !== undefined ? { apiPort: options.apiPort } : {}),
    createdAt: new Date().toISOString(),
    logFile: join(logsDir, `cluster-${options.name}.log`),
    daemonStateFile: join(ensureDir(stateDir, 'daemons'), `${options.name}.json`),
    importedImages: [],
    // Test seam: unit tests of the stand-in may start a tiny fake daemon instead of S1's.
    daemonScript: env.SIM_CLUSTER_DAEMON || CLUSTER_DAEMON,
  };
  try {
    writeFileSync(file, JSON.stringify(record, null, 2), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new ClusterExistsError(options.name);
    throw error;
  }
  try {
    const bindings = simulatedBindings(options);
    // Unmapped ports: k3d would pick a random host port; so does the sim.
    record.lbPort = bindings.loadBalancer.hostPort ?? (await freePort());
    record.agentPort = bindings.agent.hostPort ?? (await freePort());
    record.lbHost = bindings.loadBalancer.hostIp;
    record.agentHost = bindings.agent.hostIp;
    record.apiHost = bindings.api.hostIp;
    // `random`: k3d asks for a free port before it creates the nodes (cmd/util/ports.go).
    record.apiHostPort =
      bindings.api.hostPort === 'random' ? await freePort() : bindings.api.hostPort;
    rmSync(record.daemonStateFile, { force: true });

    log(`Prep: Network`);
    log(`Created network 'k3d-${options.name}' (simulated)`);
    for (let i = 0; i < options.servers; i++)
      log(`Creating node 'k3d-${options.name}-server-${i}'`);
    for (let i = 0; i < options.agents; i++) log(`Creating node 'k3d-${options.name}-agent-${i}'`);
    log(`Creating LoadBalancer 'k3d-${options.name}-serverlb'`);

    const logFd = openSync(record.logFile, 'a');
    const daemonArgs = [
      '--import',
      TSX_LOADER_URL,
      record.daemonScript,
      '--name',
      options.name,
      '--state-file',
      record.daemonStateFile,
      '--lb-port',
      String(record.lbPort),
      '--agent-port',
      String(record.agentPort),
      '--lb-host',
      record.lbHost,
      '--agent-host',
      record.agentHost,
      '--api-host',
      record.apiHost,
      '--api-port',
      String(record.apiHostPort),
      '--agents',
      String(options.agents),
      '--image',
      options.image,
    ];
    const child = spawn(process.execPath, daemonArgs, {
      detached: true,
      stdio: ['ignore', logFd, logFd],
      env,
      cwd: stateDir,
    });
    closeSync(logFd);
    let exitInfo: string | undefined;
    child.once(
      'exit',
      (code, signal) => (exitInfo = signal ? `signal ${signal}` : `exit code ${code}`),
    );
    child.once('error', (error) => (exitInfo = error.message));
    const pid = child.pid;
    if (pid === undefined)
      throw new Error(`could not start the cluster daemon: ${exitInfo ?? 'no pid'}`);
    record.pid = pid;
    writeJsonAtomic(file, record);

    const deadlineMs = options.timeoutMs ?? DEFAULT_CREATE_DEADLINE_MS;
    const deadline = Date.now() + deadlineMs;
    let state: DaemonState | undefined;
    while (!state) {
      state = readReadyFile(record.daemonStateFile);
      if (state) break;
      if (exitInfo !== undefined) {
        throw new Error(
          `Failed to create cluster '${options.name}': the cluster daemon stopped (${exitInfo}) before it was ready; ` +
            `its log (${record.logFile}):\n${logTail(record.logFile)}`,
        );
      }
      if (Date.now() > deadline) {
        throw new Error(
          `Failed to create cluster '${options.name}': not ready within ${deadlineMs / 1000}s ` +
            `(waited for ${record.daemonStateFile}); daemon log:\n${logTail(record.logFile)}`,
        );
      }
      await sleep(50);
    }
    child.unref();
    const ready: ClusterRecord = {
      ...record,
      status: 'running',
      // k3d writes the kubeconfig's server from the requested host and port (the
      // k3d.server.api.host/port labels, pkg/client/kubeconfig.go), not from what docker bound.
      apiUrl: apiUrlFor(record.apiHost, record.apiHostPort, state.apiUrl),
      lbPort: state.lbPort ?? record.lbPort,
      agentPort: state.agentPort ?? record.agentPort,
    };
    writeJsonAtomic(file, ready);
    log(`Starting servers... (simulated; API at ${state.apiUrl})`);
    return ready;
  } catch (error) {
    // Roll back, as k3d does unless --no-rollback.
    await stopDaemon(readJson<ClusterRecord>(file) ?? record);
    rmSync(file, { force: true });
    throw error;
  }
}

function apiUrlFor(host: string, port: number, daemonUrl: string): string {
  const scheme = new URL(daemonUrl).protocol;
  return `${scheme}//${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Stops a cluster's daemon and waits until it has exited (its ports closed). */
export async function stopDaemon(record: ClusterRecord): Promise<void> {
  const pid = record.pid;
  if (pid === undefined || !processAlive(pid)) return;
  // Only a process that is still our daemon (pids are reused).
  const commandLine = processCommandLine(pid);
  if (commandLine !== undefined && !commandLine.includes(record.daemonScript ?? CLUSTER_DAEMON))
    return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      try {
        process.kill(pid, signal);
      } catch {
        // already gone
      }
    }
  };
  signalGroup('SIGTERM');
  const deadline = Date.now() + STOP_DEADLINE_MS;
  while (processAlive(pid)) {
    if (Date.now() > deadline) {
      signalGroup('SIGKILL');
      await sleep(100);
      if (processAlive(pid))
        throw new Error(`cluster daemon ${pid} of '${record.name}' did not stop`);
      return;
    }
    await sleep(25);
  }
}

/** Deletes one cluster; false when there was none (k3d then logs and succeeds). */
export async function deleteCluster(stateDir: string, name: string): Promise<boolean> {
  const file = clusterFile(stateDir, name);
  const record = readJson<ClusterRecord>(file);
  if (!record) return false;
  await stopDaemon(record);
  rmSync(file, { force: true });
  rmSync(record.daemonStateFile, { force: true });
  return true;
}

export function clusterRunning(record: ClusterRecord): boolean {
  return record.status === 'running' && record.pid !== undefined && processAlive(record.pid);
}

export function recordImportedImages(stateDir: string, name: string, images: string[]): void {
  const file = clusterFile(stateDir, name);
  const record = readJson<ClusterRecord>(file);
  if (!record) return;
  writeJsonAtomic(file, {
    ...record,
    importedImages: [...new Set([...record.importedImages, ...images])],
  });
}

export const clusterExists = (stateDir: string, name: string): boolean =>
  existsSync(clusterFile(stateDir, name));
