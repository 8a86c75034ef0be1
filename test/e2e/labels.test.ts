/**
 * The whole action (dist/index.js, then dist/post.js) against the simulated cluster, once per
 * split label: the configured split, the measured one and the outputs must agree, and the post
 * step must delete the cluster. Simulated results, not a real Knative cluster.
 */
import { describe, expect, it } from 'vitest';
import {
  clusterList,
  commands,
  reportOf,
  revisionNames,
  runPreview,
  useSimulatedWorld,
} from './lib/preview.js';

describe.concurrent(
  'split labels, whole action on the simulated cluster',
  { timeout: 300_000 },
  () => {
    const world = useSimulatedWorld();

    const cases: { title: string; labels: string[]; prPercent: number }[] = [
      { title: 'no split label', labels: [], prPercent: 100 },
      { title: 'canary-0', labels: ['canary-0'], prPercent: 0 },
      { title: 'canary-20 beside another label', labels: ['bug', 'canary-20'], prPercent: 20 },
      { title: 'canary-50', labels: ['canary-50'], prPercent: 50 },
      { title: 'CANARY-100 (any case)', labels: ['CANARY-100'], prPercent: 100 },
    ];

    it.each(cases.map((c) => ({ ...c, share: `${c.prPercent}%` })))(
      '$title: the PR revision gets $share, measured and reported',
      async (c) => {
        const run = await runPreview({ sim: world.sim, repo: world.repo, labels: c.labels });
        const names = revisionNames(world.repo, 'hello');
        expect(run.main.exitCode, run.log.slice(-3000)).toBe(0);
        expect(commands(run.main, 'error')).toEqual([]);

        // Outputs: revisions, traffic as applied, url.
        expect(JSON.parse(run.main.outputs.revisions ?? '')).toEqual(names);
        const traffic = JSON.parse(run.main.outputs.traffic ?? '') as {
          revisionName: string;
          percent: number;
          tag: string;
        }[];
        const percentOf = (revision: string): number =>
          traffic.filter((t) => t.revisionName === revision).reduce((sum, t) => sum + t.percent, 0);
        expect(percentOf(names.pr)).toBe(c.prPercent);
        expect(percentOf(names.base)).toBe(100 - c.prPercent);
        expect(traffic.reduce((sum, t) => sum + t.percent, 0)).toBe(100);
        expect(traffic.map((t) => t.tag).sort()).toEqual(['base', 'pr']);
        expect(run.main.outputs.url).toBe('http://hello.default.example.com');

        // Report: verdict consistent, configured percents per the label, observed within interval.
        const report = reportOf(run);
        expect(report.status).toBe('consistent');
        expect(report.services).toHaveLength(1);
        const [service] = report.services;
        expect(service?.service).toBe('hello');
        expect(service?.verdict).toBe('consistent');
        // Batches of 300 until the split gate decides, at most 1600 (the default cap).
        expect(service?.requests).toBeGreaterThanOrEqual(300);
        expect(service?.requests).toBeLessThanOrEqual(1600);
        const byRevision = Object.fromEntries(service!.revisions.map((r) => [r.side, r]));
        expect(byRevision.pr?.revision).toBe(names.pr);
        expect(byRevision.pr?.configuredPercent).toBe(c.prPercent);
        expect(byRevision.base?.configuredPercent).toBe(100 - c.prPercent);
        const responses = service!.revisions.reduce((sum, r) => sum + r.responses, 0);
        expect(responses).toBe(service!.requests);
        for (const revision of service!.revisions) {
          expect(revision.errors).toBe(0);
          expect(revision.observedPercent).toBeGreaterThanOrEqual(revision.interval.low);
          expect(revision.observedPercent).toBeLessThanOrEqual(revision.interval.high);
          expect(revision.observedPercent).toBeCloseTo((100 * revision.responses) / responses, 1);
          if (revision.configuredPercent === 0 || revision.configuredPercent === 100)
            expect(revision.observedPercent).toBe(revision.configuredPercent);
          // Random per request: stay far beyond sampling noise (sd is under 3 points at n = 300).
          else
            expect(Math.abs(revision.observedPercent - revision.configuredPercent)).toBeLessThan(
              15,
            );
        }
        // Both tags answered with their own revision.
        for (const check of service!.tagChecks) expect(check.matched).toBe(check.requests);

        // The job summary carries the traffic table; the post step deleted the cluster.
        expect(run.main.summary).toContain(names.pr);
        expect(run.post.exitCode).toBe(0);
        expect(run.post.stdout).toContain(`Deleted k3d cluster ${run.clusterName}.`);
        expect(run.post.summary).not.toContain('Cluster diagnostics');
        expect(clusterList(world.sim)).not.toContain(run.clusterName);
      },
    );

    it('a label over 100 fails naming the label, before any cluster exists', async () => {
      const run = await runPreview({ sim: world.sim, repo: world.repo, labels: ['canary-150'] });
      expect(run.main.exitCode).toBe(1);
      const errors = commands(run.main, 'error');
      expect(errors.join('\n')).toContain("'canary-150'");
      expect(errors.join('\n')).toMatch(/canary-0 to canary-100/);
      const report = reportOf(run);
      expect(report.status).toBe('failed');
      expect(report.failure?.phase).toBe('plan');
      expect(report.failure?.message).toContain('canary-150');
      expect(run.main.stdout).not.toContain('cluster create');
      expect(run.post.exitCode).toBe(0);
      expect(run.post.stdout).toContain('No cluster was created: nothing to clean up.');
      expect(clusterList(world.sim)).not.toContain(run.clusterName);
    });
  },
);
