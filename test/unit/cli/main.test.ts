/**
 * The command line in-process, on temporary git repositories: help, dry runs, the errors that
 * stop it before anything starts (exit code 2, one line, no stack), and no Docker.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EngineCheck } from '../../../src/cli/docker-engine.js';
import { runCli } from '../../../src/cli/main.js';
import { knativeService, makeRepo, type TempRepo } from '../../helpers/git-repo.js';

const repos: TempRepo[] = [];
const temps: string[] = [];
afterAll(() => {
  for (const repo of repos) repo.cleanup();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** Someone else's service: another name, namespace and folder than the template's. */
function storefrontRepo(): TempRepo {
  const repo = makeRepo(
    {
      'deploy/knative/storefront.yaml': knativeService('storefront', {
        namespace: 'shop',
        target: 'v1',
      }),
      'README.md': 'a shop',
    },
    {
      'deploy/knative/storefront.yaml': knativeService('storefront', {
        namespace: 'shop',
        target: 'v2',
      }),
    },
  );
  repos.push(repo);
  return repo;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(
  cwd: string,
  argv: string[],
  options: { docker?: () => Promise<EngineCheck>; env?: NodeJS.ProcessEnv } = {},
): Promise<Run> {
  const out = { stdout: '', stderr: '' };
  const tempRoot = mkdtempSync(path.join(os.tmpdir(), 'ka-cli-'));
  temps.push(tempRoot);
  const code = await runCli({
    argv,
    env: options.env ?? {},
    cwd,
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text) },
    checkDocker:
      options.docker ?? (() => Promise.resolve({ running: false, reason: 'not in this test' })),
    tempRoot,
  });
  return { code, ...out };
}

const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe('knative-action (in-process)', () => {
  it('--help lists the options, the inputs and examples', async () => {
    const run = await cli(os.tmpdir(), ['--help']);
    expect(run.code).toBe(0);
    for (const option of [
      '--labels LIST',
      '--base REF',
      '--head REF',
      '--manifests PATH',
      '--build NAME=DIR[:DOCKERFILE]',
      '--requests N',
      '--cluster k3d|existing',
      '--dry-run',
      '--keep-cluster',
      '--input NAME=VALUE',
      '--json',
      '--debug',
      '-h, --help',
    ])
      expect(run.stdout).toContain(option);
    expect(run.stdout).toMatch(
      /Inputs for --input.*\n.*agents, [\s\S]*domain,\s[\s\S]*timeout-minutes, ttl\n/,
    );
    expect(run.stdout).not.toMatch(/Inputs for --input[\s\S]*github-token[\s\S]*Commits:/);
    expect(run.stdout).toContain('knative-action --dry-run --labels canary-30');
    expect(run.stdout).toContain(
      'Uncommitted changes under the\nmanifests or a build context are refused',
    );
    expect(run.stdout).toContain('docker info');
  });

  it("--dry-run --labels canary-30 prints the repository's plan with 30/70", async () => {
    const repo = storefrontRepo();
    const run = await cli(repo.dir, [
      '--dry-run',
      '--labels',
      'canary-30',
      '--manifests',
      'deploy/knative',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const base = `storefront-base-${repo.baseSha.slice(0, 7)}`;
    const pr = `storefront-pr-${repo.headSha.slice(0, 7)}`;
    expect(run.stdout).toContain('planned (dry run, nothing deployed)');
    expect(run.stdout).toContain(
      'Split: label canary-30: 30% to the PR revision, 70% to the base revision.',
    );
    expect(run.stdout).toMatch(
      new RegExp(`storefront +shop +canary +${base} +${pr} +${base} 70%, ${pr} 30%`),
    );
    expect(run.stdout).toMatch(/Rendered manifests: .*knative-action\/plan/);
    // The base is HEAD~1 on the default branch; the log says so.
    expect(run.stderr).toContain(
      `Previewing main (${repo.headSha.slice(0, 7)}) against main~1 (${repo.baseSha.slice(0, 7)})`,
    );
    expect(run.stderr).toMatch(/✔ Plan \(\d+\.\ds\)/);
    // Not a TTY: no colour, no spinner.
    expect(run.stdout + run.stderr).not.toContain('\u001b[');
  });

  it('--json prints the report output of the action, and nothing else on stdout', async () => {
    const repo = storefrontRepo();
    const run = await cli(repo.dir, ['--dry-run', '--json', '--manifests', 'deploy/knative']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ status: 'planned', services: [], timings: {} });
  });

  it('previews another --head from a temporary worktree and removes it afterwards', async () => {
    const repo = storefrontRepo();
    execFileSync('git', ['checkout', '-q', repo.baseSha], { cwd: repo.dir });
    try {
      const run = await cli(repo.dir, [
        '--dry-run',
        '--base',
        repo.baseSha,
        '--head',
        'main',
        '--manifests',
        'deploy/knative',
      ]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(`storefront-pr-${repo.headSha.slice(0, 7)}`);
      expect(run.stderr).toMatch(/main is checked out in .*head-\w+ for this run\./);
      const worktrees = execFileSync('git', ['worktree', 'list', '--porcelain'], {
        cwd: repo.dir,
        encoding: 'utf8',
      });
      expect(worktrees.match(/^worktree /gm)).toHaveLength(1);
    } finally {
      execFileSync('git', ['checkout', '-q', 'main'], { cwd: repo.dir });
    }
  });

  it('without Docker: stops at once, says Docker is needed, how to check, and that --dry-run works', async () => {
    const repo = storefrontRepo();
    let asked = 0;
    const run = await cli(repo.dir, ['--manifests', 'deploy/knative', '--build', 'web=.'], {
      docker: () => {
        asked++;
        return Promise.resolve({ running: false, reason: '`docker info` failed: Cannot connect' });
      },
    });
    expect(run.code).toBe(2);
    expect(asked).toBe(1);
    expect(run.stderr).toContain(
      'error: This run needs a Docker engine (k3d runs the cluster in Docker containers, and --build runs docker build), but `docker info` failed: Cannot connect. Check it with `docker info`',
    );
    expect(run.stderr).toContain('--dry-run plans without Docker.');
    // Nothing was planned or started.
    expect(run.stderr).not.toContain('Plan');
    expect(run.stdout).toBe('');
    noStack(run.stderr);
  });

  it('refuses bad options and values with one line and exit code 2', async () => {
    const repo = storefrontRepo();
    const cases: [string[], string][] = [
      [['--lables', 'canary-5'], "error: Unknown option '--lables'. Did you mean --labels?"],
      [
        ['--dry-run', '--requests', '0'],
        "error: --requests has the value '0', which is not allowed",
      ],
      [['--dry-run', '--input', 'nope=1'], "error: Unknown input 'nope' in --input."],
      [
        ['--cluster', 'existing', '--input', 'mode=sweep'],
        'error: --input mode=sweep is for workflows',
      ],
      [
        ['--dry-run', '--cluster', 'existing', '--build', 'app=app'],
        'error: --build with --cluster existing pushes the images where the cluster pulls them: add --input registry=HOST/OWNER',
      ],
      [['--dry-run', '--base', 'no-such-ref'], "error: --base 'no-such-ref' is not a commit"],
      [
        ['--dry-run', '--labels', 'canary-150', '--manifests', 'deploy/knative'],
        "error: Label 'canary-150' is not a valid split: use canary-0 to canary-100",
      ],
      [
        ['--dry-run'],
        "error: No Knative manifests at 'knative' in the workspace: set --manifests to a folder",
      ],
    ];
    for (const [argv, message] of cases) {
      const run = await cli(repo.dir, argv);
      expect(run.code, `${argv.join(' ')}: ${run.stderr}`).toBe(2);
      expect(run.stderr, argv.join(' ')).toContain(message);
      expect(run.stdout).toBe('');
      noStack(run.stderr);
    }
  });

  it('refuses uncommitted changes in the manifests, not elsewhere', async () => {
    const repo = storefrontRepo();
    writeFileSync(path.join(repo.dir, 'README.md'), 'edited');
    const clean = await cli(repo.dir, ['--dry-run', '--manifests', 'deploy/knative']);
    expect(clean.code, clean.stderr).toBe(0);
    writeFileSync(path.join(repo.dir, 'deploy/knative/storefront.yaml'), 'changed: true\n');
    const dirty = await cli(repo.dir, ['--dry-run', '--manifests', 'deploy/knative']);
    expect(dirty.code).toBe(2);
    expect(dirty.stderr).toContain(
      'error: Uncommitted changes in what the preview reads (deploy/knative/storefront.yaml). The preview is of commits',
    );
    expect(dirty.stderr).toContain('commit or stash them, then run again.');
    execFileSync('git', ['checkout', '--', '.'], { cwd: repo.dir });
  });

  it('an unexpected error is one line; its stack only with --debug or KNATIVE_ACTION_DEBUG=1', async () => {
    const repo = storefrontRepo();
    const boom = () => Promise.reject(new Error('socket hang up'));
    const run = await cli(repo.dir, ['--manifests', 'deploy/knative'], { docker: boom });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error: knative-action failed: socket hang up');
    expect(run.stderr).toContain('Run again with --debug');
    noStack(run.stderr);
    for (const [argv, env] of [
      [['--manifests', 'deploy/knative', '--debug'], {}],
      [['--manifests', 'deploy/knative'], { KNATIVE_ACTION_DEBUG: '1' }],
    ] as const) {
      const debug = await cli(repo.dir, [...argv], { docker: boom, env });
      expect(debug.code).toBe(1);
      expect(debug.stderr).toContain('debug: Error: socket hang up\n');
      expect(debug.stderr).toMatch(/^ +at .+:\d+:\d+\)?$/m);
    }
  });
});
