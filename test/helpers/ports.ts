import { createServer, type Server } from 'node:net';

/** A port that was free a moment ago (ephemeral), for host port mappings in tests. */
export async function freePort(): Promise<number> {
  const server = await listen(0);
  const port = portOf(server);
  await close(server);
  return port;
}

export function listen(port: number): Promise<Server> {
  const server = createServer();
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

export const portOf = (server: Server): number => {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
};

export const close = (server: Server): Promise<void> =>
  new Promise((resolve) => server.close(() => resolve()));

/** True when nothing accepts connections on 127.0.0.1:port any more. */
export async function portIsFree(port: number): Promise<boolean> {
  try {
    await close(await listen(port));
    return true;
  } catch {
    return false;
  }
}
