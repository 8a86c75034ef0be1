import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tc from '@actions/tool-cache';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ChecksumMismatchError } from '../../../src/install/checksums.js';
import { downloadVerified, type DownloadOptions } from '../../../src/install/downloader.js';
import { k3dArtifact, kubectlArtifact } from '../../../src/install/releases.js';
import { installK3d, ensureKubectl } from '../../../src/install/tools.js';
import { dropConnection, ReleaseServer, sha256, stallMidBody, status } from './release-server.js';

const K3D_DIR = '/k3d-io/k3d/releases/download/v5.9.0';
const AMD64 = Buffer.from('#!/bin/sh\necho k3d amd64\n');
const ARM64 = Buffer.from('#!/bin/sh\necho k3d arm64\n');
const ARM = Buffer.from('#!/bin/sh\necho k3d arm\n');
// k3d-linux-arm comes first: a prefix match would hand arm64 the wrong hash.
const K3D_CHECKSUMS = [
  `${sha256(ARM)}  _dist/k3d-linux-arm`,
  `${sha256(ARM64)}  _dist/k3d-linux-arm64`,
  `${sha256(AMD64)}  _dist/k3d-linux-amd64`,
].join('\n');

let server: ReleaseServer;
let scratch: string;
const savedEnv = { ...process.env };

beforeAll(async () => {
  server = await new ReleaseServer().start();
});
afterAll(() => server.stop());

beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'knp-dl-'));
  process.env['RUNNER_TOOL_CACHE'] = join(scratch, 'tool-cache');
  process.env['RUNNER_TEMP'] = join(scratch, 'temp');
  server.requests.length = 0;
});
afterEach(async () => {
  process.env = { ...savedEnv };
  await rm(scratch, { recursive: true, force: true });
});

const options = (
  extra: Partial<DownloadOptions> & { platform?: string; arch?: string } = {},
): DownloadOptions & { platform?: string; arch?: string } => ({
  mirror: server.base,
  deadline: Date.now() + 15_000,
  workDir: join(scratch, 'temp', 'knative-action'),
  initialDelayMs: 5,
  maxDelayMs: 20,
  ...extra,
});

describe('downloadVerified', () => {
  test('fetches through the mirror (base + original path), verifies, caches, and a second run fetches only the checksum list', async () => {
    server
      .file(`${K3D_DIR}/checksums.txt`, K3D_CHECKSUMS)
      .file(`${K3D_DIR}/k3d-linux-amd64`, AMD64);

    const first = await downloadVerified(k3dArtifact('v5.9.0', 'amd64'), options());
    expect(first.fromCache).toBe(false);
    expect(await readFile(first.path)).toEqual(AMD64);
    expect((await stat(first.path)).mode & 0o111).not.toBe(0);
    expect(server.requests).toEqual([`${K3D_DIR}/checksums.txt`, `${K3D_DIR}/k3d-linux-amd64`]);
    expect(tc.find('k3d', 'v5.9.0', 'amd64')).not.toBe('');

    const second = await downloadVerified(k3dArtifact('v5.9.0', 'amd64'), options());
    expect(second).toEqual({ path: first.path, fromCache: true });
    // The cached file is hashed again against the list, fetched again (it is small).
    expect(server.requests).toEqual([
      `${K3D_DIR}/checksums.txt`,
      `${K3D_DIR}/k3d-linux-amd64`,
      `${K3D_DIR}/checksums.txt`,
    ]);
  });

  test('arm64 gets k3d-linux-arm64 and its own hash, not the k3d-linux-arm line before it', async () => {
    server
      .file(`${K3D_DIR}/checksums.txt`, K3D_CHECKSUMS)
      .file(`${K3D_DIR}/k3d-linux-arm64`, ARM64);
    const path = await installK3d('v5.9.0', options({ platform: 'linux', arch: 'arm64' }));
    expect(await readFile(path)).toEqual(ARM64);
    expect(server.requests).toContain(`${K3D_DIR}/k3d-linux-arm64`);
  });

  test('a checksum mismatch fails naming the file, the expected and the actual hash, once, and caches nothing', async () => {
    const tampered = Buffer.from('not k3d');
    server
      .file(`${K3D_DIR}/checksums.txt`, K3D_CHECKSUMS)
      .file(`${K3D_DIR}/k3d-linux-amd64`, tampered);

    const failure = downloadVerified(k3dArtifact('v5.9.0', 'amd64'), options());
    await expect(failure).rejects.toBeInstanceOf(ChecksumMismatchError);
    await expect(failure).rejects.toThrow(
      new RegExp(`k3d-linux-amd64.*expected ${sha256(AMD64)}, got ${sha256(tampered)}`),
    );
    expect(server.countOf(`${K3D_DIR}/k3d-linux-amd64`)).toBe(1);
    expect(tc.find('k3d', 'v5.9.0', 'amd64')).toBe('');
  });

  test('a 503 and a dropped connection are retried into success', async () => {
    server
      .file(`${K3D_DIR}/checksums.txt`, K3D_CHECKSUMS, [status(503)])
      .file(`${K3D_DIR}/k3d-linux-amd64`, AMD64, [
        dropConnection,
        status(503, { 'retry-after': '0' }),
      ]);
    const logged: string[] = [];
    const result = await downloadVerified(
      k3dArtifact('v5.9.0', 'amd64'),
      options({ log: (m) => logged.push(m) }),
    );
    expect(await readFile(result.path)).toEqual(AMD64);
    expect(server.countOf(`${K3D_DIR}/checksums.txt`)).toBe(2);
    expect(server.countOf(`${K3D_DIR}/k3d-linux-amd64`)).toBe(3);
    expect(logged.some((m) => m.includes('HTTP 503') && m.includes('retrying'))).toBe(true);
  });

  test('a stalled transfer is cut by the per-attempt timeout and retried', async () => {
    server
      .file(`${K3D_DIR}/checksums.txt`, K3D_CHECKSUMS)
      .file(`${K3D_DIR}/k3d-linux-amd64`, AMD64, [stallMidBody]);
    const result = await downloadVerified(
      k3dArtifact('v5.9.0', 'amd64'),
      options({ attemptTimeoutMs: 300 }),
    );
    expect(await readFile(result.path)).toEqual(AMD64);
    expect(server.countOf(`${K3D_DIR}/k3d-linux-amd64`)).toBe(2);
  });

  test('attempts are bounded: a host that always answers 502 gets exactly `attempts` requests', async () => {
    server.file(
      `${K3D_DIR}/checksums.txt`,
      'x',
      Array.from({ length: 10 }, () => status(502)),
    );
    await expect(
      downloadVerified(k3dArtifact('v5.9.0', 'amd64'), options({ attempts: 3 })),
    ).rejects.toThrow(/after 3 attempts.*HTTP 502/);
    expect(server.countOf(`${K3D_DIR}/checksums.txt`)).toBe(3);
  });

  test('the deadline stops retries even when attempts remain', async () => {
    server.file(
      `${K3D_DIR}/checksums.txt`,
      'x',
      Array.from({ length: 10 }, () => status(503)),
    );
    const failure = downloadVerified(
      k3dArtifact('v5.9.0', 'amd64'),
      options({
        attempts: 10,
        initialDelayMs: 60_000,
        maxDelayMs: 60_000,
        deadline: Date.now() + 10_000,
      }),
    );
    await expect(failure).rejects.toThrow(/failed after the deadline/);
    expect(server.countOf(`${K3D_DIR}/checksums.txt`)).toBe(1);
  });

  test('a 404 is not retried and names the URL', async () => {
    await expect(downloadVerified(k3dArtifact('v9.9.9', 'amd64'), options())).rejects.toThrow(
      /k3d-io\/k3d\/releases\/download\/v9\.9\.9\/checksums\.txt answered HTTP 404/,
    );
    expect(server.requests).toHaveLength(1);
  });

  test('an asset missing from the checksum list is refused, not downloaded unverified', async () => {
    server.file(`${K3D_DIR}/checksums.txt`, `${sha256(ARM)}  _dist/k3d-linux-arm`);
    await expect(downloadVerified(k3dArtifact('v5.9.0', 'arm64'), options())).rejects.toThrow(
      /no sha256 for k3d-linux-arm64/,
    );
    expect(server.requests).toHaveLength(1);
  });

  test('kubectl: installs a pinned one verified by <url>.sha256 when PATH has none', async () => {
    const body = Buffer.from('kubectl binary');
    const dir = '/release/v1.34.2/bin/linux/amd64';
    server.file(`${dir}/kubectl.sha256`, `${sha256(body)}\n`).file(`${dir}/kubectl`, body);
    const result = await ensureKubectl('v1.34.2', {
      ...options({ platform: 'linux', arch: 'x64' }),
      pathEnv: scratch,
    });
    expect(result.source).toBe('installed');
    expect(await readFile(result.path)).toEqual(body);
    expect(kubectlArtifact('v1.34.2', 'amd64').url).toBe(
      'https://dl.k8s.io/release/v1.34.2/bin/linux/amd64/kubectl',
    );
  });

  test("kubectl: the runner's own is used when on PATH (no download)", async () => {
    const result = await ensureKubectl('v1.34.2', {
      ...options(),
      pathEnv: process.env['PATH'] ?? '',
    });
    expect(result.source).toBe('runner');
    expect(server.requests).toHaveLength(0);
  });

  test('without a tool cache (local runs) the verified file lands under RUNNER_TEMP', async () => {
    delete process.env['RUNNER_TOOL_CACHE'];
    server
      .file(`${K3D_DIR}/checksums.txt`, K3D_CHECKSUMS)
      .file(`${K3D_DIR}/k3d-linux-amd64`, AMD64);
    const result = await downloadVerified(k3dArtifact('v5.9.0', 'amd64'), options());
    expect(result.path.startsWith(join(scratch, 'temp'))).toBe(true);
    expect(result.path.endsWith('/k3d-linux-amd64')).toBe(true);
    expect(await readFile(result.path)).toEqual(AMD64);
  });
});
