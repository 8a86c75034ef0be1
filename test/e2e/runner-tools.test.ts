/**
 * The runner's own tools, as GitHub's images ship them: a kubectl several minor versions ahead
 * of the cluster, and Docker 29 with the containerd image store (k3d-io/k3d#1538).
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TempRepo } from '../helpers/git-repo.js';
import { startSim, type Sim } from '../sim/harness.js';
import {
  clusterList,
  removeRunnerTemps,
  reportOf,
  runPreview,
  stopSim,
  templateRepo,
} from './lib/preview.js';

describe.concurrent("the runner's kubectl and Docker", () => {
  let repo: TempRepo;
  const sims: Sim[] = [];
  const fakeBin = mkdtempSync(path.join(os.tmpdir(), 'ka-e2e-fake-kubectl-'));
  beforeAll(() => {
    repo = templateRepo();
    // A runner kubectl two minor versions ahead of k3s 1.34 that can do nothing else: a run that
    // used it would fail.
    const kubectl = path.join(fakeBin, 'kubectl');
    writeFileSync(
      kubectl,
      `#!/bin/sh\nif [ "$1" = version ]; then echo '{"clientVersion":{"gitVersion":"v1.36.1"}}'; exit 0; fi\n` +
        `echo "this kubectl must not be used" >&2\nexit 1\n`,
    );
    chmodSync(kubectl, 0o755);
  });
  afterAll(async () => {
    const left: string[] = [];
    for (const sim of sims) left.push(...(await stopSim(sim)));
    repo?.cleanup();
    removeRunnerTemps();
    rmSync(fakeBin, { recursive: true, force: true });
    expect(left, 'k3d clusters left behind').toEqual([]);
  });
  const simWith = async (knobs: Record<string, string> = {}): Promise<Sim> => {
    const sim = await startSim({ env: { ...process.env, ...knobs } });
    sims.push(sim);
    return sim;
  };

  it('a runner kubectl two minor versions ahead of the cluster: the pinned one is installed, and the log says why', async () => {
    const sim = await simWith();
    const run = await runPreview({
      sim,
      repo,
      labels: ['canary-50'],
      env: { PATH: `${fakeBin}${path.delimiter}${sim.env.PATH ?? ''}` },
    });
    expect(run.main.exitCode, run.log.slice(-3000)).toBe(0);
    expect(run.main.stdout).toContain(
      "The runner's kubectl v1.36.1 is 2 minor versions ahead of the cluster's Kubernetes v1.34.8 " +
        '(kubectl supports one minor version either way); using the pinned kubectl v1.34.2.',
    );
    expect(run.log).not.toContain('this kubectl must not be used');
    expect(reportOf(run).status).toBe('consistent');
    expect(clusterList(sim)).not.toContain(run.clusterName);
  });

  it("Docker's containerd image store: the images are saved for this platform and imported as an archive", async () => {
    const sim = await simWith({ SIM_DOCKER_IMAGE_STORE: 'containerd' });
    const run = await runPreview({ sim, repo, labels: ['canary-50'] });
    expect(run.main.exitCode, run.log.slice(-3000)).toBe(0);
    expect(run.main.stdout).toMatch(
      /Docker uses the containerd image store: saving the images for linux\/\w+ to an archive for k3d/,
    );
    expect(run.main.stdout).not.toContain('ERRO');
    expect(reportOf(run).status).toBe('consistent');
  });
});
