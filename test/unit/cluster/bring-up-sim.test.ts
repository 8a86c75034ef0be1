import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bringUp, type BringUpResult } from '../../../src/cluster/bring-up.js';
import { cleanup } from '../../../src/cluster/cleanup.js';
import { createToolRunner } from '../../../src/util/tool-runner.js';
import { memoryLog } from '../../helpers/memory-log.js';
import type { ToolKind } from '../../../src/util/tool-env.js';
import { freePort } from '../../helpers/ports.js';

/*
 * bringUp against the SIMULATED cluster (test/sim): the real downloader fetches k3d (a
 * stand-in launcher), and the release YAMLs from the sim's loopback mirror; the real kubectl
 * talks to the sim's API server. A simulated result, not a real-cluster one.
 */
const simDir = fileURLToPath(new URL('../../sim/', import.meta.url));

describe('bringUp on the simulated cluster', () => {
  let sim: { env: Record<string, string>; mirrorUrl: string; stop(): Promise<void> };
  let result: BringUpResult | undefined;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    const harness = (await import(/* @vite-ignore */ join(simDir, 'harness.ts'))) as {
      startSim(): Promise<typeof sim>;
    };
    sim = await harness.startSim();
    // The downloader reads the runner's tool cache and temp folder from the environment.
    process.env['RUNNER_TOOL_CACHE'] = sim.env['RUNNER_TOOL_CACHE'];
    process.env['RUNNER_TEMP'] = sim.env['RUNNER_TEMP'];
  }, 60_000);

  afterAll(async () => {
    try {
      if (result) {
        const runnerFor = (path: string, kind: ToolKind) =>
          createToolRunner(path, { kind, env: { ...process.env, ...sim.env } });
        await cleanup(
          {
            clusterName: result.clusterName,
            kubeconfigPath: result.kubeconfigPath,
            failed: false,
            keepCluster: false,
            k3dPath: result.k3dPath,
            kubectlPath: result.kubectlPath,
          },
          { runnerFor, workDir: join(sim.env['RUNNER_TEMP']!, 'knative-action') },
        );
      }
    } finally {
      process.env = { ...savedEnv };
      await sim?.stop();
    }
  }, 60_000);

  test('creates the cluster and installs Knative + Contour, with timings per phase', async () => {
    const log: string[] = [];
    const [loadBalancerPort, agentPort] = [await freePort(), await freePort()];
    result = await bringUp(
      {
        k3dVersion: 'v5.9.0',
        kubectlVersion: 'v1.34.2',
        k3sImage: 'rancher/k3s:v1.34.8-k3s1',
        knativeVersion: '1.22.1',
        netContourVersion: '1.22.1',
        agents: 2,
        loadBalancerPort,
        agentPort,
        k3dArgs: [],
        clusterName: '',
        domain: 'example.com',
        releaseMirror: sim.mirrorUrl,
        timeoutMinutes: 2,
      },
      {
        runnerFor: (path, kind) =>
          createToolRunner(path, { kind, env: { ...process.env, ...sim.env } }),
        env: { ...process.env, ...sim.env },
        workDir: join(sim.env['RUNNER_TEMP']!, 'knative-action'),
        intervalMs: 250,
        log: memoryLog(log),
      },
    );
    expect(result.kubeconfigPath.startsWith(sim.env['RUNNER_TEMP']!)).toBe(true);
    const config = await result.kubectl.getJson<{ data: Record<string, string> }>(
      'configmap',
      'config-network',
      'knative-serving',
    );
    expect(config.data['ingress-class']).toBe('contour.ingress.networking.knative.dev');
    const domain = await result.kubectl.getJson<{ data: Record<string, string> }>(
      'configmap',
      'config-domain',
      'knative-serving',
    );
    expect(domain.data).toHaveProperty(['example.com']);
    // The real downloader went through the mirror and verified what it cached.
    expect(result.k3dPath.startsWith(sim.env['RUNNER_TOOL_CACHE']!)).toBe(true);
    console.log(`sim bring-up timings: ${JSON.stringify(result.timings)}\n${log.join('\n')}`);
    expect(Object.keys(result.timings)).toEqual(
      expect.arrayContaining(['cluster-create', 'knative-core', 'contour-ready', 'knative-ready']),
    );
  }, 150_000);
});
