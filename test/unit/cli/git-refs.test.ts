/**
 * The commits a terminal run previews, against real temporary git repositories: the merge base
 * with the default branch, else the parent of HEAD; refs that do not exist; changes the preview
 * would leave out.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolveRefs, uncommittedChanges } from '../../../src/cli/git-refs.js';
import { UsageError } from '../../../src/cli/usage-error.js';
import { setLog, type Log } from '../../../src/util/log.js';
import { createToolRunner } from '../../../src/util/tool-runner.js';
import { memoryLog } from '../../helpers/memory-log.js';

const git = createToolRunner('git', { kind: 'git' });
const dirs: string[] = [];
let previousLog: Log;
beforeAll(() => {
  previousLog = setLog(memoryLog());
});
afterAll(() => {
  setLog(previousLog);
});
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function run(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
    },
  }).trim();
}

/** A repository on `branch` with no commits. */
function emptyRepo(branch = 'main'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ka-refs-'));
  dirs.push(dir);
  run(dir, 'init', '-q', '-b', branch);
  return dir;
}

function commit(dir: string, file: string, text: string): string {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
  run(dir, 'add', '-A');
  run(dir, 'commit', '-q', '-m', `${file}: ${text}`);
  return run(dir, 'rev-parse', 'HEAD');
}

async function usageError(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsageError);
  return (error as Error).message;
}

describe('resolveRefs', () => {
  it('on the default branch: the base is HEAD~1', async () => {
    const dir = emptyRepo();
    const first = commit(dir, 'knative/svc.yaml', 'v1');
    const second = commit(dir, 'knative/svc.yaml', 'v2');
    const refs = await resolveRefs(git, path.join(dir, 'knative'), {});
    expect(refs).toMatchObject({
      baseSha: first,
      headSha: second,
      baseRef: 'main~1',
      headRef: 'main',
      headIsCheckout: true,
    });
    expect(refs.baseReason).toBe('the parent of main, the default branch');
    // A branch with nothing of its own beyond main: its parent too.
    run(dir, 'checkout', '-q', '-b', 'topic');
    const topic = await resolveRefs(git, dir, {});
    expect(topic).toMatchObject({ baseSha: first, headSha: second, baseRef: 'topic~1' });
    expect(topic.baseReason).toBe(
      'the parent of topic (it has no commits of its own beyond the default branch main)',
    );
  });

  it('on a branch: the base is the merge base with main, even after main moved on', async () => {
    const dir = emptyRepo();
    commit(dir, 'knative/svc.yaml', 'v1');
    const forkPoint = commit(dir, 'knative/svc.yaml', 'v2');
    run(dir, 'checkout', '-q', '-b', 'feature');
    commit(dir, 'knative/svc.yaml', 'feature 1');
    const head = commit(dir, 'knative/svc.yaml', 'feature 2');
    run(dir, 'checkout', '-q', 'main');
    commit(dir, 'other.txt', 'main moves on');
    run(dir, 'checkout', '-q', 'feature');
    const refs = await resolveRefs(git, dir, {});
    expect(refs).toMatchObject({ baseSha: forkPoint, headSha: head, baseRef: 'main' });
    expect(refs.baseReason).toBe('the merge base of feature with the default branch main');
  });

  it('takes the default branch from origin/HEAD before main and master', async () => {
    const upstream = emptyRepo('trunk');
    commit(upstream, 'knative/svc.yaml', 'v1');
    const forkPoint = commit(upstream, 'knative/svc.yaml', 'v2');
    // A local `main` that is not the default branch must not be used.
    run(upstream, 'branch', 'main', 'HEAD~1');
    const clone = mkdtempSync(path.join(os.tmpdir(), 'ka-refs-clone-'));
    dirs.push(clone);
    run(clone, 'clone', '-q', upstream, '.');
    run(clone, 'checkout', '-q', '-b', 'topic');
    commit(clone, 'knative/svc.yaml', 'topic');
    run(clone, 'branch', 'main', 'origin/main');
    const refs = await resolveRefs(git, clone, {});
    expect(refs.baseRef).toBe('origin/trunk');
    expect(refs.baseSha).toBe(forkPoint);
  });

  it('falls back to master, and to HEAD~1 when there is no default branch at all', async () => {
    const dir = emptyRepo('master');
    const base = commit(dir, 'a', '1');
    run(dir, 'checkout', '-q', '-b', 'work');
    commit(dir, 'a', '2');
    expect((await resolveRefs(git, dir, {})).baseRef).toBe('master');
    expect((await resolveRefs(git, dir, {})).baseSha).toBe(base);

    const lone = emptyRepo('develop');
    const parent = commit(lone, 'a', '1');
    commit(lone, 'a', '2');
    const refs = await resolveRefs(git, lone, {});
    expect(refs).toMatchObject({ baseSha: parent, baseRef: 'develop~1' });
    expect(refs.baseReason).toContain('no origin/HEAD, main or master');
  });

  it('uses --base and --head as given; another head is not the checkout', async () => {
    const dir = emptyRepo();
    const a = commit(dir, 'f', 'a');
    const b = commit(dir, 'f', 'b');
    commit(dir, 'f', 'c');
    const refs = await resolveRefs(git, dir, { base: a.slice(0, 10), head: 'HEAD~1' });
    expect(refs).toMatchObject({
      baseSha: a,
      headSha: b,
      baseRef: a.slice(0, 10),
      headRef: 'HEAD~1',
      baseReason: 'given by --base',
      headIsCheckout: false,
    });
    // --head naming the checked-out commit is the checkout.
    expect((await resolveRefs(git, dir, { head: 'main' })).headIsCheckout).toBe(true);
  });

  it('refuses what it cannot preview, saying what to do', async () => {
    const dir = emptyRepo();
    expect(await usageError(resolveRefs(git, dir, {}))).toBe(
      'The repository has no commits yet: commit the service, then run again.',
    );
    const only = commit(dir, 'f', 'a');
    expect(await usageError(resolveRefs(git, dir, {}))).toBe(
      `main (${only.slice(0, 7)}) has no parent commit, so there is no base to compare it with. Pass --base REF.`,
    );
    commit(dir, 'f', 'b');
    expect(await usageError(resolveRefs(git, dir, { base: 'nope' }))).toBe(
      "--base 'nope' is not a commit in this repository. Check the spelling, or fetch it first (e.g. git fetch origin nope).",
    );
    // Never passed to git as an option.
    expect(await usageError(resolveRefs(git, dir, { head: '--output=/tmp/x' }))).toContain(
      "--head '--output=/tmp/x' is not a commit",
    );
    const outside = mkdtempSync(path.join(os.tmpdir(), 'ka-no-repo-'));
    dirs.push(outside);
    expect(await usageError(resolveRefs(git, outside, {}))).toMatch(
      /is not inside a git repository .*Run knative-action from a clone of the repository to preview\.$/,
    );
  });
});

describe('uncommittedChanges', () => {
  it('lists changed, staged, renamed and untracked files under the paths, nothing else', async () => {
    const dir = emptyRepo();
    writeFileSync(path.join(dir, '.gitignore'), 'app/node_modules/\n');
    commit(dir, 'knative/svc.yaml', 'v1');
    commit(dir, 'knative/old.yaml', 'x');
    commit(dir, 'app/server.js', 'v1');
    expect(await uncommittedChanges(git, dir, ['knative', 'app'])).toEqual([]);

    writeFileSync(path.join(dir, 'knative/svc.yaml'), 'v2');
    run(dir, 'mv', 'knative/old.yaml', 'knative/new.yaml');
    mkdirSync(path.join(dir, 'app/lib'), { recursive: true });
    writeFileSync(path.join(dir, 'app/lib/extra.js'), 'new');
    mkdirSync(path.join(dir, 'app/node_modules'), { recursive: true });
    writeFileSync(path.join(dir, 'app/node_modules/ignored.js'), 'ignored');
    writeFileSync(path.join(dir, 'README.md'), 'elsewhere');
    expect((await uncommittedChanges(git, dir, ['knative', 'app'])).sort()).toEqual([
      'app/lib/extra.js',
      'knative/new.yaml',
      'knative/svc.yaml',
    ]);
    // Paths are literal, not pathspec magic.
    expect(await uncommittedChanges(git, dir, [':(glob)**'])).toEqual([]);
  });
});
