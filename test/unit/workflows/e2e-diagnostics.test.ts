/**
 * The e2e workflow's failure path. A `uses:` step's `post:` runs only after every main step of
 * the job (in reverse order of the steps), so diagnostics the action's post step writes cannot
 * be in an upload step's artifact; and the action's temp folder also holds the cluster's admin
 * kubeconfig and kubectl's cache, which must never be uploaded.
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  collectE2eDiagnostics,
  findKubeconfigs,
} from '../../../.github/e2e/collect-diagnostics.js';
import type { ToolResult, ToolRunner } from '../../../src/util/tool-runner.js';
import { repoRoot, workflowFile, type Step } from './workflow-files.js';

const steps = workflowFile('.github/workflows/e2e.yml').workflow.jobs.cluster?.steps ?? [];
const preview = steps.find((step) => step.uses === './');
const upload = steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
const collect = steps.find((step) => step.run?.includes('.github/e2e/collect-diagnostics.ts'));

type Phase = 'main' | 'post';

/** What a runner executes for one job: each step's main in order, then posts in reverse. */
function runnerOrder(jobSteps: Step[]): { step: Step; phase: Phase }[] {
  const hasPost = (step: Step) =>
    step.uses === './' || !!step.uses?.startsWith('actions/checkout@');
  return [
    ...jobSteps.map((step) => ({ step, phase: 'main' as const })),
    ...jobSteps
      .filter(hasPost)
      .reverse()
      .map((step) => ({ step, phase: 'post' as const })),
  ];
}

/**
 * RUNNER_TEMP after a failed cluster job, and which step writes each file: the action (main step:
 * plan files, kubeconfig, kubectl's cache; post step: its own diagnostics copy) and the
 * workflow's collect step.
 */
const CLUSTER = 'knp-1234-1';
const RUNNER_FILES: { path: string; by?: Step; phase: Phase; secret?: boolean }[] = [
  { path: 'knative-action/plan/default-hello.1-base.yaml', by: preview, phase: 'main' },
  { path: 'knative-action/plan/default-hello.2-pr.yaml', by: preview, phase: 'main' },
  { path: 'knative-action/plan/plan.json', by: preview, phase: 'main' },
  { path: `knative-action/${CLUSTER}/kubeconfig`, by: preview, phase: 'main', secret: true },
  {
    path: `knative-action/${CLUSTER}/kube-cache/discovery/127.0.0.1_6550/servergroups.json`,
    by: preview,
    phase: 'main',
    secret: true,
  },
  { path: `knative-action/${CLUSTER}/diagnostics.txt`, by: preview, phase: 'post' },
  { path: 'e2e-diagnostics/diagnostics.txt', by: collect, phase: 'main' },
  { path: 'e2e-diagnostics/report.json', by: collect, phase: 'main' },
];

/**
 * The files an upload-artifact `path:` selects, as @actions/glob reads it: `*` within one path
 * segment, `**` across segments, and a folder takes everything below it.
 */
function selected(pathInput: string, files: string[]): string[] {
  const patterns = pathInput
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => line.replace(/^\$\{\{ runner\.temp \}\}\//, ''));
  const toRegex = (pattern: string) =>
    new RegExp(
      `^${pattern
        .split('/')
        .map((segment) =>
          segment === '**'
            ? '.*'
            : segment.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'),
        )
        .join('/')}(/.*)?$`,
    );
  return files.filter((file) => patterns.some((pattern) => toRegex(pattern).test(file)));
}

describe('e2e.yml uploads diagnostics that exist, and nothing secret', () => {
  const uploaded = selected(
    String(upload?.with?.path ?? ''),
    RUNNER_FILES.map((file) => file.path),
  );

  test('the upload runs on failure, after a step that collects diagnostics on failure', () => {
    expect(upload?.if).toBe('failure()');
    expect(collect?.if).toBe('failure()');
    expect(steps.indexOf(collect!)).toBeGreaterThan(steps.indexOf(preview!));
    expect(steps.indexOf(collect!)).toBeLessThan(steps.indexOf(upload!));
  });

  test('every file the upload selects was written before the upload runs', () => {
    const order = runnerOrder(steps);
    const at = (step: Step | undefined, phase: Phase) =>
      order.findIndex((event) => event.step === step && event.phase === phase);
    const uploadAt = at(upload, 'main');
    for (const path of uploaded) {
      const file = RUNNER_FILES.find((f) => f.path === path)!;
      const writtenAt = at(file.by, file.phase);
      expect(writtenAt, `${path} is written by no step`).toBeGreaterThanOrEqual(0);
      expect(writtenAt, `${path} is written after the upload`).toBeLessThan(uploadAt);
    }
    expect(uploaded).toContain('e2e-diagnostics/diagnostics.txt');
  });

  test('the upload selects the diagnostics, the report and the plan files', () => {
    expect(uploaded).toEqual([
      'knative-action/plan/default-hello.1-base.yaml',
      'knative-action/plan/default-hello.2-pr.yaml',
      'knative-action/plan/plan.json',
      'e2e-diagnostics/diagnostics.txt',
      'e2e-diagnostics/report.json',
    ]);
  });

  test('the upload never selects the kubeconfig or kubectl cache', () => {
    const secrets = RUNNER_FILES.filter((file) => file.secret).map((file) => file.path);
    expect(uploaded.filter((path) => secrets.includes(path))).toEqual([]);
    // Named files only: no recursive pattern, nothing from a cluster's own folder.
    expect(String(upload?.with?.path)).not.toContain('**');
    for (const line of String(upload?.with?.path).trim().split('\n')) {
      expect(line).toMatch(
        /^\$\{\{ runner\.temp \}\}\/(e2e-diagnostics\/[a-z]+\.(txt|json)|knative-action\/plan\/(\*\.yaml|plan\.json))$/,
      );
    }
  });

  test('the collect step writes where the upload reads, from the action outputs via env', () => {
    expect(collect?.run).toBe(
      'npm ci --no-audit --no-fund\nnpx tsx .github/e2e/collect-diagnostics.ts\n',
    );
    expect(collect?.env).toEqual({
      DIAGNOSTICS_DIR: '${{ runner.temp }}/e2e-diagnostics',
      REPORT: '${{ steps.preview.outputs.report }}',
    });
  });
});

function fakeKubectl(): { runner: ToolRunner; calls: string[][] } {
  const calls: string[][] = [];
  const answer = (args: readonly string[]): Promise<ToolResult> => {
    calls.push([...args]);
    const json = args.includes('json');
    return Promise.resolve({
      exitCode: 0,
      stdout: json ? '{"items":[]}' : 'NAME    READY\nhello   True\n',
      stderr: '',
    });
  };
  return { calls, runner: { tool: 'kubectl', run: answer, runOk: answer } };
}

describe('.github/e2e/collect-diagnostics.ts', () => {
  let temp: string;
  let runnerTemp: string;
  let outDir: string;
  beforeEach(() => {
    temp = mkdtempSync(join(tmpdir(), 'collect-diagnostics-'));
    runnerTemp = join(temp, 'runner');
    outDir = join(runnerTemp, 'e2e-diagnostics');
    mkdirSync(join(runnerTemp, 'knative-action', CLUSTER, 'kube-cache'), { recursive: true });
    mkdirSync(join(runnerTemp, 'knative-action', 'plan'), { recursive: true });
    writeFileSync(
      join(runnerTemp, 'knative-action', CLUSTER, 'kubeconfig'),
      'client-key-data: SECRET',
    );
    writeFileSync(join(runnerTemp, 'knative-action', CLUSTER, 'kube-cache', 'x'), 'SECRET');
  });
  afterEach(() => rmSync(temp, { recursive: true, force: true }));

  test('finds each cluster kubeconfig the action left, ignoring a symbolic link', async () => {
    mkdirSync(join(runnerTemp, 'knative-action', 'other'));
    symlinkSync('/etc/passwd', join(runnerTemp, 'knative-action', 'other', 'kubeconfig'));
    expect(await findKubeconfigs(runnerTemp)).toEqual([
      {
        cluster: CLUSTER,
        kubeconfigPath: join(runnerTemp, 'knative-action', CLUSTER, 'kubeconfig'),
      },
    ]);
  });

  test('writes the diagnostics and the report, and nothing of the kubeconfig', async () => {
    const kubectl = fakeKubectl();
    const written = await collectE2eDiagnostics({
      runnerTemp,
      outDir,
      report: '{"status":"failed"}',
      kubectl: kubectl.runner,
    });
    expect(written).toEqual([join(outDir, 'diagnostics.txt'), join(outDir, 'report.json')]);
    expect(readdirSync(outDir).sort()).toEqual(['diagnostics.txt', 'report.json']);
    const diagnostics = readFileSync(join(outDir, 'diagnostics.txt'), 'utf8');
    expect(diagnostics).toContain(`## Cluster ${CLUSTER}`);
    expect(diagnostics).toContain('### Knative services\nNAME    READY\nhello   True');
    expect(diagnostics).not.toContain('SECRET');
    expect(JSON.parse(readFileSync(join(outDir, 'report.json'), 'utf8'))).toEqual({
      status: 'failed',
    });
    const kubeconfig = join(runnerTemp, 'knative-action', CLUSTER, 'kubeconfig');
    for (const args of kubectl.calls)
      expect(args.slice(0, 2)).toEqual(['--kubeconfig', kubeconfig]);
  });

  test('says so when the run failed before a cluster existed; skips a report that is not JSON', async () => {
    rmSync(join(runnerTemp, 'knative-action', CLUSTER), { recursive: true });
    const written = await collectE2eDiagnostics({
      runnerTemp,
      outDir,
      report: 'not json',
      kubectl: fakeKubectl().runner,
    });
    expect(written).toEqual([join(outDir, 'diagnostics.txt')]);
    expect(readFileSync(written[0]!, 'utf8')).toContain('failed before a cluster was created');
  });

  test('runs as the workflow step runs it, with the kubectl named by KUBECTL', () => {
    const bin = join(temp, 'bin');
    mkdirSync(bin);
    const fake = join(bin, 'kubectl');
    writeFileSync(
      fake,
      [
        '#!/bin/sh',
        'echo "$*" >> "$(dirname "$0")/calls.log"',
        'case " $* " in *" json "*) echo \'{"items":[]}\' ;; *) echo "NAME READY" ;; esac',
        '',
      ].join('\n'),
    );
    chmodSync(fake, 0o755);
    execFileSync(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, '.github/e2e/collect-diagnostics.ts')],
      {
        cwd: repoRoot,
        env: {
          PATH: process.env.PATH,
          RUNNER_TEMP: runnerTemp,
          DIAGNOSTICS_DIR: outDir,
          REPORT: '{"status":"failed"}',
          KUBECTL: fake,
        },
        timeout: 60_000,
      },
    );
    expect(readdirSync(outDir).sort()).toEqual(['diagnostics.txt', 'report.json']);
    expect(readFileSync(join(bin, 'calls.log'), 'utf8')).toContain(
      `--kubeconfig ${join(runnerTemp, 'knative-action', CLUSTER, 'kubeconfig')}`,
    );
  });
});
