import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildImages } from '../../../src/images/build.js';
import { localImageTag, parseBuildLines } from '../../../src/images/build-spec.js';
import { rewriteLocalImages } from '../../../src/images/rewrite.js';
import type { KubeObject } from '../../../src/kube/object.js';
import {
  ToolError,
  type RunOptions,
  type ToolResult,
  type ToolRunner,
} from '../../../src/util/tool-runner.js';

describe('build input parser', () => {
  test('name=context[:dockerfile], comments and blank lines skipped', () => {
    expect(
      parseBuildLines([
        'app=./app',
        '',
        '# worker soon',
        'api=.:docker/api.Dockerfile',
        'tools/cli = cli ',
      ]),
    ).toEqual([
      { name: 'app', context: './app', dockerfile: 'Dockerfile' },
      { name: 'api', context: '.', dockerfile: 'docker/api.Dockerfile' },
      { name: 'tools/cli', context: 'cli', dockerfile: 'Dockerfile' },
    ]);
  });
  test.each([
    ['app', /line 1 \('app'\): expected name=context\[:dockerfile\]/],
    ['=./app', /expected name=context/],
    ['App=./app', /'App' is not a valid image name/],
    ['app-=./app', /not a valid image name/],
    ['app=', /build context is empty/],
    ['app=/etc', /context '\/etc' must be a path inside the repository/],
    ['app=./app:../../Dockerfile', /dockerfile '..\/..\/Dockerfile' must be a path inside/],
  ])('rejects %s', (line, message) => {
    expect(() => parseBuildLines([line])).toThrow(message);
  });
  test('duplicate names name the line', () => {
    expect(() => parseBuildLines(['app=a', 'app=b'])).toThrow(/line 2 .*'app' is listed twice/);
  });
  test('tags are dev.local/<name>:<sha7>, never latest', () => {
    expect(localImageTag('app', '0123456789ABCDEF0123')).toBe('dev.local/app:0123456');
    expect(() => localImageTag('app', 'latest')).toThrow(/not a commit SHA/);
  });
});

describe('image rewrite', () => {
  const service = (images: string[]): KubeObject => ({
    apiVersion: 'serving.knative.dev/v1',
    kind: 'Service',
    metadata: { name: 'hello' },
    spec: {
      template: { spec: { containers: images.map((image, i) => ({ name: `c${i}`, image })) } },
    },
  });

  test('dev.local/<name> with or without a tag points at this side', () => {
    const input = service([
      'dev.local/app',
      'dev.local/app:old',
      'dev.local/api@sha256:abc',
      'ghcr.io/x/app:1',
    ]);
    const result = rewriteLocalImages(input, {
      app: 'dev.local/app:1a2b3c4',
      api: 'dev.local/api:1a2b3c4',
    });
    const images = (
      result.manifest.spec as { template: { spec: { containers: { image: string }[] } } }
    ).template.spec.containers.map((c) => c.image);
    expect(images).toEqual([
      'dev.local/app:1a2b3c4',
      'dev.local/app:1a2b3c4',
      'dev.local/api:1a2b3c4',
      'ghcr.io/x/app:1',
    ]);
    expect(result.replaced).toHaveLength(3);
    expect(result.replaced[1]).toEqual({
      container: 'c1',
      from: 'dev.local/app:old',
      to: 'dev.local/app:1a2b3c4',
    });
    expect(result.unknown).toEqual([]);
    // Pure: the input is unchanged.
    expect(
      (input.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec
        .containers[0]!.image,
    ).toBe('dev.local/app');
  });

  test('a dev.local image no build line produced is reported, not guessed', () => {
    const result = rewriteLocalImages(service(['dev.local/worker:1']), {
      app: 'dev.local/app:1a2b3c4',
    });
    expect(result.unknown).toEqual(['dev.local/worker:1']);
    expect(result.replaced).toEqual([]);
  });

  test('init containers too; a prefix like dev.local/apple is not app', () => {
    const input: KubeObject = {
      apiVersion: 'serving.knative.dev/v1',
      kind: 'Service',
      metadata: { name: 'x' },
      spec: {
        template: {
          spec: {
            initContainers: [{ name: 'init', image: 'dev.local/app' }],
            containers: [{ image: 'dev.local/apple' }],
          },
        },
      },
    };
    const result = rewriteLocalImages(input, { app: 'dev.local/app:2' });
    expect(result.replaced.map((r) => r.to)).toEqual(['dev.local/app:2']);
    expect(result.unknown).toEqual(['dev.local/apple']);
  });
});

describe('buildImages', () => {
  const rt = mkdtempSync(join(tmpdir(), 'knp-images-'));
  afterAll(() => rmSync(rt, { recursive: true, force: true }));
  const ok: ToolResult = { exitCode: 0, stdout: '', stderr: '' };
  function recorder(answers: (tool: string, args: string[]) => ToolResult | undefined = () => ok) {
    const calls: Array<{ tool: string; args: string[]; cwd?: string }> = [];
    const make = (tool: string): ToolRunner => {
      const run = async (args: readonly string[], options: RunOptions = {}) => {
        calls.push({ tool, args: [...args], ...(options.cwd ? { cwd: options.cwd } : {}) });
        if (tool === 'git' && args[0] === 'rev-parse')
          return { exitCode: 0, stdout: '/ws\n', stderr: '' };
        return answers(tool, [...args]) ?? ok;
      };
      return {
        tool,
        run,
        async runOk(args, o) {
          const r = await run(args, o);
          if (r.exitCode) throw new ToolError(`${tool} ${args.join(' ')}`, r);
          return r;
        },
      };
    };
    const lines = () => calls.map((c) => `${c.tool} ${c.args.join(' ')}`);
    return { calls, lines, docker: make('docker'), git: make('git') };
  }
  const specs = parseBuildLines(['app=app:Dockerfile.prod']);
  const PR = 'aaaaaaa1111111111111111111111111111111111'.slice(0, 40);
  const BASE = 'bbbbbbb2222222222222222222222222222222222'.slice(0, 40);
  const FETCH = `git -c http.lowSpeedLimit=1000 -c http.lowSpeedTime=30 fetch --no-tags --no-recurse-submodules --depth=1 origin ${BASE}`;

  test('PR from the workspace, base from a detached worktree that is removed afterwards', async () => {
    const { calls, lines, docker, git } = recorder();
    const tags = await buildImages(
      { docker, git },
      { specs, workspace: '/ws', prSha: PR, baseSha: BASE, workDir: join(rt, 'knative-action') },
    );
    expect(tags).toEqual({
      pr: { app: 'dev.local/app:aaaaaaa' },
      base: { app: 'dev.local/app:bbbbbbb' },
    });
    const worktree = `${rt}/knative-action/base-bbbbbbb22222`;
    expect(lines()).toEqual([
      'docker build -t dev.local/app:aaaaaaa -f /ws/app/Dockerfile.prod /ws/app',
      'git rev-parse --show-toplevel',
      `git cat-file -e ${BASE}^{commit}`,
      `git worktree add --detach ${worktree} ${BASE}`,
      `docker build -t dev.local/app:bbbbbbb -f ${worktree}/app/Dockerfile.prod ${worktree}/app`,
      `git worktree remove --force ${worktree}`,
    ]);
    // Every git command runs in the repository (GitClient's top level).
    expect(calls.filter((c) => c.tool === 'git').every((c) => c.cwd === '/ws')).toBe(true);
  });

  test('a shallow checkout fetches the base commit (stall guard on); a failed base build still removes the worktree', async () => {
    const { lines, docker, git } = recorder((tool, args) => {
      if (tool === 'git' && args[0] === 'cat-file')
        return { exitCode: 1, stdout: '', stderr: 'fatal: not a valid object' };
      if (tool === 'docker' && args[2] === 'dev.local/app:bbbbbbb')
        return { exitCode: 1, stdout: '', stderr: 'COPY failed: file not found' };
      return undefined;
    });
    await expect(
      buildImages(
        { docker, git },
        { specs, workspace: '/ws', prSha: PR, baseSha: BASE, workDir: join(rt, 'knative-action') },
      ),
    ).rejects.toThrow(/COPY failed/);
    expect(lines()).toContain(FETCH);
    expect(lines().at(-1)).toMatch(/^git worktree remove --force /);
  });

  test("the base commit's fetch is retried after a transient failure (the one git adapter's retry)", async () => {
    let fetches = 0;
    const { lines, docker, git } = recorder((tool, args) => {
      if (tool === 'git' && args[0] === 'cat-file') return { exitCode: 1, stdout: '', stderr: '' };
      if (tool === 'git' && args.includes('fetch') && ++fetches === 1)
        return {
          exitCode: 128,
          stdout: '',
          stderr: "fatal: unable to access 'https://github.com/o/r/': Could not resolve host",
        };
      return undefined;
    });
    await buildImages(
      { docker, git },
      { specs, workspace: '/ws', prSha: PR, baseSha: BASE, workDir: join(rt, 'knative-action') },
    );
    expect(lines().filter((line) => line === FETCH)).toHaveLength(2);
  });

  test('a base build outside a git checkout fails naming the workspace', async () => {
    const { docker } = recorder();
    const notRepo: ToolRunner = {
      tool: 'git',
      run: async () => ({ exitCode: 128, stdout: '', stderr: 'fatal: not a git repository' }),
      runOk: async () => {
        throw new Error('unexpected');
      },
    };
    await expect(
      buildImages(
        { docker, git: notRepo },
        { specs, workspace: '/ws', prSha: PR, baseSha: BASE, workDir: join(rt, 'knative-action') },
      ),
    ).rejects.toThrow(/\/ws is not a git checkout.*base commit bbbbbbb/);
  });

  test('no base commit: only the PR side', async () => {
    const { calls, docker, git } = recorder();
    expect(
      await buildImages(
        { docker, git },
        { specs, workspace: '/ws', prSha: PR, workDir: join(rt, 'knative-action') },
      ),
    ).toEqual({ pr: { app: 'dev.local/app:aaaaaaa' } });
    expect(calls).toHaveLength(1);
  });
});
