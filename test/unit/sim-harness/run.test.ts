import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, TSX_LOADER_URL } from '../../sim/paths.js';
import { splitAssignments } from '../../sim/run-args.js';

const runScript = fileURLToPath(new URL('../../sim/run.ts', import.meta.url));

interface SimResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `run.ts -- args`; `onStdout` sees the output so far and may signal the run. */
function sim(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  onStdout?: (stdout: string, child: ReturnType<typeof spawn>) => void,
): Promise<SimResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX_LOADER_URL, runScript, '--', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      onStdout?.(stdout, child);
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run sim', () => {
  it("runs the command in the sim's environment, passes the caller's INPUT_* through, returns its exit code", async () => {
    const script = [
      'const e = process.env;',
      "console.log(JSON.stringify({ mirror: e['INPUT_RELEASE-MIRROR'], dry: e['INPUT_DRY-RUN'], state: e.SIM_STATE_DIR, path: e.PATH }));",
      'process.exit(7);',
    ].join('\n');
    // INPUT_DRY-RUN as a leading assignment: the way through npm's sh, which drops dashed names.
    const result = await sim(['INPUT_DRY-RUN=true', 'node', '-e', script]);
    expect(result.code).toBe(7);
    const seen = JSON.parse(result.stdout) as Record<string, string>;
    expect(seen.dry).toBe('true');
    expect(seen.mirror).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((seen.path ?? '').split(':')[0]).toBe(join(seen.state ?? '', '..', 'bin'));
    expect(result.stderr).toContain(`[sim] release mirror ${seen.mirror}, state dir ${seen.state}`);
    // Torn down afterwards: the mirror no longer answers.
    await expect(fetch(`${seen.mirror}/_mirror/stats`)).rejects.toThrow();
  });

  it('says how to use it without a command', async () => {
    const result = await sim([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: npm run sim --');
  });

  it('tears down on SIGTERM: the command is stopped and the exit code says so', async () => {
    const script = "console.log(process.env['INPUT_RELEASE-MIRROR']); setInterval(() => {}, 1000);";
    let signalled = false;
    const result = await sim(['node', '-e', script], {}, (stdout, child) => {
      if (!signalled && stdout.includes('\n')) {
        signalled = true;
        child.kill('SIGTERM');
      }
    });
    expect(result.code).toBe(143);
    await expect(fetch(`${result.stdout.trim()}/_mirror/stats`)).rejects.toThrow();
  });

  it('reads leading NAME=value words as variables, the rest as the command', () => {
    expect(splitAssignments(['INPUT_DRY-RUN=true', 'A=b=c', 'node', 'X=1'])).toEqual({
      assignments: { 'INPUT_DRY-RUN': 'true', A: 'b=c' },
      command: ['node', 'X=1'],
    });
  });
});
