/**
 * The bundled command line (dist/cli.js) against the simulated cluster: the whole pipeline in
 * one process, the report as text or JSON, the cluster deleted at the end or kept with the
 * commands to poke at it. No workflow commands anywhere in its output.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBundledCli, type CliRun } from './lib/cli-process.js';
import type { TempRepo } from '../helpers/git-repo.js';
import type { Sim } from '../sim/harness.js';
import { startSim } from '../sim/harness.js';
import { knobsOf } from '../sim/standins/knobs.js';
import {
  clusterList,
  deleteCluster,
  freePort,
  quickSimKnobs,
  stopSim,
  templateRepo,
} from './lib/preview.js';

let sim: Sim;
let repo: TempRepo;

beforeAll(async () => {
  sim = await startSim();
  repo = templateRepo();
});

afterAll(async () => {
  const left = await stopSim(sim);
  repo?.cleanup();
  expect(left, 'k3d clusters left behind').toEqual([]);
});

/** dist/cli.js in the template repo, with the sim's PATH (k3d and docker stand-ins) and mirror. */
async function cli(clusterName: string, args: string[]): Promise<CliRun> {
  sim.setClusterKnobs(clusterName, knobsOf(quickSimKnobs));
  // A run outside Actions has no tool cache: downloads go to its temp folder.
  const { RUNNER_TOOL_CACHE: _cache, 'INPUT_RELEASE-MIRROR': mirror, ...simEnv } = sim.env;
  const argv = [
    ...args,
    '--build',
    'app=app',
    '--requests',
    '300',
    '--input',
    `release-mirror=${mirror}`,
    '--input',
    `cluster-name=${clusterName}`,
    '--input',
    `load-balancer-port=${await freePort()}`,
    '--input',
    `agent-port=${await freePort()}`,
    '--input',
    'timeout-minutes=2',
  ];
  return runBundledCli(argv, {
    cwd: repo.dir,
    env: { HOME: process.env.HOME ?? '', ...simEnv },
    timeoutMs: 150_000,
  });
}

const noWorkflowCommands = (run: CliRun) =>
  expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/^::[a-z-]+/m);

describe('knative-action on the simulated cluster', () => {
  it('runs the preview, prints the report as text and deletes the cluster', async () => {
    const run = await cli('knp-cli-text', ['--labels', 'canary-50']);
    expect(run.code, run.stderr.slice(-3000)).toBe(0);
    const base = `hello-base-${repo.baseSha.slice(0, 7)}`;
    const pr = `hello-pr-${repo.headSha.slice(0, 7)}`;
    // Phases with their times, branches prefixed, in plain text (not a TTY).
    for (const phase of [
      '✔ Plan',
      '✔ [cluster] Bring up k3d, Knative Serving and Contour',
      '✔ [images] Build images',
      '✔ Import images',
      '✔ Deploy',
      '✔ Probe default/hello',
      '✔ Delete the cluster',
    ])
      expect(run.stderr).toMatch(new RegExp(`^${phase.replace(/[[\]/]/g, '\\$&')} \\(\\d`, 'm'));
    expect(run.stderr).toMatch(/^\[cluster\] Creating k3d cluster knp-cli-text/m);
    expect(run.stderr).toContain('Deleted k3d cluster knp-cli-text.');
    expect(run.stdout).toContain(
      '✅ Knative preview: the measured split is consistent with the configured one',
    );
    expect(run.stdout).toMatch(new RegExp(`^${base} +base +50% +\\d+ `, 'm'));
    expect(run.stdout).toMatch(new RegExp(`^${pr} +PR +50% +\\d+ `, 'm'));
    expect(run.stdout).toContain('Verdict: consistent');
    expect(run.stdout).toContain('Tag checks');
    expect(run.stdout).toMatch(/^Phase timings$/m);
    expect(run.stdout).toMatch(/^total +\d+\.\d s$/m);
    expect(run.stdout + run.stderr).not.toContain('\u001b[');
    noWorkflowCommands(run);
    expect(clusterList(sim)).not.toContain('knp-cli-text');
  });

  it('--keep-cluster --json: the report as JSON on stdout, the commands to poke at the cluster on stderr', async () => {
    const name = 'knp-cli-keep';
    const run = await cli(name, ['--labels', 'canary-20', '--keep-cluster', '--json']);
    try {
      expect(run.code, run.stderr.slice(-3000)).toBe(0);
      const report = JSON.parse(run.stdout) as {
        status: string;
        services: { service: string; revisions: { configuredPercent: number }[] }[];
        timings: Record<string, number>;
      };
      expect(report.status).toBe('consistent');
      expect(report.services[0]?.revisions.map((r) => r.configuredPercent)).toEqual([80, 20]);
      expect(report.timings.deploy).toBeGreaterThan(0);
      expect(clusterList(sim)).toContain(name);
      expect(run.stderr).toContain(`The k3d cluster ${name} is still running (--keep-cluster).`);
      expect(run.stderr).toMatch(/^ {2}export KUBECONFIG=.*\/knp-cli-keep\/kubeconfig$/m);
      expect(run.stderr).toContain('  kubectl get ksvc,revisions,routes -n default');
      expect(run.stderr).toMatch(
        /^ {2}curl -H "Host: pr-hello\.default\.example\.com" http:\/\/127\.0\.0\.1:\d+$/m,
      );
      expect(run.stderr).toContain(`  k3d cluster delete ${name}`);
      noWorkflowCommands(run);
    } finally {
      deleteCluster(sim, name);
    }
  });
});
