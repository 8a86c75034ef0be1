import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderTemplate, runDocker } from '../../sim/standins/docker-cli.js';
import { findImage, listImages, normalizeImageRef } from '../../sim/standins/image-store.js';
import { hostPlatform, readArchive } from '../../sim/standins/image-archive.js';
import type { StandinIo } from '../../sim/standins/io.js';

let root: string;
let stateDir: string;
let out: string;
let err: string;

function io(): StandinIo {
  return {
    env: { SIM_STATE_DIR: stateDir },
    cwd: root,
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
  };
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sim-docker-test-'));
  stateDir = join(root, 'state');
  out = '';
  err = '';
  mkdirSync(join(root, 'app'));
  writeFileSync(
    join(root, 'app', 'Dockerfile'),
    'FROM node:20-alpine\nCOPY . .\nCMD ["node", "server.js"]\n',
  );
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('docker stand-in', () => {
  it('records a build under every tag it was given', async () => {
    const code = await runDocker(
      [
        'build',
        '-t',
        'dev.local/hello:abc1234',
        '--tag',
        'dev.local/hello:base',
        '--build-arg',
        'A=1',
        '--label',
        'x=y',
        'app',
      ],
      io(),
    );
    expect(code).toBe(0);
    const [image] = listImages(stateDir);
    expect(image?.tags).toEqual(['dev.local/hello:abc1234', 'dev.local/hello:base']);
    expect(image?.buildArgs).toEqual({ A: '1' });
    expect(image?.labels).toEqual({ x: 'y' });
    expect(err).toContain('naming to dev.local/hello:abc1234 done');
    expect(findImage(stateDir, 'dev.local/hello:base')?.id).toBe(image?.id);
  });

  it('fails when the context or the Dockerfile is missing, recording nothing', async () => {
    expect(await runDocker(['build', '-t', 'dev.local/a:1', 'nowhere'], io())).toBe(1);
    expect(err).toContain('path "nowhere" not found');
    expect(
      await runDocker(['build', '-t', 'dev.local/a:1', '-f', 'app/Other.Dockerfile', 'app'], io()),
    ).toBe(1);
    expect(err).toContain('failed to read dockerfile');
    expect(listImages(stateDir)).toEqual([]);
  });

  it('tags, inspects and lists images; a missing image is an error', async () => {
    await runDocker(['build', '-q', '-t', 'dev.local/hello:one', 'app'], io());
    expect(await runDocker(['tag', 'dev.local/hello:one', 'dev.local/hello:two'], io())).toBe(0);
    out = '';
    expect(await runDocker(['images', '--format', '{{.Repository}}:{{.Tag}}'], io())).toBe(0);
    expect(out.trim().split('\n').sort()).toEqual(['dev.local/hello:one', 'dev.local/hello:two']);
    out = '';
    expect(
      await runDocker(
        ['image', 'inspect', '--format', '{{json .RepoTags}}', 'dev.local/hello:two'],
        io(),
      ),
    ).toBe(0);
    expect(JSON.parse(out)).toEqual(['dev.local/hello:one', 'dev.local/hello:two']);
    expect(await runDocker(['image', 'inspect', 'dev.local/nope:1'], io())).toBe(1);
    expect(err).toContain('No such image: dev.local/nope:1');
    expect(await runDocker(['tag', 'dev.local/nope:1', 'x:y'], io())).toBe(1);
  });

  it('answers version and info, and names unsupported commands', async () => {
    expect(await runDocker(['version', '--format', '{{.Server.Version}}'], io())).toBe(0);
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(await runDocker(['info'], io())).toBe(0);
    await expect(runDocker(['run', 'busybox'], io())).rejects.toThrow(
      /docker run: not supported by the simulated docker/,
    );
    await expect(runDocker(['build', '--squash', 'app'], io())).rejects.toThrow(
      /unknown flag: --squash/,
    );
  });

  it('requires SIM_STATE_DIR', async () => {
    await expect(runDocker(['images'], { ...io(), env: {} })).rejects.toThrow(
      /SIM_STATE_DIR is not set/,
    );
  });
});

describe("Docker's image store (SIM_DOCKER_IMAGE_STORE) and docker image save", () => {
  const withStore = (store?: string): StandinIo => ({
    ...io(),
    env: { SIM_STATE_DIR: stateDir, ...(store ? { SIM_DOCKER_IMAGE_STORE: store } : {}) },
  });

  // moby daemon/containerd/service.go LayerStoreStatus: [["driver-type", "io.containerd.snapshotter.v1"]].
  it('info reports the containerd store as DriverStatus driver-type io.containerd.snapshotter.v1', async () => {
    expect(
      await runDocker(['info', '--format', '{{json .DriverStatus}}'], withStore('containerd')),
    ).toBe(0);
    expect(JSON.parse(out)).toEqual([['driver-type', 'io.containerd.snapshotter.v1']]);
    out = '';
    expect(await runDocker(['info'], withStore('containerd'))).toBe(0);
    expect(out).toContain(
      ' Storage Driver: overlayfs\n  driver-type: io.containerd.snapshotter.v1\n',
    );
    out = '';
    expect(
      await runDocker(['info', '--format', '{{.Driver}} {{json .DriverStatus}}'], withStore()),
    ).toBe(0);
    expect(out).toMatch(/^overlay2 \[\["Backing Filesystem","extfs"\]/);
    await expect(runDocker(['info'], withStore('zfs'))).rejects.toThrow(
      /SIM_DOCKER_IMAGE_STORE must be containerd or classic, got "zfs"/,
    );
  });

  it('save writes an archive record: images, the store it came from and the platform filter', async () => {
    expect(await runDocker(['build', '-t', 'dev.local/hello:abc1234', 'app'], io())).toBe(0);
    const platform = hostPlatform();
    expect(
      await runDocker(
        ['image', 'save', '--platform', platform, '-o', 'one.tar', 'dev.local/hello:abc1234'],
        withStore('containerd'),
      ),
    ).toBe(0);
    expect(readArchive(join(root, 'one.tar'))).toEqual({
      simulatedDockerArchive: 1,
      images: ['dev.local/hello:abc1234'],
      store: 'containerd',
      platforms: [platform],
    });
    expect(
      await runDocker(['save', '--output', 'all.tar', 'dev.local/hello:abc1234'], withStore()),
    ).toBe(0);
    expect(readArchive(join(root, 'all.tar'))).toEqual({
      simulatedDockerArchive: 1,
      images: ['dev.local/hello:abc1234'],
      store: 'classic',
    });
  });

  it('save refuses a missing image, a platform the image lacks, and stdout', async () => {
    expect(await runDocker(['save', '-o', 'x.tar', 'dev.local/none:1'], io())).toBe(1);
    expect(err).toContain('No such image: dev.local/none:1');
    expect(await runDocker(['build', '-t', 'dev.local/hello:abc1234', 'app'], io())).toBe(0);
    err = '';
    expect(
      await runDocker(
        ['save', '--platform', 'linux/s390x', '-o', 'x.tar', 'dev.local/hello:abc1234'],
        io(),
      ),
    ).toBe(1);
    expect(err).toMatch(
      /no suitable export target found: .*does not provide the specified platform \(linux\/s390x\)/,
    );
    await expect(runDocker(['save', 'dev.local/hello:abc1234'], io())).rejects.toThrow(
      /use --output/,
    );
  });
});

describe('image names and templates', () => {
  it("normalises docker's short forms", () => {
    expect(normalizeImageRef('busybox')).toBe('busybox:latest');
    expect(normalizeImageRef('docker.io/library/busybox:1')).toBe('busybox:1');
    expect(normalizeImageRef('localhost:5000/app')).toBe('localhost:5000/app:latest');
  });
  it('renders the Go template subset', () => {
    expect(renderTemplate('{{.A.B}}-{{json .C}}', { A: { B: 1 }, C: ['x'] })).toBe('1-["x"]');
  });
});
