/**
 * The template app's HTTP contract, which the simulated cluster and the probe rely on: run as a
 * real process (as the image's CMD does) on a free loopback port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, test } from 'vitest';

const serverPath = join(
  resolve(dirname(fileURLToPath(import.meta.url)), '../../..'),
  'template',
  'app',
  'server.js',
);

interface Running {
  child: ChildProcess;
  base: string;
}

const started: ChildProcess[] = [];

/** Starts server.js with PORT=0 on 127.0.0.1 and reads the port it reports. */
async function startApp(env: Record<string, string | undefined>): Promise<Running> {
  const child = spawn(process.execPath, [serverPath], {
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    output += chunk.toString();
    const match = /listening on port (\d+)/.exec(output);
    if (match) return { child, base: `http://127.0.0.1:${match[1]}` };
  }
  throw new Error(`template/app/server.js exited before listening; output: ${output}`);
}

async function stopApp(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) {
    return { code: child.exitCode, signal: child.signalCode };
  }
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  child.kill(signal);
  const [code, by] = await exited;
  return { code, signal: by };
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((child) => stopApp(child, 'SIGKILL')));
});
afterAll(async () => {
  await Promise.all(started.splice(0).map((child) => stopApp(child, 'SIGKILL')));
});

describe('template/app server.js', () => {
  test('GET / answers 200, k-revision header and the exact body', async () => {
    const app = await startApp({ TARGET: 'Preview', K_REVISION: 'hello-pr-1a2b3c4' });
    const res = await fetch(`${app.base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('k-revision')).toBe('hello-pr-1a2b3c4');
    expect(await res.text()).toBe('Hello Preview from hello-pr-1a2b3c4!\n');
  });

  test('defaults to TARGET World and K_REVISION local', async () => {
    const app = await startApp({});
    const res = await fetch(`${app.base}/`);
    expect(res.headers.get('k-revision')).toBe('local');
    expect(await res.text()).toBe('Hello World from local!\n');
  });

  test('/healthz is 200, other paths 404, other methods on / 405', async () => {
    const app = await startApp({});
    const health = await fetch(`${app.base}/healthz`);
    expect(health.status).toBe(200);
    await health.text();
    const missing = await fetch(`${app.base}/missing?x=1`);
    expect(missing.status).toBe(404);
    await missing.text();
    const post = await fetch(`${app.base}/`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    await post.text();
  });

  test('a query string does not change the answer', async () => {
    const app = await startApp({ K_REVISION: 'hello-base-7654321' });
    const res = await fetch(`${app.base}/?probe=17`);
    expect(await res.text()).toBe('Hello World from hello-base-7654321!\n');
  });

  test('SIGTERM closes the server and exits with code 0, also with a kept-alive connection', async () => {
    const app = await startApp({});
    // fetch keeps the connection alive: shutdown must not hang on it.
    await (await fetch(`${app.base}/`)).text();
    expect(await stopApp(app.child)).toEqual({ code: 0, signal: null });
  });

  test('an invalid PORT is refused with exit code 1 and a message naming it', async () => {
    const child = spawn(process.execPath, [serverPath], {
      env: { PATH: process.env.PATH, PORT: 'eighty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.push(child);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(stderr).toContain("'eighty'");
  });
});
