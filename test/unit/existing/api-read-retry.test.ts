/**
 * Reads of an existing cluster's API (`kubectl get --raw`) survive a restarting API server or a
 * network blip: the messages are kubectl's own (k8s.io/client-go rest and kubectl's
 * "The connection to the server ... was refused" from staging/src/k8s.io/kubectl/pkg/cmd/util).
 */
import { describe, expect, it } from 'vitest';
import { Kubectl } from '../../../src/cluster/kubectl.js';
import { getRaw } from '../../../src/existing/knative-serving.js';
import { UserError } from '../../../src/util/errors.js';
import { ToolError, type ToolResult, type ToolRunner } from '../../../src/util/tool-runner.js';

const REFUSED =
  'The connection to the server 203.0.113.5:6443 was refused - did you specify the right host or port?';
const BUSY =
  'Error from server (ServiceUnavailable): the server is currently unable to handle the request';
const FORBIDDEN =
  'Error from server (Forbidden): forbidden: User "system:serviceaccount:preview:deployer" cannot get path "/apis/serving.knative.dev"';
const NOT_FOUND = 'Error from server (NotFound): the server could not find the requested resource';

/** kubectl that answers from a script: an error's stderr, or JSON on success. */
function scripted(answers: (string | object)[]): { kubectl: Kubectl; calls: () => number } {
  let calls = 0;
  const run = (): Promise<ToolResult> => {
    const answer = answers[Math.min(calls, answers.length - 1)];
    calls++;
    return Promise.resolve(
      typeof answer === 'string'
        ? { exitCode: 1, stdout: '', stderr: answer }
        : { exitCode: 0, stdout: JSON.stringify(answer), stderr: '' },
    );
  };
  const runner: ToolRunner = {
    tool: 'kubectl',
    run,
    async runOk(args) {
      const result = await run();
      if (result.exitCode !== 0) throw new ToolError(`kubectl ${args.join(' ')}`, result);
      return result;
    },
  };
  return { kubectl: new Kubectl(runner, '/tmp/run/kubeconfig'), calls: () => calls };
}

describe('getRaw on an existing cluster', () => {
  const slept: number[] = [];
  const retry = {
    attempts: 4,
    initialDelayMs: 1_000,
    sleep: (ms: number) => {
      slept.push(ms);
      return Promise.resolve();
    },
  };

  it('asks again, with backoff, while the API server refuses or is busy', async () => {
    slept.length = 0;
    const { kubectl, calls } = scripted([REFUSED, BUSY, { kind: 'APIGroup' }]);
    await expect(getRaw(kubectl, '/apis/serving.knative.dev', retry)).resolves.toEqual({
      kind: 'APIGroup',
    });
    expect(calls()).toBe(3);
    expect(slept).toEqual([1_000, 2_000]);
  });

  it('gives up after its attempts, saying what it asked, how often, and what kubectl said', async () => {
    slept.length = 0;
    const { kubectl, calls } = scripted([REFUSED]);
    const error = await getRaw(kubectl, '/apis/serving.knative.dev', retry).catch(
      (e: unknown) => e,
    );
    expect(calls()).toBe(4);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(
      `Cannot reach the existing cluster's API server (asked 4 times): ${REFUSED} The runner must be able to reach it (a private cluster needs a self-hosted runner or an authorised network).`,
    );
  });

  it('fails at once on what asking again cannot change, and reads NotFound as absent', async () => {
    const forbidden = scripted([FORBIDDEN]);
    await expect(getRaw(forbidden.kubectl, '/apis/serving.knative.dev', retry)).rejects.toThrow(
      /kubectl failed: Error from server \(Forbidden\)/,
    );
    expect(forbidden.calls()).toBe(1);
    const missing = scripted([NOT_FOUND]);
    await expect(getRaw(missing.kubectl, '/apis/serving.knative.dev', retry)).resolves.toBe(
      undefined,
    );
    expect(missing.calls()).toBe(1);
  });
});
