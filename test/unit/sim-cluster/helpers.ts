/** Shared harness for the sim-cluster tests: a cluster in-process and the real kubectl against it. */
import { execFile } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  kubeconfigFor,
  releaseAsset,
  startSimCluster,
  type SimCluster,
} from '../../sim/cluster/index.js';
import { freePort } from '../../helpers/ports.js';
export { freePort };

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Harness {
  cluster: SimCluster;
  /** A kubeconfig file for the cluster (context k3d-test). */
  kubeconfig: string;
  kubectl(args: string[], input?: string): Promise<KubectlResult>;
  /** kubectl that must succeed; returns stdout. */
  ok(args: string[], input?: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'sim-cluster-test-'));
  const cluster = await startSimCluster({
    name: 'test',
    lbPort: await freePort(),
    agents: 2,
    env: {
      SIM_READY_DELAY_S: '0.2',
      SIM_WEBHOOK_DELAY_S: '0.4',
      SIM_CRD_ESTABLISH_DELAY_S: '0.1',
      ...env,
    },
  });
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, kubeconfigFor(cluster.apiUrl, 'test'));
  const kubectl = (args: string[], input?: string): Promise<KubectlResult> =>
    new Promise((resolve) => {
      const child = execFile(
        'kubectl',
        ['--kubeconfig', kubeconfig, '--cache-dir', join(dir, 'cache'), ...args],
        { timeout: 30_000, env: { ...process.env, HOME: dir } },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          resolve({ code, stdout, stderr });
        },
      );
      child.stdin?.end(input ?? '');
    });
  const ok = async (args: string[], input?: string): Promise<string> => {
    const result = await kubectl(args, input);
    if (result.code !== 0) {
      throw new Error(`kubectl ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
    }
    return result.stdout;
  };
  return {
    cluster,
    kubeconfig,
    kubectl,
    ok,
    async stop() {
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Applies the four release stand-ins in the order the action does, retrying webhook refusals. */
export async function installKnative(h: Harness): Promise<{ refusals: string[] }> {
  const refusals: string[] = [];
  await h.ok(['apply', '-f', '-'], releaseAsset('serving-crds.yaml', 'v1.22.1'));
  await h.ok(['wait', '--for=condition=Established', 'crd', '--all', '--timeout=20s']);
  await h.ok(['apply', '-f', '-'], releaseAsset('serving-core.yaml', 'v1.22.1'));
  await h.ok(['apply', '-f', '-'], releaseAsset('contour.yaml', 'v1.22.1'));
  await h.ok(['apply', '-f', '-'], releaseAsset('net-contour.yaml', 'v1.22.1'));
  const patches: [string, string][] = [
    ['config-network', '{"data":{"ingress-class":"contour.ingress.networking.knative.dev"}}'],
    ['config-domain', '{"data":{"example.com":""}}'],
  ];
  for (const [name, patch] of patches) {
    for (let attempt = 0; ; attempt++) {
      const r = await h.kubectl([
        'patch',
        'configmap',
        name,
        '-n',
        'knative-serving',
        '--type',
        'merge',
        '-p',
        patch,
      ]);
      if (r.code === 0) break;
      refusals.push(r.stderr);
      if (attempt > 40) throw new Error(`patch ${name} kept failing: ${r.stderr}`);
      await sleep(100);
    }
  }
  await h.ok([
    'wait',
    '--for=condition=Available',
    'deployment',
    '--all',
    '-n',
    'knative-serving',
    '--timeout=20s',
  ]);
  await h.ok(['rollout', 'status', 'daemonset/envoy', '-n', 'contour-external', '--timeout=20s']);
  return { refusals };
}

export async function importImages(h: Harness, images: string[]): Promise<void> {
  const res = await fetch(`${h.cluster.apiUrl}/_sim/images`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ images }),
  });
  if (!res.ok) throw new Error(`image import failed: ${res.status}`);
}

const keepAlive = new Agent({ keepAlive: true, maxSockets: 4 });

/** GET / on the load balancer with a Host header, over kept-alive connections. */
export function viaIngress(
  h: Harness,
  host: string,
): Promise<{ status: number; revision: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: h.cluster.lbPort,
        path: '/',
        headers: { host },
        agent: keepAlive,
        timeout: 5000,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            revision: res.headers['k-revision'] as string | undefined,
            body,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export function closeIngressClient(): void {
  keepAlive.destroy();
}
