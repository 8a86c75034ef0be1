import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Mirror,
  type MirrorOptions,
  findKubectl,
  startMirror,
} from '../../sim/mirror/server.js';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

let scratch: string;
let fakeKubectl: string;
let mirror: Mirror | undefined;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'sim-mirror-test-'));
  fakeKubectl = join(scratch, 'kubectl');
  writeFileSync(fakeKubectl, 'pretend kubectl bytes');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(async () => {
  await mirror?.stop();
  mirror = undefined;
});

/** Release YAML stand-in: knows 1.22.1 only, like a release host that has one release. */
function fakeRelease(file: string, version: string): string {
  if (version !== '1.22.1') throw new Error(`unknown release ${version}`);
  return `# ${file} ${version}\nkind: List\n`;
}

async function start(env: NodeJS.ProcessEnv = {}, extra: MirrorOptions = {}): Promise<Mirror> {
  mirror = await startMirror({
    env,
    kubectlPath: fakeKubectl,
    releaseAsset: fakeRelease,
    ...extra,
  });
  return mirror;
}

const get = async (base: Mirror, path: string) => {
  const response = await fetch(`${base.url}${path}`);
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
};

function checksumFor(list: string, name: string): string | undefined {
  return list
    .split('\n')
    .map((line) => line.split(/\s+/))
    .find((parts) => parts[1] === name)?.[0];
}

describe('release mirror', () => {
  it('serves a k3d launcher whose sha256 is in checksums.txt, for amd64 and arm64', async () => {
    const m = await start();
    const list = (
      await get(m, '/k3d-io/k3d/releases/download/v5.9.0/checksums.txt')
    ).body.toString();
    for (const arch of ['amd64', 'arm64']) {
      const binary = await get(m, `/k3d-io/k3d/releases/download/v5.9.0/k3d-linux-${arch}`);
      expect(binary.status).toBe(200);
      expect(binary.body.toString()).toMatch(/^#!\/usr\/bin\/env bash\n.*SIMULATED/);
      expect(checksumFor(list, `_dist/k3d-linux-${arch}`)).toBe(sha256(binary.body));
    }
    // The real list names other builds too; none share the served hash.
    const armHash = checksumFor(list, '_dist/k3d-linux-arm');
    expect(armHash).toMatch(/^[0-9a-f]{64}$/);
    expect(list).toContain('_dist/k3d-darwin-arm64');
    expect(armHash).not.toBe(checksumFor(list, '_dist/k3d-linux-amd64'));
  });

  it('serves the launcher that works when copied elsewhere and reports its version', async () => {
    const m = await start();
    const binary = await get(m, '/k3d-io/k3d/releases/download/v5.8.3/k3d-linux-amd64');
    const copy = join(scratch, 'k3d');
    writeFileSync(copy, binary.body);
    chmodSync(copy, 0o755);
    const output = execFileSync(copy, ['version'], { cwd: tmpdir(), encoding: 'utf8' });
    expect(output).toContain('k3d version v5.8.3');
  });

  it('serves Knative release files with a matching checksums.txt per project', async () => {
    const m = await start();
    for (const [repo, files] of [
      ['serving', ['serving-crds.yaml', 'serving-core.yaml']],
      ['net-contour', ['contour.yaml', 'net-contour.yaml']],
    ] as const) {
      const base = `/knative/${repo}/releases/download/knative-v1.22.1`;
      const list = (await get(m, `${base}/checksums.txt`)).body.toString();
      for (const file of files) {
        const asset = await get(m, `${base}/${file}`);
        expect(asset.body.toString()).toBe(fakeRelease(file, '1.22.1'));
        expect(checksumFor(list, file)).toBe(sha256(asset.body));
      }
    }
  });

  it('serves kubectl and its bare sha256, as dl.k8s.io does', async () => {
    const m = await start();
    const binary = await get(m, '/release/v1.34.2/bin/linux/amd64/kubectl');
    expect(binary.body.toString()).toBe('pretend kubectl bytes');
    const hash = await get(m, '/release/v1.34.2/bin/linux/amd64/kubectl.sha256');
    expect(hash.body.toString()).toBe(sha256('pretend kubectl bytes'));
  });

  it('answers 404 for unknown versions and paths', async () => {
    const m = await start();
    for (const path of [
      '/k3d-io/k3d/releases/download/v9.9.9/k3d-linux-amd64',
      '/k3d-io/k3d/releases/download/v5.9.0/k3d-darwin-arm64',
      '/knative/serving/releases/download/knative-v1.99.0/serving-core.yaml',
      '/knative/serving/releases/download/knative-v1.22.1/contour.yaml',
      '/release/latest/bin/linux/amd64/kubectl',
      '/release/v1.34.2/bin/windows/amd64/kubectl.exe',
      '/',
    ]) {
      expect((await get(m, path)).status, path).toBe(404);
    }
  });

  it('SIM_MIRROR_FAIL_FIRST answers 503 to the first N requests, and stats count them', async () => {
    const m = await start({ SIM_MIRROR_FAIL_FIRST: '2' });
    const path = '/k3d-io/k3d/releases/download/v5.9.0/checksums.txt';
    expect((await get(m, path)).status).toBe(503);
    expect((await get(m, path)).status).toBe(503);
    expect((await get(m, path)).status).toBe(200);
    const stats = (await (await fetch(`${m.url}/_mirror/stats`)).json()) as {
      total: number;
      byPath: object;
    };
    expect(stats).toEqual({ total: 3, byPath: { [path]: 3 } });
    expect(m.stats().total).toBe(3);
  });

  it('SIM_MIRROR_BAD_CHECKSUM puts a wrong hash in that project only', async () => {
    const m = await start({ SIM_MIRROR_BAD_CHECKSUM: 'k3d' });
    const list = (
      await get(m, '/k3d-io/k3d/releases/download/v5.9.0/checksums.txt')
    ).body.toString();
    const binary = await get(m, '/k3d-io/k3d/releases/download/v5.9.0/k3d-linux-amd64');
    expect(checksumFor(list, '_dist/k3d-linux-amd64')).toMatch(/^[0-9a-f]{64}$/);
    expect(checksumFor(list, '_dist/k3d-linux-amd64')).not.toBe(sha256(binary.body));
    const base = '/knative/serving/releases/download/knative-v1.22.1';
    const knativeList = (await get(m, `${base}/checksums.txt`)).body.toString();
    expect(checksumFor(knativeList, 'serving-core.yaml')).toBe(
      sha256((await get(m, `${base}/serving-core.yaml`)).body),
    );
    await m.stop();

    mirror = await start({ SIM_MIRROR_BAD_CHECKSUM: 'knative' });
    const badList = (await get(mirror, `${base}/checksums.txt`)).body.toString();
    expect(checksumFor(badList, 'serving-core.yaml')).not.toBe(
      sha256((await get(mirror, `${base}/serving-core.yaml`)).body),
    );
  });

  it('rejects malformed fault knobs at start', async () => {
    await expect(start({ SIM_MIRROR_BAD_CHECKSUM: 'docker' })).rejects.toThrow(
      /k3d, knative or kubectl/,
    );
    await expect(start({ SIM_MIRROR_FAIL_FIRST: 'many' })).rejects.toThrow(/whole number/);
  });

  it("finds the machine's kubectl on PATH and serves its real hash", async () => {
    const real = findKubectl(process.env);
    const m = await start({}, { kubectlPath: real });
    const hash = await get(m, '/release/v1.34.2/bin/linux/amd64/kubectl.sha256');
    expect(hash.body.toString()).toBe(sha256(readFileSync(real)));
  });

  it('stops listening when stopped', async () => {
    const m = await start();
    const url = m.url;
    await m.stop();
    mirror = undefined;
    await expect(fetch(`${url}/_mirror/stats`)).rejects.toThrow();
  });

  it("serves the cluster core's release YAML by default, with matching checksums", async () => {
    mirror = await startMirror({ env: {}, kubectlPath: fakeKubectl });
    const base = '/knative-extensions/net-contour/releases/download/knative-v1.22.1';
    const list = (await get(mirror, `${base}/checksums.txt`)).body.toString();
    const yaml = await get(mirror, `${base}/net-contour.yaml`);
    expect(yaml.body.toString()).toContain('Simulated');
    expect(checksumFor(list, 'net-contour.yaml')).toBe(sha256(yaml.body));
  });
});
