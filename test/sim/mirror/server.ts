import { createHash } from 'node:crypto';
import { accessSync, constants, createReadStream, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { delimiter, join } from 'node:path';
import { releaseAsset } from '../cluster/releases.js';
import { type AssetSources, type MirrorProject, resolveAsset } from './assets.js';

export interface MirrorStats {
  /** Requests for release assets (control paths such as /_mirror/stats excluded). */
  total: number;
  /** Per request path, every answer counted (503s from SIM_MIRROR_FAIL_FIRST included). */
  byPath: Record<string, number>;
}

export interface Mirror {
  /** Base URL (http://127.0.0.1:<port>) that replaces the release hosts. */
  url: string;
  stats(): MirrorStats;
  stop(): Promise<void>;
}

export interface MirrorOptions {
  /** Where the fault knobs and PATH (to find kubectl) are read, once, at start. */
  env?: NodeJS.ProcessEnv;
  /** The kubectl binary to serve; default: the first `kubectl` on PATH. */
  kubectlPath?: string;
  /** Release YAML generator; default S1's releaseAsset. */
  releaseAsset?: AssetSources['releaseAsset'];
  /** The sim's state dir, for the k3d launcher it serves. */
  stateDir?: string;
}

export interface MirrorFaults {
  failFirst: number;
  badChecksum?: MirrorProject;
}

/** The fault knobs SIM_MIRROR_FAIL_FIRST and SIM_MIRROR_BAD_CHECKSUM, validated. */
export function mirrorFaultsFromEnv(env: NodeJS.ProcessEnv): MirrorFaults {
  const failRaw = env.SIM_MIRROR_FAIL_FIRST ?? '';
  if (failRaw !== '' && !/^\d+$/.test(failRaw)) {
    throw new Error(`SIM_MIRROR_FAIL_FIRST must be a whole number of requests, got "${failRaw}"`);
  }
  const bad = env.SIM_MIRROR_BAD_CHECKSUM ?? '';
  if (bad !== '' && bad !== 'k3d' && bad !== 'knative' && bad !== 'kubectl') {
    throw new Error(`SIM_MIRROR_BAD_CHECKSUM must be k3d, knative or kubectl, got "${bad}"`);
  }
  return {
    failFirst: failRaw === '' ? 0 : Number.parseInt(failRaw, 10),
    ...(bad === '' ? {} : { badChecksum: bad }),
  };
}

/** The first executable `kubectl` on PATH (the sim's own bin folder has none). */
export function findKubectl(env: NodeJS.ProcessEnv): string {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'kubectl');
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return realpathSync(candidate);
    } catch {
      // not in this folder
    }
  }
  throw new Error("the release mirror serves the machine's kubectl, but no kubectl is on PATH");
}

function fileSha256(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Starts the loopback release mirror: the original URL's path under the mirror's base URL. */
export async function startMirror(options: MirrorOptions = {}): Promise<Mirror> {
  const env = options.env ?? process.env;
  const faults = mirrorFaultsFromEnv(env);
  const kubectlPath = options.kubectlPath ?? findKubectl(env);
  let kubectlHash: Promise<string> | undefined;
  const sources: AssetSources = {
    releaseAsset: options.releaseAsset ?? releaseAsset,
    kubectlPath,
    kubectlSha256: () => (kubectlHash ??= fileSha256(kubectlPath)),
    ...(faults.badChecksum ? { badChecksum: faults.badChecksum } : {}),
    ...(options.stateDir ? { stateDir: options.stateDir } : {}),
  };
  const stats: MirrorStats = { total: 0, byPath: {} };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://mirror').pathname;
    if (path === '/_mirror/stats') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats));
      return;
    }
    stats.total += 1;
    stats.byPath[path] = (stats.byPath[path] ?? 0) + 1;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (stats.total <= faults.failFirst) {
      response
        .writeHead(503, { 'content-type': 'text/plain', 'retry-after': '0' })
        .end(
          `simulated outage: request ${stats.total} of the first ${faults.failFirst} (SIM_MIRROR_FAIL_FIRST)\n`,
        );
      return;
    }
    const asset = await resolveAsset(path, sources);
    if (!asset) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`Not Found: ${path}\n`);
      return;
    }
    if (asset.kind === 'text') {
      const body = Buffer.from(asset.body);
      response.writeHead(200, { 'content-type': asset.contentType, 'content-length': body.length });
      response.end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    const size = statSync(asset.path).size;
    response.writeHead(200, { 'content-type': asset.contentType, 'content-length': size });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(asset.path)
      .on('error', () => response.destroy())
      .pipe(response);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`mirror error: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats: () => structuredClone(stats),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
