import { describe, expect, it } from 'vitest';
import { pushImages } from '../../../src/images/push.js';
import { UserError } from '../../../src/util/errors.js';
import { ToolError, type ToolResult, type ToolRunner } from '../../../src/util/tool-runner.js';

/** A docker that records argv and answers push from a script of results. */
function fakeDocker(pushResults: ToolResult[]): ToolRunner & { calls: string[][] } {
  const calls: string[][] = [];
  const run = async (args: readonly string[]): Promise<ToolResult> => {
    calls.push([...args]);
    if (args[0] === 'push') return pushResults.shift() ?? { exitCode: 0, stdout: '', stderr: '' };
    return { exitCode: 0, stdout: '', stderr: '' };
  };
  return {
    tool: 'docker',
    calls,
    run,
    async runOk(args) {
      const result = await run(args);
      if (result.exitCode !== 0) throw new ToolError(`docker ${args.join(' ')}`, result);
      return result;
    },
  };
}

const images = new Map([
  ['dev.local/app:ec26c3e', 'ghcr.io/octo/app:ec26c3e'],
  ['dev.local/app:f95f852', 'ghcr.io/octo/app:f95f852'],
]);

describe('pushImages', () => {
  it('tags each built image with its registry name and pushes it (argument arrays)', async () => {
    const docker = fakeDocker([]);
    await pushImages(docker, { images, sleep: async () => {} });
    expect(docker.calls).toEqual([
      ['tag', 'dev.local/app:ec26c3e', 'ghcr.io/octo/app:ec26c3e'],
      ['push', 'ghcr.io/octo/app:ec26c3e'],
      ['tag', 'dev.local/app:f95f852', 'ghcr.io/octo/app:f95f852'],
      ['push', 'ghcr.io/octo/app:f95f852'],
    ]);
  });

  it('tries a push again after a failure that may pass', async () => {
    const docker = fakeDocker([
      { exitCode: 1, stdout: '', stderr: 'net/http: TLS handshake timeout' },
    ]);
    await pushImages(docker, { images: new Map([...images].slice(0, 1)), sleep: async () => {} });
    expect(docker.calls.filter((c) => c[0] === 'push')).toHaveLength(2);
  });

  it('a refused push fails at once and says to log in first', async () => {
    const docker = fakeDocker([
      { exitCode: 1, stdout: '', stderr: 'denied: requested access to the resource is denied' },
    ]);
    const error = await pushImages(docker, { images, sleep: async () => {} }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(
      /refused the push of ghcr\.io\/octo\/app:ec26c3e: denied.*docker\/login-action/,
    );
    expect(docker.calls.filter((c) => c[0] === 'push')).toHaveLength(1);
  });
});
