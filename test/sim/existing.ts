/**
 * An existing cluster: one simulated cluster that already runs Knative Serving and Contour, as a
 * team's own cluster would, for the action's `cluster: existing` mode. Knative is installed the way
 * an operator installs it (the release YAMLs, then the config patches) by the action's own
 * installer, so the cluster is exactly what a k3d bring-up leaves, minus k3d. Test code only.
 *
 *   const cluster = await startExistingCluster();
 *   // run the action with { ...process.env, ...cluster.env }: KUBECONFIG, SIM_INGRESS_ADDRESS, ...
 *   await cluster.stop();
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { installKnative } from '../../src/cluster/knative.js';
import { Kubectl } from '../../src/cluster/kubectl.js';
import type { ReleaseManifests } from '../../src/install/tools.js';
import { findOnPath } from '../../src/install/tools.js';
import { PhaseTimings } from '../../src/util/timings.js';
import { createToolRunner } from '../../src/util/tool-runner.js';
import { memoryLog } from '../helpers/memory-log.js';
import { freePort } from '../helpers/ports.js';
import { releaseAsset, type ReleaseFile } from './cluster/releases.js';
import { DOCKER_STANDIN_LAUNCHER } from './paths.js';
import { createCluster, deleteCluster, type ClusterRecord } from './standins/k3d-clusters.js';
import { parseClusterCreate } from './standins/k3d-create-options.js';
import { knobsOf, writeSimKnobs, type Knobs } from './standins/knobs.js';

/** What the cluster's Knative is. */
export type KnativeSetup =
  /** Knative Serving and net-contour 1.22.1, as the action's k3d bring-up installs them. */
  | 'default'
  /** Plain Kubernetes: no serving.knative.dev API, no Contour (the ingress answers 404). */
  | 'none'
  /**
   * An older (or other) release: its version in the labels each release put on its CRDs, objects
   * and the knative-serving namespace (see releaseLabels), serving the given API versions of
   * serving.knative.dev (default `v1`; e.g. `['v1alpha1']` for a release before v1 existed).
   */
  | { version: string; apiVersions?: string[] };

export interface ExistingClusterOptions {
  knative?: KnativeSetup;
  /**
   * SIM_* knobs for the cluster (read once when it starts; see test/sim/README.md) and the docker
   * stand-in. Delays not given are short, so that the cluster is Ready quickly.
   */
  knobs?: Knobs;
  /** Where PATH (kubectl) and HOME come from; default process.env. Its SIM_* are not read. */
  env?: NodeJS.ProcessEnv;
  /** The ingress's port on 127.0.0.1; default a free one. */
  lbPort?: number;
  /** How long the cluster may take to start and have Knative Ready; default 60 s. */
  timeoutMs?: number;
}

export interface ExistingCluster {
  /**
   * The deployer's kubeconfig (mode 600; one context, current: `sim-existing`): what KUBECONFIG
   * points at. SIM_API_FORBIDDEN's rules apply to it.
   */
  kubeconfigPath: string;
  /** The cluster admin's (who installed Knative): not restricted by SIM_API_FORBIDDEN. */
  adminKubeconfigPath: string;
  /** `127.0.0.1:<port>`: the ingress (Envoy's load balancer), reached with a route's Host header. */
  ingressAddress: string;
  apiUrl: string;
  /** The sim's state dir: cluster daemon log (`logs/`), docker images, the registry (`registry/`). */
  stateDir: string;
  /** config-domain: routes are `http://<service>.<namespace>.example.com`. */
  domain: string;
  /** What was installed: the Knative version (undefined for 'none') and served API versions. */
  knative: { version?: string; apiVersions: string[] };
  /**
   * Variables to run a command against this cluster with, over the caller's: KUBECONFIG,
   * SIM_INGRESS_ADDRESS, SIM_STATE_DIR, PATH (the docker stand-in first, for build and push; no
   * k3d), RUNNER_TEMP, RUNNER_TOOL_CACHE, KUBECACHEDIR (kubectl's discovery cache, private), and
   * the knobs.
   */
  env: Record<string, string>;
  /** Stops the cluster (its daemon) and removes the temp folder. Idempotent. */
  stop(): Promise<void>;
}

export const EXISTING_CLUSTER_NAME = 'existing';
export const EXISTING_CONTEXT = 'sim-existing';
export const EXISTING_DOMAIN = 'example.com';
export const DEFAULT_KNATIVE_VERSION = '1.22.1';
const K3S_IMAGE = 'rancher/k3s:v1.34.8-k3s1';
const DEFAULT_TIMEOUT_MS = 60_000;

/** Short delays unless the caller sets them: installing and revisions take a fraction of a second. */
const FAST_KNOBS: Knobs = {
  SIM_READY_DELAY_S: '0.1',
  SIM_WEBHOOK_DELAY_S: '0.1',
  SIM_CRD_ESTABLISH_DELAY_S: '0.05',
};

/**
 * Starts the cluster daemon, writes its kubeconfig and installs Knative Serving with Contour
 * (unless `knative: 'none'`), then returns once Knative's deployments are Available, its webhook
 * answers and the config patches are in.
 */
export async function startExistingCluster(
  options: ExistingClusterOptions = {},
): Promise<ExistingCluster> {
  const setup = options.knative ?? 'default';
  const version =
    setup === 'none'
      ? undefined
      : setup === 'default'
        ? DEFAULT_KNATIVE_VERSION
        : parseVersion(setup.version).text;
  const apiVersions =
    setup === 'none' ? [] : typeof setup === 'object' ? (setup.apiVersions ?? ['v1']) : ['v1'];
  if (typeof setup === 'object' && apiVersions.length === 0)
    throw new Error('knative.apiVersions must name at least one API version');

  const base = withoutKnobs(options.env ?? process.env);
  const knobs = { ...FAST_KNOBS, ...knobsOf(options.knobs ?? {}) };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;

  const root = mkdtempSync(join(tmpdir(), 'knative-action-existing-'));
  const dirs = {
    state: join(root, 'state'),
    kube: join(root, 'kube'),
    bin: join(root, 'bin'),
    runnerTemp: join(root, 'runner-temp'),
    toolCache: join(root, 'tool-cache'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  const removeRoot = () => rmSync(root, { recursive: true, force: true });

  let started = false;
  const stopCluster = async () => {
    if (started) await deleteCluster(dirs.state, EXISTING_CLUSTER_NAME);
  };
  try {
    const kubectlPath = await findOnPath('kubectl', base.PATH ?? '');
    if (!kubectlPath)
      throw new Error(
        'kubectl is not on PATH: the simulated cluster is driven by the real kubectl',
      );

    writeDockerLauncher(dirs.bin, dirs.state);
    // The docker stand-in gets an allow-listed environment from the action: it reads its knobs here.
    writeSimKnobs(dirs.state, knobs);

    started = true;
    const record = await startDaemon(
      dirs.state,
      { ...base, ...knobs, SIM_STATE_DIR: dirs.state },
      {
        ...(options.lbPort !== undefined ? { lbPort: options.lbPort } : {}),
        timeoutMs,
      },
    );
    const apiUrl = record.apiUrl as string;

    const kubeconfigPath = join(dirs.kube, 'config');
    writeFileSync(kubeconfigPath, kubeconfigText(apiUrl, DEPLOYER), { mode: 0o600 });
    const adminKubeconfigPath = join(dirs.kube, 'admin.config');
    writeFileSync(adminKubeconfigPath, kubeconfigText(apiUrl, ADMIN), { mode: 0o600 });

    if (version !== undefined) {
      await installOperatorStyle(kubectlPath, adminKubeconfigPath, base, {
        version,
        apiVersions,
        deadline,
      });
    }

    const ingressAddress = `127.0.0.1:${record.lbPort}`;
    const env: Record<string, string> = {
      ...knobs,
      PATH: [dirs.bin, base.PATH ?? ''].filter(Boolean).join(delimiter),
      KUBECONFIG: kubeconfigPath,
      KUBECACHEDIR: join(dirs.kube, 'cache'),
      SIM_INGRESS_ADDRESS: ingressAddress,
      SIM_STATE_DIR: dirs.state,
      RUNNER_TEMP: dirs.runnerTemp,
      RUNNER_TOOL_CACHE: dirs.toolCache,
    };

    let stopped: Promise<void> | undefined;
    return {
      kubeconfigPath,
      adminKubeconfigPath,
      ingressAddress,
      apiUrl,
      stateDir: dirs.state,
      domain: EXISTING_DOMAIN,
      knative: { ...(version !== undefined ? { version } : {}), apiVersions },
      env,
      stop: () =>
        (stopped ??= (async () => {
          try {
            await stopCluster();
          } finally {
            removeRoot();
          }
        })()),
    };
  } catch (error) {
    await stopCluster().catch(() => undefined);
    removeRoot();
    throw error;
  }
}

/** How often a start is retried when a port picked free was taken meanwhile (by a parallel test). */
const PORT_RACE_ATTEMPTS = 3;

/**
 * The cluster daemon (as `k3d cluster create` starts it), every port on loopback: the API, the
 * ingress, and the agent's NodePort (held, unused).
 */
async function startDaemon(
  stateDir: string,
  env: NodeJS.ProcessEnv,
  options: { lbPort?: number; timeoutMs: number },
): Promise<ClusterRecord> {
  for (let attempt = 1; ; attempt++) {
    const lbPort = options.lbPort ?? (await freePort());
    try {
      return await createCluster(
        stateDir,
        parseClusterCreate([
          EXISTING_CLUSTER_NAME,
          '--image',
          K3S_IMAGE,
          '--agents',
          '1',
          '--api-port',
          '127.0.0.1:random',
          '--port',
          `127.0.0.1:${lbPort}:80@loadbalancer`,
          '--port',
          `127.0.0.1:${await freePort()}:30080@agent:0`,
          '--timeout',
          `${Math.max(1, Math.ceil(options.timeoutMs / 1000))}s`,
        ]),
        env,
        () => undefined,
      );
    } catch (error) {
      const raced = error instanceof Error && /already in use/.test(error.message);
      if (!raced || attempt >= PORT_RACE_ATTEMPTS) throw error;
    }
  }
}

/**
 * The release YAMLs applied and patched by the action's installer (src/cluster/knative.ts), through
 * the real kubectl; it waits for the CRDs, the webhook and every Knative and Contour workload.
 */
async function installOperatorStyle(
  kubectlPath: string,
  kubeconfigPath: string,
  env: NodeJS.ProcessEnv,
  release: { version: string; apiVersions: string[]; deadline: number },
): Promise<void> {
  const lines: string[] = [];
  const quiet = memoryLog(lines);
  const kubectl = new Kubectl(
    createToolRunner(kubectlPath, { kind: 'kubectl', log: quiet, env }),
    kubeconfigPath,
    {},
    '10s',
  );
  const manifests = releaseManifests(release.version, release.apiVersions);
  try {
    await installKnative(kubectl, manifests, {
      domain: EXISTING_DOMAIN,
      deadline: release.deadline,
      timings: new PhaseTimings(),
      log: (line) => lines.push(line),
      intervalMs: 50,
    });
  } catch (error) {
    const detail = lines.length ? `\ninstaller log:\n${lines.slice(-20).join('\n')}` : '';
    throw new Error(
      `could not install Knative Serving ${release.version} on the existing cluster: ${
        error instanceof Error ? error.message : String(error)
      }${detail}`,
      { cause: error },
    );
  }
}

const RELEASE_FILES: Record<keyof ReleaseManifests, ReleaseFile> = {
  servingCrds: 'serving-crds.yaml',
  servingCore: 'serving-core.yaml',
  contour: 'contour.yaml',
  netContour: 'net-contour.yaml',
};

const manifestCache = new Map<string, ReleaseManifests>();

/** The sim's release YAMLs for a version, labelled as that release labels its objects. */
export function releaseManifests(
  version: string,
  apiVersions: string[] = ['v1'],
): ReleaseManifests {
  const key = `${version}/${apiVersions.join(',')}`;
  let manifests = manifestCache.get(key);
  if (!manifests) {
    manifests = renderManifests(version, apiVersions);
    manifestCache.set(key, manifests);
  }
  return manifests;
}

function renderManifests(version: string, apiVersions: string[]): ReleaseManifests {
  const v = parseVersion(version);
  // The sim's release YAMLs carry `app.kubernetes.io/version` and serve v1, as 1.4 and later do.
  const asReleased =
    Object.keys(releaseLabels(v.text, 'crd')).join() === APP_VERSION && apiVersions.join() === 'v1';
  const manifests = {} as ReleaseManifests;
  for (const [key, file] of Object.entries(RELEASE_FILES) as [
    keyof ReleaseManifests,
    ReleaseFile,
  ][]) {
    const text = releaseAsset(file, v.text);
    manifests[key] =
      asReleased || key === 'contour'
        ? text
        : relabel(text, v, key === 'servingCrds' ? apiVersions : undefined);
  }
  return manifests;
}

interface ParsedVersion {
  major: number;
  minor: number;
  patch: number;
  /** `X.Y.Z`, as `app.kubernetes.io/version` carries it. */
  text: string;
}

function parseVersion(version: string): ParsedVersion {
  const match = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(version.trim());
  if (!match) throw new Error(`Knative version '${version}' is not a release like 1.22.1`);
  const [major, minor, patch] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return { major, minor, patch, text: `${major}.${minor}.${patch}` };
}

const APP_VERSION = 'app.kubernetes.io/version';
const SERVING_RELEASE = 'serving.knative.dev/release';

/**
 * The version labels a Knative Serving release puts on its objects. Upstream (knative/serving,
 * `hack/generate-yamls.sh` replaces `devel` with the release tag):
 *   - CRDs (config/core/300-resources/*.yaml) and workloads: `serving.knative.dev/release: "vX.Y.Z"`
 *     up to 1.0; both labels in 1.1 to 1.3; only `app.kubernetes.io/version: "X.Y.Z"` from 1.4;
 *   - the knative-serving namespace (config/core/100-namespace.yaml): `serving.knative.dev/release`
 *     up to 0.25, both from 0.26 to 1.3, only `app.kubernetes.io/version` from 1.4.
 */
export function releaseLabels(
  version: string,
  object: 'crd' | 'namespace',
): Record<string, string> {
  const v = parseVersion(version);
  const at = (major: number, minor: number) =>
    v.major > major || (v.major === major && v.minor >= minor);
  const appVersion = at(1, 1) || (object === 'namespace' && at(0, 26));
  const release = !at(1, 4);
  return {
    ...(appVersion ? { [APP_VERSION]: v.text } : {}),
    ...(release ? { [SERVING_RELEASE]: `v${v.text}` } : {}),
  };
}

/** Rewrites Knative's version labels (and, for the CRDs, the served API versions) of a release YAML. */
function relabel(text: string, v: ParsedVersion, apiVersions: string[] | undefined): string {
  const docs = parseAllDocuments(text).map((doc) => doc.toJS() as KubeDoc | null);
  const out: string[] = [];
  for (const doc of docs) {
    if (!doc) continue;
    const labels = doc.metadata?.labels;
    if (labels && (APP_VERSION in labels || SERVING_RELEASE in labels)) {
      if (labels['app.kubernetes.io/name'] === 'knative-serving' || SERVING_RELEASE in labels) {
        delete labels[APP_VERSION];
        delete labels[SERVING_RELEASE];
        Object.assign(
          labels,
          releaseLabels(v.text, doc.kind === 'Namespace' ? 'namespace' : 'crd'),
        );
      }
    }
    if (
      apiVersions &&
      doc.kind === 'CustomResourceDefinition' &&
      doc.spec?.group === 'serving.knative.dev'
    ) {
      const template = doc.spec.versions?.[0] ?? {};
      doc.spec.versions = apiVersions.map((name, i) => ({
        ...template,
        name,
        served: true,
        storage: i === apiVersions.length - 1,
      }));
    }
    out.push(`---\n${stringify(doc)}`);
  }
  return out.join('');
}

interface KubeDoc {
  kind?: string;
  metadata?: { labels?: Record<string, string> };
  spec?: { group?: string; versions?: Array<Record<string, unknown>> };
}

/**
 * Who a kubeconfig acts as. The deployer's impersonates its service account (kubectl sends
 * `Impersonate-User`), which is whom SIM_API_FORBIDDEN restricts; the admin's does not.
 */
interface KubeUser {
  name: string;
  as?: string;
}
export const DEPLOYER_USER = 'system:serviceaccount:preview:deployer';
const DEPLOYER: KubeUser = { name: 'preview-deployer', as: DEPLOYER_USER };
const ADMIN: KubeUser = { name: 'cluster-admin' };

function kubeconfigText(apiUrl: string, user: KubeUser): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: EXISTING_CONTEXT, cluster: { server: apiUrl } }],
    contexts: [{ name: EXISTING_CONTEXT, context: { cluster: EXISTING_CONTEXT, user: user.name } }],
    'current-context': EXISTING_CONTEXT,
    preferences: {},
    users: [
      {
        name: user.name,
        user: { token: 'sim-token-not-a-secret', ...(user.as ? { as: user.as } : {}) },
      },
    ],
  });
}

/** The docker stand-in, bound to this state dir whatever environment the action gives it. */
function writeDockerLauncher(binDir: string, stateDir: string): void {
  const file = join(binDir, 'docker');
  writeFileSync(
    file,
    `#!/usr/bin/env bash
export SIM_STATE_DIR=${shellQuote(stateDir)}
exec ${shellQuote(DOCKER_STANDIN_LAUNCHER)} "$@"
`,
  );
  chmodSync(file, 0o755);
}

const shellQuote = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`;

function withoutKnobs(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('SIM_')));
}
