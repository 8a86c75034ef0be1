// The sample service. Its answer names the Knative revision that served it, which is how the
// preview tells base and PR apart: keep the body and the k-revision header exactly as they are.
import { createServer } from 'node:http';

const port = parsePort(process.env.PORT);
// Unset: every interface (what a container needs). Tests set 127.0.0.1.
const host = process.env.HOST || undefined;
const target = process.env.TARGET || 'World';
// Knative sets K_REVISION in every revision's pod.
const revision = process.env.K_REVISION || 'local';
// How long SIGTERM waits for in-flight requests before closing their sockets.
const drainMs = 5_000;

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path === '/' || path === '/healthz') {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed\n');
      return;
    }
    const body = path === '/' ? `Hello ${target} from ${revision}!\n` : 'ok\n';
    res.writeHead(200, {
      'content-type': 'text/plain; charset=utf-8',
      'k-revision': revision,
      'cache-control': 'no-store',
    });
    res.end(body);
    return;
  }
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Not found\n');
});

server.listen(port, host, () => {
  const address = server.address();
  const shown = typeof address === 'object' && address ? address.port : port;
  console.log(`listening on port ${shown} as revision ${revision}`);
});

// Knative (and docker stop) send SIGTERM; finish what is in flight, then exit 0.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), drainMs).unref();
  });
}

function parsePort(value) {
  if (value === undefined || value === '') return 8080;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) {
    console.error(`PORT must be a number from 0 to 65535, got '${value}'`);
    process.exit(1);
  }
  return n;
}
