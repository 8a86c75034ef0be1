import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TempRepo {
  dir: string;
  baseSha: string;
  headSha: string;
  cleanup(): void;
}

function git(dir: string, ...args: string[]): string {
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

function writeTree(dir: string, files: Record<string, string | null>): void {
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(dir, file);
    if (text === null) rmSync(full, { force: true });
    else {
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
  }
}

/** A git repository with a base commit and a head commit on top of it (null deletes a file). */
export function makeRepo(
  base: Record<string, string>,
  head: Record<string, string | null>,
): TempRepo {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ka-repo-'));
  git(dir, 'init', '-q', '-b', 'main');
  writeTree(dir, base);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base', '--allow-empty');
  const baseSha = git(dir, 'rev-parse', 'HEAD');
  writeTree(dir, head);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'head', '--allow-empty');
  const headSha = git(dir, 'rev-parse', 'HEAD');
  return { dir, baseSha, headSha, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function knativeService(
  name: string,
  options: { image?: string; target?: string; namespace?: string } = {},
): string {
  return [
    'apiVersion: serving.knative.dev/v1',
    'kind: Service',
    'metadata:',
    `  name: ${name}`,
    ...(options.namespace ? [`  namespace: ${options.namespace}`] : []),
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    `        - image: ${options.image ?? 'ghcr.io/knative/helloworld-go:latest'}`,
    '          env:',
    '            - name: TARGET',
    `              value: ${options.target ?? 'base'}`,
    '',
  ].join('\n');
}
