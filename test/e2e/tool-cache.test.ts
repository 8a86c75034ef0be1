/**
 * A persistent runner's tool cache outlives the job: a later job (or anyone with access to the
 * runner) may have replaced a cached binary. The whole action, run twice on one tool cache with
 * the cached k3d replaced in between, must never execute the replacement.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { commands, reportOf, runPreview, useSimulatedWorld } from './lib/preview.js';

const toolCache = mkdtempSync(path.join(os.tmpdir(), 'ka-e2e-tool-cache-'));
afterAll(() => rmSync(toolCache, { recursive: true, force: true }));

/** The cached k3d binary (tool-cache layout: <root>/k3d/<version>/<arch>/<file>). */
function cachedK3d(): string {
  const versionDir = path.join(toolCache, 'k3d', '5.9.0');
  const arch = readdirSync(versionDir).find((entry) => !entry.endsWith('.complete'));
  if (!arch) throw new Error(`no k3d in the tool cache ${versionDir}`);
  return path.join(versionDir, arch, `k3d-linux-${arch}`);
}

const world = useSimulatedWorld();

it('a cached k3d replaced after the first run is discarded and downloaded again, never executed', async () => {
  const env = { RUNNER_TOOL_CACHE: toolCache };
  const first = await runPreview({ ...world, labels: ['canary-50'], env });
  expect(first.main.exitCode, first.log.slice(-3000)).toBe(0);

  const marker = path.join(toolCache, 'replaced-k3d-ran');
  writeFileSync(cachedK3d(), `#!/bin/sh\ntouch '${marker}'\nexit 1\n`, { mode: 0o755 });

  const second = await runPreview({ ...world, labels: ['canary-50'], env });
  expect(second.main.exitCode, second.log.slice(-3000)).toBe(0);
  expect(existsSync(marker)).toBe(false);
  expect(commands(second.main, 'warning').join('\n')).toMatch(
    /tool cache's k3d-linux-\w+ \(k3d v5\.9\.0\) has sha256 [0-9a-f]{64}, expected [0-9a-f]{64}: it was changed after it was cached\. Discarding it and downloading again\./,
  );
  expect(reportOf(second).status).toBe('consistent');
  expect(second.post.stdout).toContain(`Deleted k3d cluster ${second.clusterName}.`);
  expect(existsSync(marker)).toBe(false);
});
