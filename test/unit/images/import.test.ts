/**
 * Image import and Docker's containerd image store (k3d-io/k3d#1538): detected from `docker info`
 * (DriverStatus driver-type io.containerd.snapshotter.v1, moby daemon/containerd/service.go
 * LayerStoreStatus), then the images are saved for one platform and imported as an archive.
 * Checked against fake tools (argv) and against the docker and k3d stand-ins, which fail the
 * way k3d v5.9.0 does on that store (pkg/client/tools.go: `ctr image import --all-platforms`).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { K3d } from '../../../src/cluster/k3d.js';
import { imageStoreFromDriverStatus } from '../../../src/images/image-store.js';
import { CLASSIC_STORE_SETTING, importImages } from '../../../src/images/import.js';
import { ToolError, type ToolResult, type ToolRunner } from '../../../src/util/tool-runner.js';
import { runDocker } from '../../sim/standins/docker-cli.js';
import type { StandinIo } from '../../sim/standins/io.js';
import { getCluster } from '../../sim/standins/k3d-clusters.js';
import { runK3d } from '../../sim/standins/k3d-cli.js';
import { freePort } from '../../helpers/ports.js';

const CONTAINERD = '[["driver-type","io.containerd.snapshotter.v1"]]';
const OVERLAY2 =
  '[["Backing Filesystem","extfs"],["Supports d_type","true"],["Using metacopy","false"],["Native Overlay Diff","true"],["userxattr","false"]]';

test('the containerd image store is read from DriverStatus', () => {
  expect(imageStoreFromDriverStatus(CONTAINERD)).toBe('containerd');
  expect(imageStoreFromDriverStatus(OVERLAY2)).toBe('classic');
  expect(imageStoreFromDriverStatus('null')).toBe('classic');
  expect(imageStoreFromDriverStatus('<no value>')).toBe('classic');
});

let temp: string;
beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), 'knp-import-'));
});
afterEach(() => rmSync(temp, { recursive: true, force: true }));

function fakeTools(answer: (tool: string, args: string[]) => Partial<ToolResult> | undefined) {
  const calls: string[] = [];
  const make = (tool: string): ToolRunner => {
    const run = async (args: readonly string[]) => {
      calls.push(`${tool} ${args.join(' ')}`);
      return { exitCode: 0, stdout: '', stderr: '', ...answer(tool, [...args]) };
    };
    return {
      tool,
      run,
      async runOk(args) {
        const result = await run(args);
        if (result.exitCode !== 0) throw new ToolError(`${tool} ${args.join(' ')}`, result);
        return result;
      },
    };
  };
  return { calls, docker: make('docker'), k3d: new K3d(make('k3d'), 1) };
}

describe('importImages (argv)', () => {
  const tags = ['dev.local/app:aaaaaaa', 'dev.local/app:bbbbbbb'];
  const base = { tags, clusterName: 'knp-1', platform: 'linux/amd64' };

  test('classic store: k3d imports from the runtime, as before', async () => {
    const { calls, docker, k3d } = fakeTools((tool) =>
      tool === 'docker' ? { stdout: `${OVERLAY2}\n` } : undefined,
    );
    await importImages({ docker, k3d }, { ...base, workDir: join(temp, 'knative-action') });
    expect(calls).toEqual([
      'docker info --format {{json .DriverStatus}}',
      'k3d image import dev.local/app:aaaaaaa dev.local/app:bbbbbbb -c knp-1',
    ]);
  });

  test('containerd store: saved for this platform under RUNNER_TEMP, imported as a file in direct mode, removed', async () => {
    const { calls, docker, k3d } = fakeTools((tool, args) => {
      if (tool === 'docker' && args[0] === 'info') return { stdout: `${CONTAINERD}\n` };
      if (tool === 'docker' && args[1] === 'save')
        writeFileSync(args[args.indexOf('--output') + 1]!, 'archive');
      return undefined;
    });
    await importImages({ docker, k3d }, { ...base, workDir: join(temp, 'knative-action') });
    const archive = /--output (\S+)/.exec(calls[1] ?? '')?.[1] ?? '';
    expect(archive).toMatch(new RegExp(`^${temp}/knative-action/images-[0-9a-f-]+\\.tar$`));
    expect(calls).toEqual([
      'docker info --format {{json .DriverStatus}}',
      `docker image save --platform linux/amd64 --output ${archive} ${tags.join(' ')}`,
      `k3d image import ${archive} -c knp-1 --mode direct`,
    ]);
    expect(existsSync(archive)).toBe(false);
  });

  test('containerd store and a docker that cannot save one platform: the error names the daemon setting', async () => {
    const { docker, k3d } = fakeTools((tool, args) => {
      if (tool === 'docker' && args[0] === 'info') return { stdout: CONTAINERD };
      if (tool === 'docker' && args[1] === 'save')
        return { exitCode: 125, stderr: 'unknown flag: --platform' };
      return undefined;
    });
    const failure = importImages(
      { docker, k3d },
      { ...base, workDir: join(temp, 'knative-action') },
    );
    await expect(failure).rejects.toThrow(/containerd image store.*k3d-io\/k3d#1538/);
    await expect(failure).rejects.toThrow(/unknown flag: --platform/);
    await expect(failure).rejects.toThrow(CLASSIC_STORE_SETTING);
    expect(readdirSync(join(temp, 'knative-action'))).toEqual([]);
  });

  test('nothing to import: docker is not asked', async () => {
    const { calls, docker, k3d } = fakeTools(() => undefined);
    await importImages(
      { docker, k3d },
      { ...base, tags: [], workDir: join(temp, 'knative-action') },
    );
    expect(calls).toEqual([]);
  });
});

describe('importImages against the docker and k3d stand-ins', () => {
  const fakeDaemon = fileURLToPath(new URL('../sim-harness/fake-daemon.mjs', import.meta.url));
  let env: NodeJS.ProcessEnv;
  let log: string;

  const standin = (
    tool: string,
    main: (args: string[], io: StandinIo) => Promise<number>,
  ): ToolRunner => {
    const run = async (args: readonly string[]): Promise<ToolResult> => {
      let stdout = '';
      let stderr = '';
      const io: StandinIo = {
        env,
        cwd: temp,
        stdout: (text) => void (stdout += text),
        stderr: (text) => void (stderr += text),
      };
      let exitCode: number;
      try {
        exitCode = await main([...args], io);
      } catch (error) {
        stderr += `${(error as Error).message}\n`;
        exitCode = 1;
      }
      log += stderr;
      return { exitCode, stdout, stderr };
    };
    return {
      tool,
      run,
      async runOk(args) {
        const result = await run(args);
        if (result.exitCode !== 0) throw new ToolError(`${tool} ${args.join(' ')}`, result);
        return result;
      },
    };
  };

  beforeEach(() => {
    env = {
      SIM_STATE_DIR: join(temp, 'state'),
      SIM_CLUSTER_DAEMON: fakeDaemon,
      KUBECONFIG: join(temp, 'kubeconfig'),
      PATH: process.env.PATH,
    };
    log = '';
  });
  afterEach(async () => {
    await runK3d(['cluster', 'delete', '--all'], {
      env,
      cwd: temp,
      stdout: () => undefined,
      stderr: () => undefined,
    });
  });

  async function clusterWithImage(store: string) {
    env.SIM_DOCKER_IMAGE_STORE = store;
    const docker = standin('docker', runDocker);
    const k3dRunner = standin('k3d', runK3d);
    await k3dRunner.runOk([
      'cluster',
      'create',
      'img',
      '-p',
      `127.0.0.1:${await freePort()}:80@loadbalancer`,
      '--agents',
      '1',
    ]);
    mkdirSync(join(temp, 'app'), { recursive: true });
    writeFileSync(join(temp, 'app', 'Dockerfile'), 'FROM scratch\n');
    await docker.runOk(['build', '-t', 'dev.local/app:abc1234', 'app']);
    return { docker, k3d: new K3d(k3dRunner, 1) };
  }
  const imported = () => getCluster(env.SIM_STATE_DIR as string, 'img')?.importedImages;

  test('containerd store: a plain `k3d image import` exits 0 yet loads nothing (the failure this fixes)', async () => {
    const { k3d } = await clusterWithImage('containerd');
    await k3d.importImages(['dev.local/app:abc1234'], 'img');
    expect(imported()).toEqual([]);
    expect(log).toMatch(
      /ERRO\[\d+\] failed to import images in node 'k3d-img-server-0': .*\nctr: content digest sha256:[0-9a-f]{64}: not found/,
    );
    expect(log).toContain("failed to import images in node 'k3d-img-agent-0'");
  });

  test('containerd store: importImages saves for this platform and the images reach the cluster', async () => {
    const tools = await clusterWithImage('containerd');
    await importImages(tools, {
      tags: ['dev.local/app:abc1234'],
      clusterName: 'img',
      workDir: join(temp, 'knative-action'),
    });
    expect(imported()).toEqual(['dev.local/app:abc1234']);
    expect(log).not.toContain('ERRO');
    expect(readdirSync(join(temp, 'knative-action'))).toEqual([]);
  });

  test('classic store: importImages takes the plain path and the images reach the cluster', async () => {
    const tools = await clusterWithImage('classic');
    await importImages(tools, {
      tags: ['dev.local/app:abc1234'],
      clusterName: 'img',
      workDir: join(temp, 'knative-action'),
    });
    expect(imported()).toEqual(['dev.local/app:abc1234']);
    expect(existsSync(join(temp, 'knative-action'))).toBe(false);
  });
});
