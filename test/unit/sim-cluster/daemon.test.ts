/** The daemon entry point: state file, kubectl against it, clean exit on SIGTERM, busy lb port. */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { kubeconfigFor } from '../../sim/cluster/kubeconfig.js';
import { freePort } from './helpers.js';

const repo = resolve(import.meta.dirname, '..', '..', '..');
const daemon = join(repo, 'test', 'sim', 'cluster', 'daemon.ts');
const tsx = pathToFileURL(join(repo, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const dir = mkdtempSync(join(tmpdir(), 'sim-daemon-test-'));

function run(args: string[]): {
  exited: Promise<{ code: number | null; stderr: string }>;
  pid: number;
} {
  const child = spawn(process.execPath, ['--import', tsx, daemon, ...args], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    pid: child.pid!,
    exited: new Promise((r) => child.on('exit', (code) => r({ code, stderr }))),
  };
}

async function waitForFile(path: string, exited: Promise<unknown>): Promise<void> {
  let done = false;
  void exited.then(() => (done = true));
  for (let i = 0; i < 200 && !existsSync(path) && !done; i++)
    await new Promise((r) => setTimeout(r, 50));
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sim cluster daemon', () => {
  it('writes its state file, serves kubectl, and exits 0 on SIGTERM', async () => {
    const stateFile = join(dir, 'state.json');
    const lbPort = await freePort();
    const proc = run([
      '--name',
      'dmn',
      '--state-file',
      stateFile,
      '--lb-port',
      String(lbPort),
      '--agents',
      '1',
      '--image',
      'rancher/k3s:v1.33.2-k3s1',
    ]);
    await waitForFile(stateFile, proc.exited);
    const state = JSON.parse(readFileSync(stateFile, 'utf8'));
    expect(state).toMatchObject({
      pid: proc.pid,
      name: 'dmn',
      lbPort,
      agents: 1,
      image: 'rancher/k3s:v1.33.2-k3s1',
    });
    expect(state.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const kubeconfig = join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, kubeconfigFor(state.apiUrl, 'dmn'));
    const nodes = execFileSync(
      'kubectl',
      ['--kubeconfig', kubeconfig, '--cache-dir', join(dir, 'cache'), 'get', 'nodes', '-o', 'name'],
      { encoding: 'utf8' },
    );
    expect(nodes.trim().split('\n')).toEqual(['node/k3d-dmn-agent-0', 'node/k3d-dmn-server-0']);
    expect(readFileSync(kubeconfig, 'utf8')).toContain('current-context: k3d-dmn');
    process.kill(proc.pid, 'SIGTERM');
    expect((await proc.exited).code).toBe(0);
  });

  it('exits non-zero with a clear message when the load balancer port is taken', async () => {
    const blocker = createServer();
    const port = await new Promise<number>((r) =>
      blocker.listen(0, '127.0.0.1', () => r((blocker.address() as { port: number }).port)),
    );
    try {
      const proc = run([
        '--name',
        'busy',
        '--state-file',
        join(dir, 'busy.json'),
        '--lb-port',
        String(port),
      ]);
      const { code, stderr } = await proc.exited;
      expect(code).not.toBe(0);
      expect(stderr).toContain(`load balancer port ${port} on 127.0.0.1 is already in use`);
      expect(existsSync(join(dir, 'busy.json'))).toBe(false);
    } finally {
      blocker.close();
    }
  });
});
