// A minimal stand-in for the cluster daemon, for tests of the k3d stand-in alone: it keeps the
// daemon contract (flags, ready file, SIGTERM exit, refusing a taken port, binding each published
// port on the address it is given) and nothing else.
import { appendFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';

const args = process.argv.slice(2);
const flag = (name, fallback) =>
  args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback;
const stateFile = flag('state-file');
const lbHost = flag('lb-host', '127.0.0.1');
const agentHost = flag('agent-host', '127.0.0.1');
const apiHost = flag('api-host', '127.0.0.1');
const apiPort = Number(flag('api-port', '0'));

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
const agent = createTcpServer((socket) => socket.destroy());

const listen = (server, port, host, what) =>
  new Promise((resolve) => {
    server.once('error', (error) => {
      console.error(`${what} port ${port} on ${host} is taken: ${error.message}`);
      process.exit(1);
    });
    server.listen(port, host, resolve);
  });

await listen(lb, Number(flag('lb-port')), lbHost, 'load balancer');
if (flag('agent-port')) await listen(agent, Number(flag('agent-port')), agentHost, 'agent');
await listen(api, apiPort, apiHost, 'API');
const shownHost = apiHost.includes(':') ? `[${apiHost}]` : apiHost;
writeFileSync(
  stateFile,
  JSON.stringify({
    pid: process.pid,
    name: flag('name'),
    apiUrl: `http://${shownHost}:${api.address().port}`,
    lbPort: Number(flag('lb-port')),
    agentPort: Number(flag('agent-port')),
    agents: Number(flag('agents')),
    image: flag('image'),
  }),
);

const stop = () => {
  api.close();
  lb.close();
  agent.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
