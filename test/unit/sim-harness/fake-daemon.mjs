// A minimal stand-in for S1's cluster daemon, for tests of the k3d stand-in alone: it keeps the
// daemon contract (flags, ready file, SIGTERM exit, refusing a taken port) and nothing else.
import { appendFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';

const args = process.argv.slice(2);
const flag = (name) => args[args.indexOf(`--${name}`) + 1];
const stateFile = flag('state-file');

const api = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    if (request.method === 'POST' && request.url === '/_sim/images') {
      appendFileSync(`${stateFile}.images`, `${JSON.parse(body).images.join('\n')}\n`);
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
const lb = createServer((_request, response) => response.end('lb'));

lb.once('error', (error) => {
  console.error(`port ${flag('lb-port')} is taken: ${error.message}`);
  process.exit(1);
});
lb.listen(Number(flag('lb-port')), '127.0.0.1', () => {
  api.listen(0, '127.0.0.1', () => {
    const apiUrl = `http://127.0.0.1:${api.address().port}`;
    writeFileSync(
      stateFile,
      JSON.stringify({
        pid: process.pid,
        name: flag('name'),
        apiUrl,
        lbPort: Number(flag('lb-port')),
        agentPort: Number(flag('agent-port')),
        agents: Number(flag('agents')),
        image: flag('image'),
      }),
    );
  });
});

const stop = () => {
  api.close();
  lb.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
