/** `npm run sim -- --existing ...`: a command against one existing cluster, torn down afterwards. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, TSX_LOADER_URL } from '../../sim/paths.js';
import { parseRunArgs, RunArgsError } from '../../sim/run-args.js';
import { portIsFree } from '../../helpers/ports.js';

const runScript = fileURLToPath(new URL('../../sim/run.ts', import.meta.url));

function sim(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX_LOADER_URL, runScript, '--', ...args], {
      cwd: REPO_ROOT,
      // No KUBECONFIG of the caller's may leak through; the sim sets its own.
      env: { ...process.env, KUBECONFIG: '/nonexistent/kubeconfig' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run sim -- --existing', () => {
  it('runs the command with KUBECONFIG and SIM_INGRESS_ADDRESS of a cluster with Knative, then tears it down', async () => {
    const script = [
      "const { execFileSync } = require('node:child_process');",
      'const e = process.env;',
      "const ns = execFileSync('kubectl', ['get', 'namespace', 'knative-serving', '-o', 'name'], { encoding: 'utf8' }).trim();",
      'console.log(JSON.stringify({ kubeconfig: e.KUBECONFIG, ingress: e.SIM_INGRESS_ADDRESS, state: e.SIM_STATE_DIR, input: e["INPUT_CLUSTER"], ns }));',
      'process.exit(3);',
    ].join('\n');
    const result = await sim(['--existing', 'INPUT_CLUSTER=existing', 'node', '-e', script]);
    expect(result.stderr).toContain('[sim] existing cluster (Knative Serving 1.22.1)');
    expect(result.code).toBe(3);
    const seen = JSON.parse(result.stdout) as Record<string, string>;
    expect(seen.ns).toBe('namespace/knative-serving');
    expect(seen.input).toBe('existing');
    expect(seen.ingress).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(seen.kubeconfig).not.toBe('/nonexistent/kubeconfig');
    expect(result.stderr).toContain(
      `KUBECONFIG=${seen.kubeconfig} SIM_INGRESS_ADDRESS=${seen.ingress}, state dir ${seen.state}`,
    );
    // Torn down: the ingress port is closed and the temp folder is gone.
    expect(await portIsFree(Number(seen.ingress?.split(':')[1]))).toBe(true);
    expect(existsSync(seen.kubeconfig ?? '')).toBe(false);
  }, 120_000);

  it('starts a cluster without Knative with --existing=none', async () => {
    const result = await sim([
      '--existing=none',
      'kubectl',
      'get',
      '--raw',
      '/apis/serving.knative.dev',
    ]);
    expect(result.stderr).toContain('[sim] existing cluster (no Knative)');
    expect(result.stderr).toContain('NotFound');
    expect(result.code).toBe(1);
  }, 120_000);

  it('refuses an unknown option or Knative version with usage', async () => {
    const result = await sim(['--existing=latest', 'true']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--existing=latest: expected none (no Knative)');
    expect(result.stderr).toContain('usage: npm run sim -- [--existing[=none|X.Y.Z]]');
  });
});

describe('parseRunArgs', () => {
  it('reads --existing before the assignments and the command', () => {
    expect(parseRunArgs(['--', '--existing', 'A=1', 'node', '--existing'])).toEqual({
      existing: 'default',
      assignments: { A: '1' },
      command: ['node', '--existing'],
    });
    expect(parseRunArgs(['--existing=v1.15.2', 'x'])).toMatchObject({
      existing: { version: '1.15.2' },
    });
    expect(parseRunArgs(['B=2', 'node'])).toEqual({ assignments: { B: '2' }, command: ['node'] });
    expect(() => parseRunArgs(['--exist', 'node'])).toThrow(RunArgsError);
  });
});
