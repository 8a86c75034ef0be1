/**
 * Two Knative Services in one manifests folder (both built from the template app): each is
 * deployed as base and PR revisions, probed on its own route, and reported under its name.
 */
import { describe, expect, it } from 'vitest';
import {
  clusterList,
  reportOf,
  revisionNames,
  runPreview,
  useSimulatedWorld,
} from './lib/preview.js';

describe('two services in one preview', () => {
  const world = useSimulatedWorld({ extraServices: { greeter: 'Greeter' } });

  it('deploys and probes both; traffic, revisions and report are keyed by service', async () => {
    const run = await runPreview({ sim: world.sim, repo: world.repo, labels: ['canary-20'] });
    expect(run.main.exitCode, run.log.slice(-3000)).toBe(0);
    const services = ['greeter', 'hello'];

    const revisions = JSON.parse(run.main.outputs.revisions ?? '') as Record<string, unknown>;
    expect(Object.keys(revisions).sort()).toEqual(services);
    for (const name of services) expect(revisions[name]).toEqual(revisionNames(world.repo, name));

    const traffic = JSON.parse(run.main.outputs.traffic ?? '') as Record<
      string,
      { revisionName: string; percent: number; tag: string }[]
    >;
    expect(Object.keys(traffic).sort()).toEqual(services);
    for (const name of services) {
      const names = revisionNames(world.repo, name);
      expect(traffic[name]).toEqual(
        expect.arrayContaining([
          { revisionName: names.base, percent: 80, tag: 'base' },
          { revisionName: names.pr, percent: 20, tag: 'pr' },
        ]),
      );
      expect(traffic[name]).toHaveLength(2);
    }

    const report = reportOf(run);
    expect(report.status).toBe('consistent');
    expect(report.services.map((s) => s.service).sort()).toEqual(services);
    for (const service of report.services) {
      const names = revisionNames(world.repo, service.service);
      expect(service.url).toBe(`http://${service.service}.default.example.com`);
      expect(service.verdict).toBe('consistent');
      // Batches of 300 until the split gate decides, at most 1600 (the default cap).
      expect(service.requests).toBeGreaterThanOrEqual(300);
      expect(service.requests).toBeLessThanOrEqual(1600);
      // Each route answered only with its own service's revisions.
      expect(service.revisions.map((r) => r.revision).sort()).toEqual([names.base, names.pr]);
      expect(service.revisions.reduce((sum, r) => sum + r.responses, 0)).toBe(service.requests);
      expect(service.revisions.find((r) => r.side === 'pr')?.configuredPercent).toBe(20);
      for (const check of service.tagChecks) expect(check.matched).toBe(check.requests);
    }
    // url is the first service's route.
    expect(run.main.outputs.url).toBe(report.services[0]?.url);

    expect(run.post.stdout).toContain(`Deleted k3d cluster ${run.clusterName}.`);
    expect(clusterList(world.sim)).not.toContain(run.clusterName);
  });
});
