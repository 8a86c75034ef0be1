import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pullRequestEvent } from '../../helpers/events.js';
import { knativeService, makeRepo, type TempRepo } from '../../helpers/git-repo.js';
import { runAction } from '../../helpers/run-action.js';

// The bundled action, run as the runner runs it, in dry-run mode.
const repos: TempRepo[] = [];
afterAll(() => repos.forEach((repo) => repo.cleanup()));

function repo(base: Record<string, string>, head: Record<string, string | null>): TempRepo {
  const made = makeRepo(base, head);
  repos.push(made);
  return made;
}

const dryRun = { 'dry-run': 'true', 'github-token': 'unused' };

describe('dry-run of dist/index.js', () => {
  it('plans a canary-30 split from a labeled event and writes outputs and manifests', async () => {
    const r = repo(
      { 'knative/svc.yaml': knativeService('hello') },
      { 'knative/svc.yaml': knativeService('hello', { target: 'pr' }) },
    );
    const run = await runAction({
      workspace: r.dir,
      inputs: dryRun,
      event: pullRequestEvent('labeled', {
        baseSha: r.baseSha,
        headSha: r.headSha,
        labels: ['canary-30', 'bug'],
      }),
    });
    expect(run.exitCode, run.stdout).toBe(0);
    const base = `hello-base-${r.baseSha.slice(0, 7)}`;
    const pr = `hello-pr-${r.headSha.slice(0, 7)}`;
    expect(JSON.parse(run.outputs.traffic ?? '')).toEqual([
      { revisionName: base, percent: 70, tag: 'base' },
      { revisionName: pr, percent: 30, tag: 'pr' },
    ]);
    expect(JSON.parse(run.outputs.revisions ?? '')).toEqual({ base, pr });
    expect(run.outputs.url).toBe('http://hello.default.example.com');
    const planDir = path.join(run.runnerTemp, 'knative-action', 'plan');
    expect(run.stdout).toContain(planDir);
    expect(readdirSync(planDir).sort()).toEqual([
      'default-hello.1-base.yaml',
      'default-hello.2-pr.yaml',
      'plan.json',
    ]);
    expect(readFileSync(path.join(planDir, 'default-hello.1-base.yaml'), 'utf8')).toContain(
      'value: base',
    );
    expect(run.stdout).toMatch(/dry-run: planned only/);
  });

  it('reads the base side from git history; a service new in the PR gets 100%', async () => {
    const r = repo(
      { 'knative/a.yaml': knativeService('alpha') },
      { 'knative/a.yaml': null, 'knative/b.yml': knativeService('beta') },
    );
    const run = await runAction({
      workspace: r.dir,
      inputs: dryRun,
      event: pullRequestEvent('synchronize', {
        baseSha: r.baseSha,
        headSha: r.headSha,
        labels: ['canary-50'],
      }),
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(JSON.parse(run.outputs.revisions ?? '')).toEqual({
      base: null,
      pr: `beta-pr-${r.headSha.slice(0, 7)}`,
    });
    expect(run.stdout).toMatch(/does not exist at the base commit/);
  });

  it('plans several services as objects keyed by name', async () => {
    const both = `${knativeService('one')}---\n${knativeService('two')}`;
    const r = repo(
      { 'knative/all.yaml': both },
      { 'knative/all.yaml': both.replace(/value: base/g, 'value: pr') },
    );
    const run = await runAction({
      workspace: r.dir,
      inputs: dryRun,
      event: pullRequestEvent('opened', {
        baseSha: r.baseSha,
        headSha: r.headSha,
        labels: ['canary-10'],
      }),
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(Object.keys(JSON.parse(run.outputs.revisions ?? ''))).toEqual(['one', 'two']);
    expect(JSON.parse(run.outputs.traffic ?? '').two[1]).toMatchObject({
      percent: 10,
      tag: 'pr',
    });
  });

  it('succeeds without doing anything on closed', async () => {
    const r = repo({ 'knative/svc.yaml': knativeService('hello') }, {});
    const run = await runAction({
      workspace: r.dir,
      inputs: dryRun,
      event: pullRequestEvent('closed', { baseSha: r.baseSha, headSha: r.headSha }),
    });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/nothing to preview/);
    expect(run.outputs).toEqual({});
  });

  it('fails with an annotation on two canary labels', async () => {
    const r = repo({ 'knative/svc.yaml': knativeService('hello') }, {});
    const run = await runAction({
      workspace: r.dir,
      inputs: dryRun,
      event: pullRequestEvent('labeled', {
        baseSha: r.baseSha,
        headSha: r.headSha,
        labels: ['canary-10', 'canary-90'],
      }),
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /::error title=knative-action::The PR has 2 split labels \('canary-10', 'canary-90'\)/,
    );
  });

  it('fails with a file and line annotation on a broken manifest', async () => {
    const r = repo(
      { 'knative/svc.yaml': knativeService('hello') },
      {
        'knative/svc.yaml':
          'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: hello\nspec:\n  template:\n    spec:\n      containers: [\n',
      },
    );
    const run = await runAction({
      workspace: r.dir,
      inputs: dryRun,
      event: pullRequestEvent('opened', { baseSha: r.baseSha, headSha: r.headSha }),
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /::error title=knative-action,file=knative\/svc\.yaml,line=\d+::knative\/svc\.yaml:\d+: YAML syntax error/,
    );
  });

  it('explains how to check out when the base commit is missing', async () => {
    const r = repo({ 'knative/svc.yaml': knativeService('hello') }, {});
    const missing = 'b'.repeat(40);
    const run = await runAction({
      workspace: r.dir,
      inputs: dryRun,
      event: pullRequestEvent('opened', { baseSha: missing, headSha: r.headSha }),
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/base commit b{40} is not in the checkout.*fetch-depth: 0/);
  });

  it('plans one revision on push', async () => {
    const r = repo({ 'knative/svc.yaml': knativeService('hello') }, {});
    const run = await runAction({
      workspace: r.dir,
      inputs: dryRun,
      eventName: 'push',
      event: { repository: { full_name: 'o/r' } },
      env: { GITHUB_SHA: r.headSha },
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(JSON.parse(run.outputs.traffic ?? '')).toEqual([
      { revisionName: `hello-pr-${r.headSha.slice(0, 7)}`, percent: 100, tag: 'pr' },
    ]);
  });

  it('refuses a bad input value', async () => {
    const r = repo({ 'knative/svc.yaml': knativeService('hello') }, {});
    const run = await runAction({
      workspace: r.dir,
      inputs: { ...dryRun, requests: 'lots' },
      event: pullRequestEvent('opened', { baseSha: r.baseSha, headSha: r.headSha }),
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/Input 'requests' has the value 'lots'/);
    expect(existsSync(path.join(run.runnerTemp, 'knative-action', 'plan'))).toBe(false);
  });
});

describe('dry-run of the GitOps template', () => {
  it('plans template/knative with the app image tagged per side', async () => {
    const { execFileSync } = await import('node:child_process');
    const { repoRoot } = await import('../../helpers/run-action.js');
    const head = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: repoRoot,
      encoding: 'utf8',
    }).trim();
    const event = {
      action: 'labeled',
      number: 1,
      pull_request: {
        number: 1,
        title: 'template',
        labels: [{ name: 'canary-50' }],
        base: { sha: head, ref: 'main' },
        head: { sha: head, ref: 'pr' },
      },
      repository: { full_name: 'o/template' },
    };
    const run = await runAction({
      workspace: repoRoot,
      inputs: { ...dryRun, manifests: 'template/knative', build: 'app=template/app' },
      event,
    });
    expect(run.exitCode, run.stdout).toBe(0);
    const short = head.slice(0, 7);
    expect(JSON.parse(run.outputs.revisions ?? '')).toEqual({
      base: `hello-base-${short}`,
      pr: `hello-pr-${short}`,
    });
    expect(
      JSON.parse(run.outputs.traffic ?? '').map((t: { percent: number }) => t.percent),
    ).toEqual([50, 50]);
    expect(run.stdout).toContain(`image: dev.local/app:${short}`);
    expect(run.summary).toContain('hello-pr-');
  });

  it('refuses a dev.local image that no build line produces, saying how to fix it', async () => {
    const r = repo({ 'knative/svc.yaml': knativeService('hello', { image: 'dev.local/api' }) }, {});
    const run = await runAction({
      workspace: r.dir,
      inputs: dryRun,
      event: {
        action: 'opened',
        number: 1,
        pull_request: { number: 1, labels: [], base: { sha: r.baseSha }, head: { sha: r.headSha } },
        repository: { full_name: 'o/r' },
      },
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /dev\.local\/api, which no 'build' line produces.*api=<context folder>/,
    );
  });
});

describe('dry-run of dist/index.js on hostile manifests and events', () => {
  /** A pull_request event of our own (the suite must run without ../shared). */
  const event = (
    r: { baseSha: string; headSha: string },
    labels: unknown = [{ name: 'canary-20' }],
  ) => ({
    action: 'labeled',
    number: 9,
    pull_request: {
      number: 9,
      title: 'hostile',
      labels,
      base: { sha: r.baseSha, ref: 'main' },
      head: { sha: r.headSha, ref: 'pr' },
    },
    repository: { full_name: 'o/r' },
  });
  const secretFile = path.join(os.tmpdir(), `ka-outside-${process.pid}-passwd`);
  writeFileSync(secretFile, 'root:x:0:0:root:/root:/bin/bash\n');
  afterAll(() => rmSync(secretFile, { force: true }));

  /** A repo whose base and head both have a good service; `prepare` then changes the workspace. */
  async function runOn(prepare: (dir: string) => void, inputs: Record<string, string> = {}) {
    const r = repo({ 'knative/svc.yaml': knativeService('hello') }, {});
    prepare(r.dir);
    return {
      r,
      run: await runAction({
        workspace: r.dir,
        inputs: { ...dryRun, ...inputs },
        event: event(r),
        timeoutMs: 60_000,
      }),
    };
  }
  const errorLine = (stdout: string) =>
    stdout.split('\n').find((line) => line.startsWith('::error')) ?? '';

  it('refuses a manifests folder symlinked out of the workspace without quoting the target file', async () => {
    const { run } = await runOn((dir) => {
      rmSync(path.join(dir, 'knative'), { recursive: true });
      symlinkSync(secretFile, path.join(dir, 'knative'));
    });
    expect(run.exitCode).toBe(1);
    expect(errorLine(run.stdout)).toMatch(
      /^::error title=knative-action,file=knative::'knative' is a symlink to '.*passwd', which leads outside the workspace/,
    );
    expect(run.stdout + run.summary).not.toContain('root:x:0:0');
  });

  it('refuses a symlinked file, a symlink loop and an absolute manifests path', async () => {
    const linked = await runOn((dir) =>
      symlinkSync(secretFile, path.join(dir, 'knative/passwd.yaml')),
    );
    expect(errorLine(linked.run.stdout)).toMatch(
      /'knative\/passwd\.yaml' is a symlink to .* outside the workspace/,
    );
    expect(linked.run.stdout + linked.run.summary).not.toContain('root:x:0:0');

    const loop = await runOn((dir) => {
      symlinkSync('b.yaml', path.join(dir, 'knative/a.yaml'));
      symlinkSync('a.yaml', path.join(dir, 'knative/b.yaml'));
    });
    expect(errorLine(loop.run.stdout)).toMatch(
      /'knative\/a\.yaml' is a symlink that loops back on itself/,
    );

    const absolute = await runOn(() => undefined, { manifests: path.dirname(secretFile) });
    expect(errorLine(absolute.run.stdout)).toMatch(/The 'manifests' input .* is an absolute path/);
  });

  it('refuses a named pipe at once, and reads a folder named x.yaml as a folder', async () => {
    const fifo = await runOn((dir) =>
      execFileSync('mkfifo', [path.join(dir, 'knative/pipe.yaml')]),
    );
    expect(fifo.run.exitCode).toBe(1);
    expect(errorLine(fifo.run.stdout)).toMatch(
      /knative\/pipe\.yaml is a named pipe \(FIFO\), not a regular file/,
    );

    const folder = await runOn((dir) => {
      mkdirSync(path.join(dir, 'knative/x.yaml'));
      writeFileSync(
        path.join(dir, 'knative/x.yaml/cm.yaml'),
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n',
      );
    });
    expect(folder.run.exitCode, folder.run.stdout).toBe(0);
    expect(folder.run.stdout).toContain('Other objects applied after the services: ConfigMap/cm');
  });

  it('refuses a 10 MB file quickly, naming the file and the limit', async () => {
    const { run } = await runOn((dir) =>
      writeFileSync(path.join(dir, 'knative/big.yaml'), `data:\n${'  k: v\n'.repeat(1_500_000)}`),
    );
    expect(run.exitCode).toBe(1);
    expect(errorLine(run.stdout)).toMatch(
      /knative\/big\.yaml is 10\.0 MiB; a manifest file may be at most 1 MiB\. Split it into several files/,
    );
  });

  it('refuses a billion-laughs file, naming the file and the fix', async () => {
    const levels = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++)
      levels.push(
        `l${i}: &l${i} [${Array(9)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      );
    const { run } = await runOn((dir) =>
      writeFileSync(
        path.join(dir, 'knative/lol.yaml'),
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n  ${levels.join('\n  ')}\n`,
      ),
    );
    expect(run.exitCode).toBe(1);
    expect(errorLine(run.stdout)).toMatch(
      /file=knative\/lol\.yaml,line=7::knative\/lol\.yaml:7: the YAML aliases .* expand to more than 50 alias uses.*Write the repeated values out/,
    );
  });

  it('refuses Latin-1, UTF-16 and NUL bytes, naming the file, offset and line', async () => {
    const latin1 = await runOn((dir) =>
      writeFileSync(
        path.join(dir, 'knative/svc.yaml'),
        Buffer.from(knativeService('caf\xe9'), 'latin1'),
      ),
    );
    expect(errorLine(latin1.run.stdout)).toMatch(
      /file=knative\/svc\.yaml,line=4::knative\/svc\.yaml is not valid UTF-8: the byte at offset 70 \(line 4\)/,
    );
    const utf16 = await runOn((dir) =>
      writeFileSync(
        path.join(dir, 'knative/svc.yaml'),
        Buffer.from(`\ufeff${knativeService('hello')}`, 'utf16le'),
      ),
    );
    expect(errorLine(utf16.run.stdout)).toMatch(
      /knative\/svc\.yaml is UTF-16LE \(it starts with a UTF-16LE byte order mark\)/,
    );
    const nul = await runOn((dir) =>
      writeFileSync(path.join(dir, 'knative/svc.yaml'), `${knativeService('hello')}\0`),
    );
    expect(errorLine(nul.run.stdout)).toMatch(
      /knative\/svc\.yaml has a NUL byte at byte offset \d+ \(line 13\)/,
    );
  });

  it('refuses the same on the base side, read from git: a symlink entry and Latin-1 bytes', async () => {
    const linkAtBase = repoWith({
      'knative/svc.yaml': knativeService('hello'),
      'knative/p.yaml': { link: secretFile },
    });
    const linked = await runAction({
      workspace: linkAtBase.dir,
      inputs: dryRun,
      event: event(linkAtBase),
    });
    expect(errorLine(linked.stdout)).toMatch(
      new RegExp(
        `knative/p\\.yaml@${linkAtBase.baseSha.slice(0, 7)} is a symlink to '.*passwd', which leads outside the workspace`,
      ),
    );
    expect(linked.stdout + linked.summary).not.toContain('root:x:0:0');

    const latin1AtBase = repoWith({
      'knative/svc.yaml': Buffer.from(knativeService('caf\xe9'), 'latin1'),
    });
    const latin1 = await runAction({
      workspace: latin1AtBase.dir,
      inputs: dryRun,
      event: event(latin1AtBase),
    });
    expect(errorLine(latin1.stdout)).toMatch(
      /knative\/svc\.yaml@\w{7} is not valid UTF-8: the byte at offset 70 \(line 4\)/,
    );
  });

  it('never shows Secret values in the log, the job summary or the plan files', async () => {
    const single =
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: one\nstringData:\n  password: hunter2-single\n';
    const multi = [
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n',
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: two\ndata:\n  token: aHVudGVyMi1tdWx0aQ==\n',
    ].join('---\n');
    const { run } = await runOn((dir) => {
      writeFileSync(path.join(dir, 'knative/secret.yaml'), single);
      writeFileSync(path.join(dir, 'knative/multi.yaml'), multi);
    });
    expect(run.exitCode, run.stdout).toBe(0);
    const planDir = path.join(run.runnerTemp, 'knative-action', 'plan');
    const planFiles = readdirSync(planDir).map((name) =>
      readFileSync(path.join(planDir, name), 'utf8'),
    );
    for (const text of [run.stdout, run.summary, ...planFiles]) {
      expect(text).not.toMatch(/hunter2-single|aHVudGVyMi1tdWx0aQ/);
    }
    expect(run.summary).toMatch(/password: <redacted>/);
    expect(run.summary).toMatch(/token: <redacted>/);
    expect(run.summary).toContain('mode: fast');
    expect(readFileSync(path.join(planDir, 'zz-other-objects.yaml'), 'utf8')).toMatch(
      /token: <redacted>/,
    );
  });

  it('prints a workflow command in a manifest only inside a stop-commands block', async () => {
    const { run } = await runOn((dir) =>
      writeFileSync(
        path.join(dir, 'knative/svc.yaml'),
        knativeService('hello', {
          target: '"first\\n::save-state name=cluster::{\\"name\\":\\"x\\"}\\n"',
        }),
      ),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toContain('::save-state name=cluster::');
    let stop: string | undefined;
    for (const raw of run.stdout.split('\n')) {
      const line = raw.trimStart();
      if (stop !== undefined) {
        if (line === `::${stop}::`) stop = undefined;
        continue;
      }
      stop = /^::stop-commands::(.+)$/.exec(line)?.[1];
      expect(line.startsWith('::save-state'), line).toBe(false);
    }
  });

  it('refuses labels that are not a list of label objects, saying which', async () => {
    const r = repo({ 'knative/svc.yaml': knativeService('hello') }, {});
    const notList = await runAction({
      workspace: r.dir,
      inputs: dryRun,
      event: event(r, 'canary-20'),
    });
    expect(notList.exitCode).toBe(1);
    expect(errorLine(notList.stdout)).toMatch(
      /pull_request\.labels is the string 'canary-20'; GitHub sends a list of label objects/,
    );
    const badLabel = await runAction({
      workspace: r.dir,
      inputs: dryRun,
      event: event(r, [{ name: 'bug' }, { name: 30 }]),
    });
    expect(errorLine(badLabel.stdout)).toMatch(
      /pull_request\.labels\[1\] is an object whose name is the number 30/,
    );
  });
});

/** A repository whose base commit holds `entries` (files, or symlinks) and whose head adds nothing. */
function repoWith(entries: Record<string, string | Buffer | { link: string }>): TempRepo {
  const made = makeRepo({}, {});
  repos.push(made);
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: made.dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@e',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@e',
      },
    }).trim();
  for (const [name, entry] of Object.entries(entries)) {
    const full = path.join(made.dir, name);
    mkdirSync(path.dirname(full), { recursive: true });
    if (typeof entry === 'string' || Buffer.isBuffer(entry)) writeFileSync(full, entry);
    else symlinkSync(entry.link, full);
  }
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  const baseSha = git('rev-parse', 'HEAD');
  // The head (the workspace) has one good service; the base keeps what was committed.
  for (const name of Object.keys(entries)) rmSync(path.join(made.dir, name), { force: true });
  writeFileSync(path.join(made.dir, 'knative/svc.yaml'), knativeService('hello', { target: 'pr' }));
  git('add', '-A');
  git('commit', '-q', '-m', 'head');
  return { ...made, baseSha, headSha: git('rev-parse', 'HEAD') };
}
