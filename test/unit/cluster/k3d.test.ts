import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { K3d } from '../../../src/cluster/k3d.js';
import { ToolError, type ToolResult, type ToolRunner } from '../../../src/util/tool-runner.js';

let temp: string;
beforeEach(async () => {
  temp = await mkdtemp(join(tmpdir(), 'knp-k3d-'));
});
afterEach(() => rm(temp, { recursive: true, force: true }));

function runner(answer: (args: string[]) => Promise<ToolResult> | ToolResult) {
  const calls: string[][] = [];
  const run = async (args: readonly string[]) => {
    calls.push([...args]);
    return answer([...args]);
  };
  const fake: ToolRunner = {
    tool: 'k3d',
    run,
    async runOk(args) {
      const r = await run(args);
      if (r.exitCode !== 0) throw new ToolError(`k3d ${args.join(' ')}`, r);
      return r;
    },
  };
  return { calls, fake };
}

test('the kubeconfig goes to its own file, mode 600, via kubeconfig write', async () => {
  const path = join(temp, 'knative-action', 'knp-1-1', 'kubeconfig');
  const { calls, fake } = runner(async (args) => {
    await writeFile(args[args.indexOf('--output') + 1]!, 'kind: Config\n');
    return { exitCode: 0, stdout: '', stderr: '' };
  });
  await new K3d(fake).writeKubeconfig('knp-1-1', path);
  expect(calls).toEqual([['kubeconfig', 'write', 'knp-1-1', '--output', path, '--overwrite']]);
  expect((await stat(path)).mode & 0o777).toBe(0o600);
});

test('a failing kubeconfig write never repeats its output (it may hold client keys)', async () => {
  const { fake } = runner(() => ({
    exitCode: 1,
    stdout: 'client-key-data: SECRETKEY',
    stderr: 'client-key-data: SECRETKEY',
  }));
  const failure = new K3d(fake).writeKubeconfig('knp-1-1', join(temp, 'kubeconfig'));
  await expect(failure).rejects.toThrow(/kubeconfig write knp-1-1 exited with 1 \(output withheld/);
  await expect(failure).rejects.not.toThrow(/SECRETKEY/);
});

test('image import names every tag and the cluster, and is retried once', async () => {
  let attempts = 0;
  const { calls, fake } = runner(() =>
    ++attempts === 1
      ? { exitCode: 1, stdout: '', stderr: 'node busy' }
      : { exitCode: 0, stdout: '', stderr: '' },
  );
  const k3d = new K3d(fake, 1);
  await k3d.importImages([], 'knp-1-1');
  expect(calls).toHaveLength(0);
  await k3d.importImages(['dev.local/app:aaaaaaa', 'dev.local/app:bbbbbbb'], 'knp-1-1');
  const expected = [
    'image',
    'import',
    'dev.local/app:aaaaaaa',
    'dev.local/app:bbbbbbb',
    '-c',
    'knp-1-1',
  ];
  expect(calls).toEqual([expected, expected]);
});

test('cluster list parses names from JSON', async () => {
  const { fake } = runner(() => ({
    exitCode: 0,
    stdout: JSON.stringify([{ name: 'a' }, { name: 'knp-1-1' }]),
    stderr: '',
  }));
  expect(await new K3d(fake).listClusters()).toEqual(['a', 'knp-1-1']);
});
