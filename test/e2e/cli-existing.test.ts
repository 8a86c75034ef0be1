/**
 * The bundled command line (dist/cli.js) with --cluster existing against the simulated existing
 * cluster (test/sim/existing.ts): the preview goes to `<repo>-local` in the current kubeconfig
 * context, stays there after the run, and the next run updates it in place. Simulated results.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBundledCli, type CliRun } from './lib/cli-process.js';
import { adminGet, namesIn, REGISTRY, useExistingWorld } from './lib/existing.js';

interface CliReport {
  status: string;
  existing?: { namespace: string; expiresAt: string };
  services: {
    namespace: string;
    links?: { route: string; base?: string; pr?: string };
    revisions: { side: string; configuredPercent: number; observedPercent: number }[];
  }[];
}

describe('the command line on an existing cluster', () => {
  const world = useExistingWorld();

  function cli(args: string[]): Promise<CliRun> {
    const home = mkdtempSync(path.join(os.tmpdir(), 'ka-cli-existing-home-'));
    const { RUNNER_TOOL_CACHE: _cache, RUNNER_TEMP: _temp, ...clusterEnv } = world.cluster.env;
    return runBundledCli(['--cluster', 'existing', ...args], {
      cwd: world.repo.dir,
      // A HOME of its own: only KUBECONFIG says which cluster this is.
      env: { ...clusterEnv, HOME: home },
      timeoutMs: 150_000,
    });
  }

  const common = (): string[] => [
    '--build',
    'app=app',
    '--requests',
    '300',
    '--input',
    `registry=${REGISTRY}`,
    '--input',
    `ingress-address=${world.cluster.ingressAddress}`,
    '--input',
    'compare-requests=40',
    '--input',
    'timeout-minutes=2',
  ];

  it('previews in <repo>-local, prints where it stays, and the next run updates it in place', async () => {
    const first = await cli(['--labels', 'canary-40', '--json', ...common()]);
    expect(first.code, first.stderr.slice(-4000)).toBe(0);
    const report = JSON.parse(first.stdout) as CliReport;
    const namespace = `${path
      .basename(world.repo.dir)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')}-local`;
    expect(report.status).toBe('consistent');
    expect(report.existing?.namespace).toBe(namespace);
    const [service] = report.services;
    expect(service?.namespace).toBe(namespace);
    expect(service?.links?.route).toBe(`http://hello.${namespace}.example.com`);
    expect(service?.revisions.find((r) => r.side === 'pr')?.configuredPercent).toBe(40);
    // Owned as a preview of this repository, with no pull request behind it.
    expect(adminGet(world, ['namespace', namespace])?.metadata?.labels).toMatchObject({
      'app.kubernetes.io/managed-by': 'knative-action',
      'knative-action/pull-request': '0',
    });
    // With --json the notes go to stderr: where the preview stays and how to delete it.
    expect(first.stderr).toContain(`The preview stays in namespace ${namespace} until`);
    expect(first.stderr).toContain(`kubectl delete namespace ${namespace}`);
    expect(first.stderr).not.toMatch(/^::/m);

    const second = await cli(['--labels', 'canary-80', ...common()]);
    expect(second.code, second.stderr.slice(-4000)).toBe(0);
    expect(second.stdout).toContain(`Open it at:\n  hello: http://hello.${namespace}.example.com`);
    expect(namesIn(world, 'ksvc', namespace)).toEqual(['hello']);
    const traffic = (
      adminGet(world, ['ksvc', 'hello', '-n', namespace])?.status as {
        traffic?: { tag?: string; percent?: number }[];
      }
    ).traffic;
    expect(traffic).toEqual(
      expect.arrayContaining([expect.objectContaining({ tag: 'pr', percent: 80 })]),
    );
  });

  it('refuses the workflow-only modes with exit code 2 before touching the cluster', async () => {
    const run = await cli(['--input', 'mode=cleanup']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--input mode=cleanup is for workflows');
  });
});
