/**
 * Downloads you can trust: the shipped sha256 and the release's checksum list must agree on the
 * official hosts; a mirror's list is its own authority; a tool-cache hit is hashed again before
 * it is handed out, and a changed one is never returned.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tc from '@actions/tool-cache';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { downloadVerified, type Artifact } from '../../../src/install/downloader.js';
import { validateReleaseMirror } from '../../../src/install/mirror.js';
import { pinnedSha256 } from '../../../src/install/pinned-hashes.js';
import {
  k3dArtifact,
  knativeManifestArtifacts,
  kubectlArtifact,
} from '../../../src/install/releases.js';
import { ReleaseServer, sha256 } from './release-server.js';

const DIR = '/k3d-io/k3d/releases/download/v5.9.0';
const GOOD = Buffer.from('#!/bin/sh\necho the real k3d\n');
const EVIL = Buffer.from('#!/bin/sh\necho owned\n');
const listOf = (body: Buffer): string => `${sha256(body)}  _dist/k3d-linux-amd64\n`;

let server: ReleaseServer;
let scratch: string;
const savedEnv = { ...process.env };
const warnings: string[] = [];

beforeAll(async () => {
  server = await new ReleaseServer().start();
});
afterAll(() => server.stop());
beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'knp-trust-'));
  process.env['RUNNER_TOOL_CACHE'] = join(scratch, 'tool-cache');
  process.env['RUNNER_TEMP'] = join(scratch, 'temp');
  server.requests.length = 0;
  warnings.length = 0;
});
afterEach(async () => {
  process.env = { ...savedEnv };
  await rm(scratch, { recursive: true, force: true });
});

const withoutPin = ({ pinnedSha256: _pinned, ...rest }: Artifact): Artifact => rest;
/** k3d as if the loopback server were the official host, shipping `pinned` for it. */
const official = (pinned: string | undefined): Artifact => ({
  ...withoutPin(k3dArtifact('v5.9.0', 'amd64')),
  url: `${server.base}${DIR}/k3d-linux-amd64`,
  checksum: { kind: 'list', url: `${server.base}${DIR}/checksums.txt` },
  ...(pinned ? { pinnedSha256: pinned } : {}),
});
const options = (extra: { mirror?: string } = {}) => ({
  deadline: Date.now() + 15_000,
  workDir: join(scratch, 'temp', 'knative-action'),
  initialDelayMs: 5,
  maxDelayMs: 20,
  warn: (m: string) => void warnings.push(m),
  ...extra,
});

describe('official hosts: the shipped hash and the checksum list', () => {
  test('both agree with the file: downloaded and cached', async () => {
    server.file(`${DIR}/checksums.txt`, listOf(GOOD)).file(`${DIR}/k3d-linux-amd64`, GOOD);
    const result = await downloadVerified(official(sha256(GOOD)), options());
    expect(await readFile(result.path)).toEqual(GOOD);
  });

  test('a release whose list and file were both replaced is refused by the shipped hash, before the download', async () => {
    server.file(`${DIR}/checksums.txt`, listOf(EVIL)).file(`${DIR}/k3d-linux-amd64`, EVIL);
    await expect(downloadVerified(official(sha256(GOOD)), options())).rejects.toThrow(
      new RegExp(
        `checksums\\.txt gives ${sha256(EVIL)} for k3d-linux-amd64 v5\\.9\\.0, but this action ships ${sha256(GOOD)}`,
      ),
    );
    expect(server.countOf(`${DIR}/k3d-linux-amd64`)).toBe(0);
    expect(tc.find('k3d', 'v5.9.0', 'amd64')).toBe('');
  });

  test('the list is still checked when a hash is shipped: a file matching neither is refused', async () => {
    server.file(`${DIR}/checksums.txt`, listOf(GOOD)).file(`${DIR}/k3d-linux-amd64`, EVIL);
    await expect(downloadVerified(official(sha256(GOOD)), options())).rejects.toThrow(
      /sha256 mismatch for k3d-linux-amd64/,
    );
  });

  test('an asset without a shipped hash is verified by its list alone', async () => {
    server.file(`${DIR}/checksums.txt`, listOf(GOOD)).file(`${DIR}/k3d-linux-amd64`, GOOD);
    const result = await downloadVerified(official(undefined), options());
    expect(await readFile(result.path)).toEqual(GOOD);
  });
});

describe('a release mirror is trusted for its own files', () => {
  test("the mirror's list is the authority: stand-in bytes under a pinned version's path are accepted", async () => {
    const standIn = Buffer.from('#!/bin/sh\necho a stand-in\n');
    server.file(`${DIR}/checksums.txt`, listOf(standIn)).file(`${DIR}/k3d-linux-amd64`, standIn);
    const artifact = k3dArtifact('v5.9.0', 'amd64');
    expect(artifact.pinnedSha256).toBeDefined();
    const result = await downloadVerified(artifact, options({ mirror: server.base }));
    expect(await readFile(result.path)).toEqual(standIn);
  });
});

describe('a tool-cache hit is hashed again before it is used', () => {
  test('a cached file changed after caching is discarded, reported and downloaded again (mirror: list fetched again)', async () => {
    server.file(`${DIR}/checksums.txt`, listOf(GOOD)).file(`${DIR}/k3d-linux-amd64`, GOOD);
    const artifact = k3dArtifact('v5.9.0', 'amd64');
    const first = await downloadVerified(artifact, options({ mirror: server.base }));
    expect(first.fromCache).toBe(false);

    // Unchanged: served from the cache; only the (small) list is fetched again.
    server.requests.length = 0;
    const again = await downloadVerified(artifact, options({ mirror: server.base }));
    expect(again).toEqual({ path: first.path, fromCache: true });
    expect(server.requests).toEqual([`${DIR}/checksums.txt`]);

    // A later job on the same runner finds a replaced binary.
    await writeFile(first.path, EVIL);
    server.requests.length = 0;
    const healed = await downloadVerified(artifact, options({ mirror: server.base }));
    expect(healed.fromCache).toBe(false);
    expect(await readFile(healed.path)).toEqual(GOOD);
    expect(server.requests).toEqual([`${DIR}/checksums.txt`, `${DIR}/k3d-linux-amd64`]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      new RegExp(
        `tool cache's k3d-linux-amd64 \\(k3d v5\\.9\\.0\\) has sha256 ${sha256(EVIL)}, expected ${sha256(GOOD)}`,
      ),
    );
  });

  test('with a shipped hash the cache is checked without a request; a changed one is re-downloaded and checked against the list too', async () => {
    server.file(`${DIR}/checksums.txt`, listOf(GOOD)).file(`${DIR}/k3d-linux-amd64`, GOOD);
    const artifact = official(sha256(GOOD));
    const first = await downloadVerified(artifact, options());
    server.requests.length = 0;
    expect((await downloadVerified(artifact, options())).fromCache).toBe(true);
    expect(server.requests).toEqual([]);

    await writeFile(first.path, EVIL);
    const healed = await downloadVerified(artifact, options());
    expect(await readFile(healed.path)).toEqual(GOOD);
    expect(server.requests).toEqual([`${DIR}/checksums.txt`, `${DIR}/k3d-linux-amd64`]);
  });

  test('when the host now serves the changed bytes too, the run fails clearly and the changed file is gone', async () => {
    server.file(`${DIR}/checksums.txt`, listOf(GOOD)).file(`${DIR}/k3d-linux-amd64`, GOOD);
    const artifact = k3dArtifact('v5.9.0', 'amd64');
    const first = await downloadVerified(artifact, options({ mirror: server.base }));
    await writeFile(first.path, EVIL);
    server.file(`${DIR}/k3d-linux-amd64`, EVIL);
    await expect(downloadVerified(artifact, options({ mirror: server.base }))).rejects.toThrow(
      /sha256 mismatch for k3d-linux-amd64/,
    );
    expect(tc.find('k3d', 'v5.9.0', 'amd64')).toBe('');
    await expect(readFile(first.path)).rejects.toThrow(/ENOENT/);
  });
});

describe('the shipped hashes', () => {
  test('cover the default versions (contour.yaml has none stated: its list alone vouches)', () => {
    for (const arch of ['amd64', 'arm64'] as const) {
      expect(k3dArtifact('v5.9.0', arch).pinnedSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(kubectlArtifact('v1.34.2', arch).pinnedSha256).toMatch(/^[0-9a-f]{64}$/);
    }
    const knative = knativeManifestArtifacts('1.22.1', '1.22.1');
    expect(knative.servingCrds.pinnedSha256).toBe(
      '469f019b54407f6b4362da8500e6ba343c6d2e3f2cb27c2c1cfcaaab4f6d5883',
    );
    expect(knative.servingCore.pinnedSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(knative.netContour.pinnedSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(knative.contour.pinnedSha256).toBeUndefined();
  });

  test('other versions carry none (their release list is the authority)', () => {
    expect(k3dArtifact('v5.8.3', 'amd64').pinnedSha256).toBeUndefined();
    expect(kubectlArtifact('v1.33.1', 'amd64').pinnedSha256).toBeUndefined();
    expect(pinnedSha256('https://example.com/k3d-linux-amd64')).toBeUndefined();
  });

  test('the two architectures never share a hash', () => {
    expect(k3dArtifact('v5.9.0', 'amd64').pinnedSha256).not.toBe(
      k3dArtifact('v5.9.0', 'arm64').pinnedSha256,
    );
    expect(kubectlArtifact('v1.34.2', 'amd64').pinnedSha256).not.toBe(
      kubectlArtifact('v1.34.2', 'arm64').pinnedSha256,
    );
  });
});

describe('validateReleaseMirror', () => {
  test.each([
    ['https://mirror.example.com/releases/', 'https://mirror.example.com/releases'],
    ['https://mirror.example.com', 'https://mirror.example.com'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://127.1.2.3:9/base', 'http://127.1.2.3:9/base'],
    ['http://localhost:3000/', 'http://localhost:3000'],
    ['http://[::1]:4000', 'http://[::1]:4000'],
    [' https://MIRROR.example.com/x ', 'https://mirror.example.com/x'],
  ])('accepts %s', (input, expected) => {
    expect(validateReleaseMirror(input)).toBe(expected);
  });

  test.each([
    ['http://mirror.example.com', /plain http to another machine.*Use https/],
    ['http://10.0.0.5:8080', /plain http to another machine/],
    ['http://127.0.0.1.example.com', /plain http to another machine/],
    ['http://[::2]:80', /plain http to another machine/],
    ['ftp://mirror.example.com', /uses ftp: only https/],
    ['file:///srv/mirror', /uses file: only https/],
    ['mirror.example.com', /is not a URL/],
    ['https://user:secret@mirror.example.com', /must not carry credentials/],
    ['https://mirror.example.com/?token=x', /without \?query or #fragment/],
  ])('refuses %s, naming the input', (input, message) => {
    expect(() => validateReleaseMirror(input)).toThrow(message);
    expect(() => validateReleaseMirror(input)).toThrow(/Input 'release-mirror'/);
  });

  test('a refused URL with credentials is not echoed with them', () => {
    expect(() => validateReleaseMirror('https://user:secret@mirror.example.com/x')).toThrow(
      /\('https:\/\/\*\*\*@mirror\.example\.com\/x'\)/,
    );
    expect(() => validateReleaseMirror('https://user:secret@mirror.example.com/x')).not.toThrow(
      /secret|user/,
    );
  });
});
