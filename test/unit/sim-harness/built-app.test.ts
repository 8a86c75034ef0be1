/**
 * The docker stand-in records, per built image, the app its build context holds; `k3d image
 * import` hands that to the cluster, whose ingress then answers like that app.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANSWER_SPEC_FILE } from '../../sim/cluster/app-answer.js';
import { startSim } from '../../sim/harness.js';
import { describeBuildContext } from '../../sim/standins/built-app.js';
import { runDocker } from '../../sim/standins/docker-cli.js';
import { findImage } from '../../sim/standins/image-store.js';
import type { StandinIo } from '../../sim/standins/io.js';
import { getCluster } from '../../sim/standins/k3d-clusters.js';
import { freePort } from '../../helpers/ports.js';
import { repoRoot } from '../../helpers/run-action.js';

const run = promisify(execFile);

let root: string;
let err: string;
const io = (): StandinIo => ({
  env: { SIM_STATE_DIR: join(root, 'state') },
  cwd: root,
  stdout: () => {},
  stderr: (text) => void (err += text),
});

/** A build context `name` with a Dockerfile and the given files. */
function context(name: string, files: Record<string, string> = {}): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\n');
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sim-built-app-'));
  err = '';
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the app in a build context', () => {
  it('an answer spec wins; then the template app; else a generic app', () => {
    const spec = { status: 200, headers: { 'x-a': 'b' }, body: 'hi {{request}}\n' };
    expect(
      describeBuildContext(context('spec', { [ANSWER_SPEC_FILE]: JSON.stringify(spec) })),
    ).toEqual({
      kind: 'spec',
      spec,
    });
    const template = context('template');
    copyFileSync(join(repoRoot, 'template/app/server.js'), join(template, 'server.js'));
    expect(describeBuildContext(template)).toEqual({ kind: 'template' });
    expect(describeBuildContext(context('other', { 'server.js': 'console.log("hi")\n' }))).toEqual({
      kind: 'generic',
    });
    expect(describeBuildContext(context('empty'))).toEqual({ kind: 'generic' });
  });

  it('names the spec file when it is not valid JSON or not a valid spec', () => {
    const broken = context('broken', { [ANSWER_SPEC_FILE]: '{status: 200' });
    expect(() => describeBuildContext(broken)).toThrow(
      `${join(broken, ANSWER_SPEC_FILE)}: not valid JSON`,
    );
    const wrong = context('wrong', { [ANSWER_SPEC_FILE]: '{"status": 700, "body": ""}' });
    expect(() => describeBuildContext(wrong)).toThrow(
      `${join(wrong, ANSWER_SPEC_FILE)}: status must be a whole number from 200 to 599, got 700`,
    );
  });

  it('docker build records it with the image, or fails the build on a bad spec', async () => {
    context('app', { [ANSWER_SPEC_FILE]: '{"body": "A\\n"}' });
    expect(await runDocker(['build', '-t', 'dev.local/app:aaaaaaa', 'app'], io())).toBe(0);
    expect(findImage(join(root, 'state'), 'dev.local/app:aaaaaaa')?.app).toEqual({
      kind: 'spec',
      spec: { status: 200, headers: {}, body: 'A\n' },
    });
    context('bad', { [ANSWER_SPEC_FILE]: '{"body": "{{when}}"}' });
    expect(await runDocker(['build', '-t', 'dev.local/bad:aaaaaaa', 'bad'], io())).toBe(1);
    expect(err).toContain(
      `ERROR: failed to build: simulated app answer: ${join(root, 'bad', ANSWER_SPEC_FILE)}: body: unknown placeholder '{{when}}'`,
    );
    expect(findImage(join(root, 'state'), 'dev.local/bad:aaaaaaa')).toBeUndefined();
  });
});

describe('through k3d image import (real cluster daemon)', () => {
  it('the cluster learns what each imported image answers', async () => {
    const sim = await startSim();
    try {
      const env = { ...process.env, ...sim.env };
      await run(
        'k3d',
        ['cluster', 'create', 'apps', '-p', `${await freePort()}:80@loadbalancer`, '--wait'],
        { env, cwd: root },
      );
      context('spec', { [ANSWER_SPEC_FILE]: '{"status": 201, "body": "B\\n"}' });
      context('plain');
      await run('docker', ['build', '-t', 'dev.local/spec:bbbbbbb', 'spec'], { env, cwd: root });
      await run('docker', ['build', '-t', 'dev.local/plain:bbbbbbb', 'plain'], { env, cwd: root });
      await run(
        'k3d',
        ['image', 'import', 'dev.local/spec:bbbbbbb', 'dev.local/plain:bbbbbbb', '-c', 'apps'],
        { env, cwd: root },
      );
      const apiUrl = getCluster(sim.stateDir, 'apps')?.apiUrl as string;
      const state = (await (await fetch(`${apiUrl}/_sim/state`)).json()) as { apps: unknown };
      expect(state.apps).toEqual({
        'dev.local/spec:bbbbbbb': { kind: 'spec', spec: { status: 201, headers: {}, body: 'B\n' } },
        'dev.local/plain:bbbbbbb': { kind: 'generic' },
      });
    } finally {
      await sim.stop();
    }
  }, 60_000);

  it('a bad traffic knob fails k3d cluster create with the reason', async () => {
    const sim = await startSim({ env: { ...process.env, SIM_ERROR_RATE: '*=half' } });
    try {
      const env = { ...process.env, ...sim.env };
      const created = run(
        'k3d',
        ['cluster', 'create', 'knob', '-p', `${await freePort()}:80@loadbalancer`, '--wait'],
        { env, cwd: root },
      );
      await expect(created).rejects.toThrow(
        "SIM_ERROR_RATE='*=half': 'half' (for *) is not a fraction from 0 to 1",
      );
    } finally {
      await sim.stop();
    }
  }, 60_000);
});
