/**
 * PR vs base, the whole action on the simulated cluster: latency verdicts from known
 * SIM_LATENCY_MS, an error regression from SIM_ERROR_RATE, cold starts from SIM_COLD_START_MS
 * with the autoscaler windows the action shortens in its ephemeral cluster. Three runs, each
 * checking several things. Simulated results, not a real Knative cluster.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceComparison } from '../../src/compare/types.js';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';
import { repoRoot } from '../helpers/run-action.js';
import {
  commands,
  reportOf,
  runPreview,
  templateFiles,
  templateService,
  useSimulatedWorld,
  type PreviewRun,
} from './lib/preview.js';

/** The template app and its service without the template's min-scale 1: revisions may idle to zero. */
function scaleToZeroRepo(): TempRepo {
  const service = (target: string): string => {
    const text = templateService('hello', target).replace(
      /^( *)autoscaling\.knative\.dev\/min-scale: .*$/m,
      "$1autoscaling.knative.dev/max-scale: '3'",
    );
    if (text.includes('min-scale'))
      throw new Error('the template service changed: update this test');
    return text;
  };
  return makeRepo(
    {
      ...templateFiles(path.join(repoRoot, 'template/app'), 'app'),
      'knative/service.yaml': service('Knative'),
    },
    { 'knative/service.yaml': service('Preview') },
  );
}

interface ComparedReport {
  services: { service: string; comparison?: ServiceComparison }[];
  regressions?: { service: string; kind: string; failsRun: boolean; message: string }[];
  autoscaler?: Record<string, string>;
}

function comparisonOf(run: PreviewRun): ServiceComparison {
  const report = reportOf(run) as unknown as ComparedReport;
  const comparison = report.services[0]?.comparison;
  if (!comparison || !('latency' in comparison))
    throw new Error(`no comparison in the report; log:\n${run.log.slice(-4000)}`);
  return comparison;
}

describe.concurrent('PR vs base on the simulated cluster', { timeout: 300_000 }, () => {
  const world = useSimulatedWorld();
  let idling: TempRepo;
  beforeAll(() => {
    idling = scaleToZeroRepo();
  });
  afterAll(() => idling?.cleanup());

  it('a PR 4x slower is slower and fails over the threshold; its cold starts are measured', async () => {
    const run = await runPreview({
      sim: world.sim,
      repo: idling,
      labels: ['canary-50'],
      inputs: { 'latency-threshold': '50', 'cold-start': 'true' },
      env: {
        SIM_LATENCY_MS: '*-pr-*=40,*=10',
        SIM_COLD_START_MS: '*-pr-*=800',
      },
    });
    expect(run.main.exitCode, run.log.slice(-4000)).toBe(1);
    const { latency, errors, coldStart } = comparisonOf(run);
    expect(latency.verdict).toBe('slower');
    // 4x the sim's delay; the request's own overhead (both sides alike) dilutes the ratio a little.
    expect(latency.ratio).toBeGreaterThan(2);
    expect(latency.base.samples).toBe(200);
    expect(errors.regression).toBe(false);

    const report = reportOf(run) as unknown as ComparedReport;
    expect(report.regressions).toEqual([
      expect.objectContaining({ service: 'hello', kind: 'latency', failsRun: true }),
    ]);
    const [failure] = commands(run.main, 'error');
    expect(failure).toMatch(
      /The PR regressed against the base \(fail-on-regression is on\): hello is slower: the PR's median latency is \d+\.\d\d× the base's, more than the latency-threshold of 50% allows \(1\.50×\)/,
    );

    // Cold starts: three per revision; the PR's take its 800 ms (up to 10% more) and the request.
    expect(report.autoscaler).toEqual({
      'stable-window': '6s',
      'scale-to-zero-grace-period': '3s',
    });
    expect(coldStart?.pr, `${JSON.stringify(coldStart)}\n${run.log.slice(-3000)}`).toMatchObject({
      measured: true,
    });
    expect(coldStart?.base).toMatchObject({ measured: true });
    if (coldStart?.pr.measured && coldStart.base.measured) {
      expect(coldStart.pr.samplesMs).toHaveLength(3);
      expect(coldStart.pr.medianMs).toBeGreaterThanOrEqual(800);
      expect(coldStart.pr.medianMs).toBeLessThan(1500);
      expect(coldStart.base.medianMs).toBeLessThan(400);
    }
    expect(run.log).toContain('Shortened config-autoscaler in the ephemeral cluster');
    expect(run.main.summary).toContain('**PR vs base**');
    expect(run.main.summary).toContain('```mermaid');
    expect(run.main.summary).toContain('### ❌ Knative preview: the PR is slower than the base');
  });

  it('a PR failing 30% of requests fails the run and says so; equal latencies are same', async () => {
    const run = await runPreview({
      sim: world.sim,
      repo: world.repo,
      labels: ['canary-50'],
      env: { SIM_LATENCY_MS: '*=5', SIM_ERROR_RATE: '*-pr-*=0.3' },
    });
    expect(run.main.exitCode, run.log.slice(-4000)).toBe(1);
    const { latency, errors } = comparisonOf(run);
    expect(latency.verdict).toBe('same');
    expect(errors.regression).toBe(true);
    expect(errors.base.errors).toBe(0);
    // The split probe's answers count too: more than the comparison's 200 per side.
    expect(errors.pr.total).toBeGreaterThan(200);
    expect(errors.pr.errors / errors.pr.total).toBeGreaterThan(0.2);
    expect(errors.pr.mostCommon).toMatchObject({
      kind: 'HTTP 500',
      sample: 'Internal Server Error\n',
    });
    const [failure] = commands(run.main, 'error');
    expect(failure).toMatch(
      /The PR regressed against the base \(fail-on-regression is on\): hello fails more often: the PR revision failed \d+ of \d+ \(\d+\.\d%\) requests, the base 0 of \d+ \(0\.0%\); one-sided Fisher's exact test p < 0\.001 < alpha 0\.01\. Most common in the comparison: HTTP 500 \(\d+×\), e\.g\. "Internal Server Error"/,
    );
    expect(run.main.summary).toContain(
      '### ❌ Knative preview: the PR fails more often than the base',
    );
  });

  it('a faster PR is faster and, with no threshold, only reported', async () => {
    const run = await runPreview({
      sim: world.sim,
      repo: world.repo,
      labels: ['canary-20'],
      env: { SIM_LATENCY_MS: '*-base-*=20,*=5' },
    });
    expect(run.main.exitCode, run.log.slice(-4000)).toBe(0);
    const { latency, errors } = comparisonOf(run);
    expect(latency.verdict).toBe('faster');
    expect(latency.ratio).toBeLessThan(0.5);
    expect(latency.interval?.high).toBeLessThan(1);
    expect(errors).toMatchObject({ regression: false, base: { errors: 0 }, pr: { errors: 0 } });
    expect(commands(run.main, 'error')).toEqual([]);
  });
});
