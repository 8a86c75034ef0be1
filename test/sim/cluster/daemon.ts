/**
 * The simulated cluster as a process (what the k3d stand-in starts):
 *   node --import tsx daemon.ts --name NAME --state-file FILE --lb-port 8081
 *        [--agent-port 8082] [--agents 2] [--image rancher/k3s:v1.34.8-k3s1]
 * Writes FILE (JSON: pid, name, apiUrl, lbPort, agentPort, agents, image) once serving, and
 * runs until SIGTERM/SIGINT.
 */
import { renameSync, writeFileSync } from 'node:fs';
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

  let cluster;
  try {
    cluster = await startSimCluster({ name, lbPort, agentPort, agents, image });
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
    cluster
      .stop()
      .then(() => process.exit(0))
      .catch((err: unknown) => fail(`stop failed: ${(err as Error).message}`));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
