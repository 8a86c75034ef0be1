// Runs the server as a real process (as `npm start` would) and checks the contract the preview
// relies on. `npm test` in this folder; no dependencies.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

const serverPath = fileURLToPath(new URL('./server.js', import.meta.url));

/** Starts server.js on a free loopback port; resolves once it says which port it took. */
async function startServer(env) {
  const child = spawn(process.execPath, [serverPath], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  for await (const chunk of child.stdout) {
    output += chunk;
    const match = /listening on port (\d+)/.exec(output);
    if (match) return { child, base: `http://127.0.0.1:${match[1]}` };
  }
  throw new Error(`server exited before listening; it printed: ${output}`);
}

async function stopServer(child) {
  if (child.exitCode !== null) return child.exitCode;
  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  return code;
}

let server;
before(async () => {
  server = await startServer({ TARGET: 'Tester', K_REVISION: 'hello-pr-abc1234' });
});
after(async () => {
  if (server) await stopServer(server.child);
});

test('GET / names the target and the revision, in the body and the k-revision header', async () => {
  const res = await fetch(`${server.base}/`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('k-revision'), 'hello-pr-abc1234');
  assert.equal(await res.text(), 'Hello Tester from hello-pr-abc1234!\n');
});

test('GET /healthz answers 200', async () => {
  const res = await fetch(`${server.base}/healthz`);
  assert.equal(res.status, 200);
  await res.text();
});

test('other paths answer 404', async () => {
  const res = await fetch(`${server.base}/nope`);
  assert.equal(res.status, 404);
  await res.text();
});

test('defaults: World and local', async () => {
  const plain = await startServer({ TARGET: '', K_REVISION: '' });
  try {
    const res = await fetch(`${plain.base}/`);
    assert.equal(res.headers.get('k-revision'), 'local');
    assert.equal(await res.text(), 'Hello World from local!\n');
  } finally {
    assert.equal(await stopServer(plain.child), 0);
  }
});

test('SIGTERM stops it with exit code 0', async () => {
  const other = await startServer({});
  assert.equal(await stopServer(other.child), 0);
});
