import { describe, expect, test } from 'vitest';
import { Kubectl } from '../../../src/cluster/kubectl.js';
import {
  ToolError,
  type RunOptions,
  type ToolResult,
  type ToolRunner,
} from '../../../src/util/tool-runner.js';

/** A kubectl that answers from a script keyed by the argv after --kubeconfig. */
function scripted(answer: (args: string[], input?: string) => ToolResult) {
  const calls: Array<{ args: string[]; input?: string }> = [];
  const run = async (args: readonly string[], options: RunOptions = {}) => {
    calls.push({
      args: [...args],
      ...(options.input !== undefined ? { input: options.input } : {}),
    });
    return answer(args.slice(5), options.input);
  };
  const runner: ToolRunner = {
    tool: 'kubectl',
    run,
    async runOk(args, options) {
      const result = await run(args, options);
      if (result.exitCode !== 0) throw new ToolError(`kubectl ${args.join(' ')}`, result);
      return result;
    },
  };
  let t = 0;
  const kubectl = new Kubectl(runner, '/tmp/run/kubeconfig', {
    now: () => t,
    sleep: async (ms) => void (t += ms),
  });
  return { kubectl, calls };
}

const ok = (value: unknown): ToolResult => ({
  exitCode: 0,
  stdout: typeof value === 'string' ? value : JSON.stringify(value),
  stderr: '',
});

describe('Kubectl adapter', () => {
  test('apply sends the YAML on stdin with the run kubeconfig first', async () => {
    const { kubectl, calls } = scripted(() => ok('service.serving.knative.dev/hello created\n'));
    const out = await kubectl.applyManifests('kind: Service\n', { namespace: 'demo' });
    expect(out).toContain('hello created');
    expect(calls).toEqual([
      {
        args: [
          '--kubeconfig',
          '/tmp/run/kubeconfig',
          '--request-timeout=60s',
          '--cache-dir',
          '/tmp/run/kube-cache',
          'apply',
          '-f',
          '-',
          '-n',
          'demo',
        ],
        input: 'kind: Service\n',
      },
    ]);
  });

  test('getJson parses; tryGetJson turns NotFound into undefined but rethrows other errors', async () => {
    const { kubectl, calls } = scripted((args) => {
      if (args[2] === 'hello') return ok({ kind: 'Service', metadata: { name: 'hello' } });
      if (args[1] === 'pods') return ok({ items: [] });
      if (args[2] === 'missing')
        return {
          exitCode: 1,
          stdout: '',
          stderr: 'Error from server (NotFound): services.serving.knative.dev "missing" not found',
        };
      return {
        exitCode: 1,
        stdout: '',
        stderr:
          'Unable to connect to the server: dial tcp 127.0.0.1:6443: connect: connection refused',
      };
    });
    expect(await kubectl.getJson('ksvc', 'hello', 'demo')).toEqual({
      kind: 'Service',
      metadata: { name: 'hello' },
    });
    expect(calls[0]!.args).toEqual([
      '--kubeconfig',
      '/tmp/run/kubeconfig',
      '--request-timeout=60s',
      '--cache-dir',
      '/tmp/run/kube-cache',
      'get',
      'ksvc',
      'hello',
      '-n',
      'demo',
      '-o',
      'json',
    ]);
    expect(await kubectl.tryGetJson('ksvc', 'missing', 'demo')).toBeUndefined();
    await expect(kubectl.tryGetJson('ksvc', 'other', 'demo')).rejects.toThrow(/connection refused/);
    await kubectl.getJson('pods', undefined, { allNamespaces: true });
    expect(calls.at(-1)!.args.slice(5)).toEqual(['get', 'pods', '--all-namespaces', '-o', 'json']);
  });

  test('patchMerge sends JSON as one argument', async () => {
    const { kubectl, calls } = scripted(() => ok(''));
    await kubectl.patchMerge(
      'configmap',
      'config-domain',
      { data: { 'example.com': '' } },
      'knative-serving',
    );
    expect(calls[0]!.args.slice(5)).toEqual([
      'patch',
      'configmap',
      'config-domain',
      '-n',
      'knative-serving',
      '--type=merge',
      '-p',
      '{"data":{"example.com":""}}',
    ]);
  });

  test('waitFor polls until every object has the condition', async () => {
    let polls = 0;
    const { kubectl } = scripted(() => {
      polls++;
      const ready = polls >= 3 ? 'True' : 'False';
      return ok({
        items: [
          {
            kind: 'Node',
            metadata: { name: 'a' },
            status: { conditions: [{ type: 'Ready', status: ready }] },
          },
          {
            kind: 'Node',
            metadata: { name: 'b' },
            status: { conditions: [{ type: 'Ready', status: 'True' }] },
          },
        ],
      });
    });
    await kubectl.waitFor('nodes', 'Ready', { all: true, minCount: 2, timeoutMs: 60_000 });
    expect(polls).toBe(3);
  });

  test('waitFor gives up naming what it waited for and the conditions it last saw', async () => {
    const { kubectl } = scripted(() =>
      ok({
        kind: 'Deployment',
        metadata: { name: 'webhook', namespace: 'knative-serving' },
        status: {
          conditions: [
            { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable' },
          ],
        },
      }),
    );
    await expect(
      kubectl.waitFor('deployment/webhook', 'Available', {
        namespace: 'knative-serving',
        timeoutMs: 10_000,
      }),
    ).rejects.toThrow(
      'timed out after 10s waiting for deployment/webhook Available in knative-serving; last seen: deployment/knative-serving/webhook: Available=False (MinimumReplicasUnavailable)',
    );
  });

  test('waitFor with minCount reports how many exist', async () => {
    const { kubectl } = scripted(() =>
      ok({
        items: [
          {
            kind: 'Node',
            metadata: { name: 'a' },
            status: { conditions: [{ type: 'Ready', status: 'True' }] },
          },
        ],
      }),
    );
    await expect(
      kubectl.waitFor('nodes', 'Ready', { all: true, minCount: 3, timeoutMs: 5000 }),
    ).rejects.toThrow(/last seen: 1 of 3 nodes exist/);
  });

  test('rolloutStatus waits for a daemonset', async () => {
    let polls = 0;
    const { kubectl } = scripted(() => {
      polls++;
      const n = polls >= 2 ? 2 : 0;
      return ok({
        kind: 'DaemonSet',
        metadata: { name: 'envoy', generation: 1 },
        status: {
          observedGeneration: 1,
          desiredNumberScheduled: 2,
          updatedNumberScheduled: n,
          numberAvailable: n,
        },
      });
    });
    await kubectl.rolloutStatus('envoy', 'contour-external', { timeoutMs: 60_000 });
    expect(polls).toBe(2);
  });

  test('logs failures become text, not errors', async () => {
    const { kubectl, calls } = scripted(() => ({
      exitCode: 1,
      stdout: '',
      stderr: 'container "x" is waiting to start',
    }));
    expect(await kubectl.logs('p', 'ns', { tail: 5 })).toBe(
      '(logs unavailable: container "x" is waiting to start)',
    );
    expect(calls[0]!.args.slice(5)).toEqual([
      'logs',
      'p',
      '-n',
      'ns',
      '--all-containers',
      '--prefix',
      '--tail=5',
    ]);
  });
});
