import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  bringUp,
  BringUpError,
  type BringUpDeps,
  type BringUpOptions,
  type ClusterHandle,
} from '../../../src/cluster/bring-up.js';
import { FakeCluster, RELEASE } from './fake-cluster.js';

export const OPTIONS: BringUpOptions = {
  k3dVersion: 'v5.9.0',
  kubectlVersion: 'v1.34.2',
  k3sImage: 'rancher/k3s:v1.34.8-k3s1',
  knativeVersion: '1.22.1',
  netContourVersion: '1.22.1',
  agents: 2,
  loadBalancerPort: 8081,
  agentPort: 8082,
  k3dArgs: [],
  clusterName: '',
  domain: 'example.com',
  timeoutMinutes: 15,
};

let temp: string;
let fake: FakeCluster;
let clock: number;
beforeEach(async () => {
  temp = await mkdtemp(join(tmpdir(), 'knp-bringup-'));
  fake = new FakeCluster();
  clock = 1_000_000;
});
afterEach(() => rm(temp, { recursive: true, force: true }));

function deps(extra: Partial<BringUpDeps> = {}): BringUpDeps {
  return {
    installK3d: async () => '/fake/bin/k3d',
    ensureKubectl: async () => ({ path: '/fake/bin/kubectl' }),
    fetchManifests: async () => ({ ...RELEASE }),
    runnerFor: (path) => fake.runner(path),
    workDir: join(temp, 'knative-action'),
    env: { GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '3' },
    // Virtual time: sleeping advances the clock, so deadlines are reached without waiting.
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
    intervalMs: 1000,
    ...extra,
  };
}

const kubectlCalls = () => fake.calls.filter((c) => c.tool.endsWith('kubectl'));
const applyIndex = (marker: string) =>
  fake.indexOf((c) => c.args.includes('apply') && (c.input ?? '').includes(marker));

describe('bringUp with a fake k3d and kubectl', () => {
  test('creates the preview topology, then installs Knative and Contour in a valid order', async () => {
    const announced: ClusterHandle[] = [];
    const result = await bringUp(OPTIONS, deps({ onClusterNamed: (h) => void announced.push(h) }));

    expect(result.clusterName).toBe('knp-4242-3');
    expect(result.kubeconfigPath).toBe(join(temp, 'knative-action', 'knp-4242-3', 'kubeconfig'));
    expect(announced).toEqual([
      {
        clusterName: 'knp-4242-3',
        kubeconfigPath: result.kubeconfigPath,
        k3dPath: '/fake/bin/k3d',
      },
      // Again once the kubectl is chosen, so the post step and the cancel path use it.
      {
        clusterName: 'knp-4242-3',
        kubeconfigPath: result.kubeconfigPath,
        k3dPath: '/fake/bin/k3d',
        kubectlPath: '/fake/bin/kubectl',
      },
    ]);
    expect((await stat(result.kubeconfigPath)).mode & 0o777).toBe(0o600);

    const create = fake.calls.find((c) => c.args[1] === 'create')!;
    expect(create.args.slice(0, 15)).toEqual([
      'cluster',
      'create',
      'knp-4242-3',
      '--port',
      '127.0.0.1:8082:30080@agent:0',
      '-p',
      '127.0.0.1:8081:80@loadbalancer',
      '--api-port',
      '127.0.0.1:random',
      '--agents',
      '2',
      '--k3s-arg',
      '--disable=traefik@server:0',
      '--image',
      'rancher/k3s:v1.34.8-k3s1',
    ]);
    expect(create.args).toContain('--kubeconfig-update-default=false');
    expect(fake.indexOf((c) => c.args[0] === 'kubeconfig')).toBeGreaterThan(
      fake.calls.indexOf(create),
    );

    // Every kubectl call uses the run's own kubeconfig.
    for (const call of kubectlCalls())
      expect(call.args.slice(0, 5)).toEqual([
        '--kubeconfig',
        result.kubeconfigPath,
        '--request-timeout=60s',
        '--cache-dir',
        join(temp, 'knative-action', 'knp-4242-3', 'kube-cache'),
      ]);

    // Nodes Ready before anything is applied.
    const nodesReady = fake.indexOf((c) => c.args.includes('nodes'));
    expect(nodesReady).toBeGreaterThan(fake.calls.indexOf(create));
    expect(nodesReady).toBeLessThan(applyIndex('services.serving.knative.dev'));

    // CRDs Established (the last CRD poll saw them) before serving-core is applied.
    const crdPolls = fake.calls.flatMap((c, i) =>
      c.args.includes('customresourcedefinitions') ? [i] : [],
    );
    expect(crdPolls.length).toBeGreaterThanOrEqual(2);
    expect(applyIndex('name: controller')).toBeGreaterThan(crdPolls.at(-1)!);

    // net-contour only once knative-serving exists (after serving-core), Contour independently.
    expect(applyIndex('net-contour-controller')).toBeGreaterThan(applyIndex('name: controller'));
    expect(applyIndex('contour-certgen')).toBeGreaterThan(-1);

    // Patches: retried through the webhook outage, then both applied with the right data.
    const patches = kubectlCalls().filter((c) => c.args[5] === 'patch');
    expect(patches).toHaveLength(4);
    expect(patches.at(-2)!.args.slice(5)).toEqual([
      'patch',
      'configmap',
      'config-network',
      '-n',
      'knative-serving',
      '--type=merge',
      '-p',
      JSON.stringify({ data: { 'ingress-class': 'contour.ingress.networking.knative.dev' } }),
    ]);
    expect(patches.at(-1)!.args.at(-1)).toBe(JSON.stringify({ data: { 'example.com': '' } }));

    // The final wait covers net-contour's deployment too, after its apply.
    const lastDeploymentPoll = fake.calls
      .map((c, i) =>
        c.args.includes('deployments') && c.args.includes('knative-serving') ? i : -1,
      )
      .filter((i) => i >= 0)
      .at(-1)!;
    expect(lastDeploymentPoll).toBeGreaterThan(applyIndex('net-contour-controller'));
    expect(lastDeploymentPoll).toBeGreaterThan(
      patches.length ? fake.calls.indexOf(patches.at(-1)!) : 0,
    );

    expect(Object.keys(result.timings)).toEqual(
      expect.arrayContaining([
        'install-k3d',
        'release-manifests',
        'install-kubectl',
        'cluster-create',
        'kubeconfig',
        'nodes-ready',
        'knative-crds',
        'knative-core',
        'knative-config',
        'contour-apply',
        'contour-ready',
        'net-contour',
        'knative-ready',
      ]),
    );
    expect(Object.values(result.timings).every((s) => s >= 0)).toBe(true);
  });

  test('0 agents: the NodePort mapping goes to server:0; extra k3d args come last, one argument each', async () => {
    await bringUp(
      { ...OPTIONS, agents: 0, k3dArgs: ['--servers=1', '--volume=/tmp/x:/x@server:0'] },
      deps(),
    );
    const create = fake.calls.find((c) => c.args[1] === 'create')!;
    expect(create.args).toContain('127.0.0.1:8082:30080@server:0');
    expect(create.args.slice(-2)).toEqual(['--servers=1', '--volume=/tmp/x:/x@server:0']);
  });

  test('a patch rejected for another reason fails at once, naming the phase', async () => {
    fake.failWith = {
      match: (a) => a.includes('patch'),
      stderr: 'Error from server (BadRequest): invalid value for ingress-class',
    };
    const failure = bringUp(OPTIONS, deps());
    await expect(failure).rejects.toBeInstanceOf(BringUpError);
    await expect(failure).rejects.toThrow(/knative-config: .*invalid value for ingress-class/);
    expect(kubectlCalls().filter((c) => c.args[5] === 'patch')).toHaveLength(1);
  });

  test('a wait that gives up says what it waited for and what it last saw, and carries the cluster', async () => {
    fake.readyAfterPolls = Number.POSITIVE_INFINITY;
    const failure = bringUp({ ...OPTIONS, timeoutMinutes: 2 }, deps());
    await expect(failure).rejects.toThrow(
      /timed out after \d+s waiting for 2 Knative Serving CRDs Established; last seen: customresourcedefinition\/services\.serving\.knative\.dev: Established=False \(Waiting\)/,
    );
    const error = (await failure.catch((e: unknown) => e)) as BringUpError;
    expect(error.cluster?.clusterName).toBe('knp-4242-3');
    expect(error.timings['cluster-create']).toBeGreaterThanOrEqual(0);
  });

  test('webhook outage longer than the deadline: the patch error says it ran out of time and why', async () => {
    fake.webhookFailures = Number.POSITIVE_INFINITY;
    const failure = bringUp({ ...OPTIONS, timeoutMinutes: 1 }, deps());
    await expect(failure).rejects.toThrow(
      /patch configmap\/config-network in knative-serving failed after the deadline; last error: .*failed calling webhook.*connection refused/,
    );
  });

  test('a Contour failure is reported as the root cause and stops the Knative branch', async () => {
    fake.failWith = {
      match: (a, input) => a.includes('apply') && (input ?? '').includes('contour-certgen'),
      stderr: 'error: error validating "STDIN": unknown field "spec.bogus"',
    };
    fake.readyAfterPolls = Number.POSITIVE_INFINITY; // the serving branch would poll CRDs forever
    const failure = bringUp(OPTIONS, deps());
    await expect(failure).rejects.toThrow(/^contour-apply: .*unknown field "spec\.bogus"/);
    const callsAtFailure = fake.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.calls.length).toBe(callsAtFailure);
    expect(applyIndex('name: controller')).toBe(-1);
  });
});
