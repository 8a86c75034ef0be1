import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim } from '../../sim/harness.js';
import { SIM_BIN_DIR } from '../../sim/paths.js';
import { getCluster } from '../../sim/standins/k3d-clusters.js';
import { processAlive } from '../../sim/standins/state.js';
import { freePort, portIsFree } from '../../helpers/ports.js';
import { k3dCreateArgs } from '../../../src/cluster/k3d.js';
import { listeningAddresses } from './listening.js';

const run = promisify(execFile);
const fakeDaemon = fileURLToPath(new URL('./fake-daemon.mjs', import.meta.url));

let workdir: string;
beforeAll(() => {
  // A folder outside the repo: the stand-ins on PATH must work from any working directory.
  workdir = mkdtempSync(join(tmpdir(), 'sim-harness-cwd-'));
});
afterAll(() => rmSync(workdir, { recursive: true, force: true }));

describe('startSim', () => {
  it('gives the action its environment: stand-ins first on PATH, private dirs, mirror as input', async () => {
    const sim = await startSim({
      env: { PATH: '/usr/bin:/bin', SIM_READY_DELAY_S: '3', UNRELATED: 'x' },
    });
    try {
      // The stand-ins come first on PATH, as wrappers that carry the state dir and the knobs'
      // file with them: the action hands tools an allow-listed environment without SIM_*.
      const binDir = sim.env.PATH?.split(':')[0] ?? '';
      expect(binDir).toBe(join(sim.stateDir, '..', 'bin'));
      for (const tool of ['k3d', 'docker']) {
        const wrapper = readFileSync(join(binDir, tool), 'utf8');
        expect(wrapper).toContain(`SIM_STATE_DIR='${sim.stateDir}'`);
        expect(wrapper).toContain(join(SIM_BIN_DIR, tool));
      }
      expect(JSON.parse(readFileSync(join(sim.stateDir, 'knobs.json'), 'utf8'))).toEqual({
        SIM_READY_DELAY_S: '3',
      });
      expect(sim.env['INPUT_RELEASE-MIRROR']).toBe(sim.mirrorUrl);
      expect(sim.env.SIM_STATE_DIR).toBe(sim.stateDir);
      expect(sim.env.SIM_READY_DELAY_S).toBe('3');
      expect(sim.env.UNRELATED).toBeUndefined();
      for (const key of ['RUNNER_TEMP', 'RUNNER_TOOL_CACHE', 'KUBECONFIG'] as const) {
        expect(sim.env[key]?.startsWith(join(sim.stateDir, '..'))).toBe(true);
      }
      expect(existsSync(sim.env.RUNNER_TEMP as string)).toBe(true);
      const stats = await fetch(`${sim.mirrorUrl}/_mirror/stats`);
      expect(stats.status).toBe(200);
    } finally {
      await sim.stop();
    }
  });

  it('stop() deletes the clusters, stops the mirror and leaves no listener or folder', async () => {
    const sim = await startSim({ env: { ...process.env, SIM_CLUSTER_DAEMON: fakeDaemon } });
    const env = { ...process.env, ...sim.env };
    const lbPort = await freePort();
    await run('k3d', ['cluster', 'create', 'h1', '-p', `${lbPort}:80@loadbalancer`, '--wait'], {
      env,
      cwd: workdir,
    });
    const record = getCluster(sim.stateDir, 'h1');
    expect(record?.status).toBe('running');
    expect(await portIsFree(lbPort)).toBe(false);
    const kubeconfig = readFileSync(sim.env.KUBECONFIG as string, 'utf8');
    expect(kubeconfig).toContain('k3d-h1');

    const mirrorPort = Number(new URL(sim.mirrorUrl).port);
    await sim.stop();
    expect(processAlive(record?.pid as number)).toBe(false);
    expect(await portIsFree(lbPort)).toBe(true);
    expect(await portIsFree(mirrorPort)).toBe(true);
    expect(existsSync(sim.stateDir)).toBe(false);
  });
});

describe('with the real cluster daemon (S1)', () => {
  it('k3d cluster create on PATH, then the real kubectl talks to it, image import, delete', async () => {
    const sim = await startSim();
    try {
      const env = { ...process.env, ...sim.env };
      const lbPort = await freePort();
      const agentPort = await freePort();
      // The action's own arguments (every port on 127.0.0.1), but merging the default kubeconfig.
      const args = k3dCreateArgs({
        name: 'real',
        k3sImage: 'rancher/k3s:v1.34.8-k3s1',
        agents: 2,
        loadBalancerPort: lbPort,
        agentPort,
        extraArgs: [],
      }).filter((arg) => !arg.startsWith('--kubeconfig-'));
      await run('k3d', args, { env, cwd: workdir });
      const record = getCluster(sim.stateDir, 'real')!;
      for (const port of [lbPort, agentPort, record.apiHostPort])
        expect(listeningAddresses(port), `port ${port}`).toEqual(['127.0.0.1']);
      const nodes = await run('kubectl', ['get', 'nodes', '-o', 'name'], { env, cwd: workdir });
      expect(nodes.stdout.trim().split('\n')).toHaveLength(3);
      const context = await run('kubectl', ['config', 'current-context'], { env, cwd: workdir });
      expect(context.stdout.trim()).toBe('k3d-real');

      await expect(
        run('k3d', ['image', 'import', 'dev.local/app:abc1234', '-c', 'real'], {
          env,
          cwd: workdir,
        }),
      ).rejects.toThrow(/No such image/);
      mkdirSync(join(workdir, 'app'), { recursive: true });
      writeFileSync(join(workdir, 'app', 'Dockerfile'), 'FROM scratch\n');
      await run('docker', ['build', '-t', 'dev.local/app:abc1234', 'app'], { env, cwd: workdir });
      await run('k3d', ['image', 'import', 'dev.local/app:abc1234', '-c', 'real'], {
        env,
        cwd: workdir,
      });

      const pid = getCluster(sim.stateDir, 'real')?.pid as number;
      await run('k3d', ['cluster', 'delete', 'real'], { env, cwd: workdir });
      expect(processAlive(pid)).toBe(false);
      expect(await portIsFree(lbPort)).toBe(true);
      expect(await portIsFree(agentPort)).toBe(true);
    } finally {
      await sim.stop();
    }
  }, 60_000);
});
