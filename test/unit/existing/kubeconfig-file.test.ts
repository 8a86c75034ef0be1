/**
 * The kubeconfig the run uses, made by the real kubectl (`config view --flatten --minify`), which
 * reads files only: no cluster is needed.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { prepareKubeconfig } from '../../../src/existing/kubeconfig.js';
import { UserError } from '../../../src/util/errors.js';
import { createToolRunner } from '../../../src/util/tool-runner.js';

const kubeconfig = (context: string, token: string, extra: Record<string, unknown> = {}) =>
  stringify({
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': context,
    clusters: [
      { name: `${context}-cluster`, cluster: { server: `https://${context}.example.com:6443` } },
    ],
    users: [{ name: `${context}-user`, user: { token } }],
    contexts: [
      {
        name: context,
        context: { cluster: `${context}-cluster`, user: `${context}-user`, namespace: 'team' },
      },
    ],
    ...extra,
  });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ka-kubeconfig-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function prepare(input: string, env: Record<string, string>) {
  const secrets: string[] = [];
  // The environment is what the action process has; kubectl gets its allow-listed part of it.
  const kubectl = createToolRunner('kubectl', {
    kind: 'kubectl',
    env: { PATH: process.env.PATH, ...env },
  });
  return prepareKubeconfig({
    input,
    dir: path.join(dir, 'work', 'existing'),
    kubectl,
    registerSecret: (s) => secrets.push(s),
    env,
  }).then((prepared) => ({ prepared, secrets }));
}

describe('prepareKubeconfig', () => {
  it('writes the input to a mode-600 file of its own, with only the current context, and masks its token', async () => {
    const input = `${kubeconfig('ci', 'token-of-ci-user-123')}`;
    const { prepared, secrets } = await prepare(input, { HOME: dir });
    expect(prepared.context).toBe('ci');
    expect(prepared.source).toBe("the 'kubeconfig' input");
    expect(statSync(prepared.path).mode & 0o777).toBe(0o600);
    const written = JSON.parse(readFileSync(prepared.path, 'utf8'));
    expect(written['current-context']).toBe('ci');
    expect(written.users).toHaveLength(1);
    expect(secrets).toContain('token-of-ci-user-123');
    // The copy of the raw input is gone.
    expect(existsSync(path.join(path.dirname(prepared.path), 'kubeconfig-input'))).toBe(false);
  });

  it('with no input, merges the files KUBECONFIG lists as kubectl does (the first current-context wins)', async () => {
    const first = path.join(dir, 'first');
    const second = path.join(dir, 'second');
    writeFileSync(first, stringify({ apiVersion: 'v1', kind: 'Config', 'current-context': 'gke' }));
    writeFileSync(second, kubeconfig('gke', 'gke-token-abcdef', { 'current-context': 'other' }));
    const { prepared, secrets } = await prepare('', {
      HOME: dir,
      KUBECONFIG: [first, second].join(path.delimiter),
    });
    expect(prepared.context).toBe('gke');
    expect(prepared.source).toBe(`KUBECONFIG (${first}, ${second})`);
    expect(JSON.parse(readFileSync(prepared.path, 'utf8')).clusters[0].cluster.server).toBe(
      'https://gke.example.com:6443',
    );
    expect(secrets).toContain('gke-token-abcdef');
  });

  it('with no input and no KUBECONFIG, reads ~/.kube/config', async () => {
    const home = path.join(dir, 'home');
    const file = path.join(home, '.kube', 'config');
    await import('node:fs').then((fs) => fs.mkdirSync(path.dirname(file), { recursive: true }));
    writeFileSync(file, kubeconfig('eks', 'eks-token-abcdef'));
    const { prepared } = await prepare('', { HOME: home });
    expect(prepared.context).toBe('eks');
    expect(prepared.source).toBe(file);
  });

  it('says how to connect when there is no kubeconfig at all', async () => {
    const error = await prepare('', { HOME: path.join(dir, 'nobody') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(
      /the 'kubeconfig' input is empty, KUBECONFIG is not set and .*\.kube\/config does not exist.*secrets\.KUBECONFIG.*get-gke-credentials/,
    );
    const missing = await prepare('', { HOME: dir, KUBECONFIG: path.join(dir, 'nope') }).catch(
      (e: unknown) => e,
    );
    expect((missing as Error).message).toMatch(/KUBECONFIG names .*nope', but none of them exists/);
  });

  it('refuses a kubeconfig without a current context, and one that is not a kubeconfig, without echoing it', async () => {
    const noContext = await prepare(kubeconfig('ci', 'tok-12345678', { 'current-context': '' }), {
      HOME: dir,
    }).catch((e: unknown) => e);
    expect(noContext).toBeInstanceOf(UserError);
    expect((noContext as Error).message).toMatch(
      /Cannot use the kubeconfig from the 'kubeconfig' input.*current context/,
    );
    const garbage = await prepare('this is: [not a kubeconfig secret-value-xyz', {
      HOME: dir,
    }).catch((e: unknown) => e);
    expect(garbage).toBeInstanceOf(UserError);
    expect((garbage as Error).message).not.toContain('secret-value-xyz');
  });
});
