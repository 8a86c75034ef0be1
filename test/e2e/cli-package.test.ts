/**
 * The package as users get it: `npm pack`, installed from the tarball with nothing else, its
 * `knative-action` bin run in someone else's repository (another service name, namespace and
 * folder than the template's). No Docker here, as on a laptop where it is not running.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess, type CliRun } from './lib/cli-process.js';
import { knativeService, makeRepo, type TempRepo } from '../helpers/git-repo.js';
import { repoRoot } from '../helpers/run-action.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'ka-package-'));
const project = path.join(root, 'project');
const bin = path.join(project, 'node_modules', '.bin', 'knative-action');
let tarballFiles: string[] = [];
let repo: TempRepo;

/** A folder with only these commands on it (by symlink). */
function pathWith(name: string, commands: Record<string, string>): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [command, target] of Object.entries(commands))
    symlinkSync(target, path.join(dir, command));
  return dir;
}

const which = (command: string): string =>
  execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim();

function run(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCliProcess(
    { file: bin, args },
    {
      cwd: repo.dir,
      env: { PATH: process.env.PATH ?? '', HOME: os.homedir(), ...env },
      timeoutMs: 60_000,
    },
  );
}

beforeAll(() => {
  // dist/ is fresh: the test run's global setup builds it.
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', root], {
      cwd: repoRoot,
      encoding: 'utf8',
    }),
  ) as { filename: string; files: { path: string }[] }[];
  tarballFiles = packed[0]!.files.map((f) => f.path).sort();
  mkdirSync(project);
  writeFileSync(path.join(project, 'package.json'), '{ "private": true }\n');
  // Offline: the package needs nothing from the registry.
  execFileSync(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', path.join(root, packed[0]!.filename)],
    { cwd: project, encoding: 'utf8' },
  );
  repo = makeRepo(
    {
      'k8s/shop/storefront.yaml': knativeService('storefront', { namespace: 'shop', target: 'v1' }),
      'web/Dockerfile': 'FROM scratch\n',
    },
    {
      'k8s/shop/storefront.yaml': knativeService('storefront', { namespace: 'shop', target: 'v2' }),
    },
  );
}, 120_000);

afterAll(() => {
  repo?.cleanup();
  rmSync(root, { recursive: true, force: true });
});

describe('the packed knative-action', () => {
  it('holds dist, action.yml, README.md and LICENSE only, and installs with no dependencies', () => {
    expect(tarballFiles.filter((f) => !f.startsWith('dist/'))).toEqual([
      'LICENSE',
      'README.md',
      'action.yml',
      'package.json',
    ]);
    expect(tarballFiles).toContain('dist/cli.js');
    expect(tarballFiles.some((f) => /(^|\/)(test|sim|src)\//.test(f))).toBe(false);
    expect(
      readdirSync(path.join(project, 'node_modules')).filter((n) => !n.startsWith('.')),
    ).toEqual(['knative-action']);
  });

  it('--help works', async () => {
    const result = await run(['--help']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Usage: npx github:dwk/knative-action#v1 [options]');
    expect(result.stdout).toContain('--dry-run');
  });

  it("--dry-run --labels canary-30 prints that repository's plan with 30/70", async () => {
    const result = await run(['--dry-run', '--labels', 'canary-30', '--manifests', 'k8s/shop']);
    expect(result.code, result.stderr).toBe(0);
    const base = `storefront-base-${repo.baseSha.slice(0, 7)}`;
    const pr = `storefront-pr-${repo.headSha.slice(0, 7)}`;
    expect(result.stdout).toContain(
      'Split: label canary-30: 30% to the PR revision, 70% to the base revision.',
    );
    expect(result.stdout).toMatch(
      new RegExp(`storefront +shop +canary +${base} +${pr} +${base} 70%, ${pr} 30%`),
    );
    // Through a pipe: plain text, and no workflow commands.
    expect(result.stdout + result.stderr).not.toContain('\u001b[');
    expect(result.stdout + result.stderr).not.toMatch(/^::/m);
  });

  it('without a running Docker engine a run stops at once and says what to do', async () => {
    const failingDocker = path.join(root, 'failing-docker');
    writeFileSync(
      failingDocker,
      '#!/bin/sh\necho "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?" >&2\nexit 1\n',
      { mode: 0o755 },
    );
    const stopped = pathWith('stopped-engine', {
      node: process.execPath,
      git: which('git'),
      docker: failingDocker,
    });
    const result = await run(
      ['--labels', 'canary-30', '--manifests', 'k8s/shop', '--build', 'web=web'],
      { PATH: stopped },
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      'error: This run needs a Docker engine (k3d runs the cluster in Docker containers, and --build runs docker build), but `docker info` failed: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running? Check it with `docker info`',
    );
    expect(result.stderr).toContain('--dry-run plans without Docker.');
    expect(result.stderr).not.toMatch(/^\s+at /m);

    const none = pathWith('no-docker', { node: process.execPath, git: which('git') });
    const missing = await run(['--manifests', 'k8s/shop'], { PATH: none });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      'error: This run needs a Docker engine (k3d runs the cluster in Docker containers), but there is no `docker` command on PATH.',
    );
  });

  it('refuses an unknown option with one line and exit code 2', async () => {
    const result = await run(['--lables', 'canary-30']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "error: Unknown option '--lables'. Did you mean --labels? Run knative-action --help for the options.\n",
    );
  });
});
