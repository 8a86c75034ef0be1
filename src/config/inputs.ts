import { checkCompatibility } from '../cluster/compatibility.js';
import { parseRegistry } from '../existing/registry.js';
import { isValidNamespaceName, namespaceProblem } from '../existing/namespace-name.js';
import { parseTtl, type Ttl } from '../existing/ttl.js';
import { validateReleaseMirror } from '../install/mirror.js';
import type { CommentMode } from '../report/commenter.js';
import { checkManifestsPath } from '../manifests/manifests-path.js';
import { gateDesign, uncoveredShares } from '../stats/split-gate.js';
import { UserError } from '../util/errors.js';

/** Where the preview runs: an ephemeral k3d cluster, or a cluster that already runs Knative. */
export type ClusterKind = 'k3d' | 'existing';
/** What a run does in `existing` mode: preview this PR, delete its preview, or sweep old ones. */
export type RunMode = 'preview' | 'cleanup' | 'sweep';

/** Every action input, parsed and validated once. */
export interface ActionConfig {
  githubToken: string;
  manifests: string;
  labelPrefix: string;
  /** Labels that replace the PR's own; undefined means use the event's. */
  labelOverride?: string[];
  /** Requests per probe batch (the first, and each further one while the split is borderline). */
  requests: number;
  /** Most requests the probe sends to one route. */
  maxRequests: number;
  /** Misroute, in percentage points, the split verdict must catch. */
  splitTolerance: number;
  dryRun: boolean;
  k3dVersion: string;
  k3sImage: string;
  knativeVersion: string;
  netContourVersion: string;
  kubectlVersion: string;
  agents: number;
  /** Empty: the pipeline picks a name unique to the run. */
  clusterName: string;
  keepCluster: boolean;
  domain: string;
  loadBalancerPort: number;
  agentPort: number;
  k3dArgs: string[];
  /** Raw `build` lines; parsed by the image step. */
  build: string[];
  releaseMirror?: string;
  timeoutMinutes: number;
  comment: CommentMode;
  failOnDeviation: boolean;
  /** Requests to EACH revision's tag for the PR-vs-base comparison; 0 turns it off. */
  compareRequests: number;
  /** Percent: a `slower` PR whose median exceeds the base's by more fails the run; undefined = report only. */
  latencyThreshold?: number;
  /** false: regressions (latency over the threshold, more errors) are reported but never fail the run. */
  failOnRegression: boolean;
  /** Measure cold starts of each revision that may scale to zero. */
  coldStart: boolean;
  cluster: ClusterKind;
  /** `kubeconfig` input: the content of a kubeconfig (a secret); empty means KUBECONFIG or ~/.kube/config. */
  kubeconfig: string;
  /** `namespace` input; empty means <repo>-pr-<number>. */
  namespace: string;
  ttl: Ttl;
  mode: RunMode;
  /** host:port of the existing cluster's ingress; undefined means the route URLs themselves. */
  ingressAddress?: string;
  /** Where built images are pushed in existing mode, e.g. ghcr.io/octo. */
  registry?: string;
  /** Things the inputs allow but the log should mention (e.g. a Knative newer than known). */
  notes: string[];
}

/** Reads one raw input; the runner passes `with:` values as INPUT_<NAME> variables. */
export type InputReader = (name: string) => string;

export const envInputReader: InputReader = (name) =>
  (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();

const DOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+$/;
const LABEL_PREFIX = /^[A-Za-z0-9][-A-Za-z0-9_.:/ ]{0,48}$/;
const VERSION = /^v?\d+\.\d+\.\d+$/;

/** Defaults equal action.yml's, so local runs (no runner filling defaults) behave the same. */
export const INPUT_DEFAULTS: Record<string, string> = {
  manifests: 'knative',
  'label-prefix': 'canary-',
  requests: '400',
  'max-requests': '1600',
  'split-tolerance': '10',
  'dry-run': 'false',
  'k3d-version': 'v5.9.0',
  'k3s-image': 'rancher/k3s:v1.34.8-k3s1',
  'knative-version': '1.22.1',
  'net-contour-version': '1.22.1',
  'kubectl-version': 'v1.34.2',
  agents: '2',
  'keep-cluster': 'false',
  domain: 'example.com',
  'load-balancer-port': '8081',
  'agent-port': '8082',
  'timeout-minutes': '15',
  comment: 'always',
  'fail-on-deviation': 'true',
  'compare-requests': '200',
  'latency-threshold': '',
  'fail-on-regression': 'true',
  'cold-start': 'false',
  cluster: 'k3d',
  ttl: '7d',
  mode: 'preview',
};

export function parseInputs(read: InputReader = envInputReader): ActionConfig {
  const get = (name: string): string => read(name) || INPUT_DEFAULTS[name] || '';
  const labels = get('labels');
  const mirror = get('release-mirror');
  const k3sImage = matching(
    'k3s-image',
    get('k3s-image'),
    /^[\w./-]+:v\d+\.\d+\.\d+[-+\w.]*$/,
    'an image like rancher/k3s:v1.34.8-k3s1',
  );
  const knativeVersion = matching(
    'knative-version',
    get('knative-version'),
    VERSION,
    'a release like 1.22.1',
  ).replace(/^v/, '');
  const requests = integer('requests', get('requests'), 1, 100_000);
  const maxRequests = integer('max-requests', get('max-requests'), 1, 1_000_000);
  if (maxRequests < requests)
    throw bad(
      'max-requests',
      String(maxRequests),
      `a number of requests at least as large as 'requests' (${requests})`,
    );
  const splitTolerance = integer('split-tolerance', get('split-tolerance'), 1, 50);
  // Checked here, so a dry run refuses an incompatible pair too, before anything is planned.
  const compatibility = checkCompatibility(k3sImage, knativeVersion);
  const existing = existingModeInputs(read, get);
  return {
    githubToken: read('github-token'),
    manifests: checkManifestsPath(
      nonEmpty('manifests', get('manifests'), 'a path relative to the workspace, e.g. knative'),
    ),
    labelPrefix: matching(
      'label-prefix',
      get('label-prefix'),
      LABEL_PREFIX,
      'letters, digits and - _ . : / (e.g. canary-)',
    ),
    labelOverride: labels
      ? labels
          .split(',')
          .map((l) => l.trim())
          .filter(Boolean)
      : undefined,
    requests,
    maxRequests,
    splitTolerance,
    dryRun: boolean('dry-run', get('dry-run')),
    k3dVersion: matching(
      'k3d-version',
      get('k3d-version'),
      /^v\d+\.\d+\.\d+$/,
      'a k3d release tag like v5.9.0',
    ),
    k3sImage,
    knativeVersion,
    netContourVersion: matching(
      'net-contour-version',
      get('net-contour-version'),
      VERSION,
      'a release like 1.22.1',
    ).replace(/^v/, ''),
    kubectlVersion: matching(
      'kubectl-version',
      get('kubectl-version'),
      /^v\d+\.\d+\.\d+$/,
      'a release like v1.34.2',
    ),
    agents: integer('agents', get('agents'), 0, 5),
    clusterName: read('cluster-name')
      ? matching(
          'cluster-name',
          read('cluster-name'),
          /^[a-z][-a-z0-9]{0,30}[a-z0-9]$/,
          'lowercase letters, digits and dashes, 2..32 characters, starting with a letter',
        )
      : '',
    keepCluster: boolean('keep-cluster', get('keep-cluster')),
    domain: matching(
      'domain',
      get('domain').toLowerCase(),
      DOMAIN,
      'a DNS domain with at least two labels, e.g. example.com (not svc.cluster.local)',
      (d) => !d.endsWith('cluster.local'),
    ),
    loadBalancerPort: integer('load-balancer-port', get('load-balancer-port'), 1, 65535),
    agentPort: integer('agent-port', get('agent-port'), 1, 65535),
    k3dArgs: lines(get('k3d-args')),
    build: lines(get('build')),
    releaseMirror: mirror ? validateReleaseMirror(mirror) : undefined,
    timeoutMinutes: integer('timeout-minutes', get('timeout-minutes'), 1, 120),
    comment: oneOf('comment', get('comment'), ['always', 'on-change', 'off'] as const),
    failOnDeviation: boolean('fail-on-deviation', get('fail-on-deviation')),
    compareRequests: integer('compare-requests', get('compare-requests'), 0, 10_000),
    latencyThreshold: percentOrEmpty('latency-threshold', get('latency-threshold')),
    failOnRegression: boolean('fail-on-regression', get('fail-on-regression')),
    coldStart: boolean('cold-start', get('cold-start')),
    ...existing,
    notes: [...compatibility.warnings, ...gateNotes(requests, maxRequests, splitTolerance)],
  };
}

/** Says when the split settings cannot keep the gate's promise to catch a misroute. */
function gateNotes(requests: number, maxRequests: number, tolerance: number): string[] {
  const design = gateDesign({ batchSize: requests, maxRequests, tolerancePoints: tolerance });
  const uncovered = uncoveredShares(design, 2);
  if (uncovered.length === 0) return [];
  const shown =
    uncovered.length > 6 ? `${uncovered.slice(0, 6).join('%, ')}%, …` : `${uncovered.join('%, ')}%`;
  return [
    `With max-requests ${maxRequests} and split-tolerance ${tolerance}, a misroute of ${tolerance} points is not ` +
      `always caught with 99% probability (configured shares ${shown}): raise max-requests or split-tolerance.`,
  ];
}

/** The inputs of the `existing` cluster mode, and what they mean together with `cluster`. */
function existingModeInputs(
  read: InputReader,
  get: (name: string) => string,
): Pick<
  ActionConfig,
  'cluster' | 'kubeconfig' | 'namespace' | 'ttl' | 'mode' | 'ingressAddress' | 'registry'
> {
  const cluster = oneOf('cluster', get('cluster'), ['k3d', 'existing'] as const);
  const mode = oneOf('mode', get('mode'), ['preview', 'cleanup', 'sweep'] as const);
  if (mode !== 'preview' && cluster !== 'existing')
    throw new UserError(
      `Input 'mode' is '${mode}', which only applies to 'cluster: existing' (a k3d preview is deleted with its run). Set cluster: existing, or leave mode at preview.`,
    );
  const namespace = read('namespace');
  if (namespace && !isValidNamespaceName(namespace))
    throw bad('namespace', namespace, namespaceProblem(namespace));
  const ttlText = get('ttl');
  const ttl = parseTtl(ttlText);
  if (!ttl) throw bad('ttl', ttlText, 'a number with s, m, h or d, from 1s to 365d (e.g. 7d, 12h)');
  const address = read('ingress-address');
  const registryText = read('registry');
  let registry: string | undefined;
  if (registryText) {
    const parsed = parseRegistry(registryText);
    if (!parsed.ok) throw bad('registry', registryText, parsed.expected);
    registry = parsed.value;
  }
  return {
    cluster,
    // Never trimmed differently from what was registered as a secret: the reader trims once.
    kubeconfig: read('kubeconfig'),
    namespace,
    ttl,
    mode,
    ingressAddress: address ? hostPort('ingress-address', address) : undefined,
    registry,
  };
}

/** host:port (a DNS name, an IPv4 address or a bracketed IPv6 address; port 1..65535). */
function hostPort(name: string, value: string): string {
  const match = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?|\[[0-9a-f:.]+\]):(\d{1,5})$/i.exec(value);
  const port = Number(match?.[3]);
  if (!match || port < 1 || port > 65535)
    throw bad(
      name,
      value,
      'host:port of the cluster ingress, e.g. 203.0.113.10:80 or ingress.example.com:80 (no scheme, no path)',
    );
  return value.toLowerCase();
}

function bad(name: string, value: string, allowed: string): UserError {
  return new UserError(
    `Input '${name}' has the value '${value}', which is not allowed: expected ${allowed}.`,
  );
}

function nonEmpty(name: string, value: string, allowed: string): string {
  if (!value) throw bad(name, value, allowed);
  return value;
}

function matching(
  name: string,
  value: string,
  pattern: RegExp,
  allowed: string,
  extra?: (v: string) => boolean,
): string {
  if (!pattern.test(value) || (extra && !extra(value))) throw bad(name, value, allowed);
  return value;
}

function integer(name: string, value: string, min: number, max: number): number {
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw bad(name, value, `a whole number from ${min} to ${max}`);
  return n;
}

/** A percentage such as 20 or 12.5 (0..1000); empty means not set. */
function percentOrEmpty(name: string, value: string): number | undefined {
  if (value === '') return undefined;
  const n = /^\d{1,4}(\.\d{1,2})?$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 0 && n <= 1000))
    throw bad(name, value, 'empty (report only) or a percentage from 0 to 1000, e.g. 20 or 12.5');
  return n;
}

// Same spellings as the YAML 1.2 core schema that @actions/core's getBooleanInput accepts.
function boolean(name: string, value: string): boolean {
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw bad(name, value, 'true or false');
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value))
    throw bad(name, value, `one of ${allowed.join(', ')}`);
  return value as T;
}

function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}
