import { describe, expect, it } from 'vitest';
import { toolEnvironment } from '../../../src/util/tool-env.js';
import { createToolRunner } from '../../../src/util/tool-runner.js';
import { memoryLog } from '../../helpers/memory-log.js';

const processLike = {
  PATH: '/usr/bin:/bin',
  HOME: '/home/runner',
  GITHUB_TOKEN: 'ghs_secret',
  'INPUT_GITHUB-TOKEN': 'ghs_secret',
  INPUT_KUBECONFIG: 'apiVersion: v1',
  ACTIONS_RUNTIME_TOKEN: 'runtime-secret',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-secret',
  GITHUB_STATE: '/home/runner/state',
  GITHUB_OUTPUT: '/home/runner/output',
  DOCKER_HOST: 'unix:///run/docker.sock',
  K3D_FIX_DNS: '1',
  AWS_REGION: 'eu-north-1',
  SIM_READY_DELAY_S: '1',
  HTTPS_PROXY: 'http://proxy:3128',
  LC_ALL: 'C.UTF-8',
};

describe('toolEnvironment', () => {
  it('gives no tool the token, the inputs, the runner files or the runtime tokens', () => {
    for (const kind of ['git', 'docker', 'k3d', 'kubectl'] as const) {
      const env = toolEnvironment(kind, processLike);
      for (const secret of [
        'GITHUB_TOKEN',
        'INPUT_GITHUB-TOKEN',
        'INPUT_KUBECONFIG',
        'ACTIONS_RUNTIME_TOKEN',
        'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
        'GITHUB_STATE',
        'GITHUB_OUTPUT',
        'SIM_READY_DELAY_S',
      ])
        expect(env, `${kind} must not see ${secret}`).not.toHaveProperty([secret]);
      expect(env).toMatchObject({ PATH: '/usr/bin:/bin', HOME: '/home/runner', LC_ALL: 'C.UTF-8' });
      expect(env.HTTPS_PROXY).toBe('http://proxy:3128');
    }
  });

  it('gives each tool the variables it documents', () => {
    expect(toolEnvironment('docker', processLike)).toHaveProperty(['DOCKER_HOST']);
    expect(toolEnvironment('k3d', processLike)).toMatchObject({
      DOCKER_HOST: expect.any(String),
      K3D_FIX_DNS: '1',
    });
    expect(toolEnvironment('kubectl', processLike)).toMatchObject({ AWS_REGION: 'eu-north-1' });
    expect(toolEnvironment('kubectl', processLike)).not.toHaveProperty(['DOCKER_HOST']);
    expect(toolEnvironment('git', processLike)).toMatchObject({ GIT_TERMINAL_PROMPT: '0' });
  });
});

describe('createToolRunner', () => {
  const printEnv =
    "process.stdout.write(Object.keys(process.env).filter((k) => !k.startsWith('npm_')).sort().join(','))";

  it('runs the tool with the allow-listed environment only', async () => {
    const node = createToolRunner(process.execPath, { kind: 'git', env: processLike });
    const { stdout } = await node.runOk(['-e', printEnv]);
    const seen = stdout.split(',');
    expect(seen).toContain('PATH');
    expect(seen).not.toContain('GITHUB_TOKEN');
    expect(seen).not.toContain('INPUT_GITHUB-TOKEN');
    expect(seen).not.toContain('ACTIONS_RUNTIME_TOKEN');
  });

  it('streams output line by line through the log, never straight to the runner', async () => {
    const log = memoryLog();
    const node = createToolRunner(process.execPath, { kind: 'docker', log, env: processLike });
    const script =
      "console.log('#1 building'); console.log('::save-state name=cluster::{}'); console.error('warn: x')";
    await node.runOk(['-e', script], { stream: true });
    expect(log.lines).toEqual(
      expect.arrayContaining(['#1 building', '::save-state name=cluster::{}', 'warn: x']),
    );
  });

  it('returns a failure as an exit code, and runOk names the command', async () => {
    const node = createToolRunner(process.execPath, { kind: 'git', env: processLike });
    expect((await node.run(['-e', 'process.exit(3)'])).exitCode).toBe(3);
    await expect(node.runOk(['-e', "console.error('bad thing'); process.exit(2)"])).rejects.toThrow(
      /exited with 2: bad thing/,
    );
  });
});
