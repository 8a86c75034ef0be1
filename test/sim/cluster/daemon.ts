/**
 * The simulated cluster as a process (what the k3d stand-in starts):
 *   node --import tsx daemon.ts --name NAME --state-file FILE --lb-port 8081
 *        [--agent-port 8082] [--agents 2] [--image rancher/k3s:v1.34.8-k3s1]
 *        [--lb-host IP] [--agent-host IP] [--api-host IP] [--api-port PORT]
 * Each published port binds the given address (default 127.0.0.1), as docker publishes k3d's
 * port mappings. The agent port is held but answers nothing: no NodePort service is simulated.
 * Writes FILE (JSON: pid, name, apiUrl, lbPort, agentPort, agents, image) once serving, and
 * runs until SIGTERM/SIGINT.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { parseArgs } from 'node:util';
import { startSimCluster } from './index.js';

function fail(message: string): never {
  process.stderr.write(`sim cluster daemon: ${message}\n`);
  process.exit(2);
}

function port(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 65535)
    fail(`${flag} must be a port number, got '${value}'`);
  return n;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        name: { type: 'string' },
        'state-file': { type: 'string' },
        'lb-port': { type: 'string' },
        'agent-port': { type: 'string' },
        'lb-host': { type: 'string' },
        'agent-host': { type: 'string' },
        'api-host': { type: 'string' },
        'api-port': { type: 'string' },
        agents: { type: 'string' },
        image: { type: 'string' },
      },
      strict: true,
    }));
  } catch (err) {
    fail((err as Error).message);
  }
  const name = values.name ?? fail('--name is required');
  const stateFile = values['state-file'] ?? fail('--state-file is required');
  const lbPort = port(values['lb-port'], '--lb-port') ?? fail('--lb-port is required');
  const agentPort = port(values['agent-port'], '--agent-port');
  const agents = values.agents === undefined ? 0 : Number(values.agents);
  if (!Number.isInteger(agents) || agents < 0)
    fail(`--agents must be a whole number, got '${values.agents}'`);
  const image = values.image ?? 'rancher/k3s:v1.34.8-k3s1';

  const apiPort = values['api-port'] === '0' ? 0 : port(values['api-port'], '--api-port');
  let cluster;
  let agentListener: Server | undefined;
  try {
    cluster = await startSimCluster({
      name,
      lbPort,
      agentPort,
      agents,
      image,
      ...(values['lb-host'] ? { lbHost: values['lb-host'] } : {}),
      ...(values['api-host'] ? { apiHost: values['api-host'] } : {}),
      ...(apiPort !== undefined ? { apiPort } : {}),
    });
    if (agentPort !== undefined)
      agentListener = await holdPort(agentPort, values['agent-host'] ?? '127.0.0.1');
  } catch (err) {
    fail(`cannot start cluster "${name}": ${(err as Error).message}`);
  }
  const state = {
    pid: process.pid,
    name,
    apiUrl: cluster.apiUrl,
    lbPort,
    agentPort: agentPort ?? null,
    agents,
    image,
  };
  const tmp = `${stateFile}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(tmp, stateFile);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    agentListener?.close();
    cluster
      .stop()
      .then(() => process.exit(0))
      .catch((err: unknown) => fail(`stop failed: ${(err as Error).message}`));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/** Binds host:port and drops every connection (the NodePort behind it is not simulated). */
function holdPort(portNumber: number, host: string): Promise<Server> {
  const server = createServer((socket) => socket.destroy());
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`agent port ${portNumber} on ${host} is already in use`)
          : err,
      ),
    );
    server.listen(portNumber, host, () => resolve(server));
  });
}

void main();
