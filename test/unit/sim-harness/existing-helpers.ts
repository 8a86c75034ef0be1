/** What the existing-cluster tests share: kubectl and docker with only the cluster's env, HTTP via its ingress. */
import { execFile } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExistingCluster } from '../../sim/existing.js';

/** Every folder these helpers make lives here; a test file removes it with removeScratch(). */
let scratch: string | undefined;

export function scratchDir(prefix: string): string {
  scratch ??= mkdtempSync(join(tmpdir(), 'existing-test-'));
  return mkdtempSync(join(scratch, prefix));
}

export function removeScratch(): void {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
}

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The environment a tool sees: the cluster's env over a bare PATH and a fresh HOME, so that only
 * KUBECONFIG can lead kubectl to the cluster (no ~/.kube/config, no --kubeconfig flag).
 */
export function clusterEnv(cluster: ExistingCluster): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: scratchDir('home-'),
    ...cluster.env,
  };
}

export function tool(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  input?: string,
): Promise<ToolResult> {
  return new Promise((resolve) => {
    const child = execFile(command, args, { timeout: 60_000, env }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
    child.stdin?.end(input ?? '');
  });
}

/** kubectl bound to one environment: `run` returns the result, `ok` stdout or throws. */
export function kubectlIn(env: NodeJS.ProcessEnv) {
  const run = (args: string[], input?: string) => tool('kubectl', args, env, input);
  const ok = async (args: string[], input?: string): Promise<string> => {
    const result = await run(args, input);
    if (result.code !== 0)
      throw new Error(`kubectl ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
    return result.stdout;
  };
  return { run, ok };
}

/** A build context whose app answers `body` (the sim's answer spec, test/sim/README.md). */
export function appContext(body: string): string {
  const dir = scratchDir('app-');
  writeFileSync(join(dir, 'Dockerfile'), 'FROM node:20-alpine\nCOPY . .\n');
  writeFileSync(
    join(dir, 'sim-answer.json'),
    JSON.stringify({ status: 200, headers: { 'x-revision': '{{revision}}' }, body }),
  );
  return dir;
}

/** GET / on the cluster's ingress with a route's Host header. */
export function viaIngress(
  address: string,
  host: string,
): Promise<{ status: number; body: string; revision?: string }> {
  const [hostname, port] = address.split(':') as [string, string];
  return new Promise((resolve, reject) => {
    const req = request(
      { host: hostname, port: Number(port), path: '/', headers: { host }, timeout: 10_000 },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body,
            ...(typeof res.headers['x-revision'] === 'string'
              ? { revision: res.headers['x-revision'] }
              : {}),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** A Knative Service with one named revision and optional traffic tag. */
export function knativeService(options: {
  name: string;
  revision: string;
  image: string;
  tag?: string;
}): string {
  const traffic = options.tag
    ? `  traffic:\n  - {revisionName: ${options.revision}, percent: 100, tag: ${options.tag}}\n`
    : '';
  return `apiVersion: serving.knative.dev/v1
kind: Service
metadata: {name: ${options.name}}
spec:
  template:
    metadata: {name: ${options.revision}}
    spec:
      containers: [{image: "${options.image}"}]
${traffic}`;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a value, or fails after `timeoutMs` naming `what` and the last value seen. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last ? `; last: ${String(last)}` : ''}`);
    await sleep(200);
  }
}
