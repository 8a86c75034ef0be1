/**
 * kubectl version skew: GitHub's ubuntu images ship a kubectl several minor versions ahead of the
 * k3s the action runs. Kubernetes supports kubectl within one minor version (older or newer) of
 * kube-apiserver (kubernetes.io/releases/version-skew-policy, "kubectl"); outside it the pinned
 * kubectl-version is installed, verified by its sha256 only.
 */
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  chooseKubectl,
  clientVersionFromJson,
  parseKubeVersion,
  readKubectlClientVersion,
  type KubeVersion,
} from '../../../src/install/kubectl-skew.js';
import { releaseArch } from '../../../src/install/platform.js';
import { ensureKubectl } from '../../../src/install/tools.js';
import { findKubectl, startMirror, type Mirror } from '../../sim/mirror/server.js';
import { sha256 } from './release-server.js';

const v = (text: string): KubeVersion => parseKubeVersion(text)!;

describe('versions', () => {
  test.each([
    ['v1.34.2', { major: 1, minor: 34, patch: 2 }],
    ['1.34.2', { major: 1, minor: 34, patch: 2 }],
    ['v1.32.4-dispatcher', { major: 1, minor: 32, patch: 4 }],
    ['v1.34.8+k3s1', { major: 1, minor: 34, patch: 8 }],
  ])('%s', (text, expected) => expect(parseKubeVersion(text)).toEqual(expected));
  test.each(['latest', 'v1.34', '', 'v1.34.2 extra'])('%s is not a version', (text) =>
    expect(parseKubeVersion(text)).toBeUndefined(),
  );

  test('the client version comes from gitVersion (minor can read "32+")', () => {
    const json = JSON.stringify({
      clientVersion: { major: '1', minor: '32+', gitVersion: 'v1.32.4-dispatcher' },
      kustomizeVersion: 'v5.5.0',
    });
    expect(clientVersionFromJson(json)).toEqual({ major: 1, minor: 32, patch: 4 });
    expect(clientVersionFromJson('error: unknown flag')).toBeUndefined();
    expect(clientVersionFromJson('{"clientVersion":{"gitVersion":7}}')).toBeUndefined();
  });
});

describe('chooseKubectl', () => {
  const server = v('v1.34.8');
  const pinned = v('v1.34.2');
  const runner = (version: string | undefined) => ({
    path: '/usr/local/bin/kubectl',
    version: version === undefined ? undefined : v(version),
  });

  test.each(['v1.33.9', 'v1.34.0', 'v1.35.1'])(
    "the runner's %s is within one minor version: used",
    (version) => {
      const choice = chooseKubectl({ runner: runner(version), server, pinned });
      expect(choice.use).toBe('runner');
      expect(choice.reason).toContain(`Using the runner's kubectl ${version}`);
      expect(choice.warning).toBeUndefined();
    },
  );

  test("the runner's v1.36 is two minor versions ahead: the pinned one, and the log says why", () => {
    const choice = chooseKubectl({ runner: runner('v1.36.1'), server, pinned });
    expect(choice).toEqual({
      use: 'pinned',
      reason:
        "The runner's kubectl v1.36.1 is 2 minor versions ahead of the cluster's Kubernetes v1.34.8 " +
        '(kubectl supports one minor version either way); using the pinned kubectl v1.34.2.',
    });
  });

  test('an older runner kubectl, none on PATH, or one that cannot say its version: the pinned one', () => {
    expect(chooseKubectl({ runner: runner('v1.32.4'), server, pinned }).reason).toMatch(
      /v1\.32\.4 is 2 minor versions behind/,
    );
    expect(chooseKubectl({ server, pinned }).reason).toBe(
      'No kubectl on PATH; using the pinned kubectl v1.34.2.',
    );
    expect(chooseKubectl({ runner: runner(undefined), server, pinned })).toMatchObject({
      use: 'pinned',
      reason: expect.stringMatching(/did not report its version/),
    });
    expect(chooseKubectl({ runner: runner('v2.34.0'), server, pinned }).use).toBe('pinned');
  });

  test('a pinned kubectl-version outside the skew too is used, with a warning naming the fix', () => {
    const choice = chooseKubectl({ runner: runner('v1.36.1'), server, pinned: v('v1.31.0') });
    expect(choice.use).toBe('pinned');
    expect(choice.warning).toMatch(
      /kubectl-version v1\.31\.0 is 3 minor versions behind the cluster's Kubernetes v1\.34\.8.*v1\.34\.x/,
    );
  });
});

describe('readKubectlClientVersion (adapter)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'knp-kubectl-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const script = async (body: string): Promise<string> => {
    const path = join(dir, 'kubectl');
    await writeFile(path, `#!/bin/sh\n${body}\n`);
    await chmod(path, 0o755);
    return path;
  };

  test('runs `version --client -o json` and reads gitVersion', async () => {
    const path = await script(
      `[ "$*" = "version --client -o json" ] || exit 3\n` +
        `echo '{"clientVersion":{"major":"1","minor":"36","gitVersion":"v1.36.1"}}'`,
    );
    expect(await readKubectlClientVersion(path)).toEqual({ major: 1, minor: 36, patch: 1 });
  });

  test('a failing or silent binary reads as unknown, not as an error', async () => {
    expect(await readKubectlClientVersion(await script('exit 1'))).toBeUndefined();
    expect(await readKubectlClientVersion(join(dir, 'missing'))).toBeUndefined();
  });

  test("this machine's kubectl answers", async () => {
    const version = await readKubectlClientVersion(findKubectl(process.env));
    expect(version?.major).toBe(1);
  });
});

describe('ensureKubectl against the release mirror', () => {
  // The mirror serves this machine's kubectl (whatever its version) under every kubectl path.
  let mirror: Mirror;
  let badMirror: Mirror;
  let scratch: string;
  let fakeBin: string;
  const machineKubectl = findKubectl(process.env);
  const savedEnv = { ...process.env };
  const logged: string[] = [];

  beforeAll(async () => {
    mirror = await startMirror({ env: {}, kubectlPath: machineKubectl });
    badMirror = await startMirror({
      env: { SIM_MIRROR_BAD_CHECKSUM: 'kubectl' },
      kubectlPath: machineKubectl,
    });
  });
  afterAll(async () => {
    await mirror.stop();
    await badMirror.stop();
  });
  beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'knp-ensure-kubectl-'));
    process.env['RUNNER_TOOL_CACHE'] = join(scratch, 'tool-cache');
    process.env['RUNNER_TEMP'] = join(scratch, 'temp');
    fakeBin = join(scratch, 'bin');
    logged.length = 0;
  });
  afterEach(async () => {
    process.env = { ...savedEnv };
    await rm(scratch, { recursive: true, force: true });
  });

  const runnerKubectl = async (gitVersion: string): Promise<void> => {
    await mkdir(fakeBin, { recursive: true });
    const path = join(fakeBin, 'kubectl');
    await writeFile(path, `#!/bin/sh\necho '{"clientVersion":{"gitVersion":"${gitVersion}"}}'\n`);
    await chmod(path, 0o755);
  };
  const options = (base: string) => ({
    mirror: base,
    deadline: Date.now() + 20_000,
    workDir: join(tmpdir(), 'knative-action-skew-test'),
    initialDelayMs: 5,
    pathEnv: fakeBin,
    clusterVersion: v('v1.34.8'),
    log: (m: string) => void logged.push(m),
  });

  test('a runner kubectl two minor versions ahead: the pinned one is installed, checked by hash only', async () => {
    await runnerKubectl('v1.36.1');
    const before = mirror.stats().total;
    const result = await ensureKubectl('v1.34.2', options(mirror.url));
    expect(result.source).toBe('installed');
    expect(result.path).not.toBe(join(fakeBin, 'kubectl'));
    // The bytes are the mirror's (this machine's kubectl, whatever version it reports).
    expect(sha256(await readFile(result.path))).toBe(sha256(await readFile(machineKubectl)));
    expect(logged).toContain(
      "The runner's kubectl v1.36.1 is 2 minor versions ahead of the cluster's Kubernetes v1.34.8 " +
        '(kubectl supports one minor version either way); using the pinned kubectl v1.34.2.',
    );
    expect(result.reason).toBe(logged[0]);
    const paths = Object.keys(mirror.stats().byPath);
    expect(paths).toContain(`/release/v1.34.2/bin/linux/${releaseArch()}/kubectl.sha256`);
    expect(mirror.stats().total).toBeGreaterThan(before);
  });

  test('a runner kubectl within the skew is used; nothing is downloaded', async () => {
    await runnerKubectl('v1.35.0');
    const before = mirror.stats().total;
    const result = await ensureKubectl('v1.34.2', options(mirror.url));
    expect(result).toMatchObject({ source: 'runner', path: join(fakeBin, 'kubectl') });
    expect(logged[0]).toMatch(/Using the runner's kubectl v1\.35\.0/);
    expect(mirror.stats().total).toBe(before);
  });

  test('the pinned download is refused when its hash does not match (never trusted by its version)', async () => {
    await runnerKubectl('v1.36.1');
    await expect(ensureKubectl('v1.34.2', options(badMirror.url))).rejects.toThrow(
      /sha256 mismatch for kubectl/,
    );
  });

  test('without a cluster version any runner kubectl is used (as before)', async () => {
    await runnerKubectl('v1.36.1');
    const { clusterVersion: _omitted, ...rest } = options(mirror.url);
    expect((await ensureKubectl('v1.34.2', rest)).source).toBe('runner');
  });
});
