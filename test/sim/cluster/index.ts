/**
 * startSimCluster: the simulated k3d cluster in this process. A loopback Kubernetes API (for the
 * real kubectl), built-in and Knative-like controllers, and a loopback ingress on the load
 * balancer port. Test code only; never bundled into dist/.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiServer } from './api-server.js';
import { parseImageImport, type AppDescription, type ImageImport } from './app-answer.js';
import { readSimConfig } from './config.js';
import { ClusterContext } from './context.js';
import { applyBuiltInDefaults } from './defaults.js';
import { parseForbiddenRules } from './forbidden.js';
import { collectAfterDelete, deferNamespaceDelete } from './gc.js';
import { IngressServer } from './ingress.js';
import { reconcileKnative } from './knative-controller.js';
import { knativeAdmission, registerKnativeWebhooks } from './knative-webhook.js';
import { namespaceAndMetadataAdmission } from './namespaces.js';
import { bootstrapCluster, kubeletVersionOf, nodeNamesFor } from './nodes.js';
import { PushedImages, pushedImagesFile } from './pushed-images.js';
import { ResourceRegistry } from './resources.js';
import { reconcileWorkloads } from './workloads.js';
import { ObjectStore } from './store.js';
import type { KObject } from './types.js';

export { kubeconfigFor } from './kubeconfig.js';
export { releaseAsset } from './releases.js';

export interface SimClusterOptions {
  name: string;
  lbPort: number;
  /** Address the load balancer port binds (default 127.0.0.1). */
  lbHost?: string;
  agentPort?: number;
  /** Address and port the API binds (default 127.0.0.1, an ephemeral port). */
  apiHost?: string;
  apiPort?: number;
  agents?: number;
  image?: string;
  env?: NodeJS.ProcessEnv;
  /**
   * The sim's registry file (pushed-images.ts); default `$SIM_STATE_DIR/registry/images.json`
   * when the environment names a state dir, else none (nothing was pushed anywhere).
   */
  pushedImagesFile?: string;
}

export interface SimCluster {
  apiUrl: string;
  lbPort: number;
  stop(): Promise<void>;
  /** Images `k3d image import` has loaded (what dev.local revisions may run). */
  imported: Set<string>;
}

const TICK_MS = 50;
const DEFAULT_IMAGE = 'rancher/k3s:v1.34.8-k3s1';

export async function startSimCluster(options: SimClusterOptions): Promise<SimCluster> {
  const env = options.env ?? process.env;
  const config = readSimConfig(env);
  const forbidden = parseForbiddenRules(env.SIM_API_FORBIDDEN);
  const image = options.image ?? DEFAULT_IMAGE;
  const kubeletVersion = kubeletVersionOf(image);
  const store = new ObjectStore();
  const registry = new ResourceRegistry();
  const imported = new Set<string>();
  /** What each imported image answers (the docker stand-in reads it from the build context). */
  const apps = new Map<string, AppDescription>();
  const ctx = new ClusterContext(
    store,
    registry,
    config,
    imported,
    nodeNamesFor(options.name, options.agents ?? 0),
    new PushedImages(
      options.pushedImagesFile ??
        (env.SIM_STATE_DIR ? pushedImagesFile(env.SIM_STATE_DIR) : undefined),
    ),
  );
  bootstrapCluster(ctx, kubeletVersion);

  let reconciling = false;
  let again = false;
  const reconcile = (): void => {
    // Controllers write through the store, which notifies us again: run to a fixed point, not recursively.
    if (reconciling) {
      again = true;
      return;
    }
    reconciling = true;
    try {
      let rounds = 0;
      do {
        again = false;
        reconcileWorkloads(ctx);
        registerKnativeWebhooks(ctx);
        reconcileKnative(ctx);
      } while (again && ++rounds < 20);
    } catch (err) {
      console.error(`sim cluster: reconcile failed: ${(err as Error).stack ?? String(err)}`);
    } finally {
      reconciling = false;
    }
  };
  let scheduled = false;
  const unsubscribe = store.subscribe(() => {
    if (reconciling) {
      again = true;
      return;
    }
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      reconcile();
    });
  });
  const ticker = setInterval(reconcile, TICK_MS);

  const control = async (
    req: IncomingMessage,
    res: ServerResponse,
    body: string,
  ): Promise<boolean> => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/_sim/images' && req.method === 'POST') {
      let request: ImageImport;
      try {
        request = parseImageImport(body);
      } catch (err) {
        res.writeHead(400, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: (err as Error).message }));
        return true;
      }
      for (const i of request.images) {
        imported.add(i);
        apps.set(i, request.apps.get(i) ?? { kind: 'template' });
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ imported: [...imported].sort() }));
      return true;
    }
    if (path === '/_sim/state' && req.method === 'GET') {
      const dump = {
        name: options.name,
        lbPort: options.lbPort,
        kubeletVersion,
        config: { ...config, neverReady: [...config.neverReady] },
        imported: [...imported].sort(),
        apps: Object.fromEntries(apps),
        pushed: ctx.pushed.all(),
        resourceVersion: store.resourceVersion,
        servedKinds: registry.all().map((t) => `${t.kind}.${t.group || 'core'}/${t.version}`),
        objects: store.everything().map(({ resource, object }) => ({ resource, object })),
      };
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(dump, null, 2));
      return true;
    }
    return false;
  };

  const api = new ApiServer({
    store,
    registry,
    admission: [applyBuiltInDefaults, namespaceAndMetadataAdmission, knativeAdmission(ctx)],
    onDeleted: (type, obj: KObject) => collectAfterDelete(ctx, type, obj),
    deferDelete: (type, obj: KObject) => deferNamespaceDelete(ctx, type, obj),
    kubeletVersion,
    failFirst: config.apiFailFirst,
    forbidden,
    control,
    podLog: (pod) =>
      `sim: container ${pod.spec?.containers?.[0]?.name ?? 'main'} of pod ${pod.metadata.name} is simulated; no real log\n`,
  });
  const ingress = new IngressServer(ctx, apps);
  try {
    await ingress.listen(options.lbPort, options.lbHost);
  } catch (err) {
    clearInterval(ticker);
    unsubscribe();
    throw err;
  }
  let apiUrl: string;
  try {
    apiUrl = await api.listen(options.apiHost, options.apiPort);
  } catch (err) {
    clearInterval(ticker);
    unsubscribe();
    await ingress.close();
    throw err;
  }
  reconcile();

  let stopped: Promise<void> | undefined;
  return {
    apiUrl,
    lbPort: options.lbPort,
    imported,
    stop() {
      stopped ??= (async () => {
        clearInterval(ticker);
        unsubscribe();
        await Promise.all([api.close(), ingress.close()]);
      })();
      return stopped;
    },
  };
}
