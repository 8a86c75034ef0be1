/**
 * Is Knative Serving there, and recent enough? Read from the cluster's discovery, which every
 * authenticated user may read (the system:discovery role), never assumed and never installed:
 * an existing cluster's Knative is its owner's.
 */
import { OLDEST_KNATIVE } from '../cluster/compatibility.js';
import type { Kubectl } from '../cluster/kubectl.js';
import { isNotFound } from '../cluster/kubectl.js';
import { firstLine, UserError } from '../util/errors.js';
import { log } from '../util/log.js';
import { withRetry } from '../util/retry.js';
import { ToolError } from '../util/tool-runner.js';

/**
 * The oldest Knative Serving release this action supports on any cluster (the k3d mode's oldest
 * installable release too; see src/cluster/compatibility.ts).
 */
export const OLDEST_SERVING = { major: 1, minor: OLDEST_KNATIVE } as const;
/** What the action creates and reads in the preview namespace. */
export const REQUIRED_RESOURCES = ['services', 'revisions', 'routes', 'configurations'] as const;

export interface ServingFacts {
  /** The API group serving.knative.dev is served at all. */
  served: boolean;
  /** Its served versions (v1, ...). */
  versions: string[];
  /** Resources of serving.knative.dev/v1 (no subresources). */
  resources: string[];
  /** `app.kubernetes.io/version` of the Service CRD, when it could be read. */
  release?: string;
  /** Why the release could not be read (e.g. no permission to read CRDs). */
  releaseUnknown?: string;
}

export type ServingVerdict = { ok: true; notes: string[] } | { ok: false; problem: string };

/** Whether the action can preview on a cluster with these facts. Pure. */
export function judgeServing(facts: ServingFacts): ServingVerdict {
  const install =
    'Ask the cluster owner to install Knative Serving (https://knative.dev/docs/install/) with an ingress; this action never installs anything on an existing cluster.';
  if (!facts.served)
    return {
      ok: false,
      problem: `The cluster does not serve the API group serving.knative.dev: Knative Serving is not installed. ${install}`,
    };
  if (!facts.versions.includes('v1'))
    return {
      ok: false,
      problem: `The cluster's Knative Serving is too old: it serves serving.knative.dev ${[...facts.versions].sort().join(', ') || '(no versions)'}, not v1. This action needs Knative Serving ${OLDEST_SERVING.major}.${OLDEST_SERVING.minor} or newer.`,
    };
  const missing = REQUIRED_RESOURCES.filter((r) => !facts.resources.includes(r));
  if (missing.length)
    return {
      ok: false,
      problem: `The cluster's serving.knative.dev/v1 lacks ${missing.join(', ')}: its Knative Serving is incomplete or too old. This action needs Knative Serving ${OLDEST_SERVING.major}.${OLDEST_SERVING.minor} or newer.`,
    };
  if (facts.release === undefined)
    return {
      ok: true,
      notes: [
        `Could not read which Knative Serving release the cluster runs (${facts.releaseUnknown ?? 'no version label'}); it serves serving.knative.dev/v1, so going on.`,
      ],
    };
  const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(facts.release);
  if (!match)
    return {
      ok: true,
      notes: [`Knative Serving reports the release '${facts.release.slice(0, 40)}'; going on.`],
    };
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (
    major < OLDEST_SERVING.major ||
    (major === OLDEST_SERVING.major && minor < OLDEST_SERVING.minor)
  )
    return {
      ok: false,
      problem: `The cluster runs Knative Serving ${match[0]}, which is too old: this action needs ${OLDEST_SERVING.major}.${OLDEST_SERVING.minor} or newer. Ask the cluster owner to upgrade it.`,
    };
  return { ok: true, notes: [`The cluster runs Knative Serving ${match[0]}.`] };
}

/** Reads the facts judgeServing needs. Fails clearly when the cluster cannot be reached at all. */
export async function readServingFacts(kubectl: Kubectl): Promise<ServingFacts> {
  const group = await getRaw<{ versions?: { version?: unknown }[] }>(
    kubectl,
    '/apis/serving.knative.dev',
  );
  if (!group) return { served: false, versions: [], resources: [] };
  const versions = (group.versions ?? [])
    .map((v) => v.version)
    .filter((v): v is string => typeof v === 'string');
  let resources: string[] = [];
  if (versions.includes('v1')) {
    const list = await getRaw<{ resources?: { name?: unknown }[] }>(
      kubectl,
      '/apis/serving.knative.dev/v1',
    );
    resources = (list?.resources ?? [])
      .map((r) => r.name)
      .filter((n): n is string => typeof n === 'string' && !n.includes('/'));
  }
  // The release: from the labels of the Service CRD (a cluster-scoped read a deployer may lack),
  // else of the knative-serving namespace (readable by whoever may get namespaces).
  const tried: string[] = [];
  for (const [resource, name] of [
    ['customresourcedefinition', 'services.serving.knative.dev'],
    ['namespace', 'knative-serving'],
  ] as const) {
    const result = await kubectl.run(['get', resource, name, '-o', 'json']);
    const release = result.exitCode === 0 ? releaseOf(result.stdout) : undefined;
    if (release) return { served: true, versions, resources, release };
    tried.push(
      `${resource} ${name}: ${result.exitCode === 0 ? 'no release label' : firstLine(result.stderr) || 'not readable'}`,
    );
  }
  return { served: true, versions, resources, releaseUnknown: tried.join('; ') };
}

/**
 * The release a Knative Serving object (its Service CRD, its namespace) was installed from.
 * Releases label their CRDs `app.kubernetes.io/version: "X.Y.Z"` from 1.1 on (only that from 1.4)
 * and `serving.knative.dev/release: "vX.Y.Z"` up to 1.3, the knative-serving namespace
 * `app.kubernetes.io/version` from 0.26 (knative/serving hack/generate-yamls.sh replaces `devel`
 * with the release; config/core/300-resources/*.yaml, config/core/100-namespace.yaml). Pure.
 */
export function releaseOf(crdJson: string): string | undefined {
  let labels: Record<string, unknown> | undefined;
  try {
    labels = (JSON.parse(crdJson) as { metadata?: { labels?: Record<string, unknown> } }).metadata
      ?.labels;
  } catch {
    return undefined;
  }
  for (const key of ['app.kubernetes.io/version', 'serving.knative.dev/release']) {
    const value = labels?.[key];
    if (typeof value === 'string' && /^v?\d+\.\d+\.\d+/.test(value)) return value.slice(0, 40);
  }
  return undefined;
}

/** kubectl's words for an API server it could not reach. */
const UNREACHABLE =
  /Unable to connect|connection refused|was refused|no such host|i\/o timeout|dial tcp|TLS handshake timeout|connection reset/i;
/** An API server that answered but is busy or restarting: worth another try. */
const BUSY =
  /InternalError|ServiceUnavailable|currently unable to handle|TooManyRequests|etcdserver|the server was unable to return a response/i;

/** How reads of a cluster's API retry: a restarting API server or a network blip passes. */
export interface ReadRetry {
  attempts: number;
  initialDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_READ_RETRY: ReadRetry = { attempts: 4, initialDelayMs: 1_000 };

/**
 * `kubectl get --raw PATH` as JSON; undefined when the server says NotFound. An unreachable or
 * busy API server is asked again, with backoff (1, 2, 4 s by default); a read repeats no side effect.
 */
export async function getRaw<T>(
  kubectl: Kubectl,
  apiPath: string,
  retry: ReadRetry = DEFAULT_READ_RETRY,
): Promise<T | undefined> {
  let tries = 0;
  try {
    const { stdout } = await withRetry(
      () => {
        tries++;
        return kubectl.runOk(['get', '--raw', apiPath]);
      },
      {
        what: `kubectl get --raw ${apiPath}`,
        attempts: retry.attempts,
        initialDelayMs: retry.initialDelayMs,
        maxDelayMs: 8_000,
        isTransient: (error) => error instanceof ToolError && isPassing(error),
        onRetry: (error, attempt, delayMs) =>
          log().info(
            `The cluster's API server did not answer ${apiPath} (attempt ${attempt}): ${firstLine(toolSaid(error))}; trying again in ${delayMs / 1000} s`,
          ),
        ...(retry.sleep ? { sleep: retry.sleep } : {}),
      },
    );
    return JSON.parse(stdout) as T;
  } catch (error) {
    // withRetry wraps the last error; what kubectl said is in it.
    const last = error instanceof Error && error.cause instanceof ToolError ? error.cause : error;
    if (isNotFound(last)) return undefined;
    throw clusterAccessError(last, tries);
  }
}

function isPassing(error: ToolError): boolean {
  const said = toolSaid(error);
  return UNREACHABLE.test(said) || BUSY.test(said);
}

function toolSaid(error: unknown): string {
  return error instanceof ToolError ? error.result.stderr || error.result.stdout : '';
}

/** kubectl could not talk to the cluster (credentials, network): say so, plainly. */
export function clusterAccessError(error: unknown, tries = 1): Error {
  if (!(error instanceof ToolError))
    return error instanceof Error ? error : new Error(String(error));
  const said = firstLine(error.result.stderr || error.result.stdout);
  // kubectl's own sentence, ended once: some end in '?' or '.', most in nothing.
  const sentence = /[.?!]$/.test(said) ? said : `${said}.`;
  if (/Unauthorized|provide credentials|x509|certificate/i.test(said))
    return new UserError(
      `The existing cluster refused the kubeconfig's credentials: ${sentence} Check the kubeconfig secret (or the login step before this one).`,
    );
  if (UNREACHABLE.test(said))
    return new UserError(
      `Cannot reach the existing cluster's API server${tries > 1 ? ` (asked ${tries} times)` : ''}: ${sentence} The runner must be able to reach it (a private cluster needs a self-hosted runner or an authorised network).`,
    );
  return new Error(`kubectl failed${tries > 1 ? ` (asked ${tries} times)` : ''}: ${said}`);
}
