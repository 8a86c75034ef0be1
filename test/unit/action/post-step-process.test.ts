/**
 * The post step (dist/post.js) as the runner runs it, with the state the main step saved: it
 * must use the k3d and kubectl that bring-up chose, not whatever is first on PATH.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAction } from '../../helpers/run-action.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'ka-post-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fake tool: appends its name and arguments to calls.log, answers what a cleanup asks. */
function fakeTool(dir: string, name: string, label: string): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(
    file,
    [
      '#!/usr/bin/env bash',
      `echo "${label} $*" >> ${JSON.stringify(path.join(root, 'calls.log'))}`,
      'case "$*" in',
      `  *"cluster list"*) echo '[{"name":"knp-77-1"}]' ;;`,
      `  *" -o json"*) echo '{"items":[]}' ;;`,
      'esac',
      'exit 0',
      '',
    ].join('\n'),
  );
  chmodSync(file, 0o755);
  return file;
}

describe('post step', () => {
  it('cleans up with the saved k3d and kubectl, never the ones on PATH', async () => {
    const chosen = path.join(root, 'toolcache');
    const decoys = path.join(root, 'decoys');
    const k3dPath = fakeTool(chosen, 'k3d-linux-amd64', 'chosen-k3d');
    const kubectlPath = fakeTool(chosen, 'kubectl', 'chosen-kubectl');
    fakeTool(decoys, 'k3d', 'PATH-k3d');
    fakeTool(decoys, 'kubectl', 'PATH-kubectl');
    const runnerTemp = path.join(root, 'runner-temp');
    const kubeconfigPath = path.join(runnerTemp, 'knative-action', 'knp-77-1', 'kubeconfig');
    mkdirSync(path.dirname(kubeconfigPath), { recursive: true });
    writeFileSync(kubeconfigPath, 'apiVersion: v1\nkind: Config\n');

    const run = await runAction({
      entry: 'post',
      workspace: root,
      runnerTemp,
      env: { PATH: `${decoys}:${process.env.PATH ?? ''}` },
      state: {
        cluster: JSON.stringify({
          clusterName: 'knp-77-1',
          kubeconfigPath,
          k3dPath,
          kubectlPath,
          keepCluster: false,
        }),
        outcome: 'failure',
      },
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const calls = readFileSync(path.join(root, 'calls.log'), 'utf8');
    expect(calls).toMatch(/^chosen-kubectl .*get/m);
    expect(calls).toMatch(/^chosen-k3d cluster delete knp-77-1$/m);
    expect(calls).not.toMatch(/PATH-/);
  });

  it('ignores state that is not a cluster it could have saved', async () => {
    const run = await runAction({
      entry: 'post',
      workspace: root,
      state: { cluster: JSON.stringify({ clusterName: '$(touch /tmp/x)', k3dPath: 'k3d' }) },
    });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('No cluster was created: nothing to clean up.');
  });
});
