import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { GitClient } from '../../../src/git/git-client.js';
import { commitSource } from '../../../src/manifests/commit-source.js';
import { ManifestBudget, MANIFEST_LIMITS } from '../../../src/manifests/limits.js';
import { checkManifestsPath } from '../../../src/manifests/manifests-path.js';
import {
  readInsideWorkspace,
  resolveInsideWorkspace,
} from '../../../src/manifests/workspace-files.js';
import { requireFiles, workspaceSource } from '../../../src/manifests/workspace-source.js';
import { UserError } from '../../../src/util/errors.js';
import { setLog, type Log } from '../../../src/util/log.js';

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(prefix: string): string {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
  temps.push(dir);
  return dir;
}

type Entry = string | Buffer | { link: string } | { fifo: true } | { dir: true };

/** Lays out files, folders, symlinks and named pipes under `root`. */
function lay(root: string, entries: Record<string, Entry>): void {
  for (const [name, entry] of Object.entries(entries)) {
    const full = path.join(root, name);
    mkdirSync(path.dirname(full), { recursive: true });
    if (typeof entry === 'string' || Buffer.isBuffer(entry)) writeFileSync(full, entry);
    else if ('link' in entry) symlinkSync(entry.link, full);
    else if ('fifo' in entry) execFileSync('mkfifo', [full]);
    else mkdirSync(full, { recursive: true });
  }
}

const configMap = (name: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  a: "1"\n`;

async function refusal(work: () => Promise<unknown>): Promise<UserError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

/** An outside file whose content must never appear in a message. */
const outside = tempDir('ka-outside-');
writeFileSync(path.join(outside, 'passwd'), 'root:x:0:0:root:/root:/bin/bash\n');
lay(outside, { 'dir/svc.yaml': configMap('outside') });
const SECRET_LINE = 'root:x:0:0';

describe('MANIFEST_LIMITS', () => {
  it('are the limits the README promises: 1 MiB a file, 4 MiB and 1,000 files a side, 50 aliases', () => {
    expect(MANIFEST_LIMITS).toMatchObject({
      fileBytes: 1024 * 1024,
      totalBytes: 4 * 1024 * 1024,
      files: 1000,
      aliases: 50,
    });
  });
});

describe('checkManifestsPath', () => {
  it('accepts and normalises paths inside the workspace', () => {
    expect(checkManifestsPath('knative')).toBe('knative');
    expect(checkManifestsPath('./deploy//knative/')).toBe('deploy/knative');
    expect(checkManifestsPath('.')).toBe('.');
    expect(checkManifestsPath('a/../b')).toBe('b');
  });
  it.each([
    ['/etc/passwd', /The 'manifests' input '\/etc\/passwd' is an absolute path/],
    ['..', /'\.\.' climbs out of the workspace with '\.\.'/],
    ['../other/knative', /climbs out of the workspace/],
    ['knative/../../x', /climbs out of the workspace/],
    ['..\\x', /climbs out of the workspace/],
    ['a\0b', /holds a NUL character/],
  ])('refuses %j up front', (value, message) => {
    expect(() => checkManifestsPath(value)).toThrow(message);
  });
});

describe('workspaceSource', () => {
  const read = (workspace: string, manifests = 'knative', limits = MANIFEST_LIMITS) =>
    workspaceSource(workspace, manifests, limits).readFiles();

  it('reads the YAML files of a folder in code-unit order, skipping hidden entries', async () => {
    const ws = tempDir('ka-ws-');
    lay(ws, {
      'knative/b.yaml': configMap('b'),
      'knative/B.yml': configMap('B'),
      'knative/a/z.yaml': configMap('z'),
      'knative/a-b.yaml': configMap('ab'),
      'knative/.hidden/x.yaml': configMap('h'),
      'knative/.x.yaml': configMap('hx'),
      'knative/notes.txt': 'not yaml',
      'knative/dir.yaml/inner.yaml': configMap('inner'),
    });
    const files = await read(ws);
    expect(files?.map((file) => file.path)).toEqual([
      'knative/B.yml',
      'knative/a-b.yaml',
      'knative/a/z.yaml',
      'knative/b.yaml',
      'knative/dir.yaml/inner.yaml',
    ]);
    expect(files?.[0]?.text).toBe(configMap('B'));
  });

  it('reads a single file, and the whole workspace for "."', async () => {
    const ws = tempDir('ka-ws-');
    lay(ws, { 'svc.yaml': configMap('s'), 'sub/t.yml': configMap('t') });
    expect((await read(ws, 'svc.yaml'))?.map((f) => f.path)).toEqual(['svc.yaml']);
    expect((await read(ws, '.'))?.map((f) => f.path)).toEqual(['sub/t.yml', 'svc.yaml']);
  });

  it('says a missing path does not exist', async () => {
    const ws = tempDir('ka-ws-');
    expect(await read(ws)).toBeUndefined();
    await expect(requireFiles(workspaceSource(ws, 'knative'), 'knative')).rejects.toThrow(
      /No Knative manifests at 'knative' in the workspace/,
    );
  });

  it('refuses an absolute or climbing manifests path before reading anything', async () => {
    const ws = tempDir('ka-ws-');
    expect((await refusal(() => read(ws, path.join(outside, 'passwd')))).message).toMatch(
      /is an absolute path/,
    );
    expect((await refusal(() => read(ws, '../x'))).message).toMatch(/climbs out/);
  });

  it('refuses a manifests path that is a symlink out of the workspace, never quoting the file', async () => {
    const ws = tempDir('ka-ws-');
    lay(ws, { knative: { link: path.join(outside, 'passwd') } });
    const error = await refusal(() => read(ws));
    expect(error.message).toBe(
      `'knative' is a symlink to '${path.join(outside, 'passwd')}', which leads outside the workspace; manifests are read only from the repository's own files. Replace the link with the file itself.`,
    );
    expect(error.location?.file).toBe('knative');
    expect(error.message).not.toContain(SECRET_LINE);
  });

  it('refuses a folder on the manifests path that links out, naming that folder', async () => {
    const ws = tempDir('ka-ws-');
    lay(ws, { deploy: { link: outside } });
    const error = await refusal(() => read(ws, 'deploy/dir'));
    expect(error.message).toMatch(
      /^'deploy' is a symlink to '.*', which leads outside the workspace/,
    );
  });

  it('refuses a symlink inside the folder that leads out (relative or absolute), naming it', async () => {
    const ws = tempDir('ka-ws-');
    const depth = path.relative(path.join(ws, 'knative'), '/');
    lay(ws, {
      'knative/a.yaml': configMap('a'),
      'knative/p.yaml': { link: path.join(depth, outside, 'passwd') },
    });
    const error = await refusal(() => read(ws));
    expect(error.message).toMatch(
      /^'knative\/p\.yaml' is a symlink to '\.\.\/.*passwd', which leads outside the workspace/,
    );
    expect(error.message).not.toContain(SECRET_LINE);

    const ws2 = tempDir('ka-ws-');
    lay(ws2, { 'knative/shared': { link: path.join(outside, 'dir') } });
    expect((await refusal(() => read(ws2))).message).toMatch(/^'knative\/shared' is a symlink/);
  });

  it('follows a symlink that stays inside the workspace', async () => {
    const ws = tempDir('ka-ws-');
    lay(ws, {
      'common/svc.yaml': configMap('common'),
      'common/more/m.yaml': configMap('m'),
      'knative/svc.yaml': { link: '../common/svc.yaml' },
      'knative/more': { link: '../common/more' },
    });
    const files = await read(ws);
    expect(files?.map((f) => f.path)).toEqual(['knative/more/m.yaml', 'knative/svc.yaml']);
    expect(files?.[1]?.text).toBe(configMap('common'));
  });

  it('refuses a symlink into .git, where the checkout keeps its token', async () => {
    const ws = tempDir('ka-ws-');
    lay(ws, {
      '.git/config': '[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n',
      'knative/config.yaml': { link: '../.git/config' },
    });
    const error = await refusal(() => read(ws));
    expect(error.message).toMatch(
      /^'knative\/config\.yaml' is a symlink to '\.\.\/\.git\/config', which leads into \.git/,
    );
    expect(error.message).not.toContain('c2VjcmV0');
    expect((await refusal(() => read(ws, '.git/config'))).message).toMatch(
      /^'\.git\/config' leads into \.git/,
    );
  });

  it('refuses a symlink loop and a dangling symlink, naming the link', async () => {
    const ws = tempDir('ka-ws-');
    lay(ws, { 'knative/a.yaml': { link: 'b.yaml' }, 'knative/b.yaml': { link: 'a.yaml' } });
    expect((await refusal(() => read(ws))).message).toBe(
      "'knative/a.yaml' is a symlink that loops back on itself (to 'b.yaml'); remove the link.",
    );
    const ws2 = tempDir('ka-ws-');
    lay(ws2, { knative: { link: 'knative' } });
    expect((await refusal(() => read(ws2))).message).toMatch(/^'knative' is a symlink that loops/);
    const ws3 = tempDir('ka-ws-');
    lay(ws3, { 'knative/gone.yaml': { link: 'missing.yaml' } });
    expect((await refusal(() => read(ws3))).message).toBe(
      "'knative/gone.yaml' is a symlink to 'missing.yaml', which does not exist; remove the link or restore its target.",
    );
  });

  it('refuses a folder link that leads back into the folder being read', async () => {
    const ws = tempDir('ka-ws-');
    lay(ws, { 'knative/a.yaml': configMap('a'), 'knative/again': { link: '.' } });
    expect((await refusal(() => read(ws))).message).toBe(
      'knative/again leads back to a folder that is already being read (a symlink cycle); remove the link.',
    );
  });

  it('refuses a named pipe and a device file named .yaml without opening it', async () => {
    const ws = tempDir('ka-ws-');
    lay(ws, { 'knative/a.yaml': configMap('a'), 'knative/pipe.yaml': { fifo: true } });
    expect((await refusal(() => read(ws))).message).toBe(
      'knative/pipe.yaml is a named pipe (FIFO), not a regular file; manifests must be plain YAML files.',
    );
    expect((await refusal(() => read(ws, 'knative/pipe.yaml'))).message).toMatch(/is a named pipe/);
    const ws2 = tempDir('ka-ws-');
    lay(ws2, { 'knative/null.yaml': { link: '/dev/null' } });
    expect((await refusal(() => read(ws2))).message).toMatch(
      /^'knative\/null\.yaml' is a symlink to '\/dev\/null', which leads outside/,
    );
  });

  it.runIf(canMakeDevice())('refuses a device file inside the workspace', async () => {
    const ws = tempDir('ka-ws-');
    mkdirSync(path.join(ws, 'knative'));
    execFileSync('mknod', [path.join(ws, 'knative/zero.yaml'), 'c', '1', '5']);
    expect((await refusal(() => read(ws))).message).toMatch(
      /^knative\/zero\.yaml is a device file/,
    );
  });

  it('refuses a file over the size limit before reading it', async () => {
    const ws = tempDir('ka-ws-');
    lay(ws, { 'knative/huge.yaml': '' });
    // Sparse: 10 MiB by size, nothing on disk. Reading it would return zeros (a NUL refusal).
    truncateSync(path.join(ws, 'knative/huge.yaml'), 10 * 1024 * 1024);
    const error = await refusal(() => read(ws));
    expect(error.message).toBe(
      'knative/huge.yaml is 10 MiB; a manifest file may be at most 1 MiB. Split it into several files, or keep generated or binary files out of the manifests folder.',
    );
  });

  it('refuses past the total size and the number of files', async () => {
    const ws = tempDir('ka-ws-');
    lay(ws, {
      'knative/a.yaml': 'x'.repeat(90),
      'knative/b.yaml': 'x'.repeat(90),
      'knative/c.yaml': 'x'.repeat(90),
    });
    const small = { ...MANIFEST_LIMITS, fileBytes: 100, totalBytes: 200 };
    expect((await refusal(() => read(ws, 'knative', small))).message).toMatch(
      /^knative\/c\.yaml: the manifests read so far and this file come to 270 bytes; all manifest files together may be at most 200 bytes/,
    );
    expect(
      (await refusal(() => read(ws, 'knative', { ...MANIFEST_LIMITS, files: 2 }))).message,
    ).toMatch(/^knative\/c\.yaml: the manifests hold more than 2 YAML files/);
  });

  it('refuses Latin-1, UTF-16 and NUL bytes, naming the file', async () => {
    const ws = tempDir('ka-ws-');
    lay(ws, { 'knative/latin1.yaml': Buffer.from('metadata:\n  name: caf\xe9\n', 'latin1') });
    expect((await refusal(() => read(ws))).message).toMatch(
      /^knative\/latin1\.yaml is not valid UTF-8: the byte at offset 21 \(line 2\)/,
    );
    const ws2 = tempDir('ka-ws-');
    lay(ws2, { 'knative/u16.yaml': Buffer.from('\ufeffkind: A\n', 'utf16le') });
    expect((await refusal(() => read(ws2))).message).toMatch(/^knative\/u16\.yaml is UTF-16LE/);
  });
});

describe('reading a resolved file when the tree changes under it', () => {
  const budget = () => new ManifestBudget(MANIFEST_LIMITS);

  it('refuses a file replaced by a symlink after it was resolved', async () => {
    const ws = tempDir('ka-ws-');
    lay(ws, { 'knative/svc.yaml': configMap('s') });
    const real = await resolveInsideWorkspace(
      ws,
      path.join(ws, 'knative/svc.yaml'),
      'knative/svc.yaml',
    );
    rmSync(real);
    symlinkSync(path.join(outside, 'passwd'), real);
    const error = await refusal(() =>
      readInsideWorkspace(ws, real, 'knative/svc.yaml', budget(), MANIFEST_LIMITS),
    );
    expect(error.message).toMatch(/^knative\/svc\.yaml changed while it was being read/);
  });

  it.runIf(process.platform === 'linux')(
    'refuses a file whose folder was swapped for a link out of the workspace (checked on the open file)',
    async () => {
      const ws = tempDir('ka-ws-');
      lay(ws, { 'knative/dir/svc.yaml': configMap('s') });
      const real = await resolveInsideWorkspace(
        ws,
        path.join(ws, 'knative/dir/svc.yaml'),
        'knative/dir/svc.yaml',
      );
      renameSync(path.join(ws, 'knative/dir'), path.join(ws, 'moved'));
      symlinkSync(path.join(outside, 'dir'), path.join(ws, 'knative/dir'));
      const error = await refusal(() =>
        readInsideWorkspace(ws, real, 'knative/dir/svc.yaml', budget(), MANIFEST_LIMITS),
      );
      expect(error.message).toMatch(/changed while it was being read/);
    },
  );
});

describe('commitSource', () => {
  const git = (dir: string, ...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@e',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@e',
      },
    }).trim();

  /** A repository with one commit of `entries`; the work tree is emptied afterwards. */
  function commitOf(entries: Record<string, Entry>): { dir: string; sha: string } {
    const dir = tempDir('ka-git-');
    git(dir, 'init', '-q', '-b', 'main');
    lay(dir, entries);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'base');
    const sha = git(dir, 'rev-parse', 'HEAD');
    // The work tree no longer has these files: the base side must come from git alone.
    for (const name of Object.keys(entries))
      rmSync(path.join(dir, name.split('/')[0] as string), { recursive: true, force: true });
    return { dir, sha };
  }

  const warnings: string[] = [];
  let previous: Log | undefined;
  afterEach(() => {
    if (previous) setLog(previous);
    previous = undefined;
    warnings.length = 0;
    vi.restoreAllMocks();
  });
  function captureWarnings(): void {
    const quiet: Log = {
      info: () => undefined,
      warning: (message) => void warnings.push(message),
      error: () => undefined,
      debug: () => undefined,
      group: (_, work) => work(),
      branch: () => quiet,
      secret: () => undefined,
    };
    previous = setLog(quiet);
  }

  async function source(
    repo: { dir: string; sha: string },
    manifestsPath = 'knative',
    limits = MANIFEST_LIMITS,
  ) {
    const client = await GitClient.open(repo.dir);
    return {
      client,
      source: commitSource(client, {
        workspace: repo.dir,
        manifestsPath,
        sha: repo.sha,
        canFetch: false,
        limits,
      }),
    };
  }

  it('reads the manifests at the commit, exactly as committed', async () => {
    const repo = commitOf({
      'knative/b.yaml': configMap('b'),
      'knative/a.yml': configMap('a'),
      'knative/.h/x.yaml': configMap('h'),
    });
    const { source: s } = await source(repo);
    const files = await s.readFiles();
    const short = repo.sha.slice(0, 7);
    expect(files?.map((f) => f.path)).toEqual([
      `knative/a.yml@${short}`,
      `knative/b.yaml@${short}`,
    ]);
    expect(files?.[0]?.text).toBe(configMap('a'));
  });

  it('refuses a symlink entry that leads out of the workspace, never reading where it points', async () => {
    const repo = commitOf({
      'knative/a.yaml': configMap('a'),
      'knative/p.yaml': { link: '/etc/passwd' },
    });
    const { source: s } = await source(repo);
    const error = await refusal(() => s.readFiles());
    expect(error.message).toBe(
      `knative/p.yaml@${repo.sha.slice(0, 7)} is a symlink to '/etc/passwd', which leads outside the workspace; manifests are read only from the repository's own files. Replace the link with the file itself.`,
    );
    const climbing = commitOf({ 'knative/p.yaml': { link: '../../etc/passwd' } });
    expect(
      (await refusal(async () => (await source(climbing)).source.readFiles())).message,
    ).toMatch(/is a symlink to '\.\.\/\.\.\/etc\/passwd', which leads outside the workspace/);
    const root = commitOf({ knative: { link: '/etc' } });
    expect((await refusal(async () => (await source(root)).source.readFiles())).message).toMatch(
      /^knative@\w{7} is a symlink to '\/etc'/,
    );
  });

  it('skips a symlink entry that stays inside, with a warning, and never follows it', async () => {
    captureWarnings();
    const repo = commitOf({
      'knative/a.yaml': configMap('a'),
      'common/s.yaml': configMap('s'),
      'knative/s.yaml': { link: '../common/s.yaml' },
    });
    const { source: s } = await source(repo);
    const files = await s.readFiles();
    expect(files?.map((f) => f.path)).toEqual([`knative/a.yaml@${repo.sha.slice(0, 7)}`]);
    expect(warnings).toEqual([
      `knative/s.yaml@${repo.sha.slice(0, 7)} is a symlink to '../common/s.yaml'; the base side is read from git, where links are not followed, so it is skipped. Keep manifests as plain files to compare them with the base.`,
    ]);
  });

  it('refuses a symlink entry into .git', async () => {
    const repo = commitOf({ 'knative/c.yaml': { link: '../.git/config' } });
    expect((await refusal(async () => (await source(repo)).source.readFiles())).message).toMatch(
      /which leads into \.git/,
    );
  });

  it('refuses a blob over the size limit by its size in the tree, before reading it', async () => {
    const repo = commitOf({
      'knative/a.yaml': configMap('a'),
      'knative/big.yaml': 'x'.repeat(300),
    });
    const { client, source: s } = await source(repo, 'knative', {
      ...MANIFEST_LIMITS,
      fileBytes: 200,
    });
    const readBlob = vi.spyOn(client as GitClient, 'readBlob');
    expect((await refusal(() => s.readFiles())).message).toMatch(
      /^knative\/big\.yaml@\w{7} is 300 bytes; a manifest file may be at most 200 bytes/,
    );
    expect(readBlob).toHaveBeenCalledTimes(1); // a.yaml only
  });

  it('refuses Latin-1 and UTF-16 blobs, naming the file at the commit', async () => {
    const repo = commitOf({ 'knative/l.yaml': Buffer.from('name: caf\xe9\n', 'latin1') });
    expect((await refusal(async () => (await source(repo)).source.readFiles())).message).toMatch(
      /^knative\/l\.yaml@\w{7} is not valid UTF-8: the byte at offset 9 \(line 1\)/,
    );
    const utf16 = commitOf({ 'knative/u.yaml': Buffer.from('\ufeffkind: A\n', 'utf16le') });
    expect((await refusal(async () => (await source(utf16)).source.readFiles())).message).toMatch(
      /^knative\/u\.yaml@\w{7} is UTF-16LE/,
    );
  });

  it('refuses an absolute or climbing manifests path up front', async () => {
    const repo = commitOf({ 'knative/a.yaml': configMap('a') });
    expect(
      (await refusal(async () => (await source(repo, '/etc')).source.readFiles())).message,
    ).toMatch(/absolute path/);
    expect(
      (await refusal(async () => (await source(repo, '../x')).source.readFiles())).message,
    ).toMatch(/climbs out/);
  });
});

function canMakeDevice(): boolean {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ka-mknod-'));
  try {
    execFileSync('mknod', [path.join(dir, 'probe'), 'c', '1', '5'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
