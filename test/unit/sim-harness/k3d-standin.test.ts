import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDocker } from '../../sim/standins/docker-cli.js';
import type { StandinIo } from '../../sim/standins/io.js';
import { getCluster, listClusters } from '../../sim/standins/k3d-clusters.js';
import { runK3d } from '../../sim/standins/k3d-cli.js';
import { processAlive } from '../../sim/standins/state.js';
import { connect } from 'node:net';
import { k3dCreateArgs } from '../../../src/cluster/k3d.js';
import { close, freePort, listen, portIsFree, portOf } from '../../helpers/ports.js';
import { externalIPv4, listeningAddresses } from './listening.js';

const fakeDaemon = fileURLToPath(new URL('./fake-daemon.mjs', import.meta.url));

let root: string;
let env: NodeJS.ProcessEnv;
let out: string;
let err: string;
const io = (): StandinIo => ({
  env,
  cwd: root,
  stdout: (text) => void (out += text),
  stderr: (text) => void (err += text),
});
const k3d = (...args: string[]) => runK3d(args, io());

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sim-k3d-test-'));
  env = {
    SIM_STATE_DIR: join(root, 'state'),
    SIM_CLUSTER_DAEMON: fakeDaemon,
    KUBECONFIG: join(root, 'kube', 'config'),
    PATH: process.env.PATH,
  };
  out = '';
  err = '';
});
afterEach(async () => {
  await runK3d(['cluster', 'delete', '--all'], io());
  rmSync(root, { recursive: true, force: true });
});

describe('k3d stand-in with a fake daemon', () => {
  it('creates a cluster, records it, updates and switches the kubeconfig, deletes it', async () => {
    const lbPort = await freePort();
    const agentPort = await freePort();
    expect(
      await k3d(
        'cluster',
        'create',
        'demo',
        '-p',
        `${lbPort}:80@loadbalancer`,
        '--port',
        `${agentPort}:30080@agent:0`,
        '--agents',
        '2',
      ),
    ).toBe(0);
    const record = getCluster(env.SIM_STATE_DIR as string, 'demo');
    expect(record).toMatchObject({
      name: 'demo',
      status: 'running',
      lbPort,
      agentPort,
      agents: 2,
      servers: 1,
    });
    expect(processAlive(record?.pid as number)).toBe(true);
    expect(await portIsFree(lbPort)).toBe(false);

    const kubeconfig = parse(readFileSync(env.KUBECONFIG as string, 'utf8'));
    expect(kubeconfig['current-context']).toBe('k3d-demo');
    expect(kubeconfig.clusters[0].cluster.server).toBe(record?.apiUrl);

    out = '';
    expect(await k3d('cluster', 'list', '-o', 'json')).toBe(0);
    const listed = JSON.parse(out);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      name: 'demo',
      serversCount: 1,
      agentsCount: 2,
      agentsRunning: 2,
    });
    expect(listed[0].nodes.map((n: { role: string }) => n.role)).toEqual([
      'server',
      'agent',
      'agent',
      'loadbalancer',
    ]);

    expect(await k3d('cluster', 'delete', 'demo')).toBe(0);
    expect(processAlive(record?.pid as number)).toBe(false);
    expect(await portIsFree(lbPort)).toBe(true);
    expect(listClusters(env.SIM_STATE_DIR as string)).toEqual([]);
    const after = parse(readFileSync(env.KUBECONFIG as string, 'utf8'));
    expect(after.contexts).toEqual([]);
    expect(after['current-context']).toBe('');
  });

  it('refuses a duplicate name, and leaves the kubeconfig alone when told to', async () => {
    const lbPort = await freePort();
    expect(
      await k3d(
        'cluster',
        'create',
        'one',
        '-p',
        `${lbPort}:80@loadbalancer`,
        '--kubeconfig-update-default=false',
      ),
    ).toBe(0);
    expect(existsSync(env.KUBECONFIG as string)).toBe(false);
    await expect(
      k3d('cluster', 'create', 'one', '-p', `${await freePort()}:80@loadbalancer`),
    ).rejects.toThrow(
      "Failed to create cluster 'one' because a cluster with that name already exists",
    );
    expect(listClusters(env.SIM_STATE_DIR as string)).toHaveLength(1);
  });

  it('fails with the daemon log when the load balancer port is taken, leaving no record', async () => {
    const blocker = await listen(0);
    try {
      await expect(
        k3d('cluster', 'create', 'busy', '-p', `${portOf(blocker)}:80@loadbalancer`),
      ).rejects.toThrow(/daemon stopped \(exit code 1\)[\s\S]*is taken/);
      expect(listClusters(env.SIM_STATE_DIR as string)).toEqual([]);
    } finally {
      await close(blocker);
    }
  });

  it('deleting a missing cluster logs and succeeds, as k3d does', async () => {
    expect(await k3d('cluster', 'delete', 'ghost')).toBe(0);
    expect(err).toContain('No clusters found');
  });

  it('imports only images the docker stand-in built, and tells the cluster', async () => {
    expect(await k3d('cluster', 'create', 'img', '-p', `${await freePort()}:80@loadbalancer`)).toBe(
      0,
    );
    await expect(k3d('image', 'import', 'dev.local/app:abc1234', '-c', 'img')).rejects.toThrow(
      /No such image: dev\.local\/app:abc1234/,
    );
    mkdirSync(join(root, 'app'));
    writeFileSync(join(root, 'app', 'Dockerfile'), 'FROM scratch\n');
    expect(await runDocker(['build', '-t', 'dev.local/app:abc1234', 'app'], io())).toBe(0);
    expect(await k3d('image', 'import', 'dev.local/app:abc1234', '--cluster', 'img')).toBe(0);
    const record = getCluster(env.SIM_STATE_DIR as string, 'img');
    expect(readFileSync(`${record?.daemonStateFile}.images`, 'utf8').trim()).toBe(
      'dev.local/app:abc1234',
    );
    expect(record?.importedImages).toEqual(['dev.local/app:abc1234']);
    await expect(k3d('image', 'import', 'dev.local/app:abc1234', '-c', 'nope')).rejects.toThrow(
      /failed to get cluster nope/,
    );
  });

  it('prints and writes kubeconfigs', async () => {
    expect(
      await k3d(
        'cluster',
        'create',
        'kc',
        '-p',
        `${await freePort()}:80@loadbalancer`,
        '--kubeconfig-update-default=false',
      ),
    ).toBe(0);
    out = '';
    expect(await k3d('kubeconfig', 'get', 'kc')).toBe(0);
    expect(parse(out)['current-context']).toBe('k3d-kc');
    out = '';
    const target = join(root, 'out', 'kc.yaml');
    expect(await k3d('kubeconfig', 'write', 'kc', '--output', target)).toBe(0);
    expect(out.trim()).toBe(target);
    expect(parse(readFileSync(target, 'utf8')).contexts[0].name).toBe('k3d-kc');
    out = '';
    expect(await k3d('kubeconfig', 'merge', 'kc', '--kubeconfig-merge-default')).toBe(0);
    expect(out.trim()).toBe(env.KUBECONFIG);
  });

  it('reports its version and rejects unknown commands and missing state', async () => {
    expect(await runK3d(['version'], { ...io(), env: { ...env, SIM_K3D_VERSION: 'v5.9.0' } })).toBe(
      0,
    );
    expect(out).toContain('k3d version v5.9.0');
    await expect(k3d('node', 'list')).rejects.toThrow(/unknown command "node" for "k3d"/);
    await expect(k3d('cluster', 'start', 'x')).rejects.toThrow(
      /unknown command "start" for "k3d cluster"/,
    );
    await expect(runK3d(['cluster', 'list'], { ...io(), env: {} })).rejects.toThrow(
      /SIM_STATE_DIR is not set/,
    );
  });
});

/** Whether a TCP connection to host:port is accepted (then closed at once). */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

describe('k3d stand-in: where published ports bind (k3d v5.9.0 + docker nat.ParsePortSpec)', () => {
  it("the action's arguments publish the load balancer, agent and API ports on 127.0.0.1 only", async () => {
    const [lbPort, agentPort] = [await freePort(), await freePort()];
    const args = k3dCreateArgs({
      name: 'local',
      k3sImage: 'rancher/k3s:v1.34.8-k3s1',
      agents: 2,
      loadBalancerPort: lbPort,
      agentPort,
      extraArgs: [],
    });
    expect(await k3d(...args)).toBe(0);
    const record = getCluster(env.SIM_STATE_DIR as string, 'local')!;
    expect(record).toMatchObject({
      lbHost: '127.0.0.1',
      agentHost: '127.0.0.1',
      apiHost: '127.0.0.1',
    });
    // The kernel's socket tables: nothing listens on another address.
    expect(listeningAddresses(lbPort)).toEqual(['127.0.0.1']);
    expect(listeningAddresses(agentPort)).toEqual(['127.0.0.1']);
    expect(listeningAddresses(record.apiHostPort)).toEqual(['127.0.0.1']);
    expect(record.apiUrl).toBe(`http://127.0.0.1:${record.apiHostPort}`);
    const external = externalIPv4();
    if (external) {
      expect(await accepts(external, lbPort)).toBe(false);
      expect(await accepts(external, record.apiHostPort)).toBe(false);
    }
    expect(await accepts('127.0.0.1', lbPort)).toBe(true);

    out = '';
    await k3d('cluster', 'list', 'local', '-o', 'json');
    const lb = JSON.parse(out)[0].nodes.find((n: { role: string }) => n.role === 'loadbalancer');
    expect(lb.portMappings).toEqual({
      '6443/tcp': [{ HostIp: '127.0.0.1', HostPort: String(record.apiHostPort) }],
      '80/tcp': [{ HostIp: '127.0.0.1', HostPort: String(lbPort) }],
      '30080/tcp': [{ HostIp: '127.0.0.1', HostPort: String(agentPort) }],
    });
  });

  it('without a host IP, as docker does, the ports are open on every interface', async () => {
    const [lbPort, agentPort] = [await freePort(), await freePort()];
    expect(
      await k3d(
        'cluster',
        'create',
        'open',
        '-p',
        `${lbPort}:80@loadbalancer`,
        '--port',
        `${agentPort}:30080@agent:0`,
        '--agents',
        '1',
      ),
    ).toBe(0);
    const record = getCluster(env.SIM_STATE_DIR as string, 'open')!;
    expect(listeningAddresses(lbPort)).toEqual(['0.0.0.0']);
    expect(listeningAddresses(agentPort)).toEqual(['0.0.0.0']);
    expect(listeningAddresses(record.apiHostPort)).toEqual(['0.0.0.0']);
    const external = externalIPv4();
    if (external) expect(await accepts(external, lbPort)).toBe(true);
  });

  it("an API port of 0 is bound, but k3d's kubeconfig names port 0 (why the action asks for random)", async () => {
    expect(
      await k3d(
        'cluster',
        'create',
        'zero',
        '-p',
        `127.0.0.1:${await freePort()}:80@loadbalancer`,
        '--api-port',
        '127.0.0.1:0',
      ),
    ).toBe(0);
    expect(getCluster(env.SIM_STATE_DIR as string, 'zero')?.apiUrl).toBe('http://127.0.0.1:0');
  });
});

// k3d v5.9.0 pkg/client/tools.go runs `ctr image import --all-platforms` in every node; with
// Docker's containerd image store the saved index names content the store lacks (k3d-io/k3d#1538).
describe('k3d stand-in: image import from the containerd image store', () => {
  const build = async (store: string): Promise<void> => {
    env.SIM_DOCKER_IMAGE_STORE = store;
    expect(
      await k3d('cluster', 'create', 'cs', '-p', `127.0.0.1:${await freePort()}:80@loadbalancer`),
    ).toBe(0);
    mkdirSync(join(root, 'app'));
    writeFileSync(join(root, 'app', 'Dockerfile'), 'FROM scratch\n');
    expect(await runDocker(['build', '-t', 'dev.local/app:abc1234', 'app'], io())).toBe(0);
    err = '';
  };
  const imported = () => getCluster(env.SIM_STATE_DIR as string, 'cs')?.importedImages;

  it('default (tools-node) mode: each node logs the ctr failure, the command exits 0, nothing is loaded', async () => {
    await build('containerd');
    expect(await k3d('image', 'import', 'dev.local/app:abc1234', '-c', 'cs')).toBe(0);
    expect(err).toMatch(
      /ERRO\[\d+\] failed to import images in node 'k3d-cs-server-0': Exec process in node 'k3d-cs-server-0' failed with exit code '1': Logs from failed access process:\nctr: content digest sha256:[0-9a-f]{64}: not found/,
    );
    expect(imported()).toEqual([]);
  });

  it('direct mode: the failure fails the command', async () => {
    await build('containerd');
    expect(
      await k3d('image', 'import', 'dev.local/app:abc1234', '-c', 'cs', '--mode', 'direct'),
    ).toBe(1);
    expect(err).toMatch(
      /ERRO\[\d+\] Failed to import image\(s\) into cluster 'cs': could not load image/,
    );
    expect(err).toContain('WARN[0001] At least one error occured');
    expect(imported()).toEqual([]);
  });

  it('an archive saved for one platform imports; one saved with the whole index fails like the runtime path', async () => {
    await build('containerd');
    const platform = `linux/${process.arch === 'x64' ? 'amd64' : process.arch}`;
    const save = (file: string, ...flags: string[]) =>
      runDocker(['image', 'save', ...flags, '-o', file, 'dev.local/app:abc1234'], io());
    expect(await save('whole.tar')).toBe(0);
    expect(
      await k3d('image', 'import', join(root, 'whole.tar'), '-c', 'cs', '--mode', 'direct'),
    ).toBe(1);
    expect(imported()).toEqual([]);
    expect(await save('one.tar', '--platform', platform)).toBe(0);
    expect(await k3d('image', 'import', 'one.tar', '-c', 'cs', '--mode', 'direct')).toBe(0);
    expect(imported()).toEqual(['dev.local/app:abc1234']);
  });

  it('a file that is not an image archive is refused by ctr', async () => {
    await build('classic');
    writeFileSync(join(root, 'junk.tar'), 'not an archive');
    expect(await k3d('image', 'import', 'junk.tar', '-c', 'cs', '--mode', 'direct')).toBe(1);
    expect(err).toContain('ctr: unrecognized image format');
  });

  it('the classic store imports from the runtime, in either mode', async () => {
    await build('classic');
    expect(await k3d('image', 'import', 'dev.local/app:abc1234', '-c', 'cs')).toBe(0);
    expect(imported()).toEqual(['dev.local/app:abc1234']);
    expect(err).not.toContain('ERRO');
  });
});
