import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cleanup } from '../../../src/cluster/cleanup.js';
import { onCancellation } from '../../../src/util/signals.js';
import {
  ToolError,
  type RunOptions,
  type ToolResult,
  type ToolRunner,
} from '../../../src/util/tool-runner.js';

let temp: string;
let kubeconfig: string;
beforeEach(async () => {
  temp = await mkdtemp(join(tmpdir(), 'knp-cleanup-'));
  kubeconfig = join(temp, 'kubeconfig');
  await writeFile(kubeconfig, 'kind: Config\n');
});
afterEach(() => rm(temp, { recursive: true, force: true }));

const ok = (stdout = ''): ToolResult => ({ exitCode: 0, stdout, stderr: '' });

function fakeTools(clusters: Set<string>, options: { deleteFails?: boolean } = {}) {
  const calls: string[] = [];
  const runnerFor = (tool: string): ToolRunner => {
    const run = async (args: readonly string[], _options?: RunOptions): Promise<ToolResult> => {
      const a = [...args];
      calls.push(`${tool} ${a.join(' ')}`);
      if (tool === 'k3d') {
        if (a[1] === 'list') return ok(JSON.stringify([...clusters].map((name) => ({ name }))));
        if (a[1] === 'delete') {
          if (options.deleteFails)
            return { exitCode: 1, stdout: '', stderr: 'docker: permission denied' };
          clusters.delete(a[2]!);
        }
        return ok();
      }
      const verb = a[5];
      if (verb === 'get' && a.includes('json')) {
        return ok(
          JSON.stringify({
            items: [
              {
                metadata: { name: 'hello-00001-deployment-x', namespace: 'demo' },
                status: {
                  phase: 'Running',
                  containerStatuses: [
                    {
                      name: 'user-container',
                      ready: false,
                      state: { waiting: { reason: 'CrashLoopBackOff' } },
                    },
                  ],
                },
              },
              {
                metadata: { name: 'activator-y', namespace: 'knative-serving' },
                status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
              },
            ],
          }),
        );
      }
      if (verb === 'get' && a[6] === 'events')
        return ok(
          'NAMESPACE LAST SEEN TYPE REASON\n' +
            Array.from({ length: 60 }, (_, i) => `demo ${i}s Warning BackOff${i}`).join('\n'),
        );
      if (verb === 'get' && a[6] === 'kingress')
        return {
          exitCode: 1,
          stdout: '',
          stderr: 'error: the server doesn\'t have a resource type "kingress"',
        };
      if (verb === 'get') return ok(`table of ${a[6]}`);
      if (verb === 'logs') return ok('panic: listen tcp :8080: address already in use\n');
      return ok();
    };
    return {
      tool,
      run,
      async runOk(args, o) {
        const r = await run(args, o);
        if (r.exitCode !== 0) throw new ToolError(`${tool} ${args.join(' ')}`, r);
        return r;
      },
    };
  };
  return { calls, runnerFor };
}

describe('cleanup', () => {
  test('a failed run: diagnostics first (summary text and a file), then the cluster is deleted', async () => {
    const clusters = new Set(['knp-1-1']);
    const { calls, runnerFor } = fakeTools(clusters);
    const result = await cleanup(
      { clusterName: 'knp-1-1', kubeconfigPath: kubeconfig, failed: true, keepCluster: false },
      { runnerFor, workDir: join(temp, 'knative-action') },
    );

    expect(result.deleted).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(clusters.size).toBe(0);
    const text = result.diagnostics!;
    for (const kind of ['ksvc', 'revisions', 'routes', 'configurations'])
      expect(text).toContain(`table of ${kind}`);
    // A kind the cluster lacks costs only its own section.
    expect(text).toMatch(/### Knative ingresses\n\(could not collect: .*kingress/);
    expect(text).toContain('table of pods');
    expect(text).toContain('BackOff59');
    expect(text).not.toContain('BackOff19 '); // only the last 40 events
    expect(text).toMatch(
      /pod\/demo\/hello-00001-deployment-x Running; container user-container waiting \(CrashLoopBackOff\)\n {4}panic: listen tcp/,
    );
    expect(text).not.toContain('activator-y Running');
    expect(await readFile(result.diagnosticsFile!, 'utf8')).toBe(text);
    const deleteIndex = calls.findIndex((c) => c.startsWith('k3d cluster delete'));
    expect(calls.findIndex((c) => c.includes(' logs '))).toBeLessThan(deleteIndex);
    expect(
      calls
        .filter((c) => c.startsWith('kubectl'))
        .every((c) => c.startsWith(`kubectl --kubeconfig ${kubeconfig} `)),
    ).toBe(true);
  });

  test('a successful run: no diagnostics; keep-cluster leaves it running', async () => {
    const clusters = new Set(['knp-1-1']);
    const { calls, runnerFor } = fakeTools(clusters);
    const kept = await cleanup(
      { clusterName: 'knp-1-1', kubeconfigPath: kubeconfig, failed: false, keepCluster: true },
      { runnerFor, workDir: temp },
    );
    expect(kept).toEqual({ deleted: false, warnings: [] });
    expect(clusters.has('knp-1-1')).toBe(true);
    expect(calls.some((c) => c.startsWith('kubectl'))).toBe(false);
  });

  test('idempotent: a second (or concurrent) cleanup does not delete again', async () => {
    const clusters = new Set(['knp-1-1']);
    const { calls, runnerFor } = fakeTools(clusters);
    const opts = {
      clusterName: 'knp-1-1',
      kubeconfigPath: kubeconfig,
      failed: false,
      keepCluster: false,
    };
    const [a, b] = await Promise.all([
      cleanup(opts, { runnerFor, workDir: temp }),
      cleanup(opts, { runnerFor, workDir: temp }),
    ]);
    expect(a).toBe(b);
    const again = await cleanup(opts, { runnerFor, workDir: temp });
    expect(again.deleted).toBe(false);
    expect(calls.filter((c) => c.startsWith('k3d cluster delete'))).toHaveLength(1);
  });

  test('errors are warnings, never thrown', async () => {
    const { runnerFor } = fakeTools(new Set(['knp-1-1']), { deleteFails: true });
    const result = await cleanup(
      { clusterName: 'knp-1-1', kubeconfigPath: kubeconfig, failed: false, keepCluster: false },
      { runnerFor, workDir: temp },
    );
    expect(result.deleted).toBe(false);
    expect(result.warnings).toEqual([
      expect.stringMatching(/could not delete k3d cluster knp-1-1: .*permission denied/),
    ]);
  });
});

test('onCancellation runs the cleanup once, then exits 143 on SIGTERM', async () => {
  let runs = 0;
  const exits: number[] = [];
  let exited!: () => void;
  const done = new Promise<void>((resolve) => (exited = resolve));
  const off = onCancellation(
    async () => {
      runs++;
    },
    (code) => {
      exits.push(code);
      exited();
    },
  );
  try {
    process.emit('SIGTERM', 'SIGTERM');
    process.emit('SIGTERM', 'SIGTERM');
    await done;
  } finally {
    off();
  }
  expect(runs).toBe(1);
  expect(exits).toEqual([143]);
  expect(process.listenerCount('SIGTERM')).toBe(0);
});
