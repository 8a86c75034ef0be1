/**
 * The whole action against a release mirror that misbehaves (SIM_MIRROR_* knobs, read when the
 * mirror starts, so each case has a sim of its own): transient 503s are retried, a wrong
 * checksum is not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TempRepo } from '../helpers/git-repo.js';
import { startSim, type Sim } from '../sim/harness.js';
import {
  clusterList,
  commands,
  removeRunnerTemps,
  stopSim,
  reportOf,
  runPreview,
  templateRepo,
} from './lib/preview.js';

interface MirrorStats {
  total: number;
  byPath: Record<string, number>;
}

async function mirrorStats(sim: Sim): Promise<MirrorStats> {
  const response = await fetch(`${sim.mirrorUrl}/_mirror/stats`, {
    signal: AbortSignal.timeout(10_000),
  });
  return (await response.json()) as MirrorStats;
}

describe.concurrent('release mirror faults', () => {
  let repo: TempRepo;
  const sims: Sim[] = [];
  beforeAll(() => {
    repo = templateRepo();
  });
  afterAll(async () => {
    const left: string[] = [];
    for (const sim of sims) left.push(...(await stopSim(sim)));
    repo?.cleanup();
    removeRunnerTemps();
    expect(left, 'k3d clusters left behind').toEqual([]);
  });
  const simWith = async (knobs: Record<string, string>): Promise<Sim> => {
    const sim = await startSim({ env: { ...process.env, ...knobs } });
    sims.push(sim);
    return sim;
  };

  it('the first two downloads answer 503: they are retried and the run succeeds', async () => {
    const sim = await simWith({ SIM_MIRROR_FAIL_FIRST: '2' });
    const run = await runPreview({ sim, repo, labels: ['canary-50'] });
    expect(run.main.exitCode, run.log.slice(-3000)).toBe(0);
    const retried = [
      ...run.main.stdout.matchAll(
        /download http:\/\/127\.0\.0\.1:\d+(\/\S+): attempt 1 failed \(HTTP 503\); retrying/g,
      ),
    ].map((m) => m[1]);
    expect(retried).toHaveLength(2);
    expect(reportOf(run).status).toBe('consistent');
    // The mirror saw each 503'd asset asked for again.
    const stats = await mirrorStats(sim);
    for (const path of retried) expect(stats.byPath[path ?? '']).toBeGreaterThanOrEqual(2);
    expect(run.post.stdout).toContain(`Deleted k3d cluster ${run.clusterName}.`);
    expect(clusterList(sim)).not.toContain(run.clusterName);
  });

  it("a wrong sha256 in k3d's checksum list fails the install naming the file and both hashes, without retrying", async () => {
    const sim = await simWith({ SIM_MIRROR_BAD_CHECKSUM: 'k3d' });
    const run = await runPreview({ sim, repo, labels: ['canary-50'] });
    expect(run.main.exitCode).toBe(1);
    const report = reportOf(run);
    expect(report.failure?.phase).toBe('install-k3d');
    const message = report.failure?.message ?? '';
    expect(message).toMatch(
      /sha256 mismatch for k3d-linux-(amd64|arm64) \(from http:\/\/127\.0\.0\.1:\d+\/k3d-io\/k3d\/releases\/download\/v5\.9\.0\/k3d-linux-(amd64|arm64)\): expected [0-9a-f]{64}, got [0-9a-f]{64}/,
    );
    const [, expected, actual] = /expected ([0-9a-f]{64}), got ([0-9a-f]{64})/.exec(message) ?? [];
    expect(expected).not.toBe(actual);
    expect(commands(run.main, 'error').join('\n')).toContain('install-k3d failed: sha256 mismatch');
    // A corrupt download is not transient: the binary was fetched exactly once, not cached.
    const stats = await mirrorStats(sim);
    const binary = Object.entries(stats.byPath).filter(([p]) => /\/k3d-linux-[a-z0-9]+$/.test(p));
    expect(binary.map(([, count]) => count)).toEqual([1]);
    expect(run.main.stdout).not.toMatch(/k3d-linux-\w+: attempt \d+ failed/);
    expect(run.main.stdout).not.toContain('cluster create');
    expect(run.post.stdout).toContain('No cluster was created: nothing to clean up.');
    expect(clusterList(sim)).toEqual([]);
  });
});
