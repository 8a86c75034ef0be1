/**
 * probeService: the evidence for one Knative service, gathered through the ingress.
 *   1. wait until the route answers 2xx (deadline; the error says what was last seen);
 *   2. ask each tag host a few times: it must answer from its own revision, and its answers
 *      fingerprint that revision;
 *   3. send batches of requests to the route with bounded concurrency over keep-alive sockets,
 *      attributing every answer (revision header first, else exact trimmed body); after each
 *      batch the split gate decides or asks for another, up to the request cap;
 *   4. per revision: share, Wilson interval, errors, latency; verdict from the last judgement.
 * Verdict precedence: a tag answering from anything but its own revision -> deviates; base
 * and PR indistinguishable (same body, no header; or a body that varies) -> unmeasurable;
 * at least as many unrecognised 2xx answers as recognised ones -> unmeasurable; otherwise
 * judgeSplit over the attributed answers (answers naming a revision outside the split count
 * as that revision, so they make it deviate).
 */
import type { ServicePlan } from '../plan/types.js';
import { batchSizes, GATE_DEFAULTS, gateDesign } from '../stats/split-gate.js';
import { WaitTimeoutError, waitUntil } from '../util/wait.js';
import { createAttributor, isSuccess } from './attribution.js';
import { createNodeHttpClient, type HttpClient } from './http-client.js';
import { sendLoad } from './load.js';
import { decideVerdict, revisionResults, type VerdictFields } from './summarize.js';
import { checkTag, type TagFindings, type TagTarget } from './tag-check.js';
import type { ServiceResult } from './types.js';

export interface ProbeOptions {
  service: string;
  namespace: string;
  /** Where the ingress listens on the runner, e.g. http://127.0.0.1:8081 */
  ingressUrl: string;
  /** Route host, sent as the Host header: <svc>.<ns>.<domain>. */
  host: string;
  /** The route URL for the report; default http://<host>. */
  url?: string;
  /** Revision names per side. */
  revisions: { base?: string; pr: string };
  /** Tag hosts per side (tags `base` and `pr`); a side without a host is not tag-checked. */
  tagHosts: { base?: string; pr: string };
  /** Configured percent per revision name. */
  expected: Record<string, number>;
  /**
   * Requests in the first batch, and in each further batch the split gate asks for while the
   * evidence is borderline.
   */
  requests: number;
  /** No batch starts once this many requests were sent; default the larger of 1600 and `requests`. */
  maxRequests?: number;
  /**
   * Misroute, in percentage points of a revision's share, that a consistent verdict rules out
   * with 99% probability; default 10.
   */
  splitTolerance?: number;
  /** Requests in flight at once; default 16. */
  concurrency?: number;
  /** Deadline for the route (and tags) to start answering; default 120 s. */
  readyTimeoutMs?: number;
  /** Pause between readiness polls; default 500 ms. */
  readyIntervalMs?: number;
  /** Deadline of each request; default 10 s. */
  requestTimeoutMs?: number;
  /** Requests per tag host; default 5. */
  tagRequests?: number;
  /** Path requested; default '/'. */
  path?: string;
  /** HTTP adapter; default a node:http keep-alive client with maxSockets = concurrency. */
  client?: HttpClient;
  now?: () => number;
  log?: (message: string) => void;
}

export const PROBE_DEFAULTS = {
  concurrency: 16,
  readyTimeoutMs: 120_000,
  readyIntervalMs: 500,
  requestTimeoutMs: 10_000,
  tagRequests: 5,
} as const;

/** Probe options for a planned service; the caller adds where the ingress is and N. */
export function probeOptionsFromPlan(
  plan: ServicePlan,
  settings: Omit<
    ProbeOptions,
    'service' | 'namespace' | 'host' | 'url' | 'revisions' | 'tagHosts' | 'expected'
  >,
): ProbeOptions {
  return {
    ...settings,
    service: plan.name,
    namespace: plan.namespace,
    host: plan.host,
    url: plan.url,
    revisions: plan.revisions,
    tagHosts: plan.tagHosts,
    expected: plan.expected,
  };
}

/**
 * Throws WaitTimeoutError when the route never answers 2xx before the ready deadline, and
 * RangeError for a request cap below the batch size or a tolerance outside (0, 100).
 */
export async function probeService(options: ProbeOptions): Promise<ServiceResult> {
  const design = gateDesign({
    batchSize: options.requests,
    maxRequests: options.maxRequests ?? Math.max(GATE_DEFAULTS.maxRequests, options.requests),
    tolerancePoints: options.splitTolerance ?? GATE_DEFAULTS.tolerancePoints,
  });
  const now = options.now ?? Date.now;
  const startedAt = now();
  const concurrency = Math.max(1, options.concurrency ?? PROBE_DEFAULTS.concurrency);
  const readyTimeoutMs = options.readyTimeoutMs ?? PROBE_DEFAULTS.readyTimeoutMs;
  const requestTimeoutMs = options.requestTimeoutMs ?? PROBE_DEFAULTS.requestTimeoutMs;
  const url = new URL(options.path ?? '/', options.ingressUrl).toString();
  const client = options.client ?? createNodeHttpClient({ maxSockets: concurrency });
  const log = options.log ?? (() => {});

  try {
    const readyDeadline = startedAt + readyTimeoutMs;
    await waitForAnswer(client, url, options.host, readyDeadline, requestTimeoutMs, options, now);
    log(`route ${options.host} answers; checking tags`);

    const findings: TagFindings[] = [];
    for (const target of tagTargets(options)) {
      // A tag may lag the route by a moment; give it the rest of the ready deadline, then judge it.
      try {
        await waitForAnswer(
          client,
          url,
          target.host,
          readyDeadline,
          requestTimeoutMs,
          options,
          now,
        );
      } catch (error) {
        if (!(error instanceof WaitTimeoutError)) throw error;
      }
      findings.push(
        await checkTag(client, target, {
          url,
          requests: options.tagRequests ?? PROBE_DEFAULTS.tagRequests,
          timeoutMs: requestTimeoutMs,
        }),
      );
    }

    const fingerprints = new Map<string, string>();
    for (const finding of findings) {
      if (finding.fingerprint !== undefined)
        fingerprints.set(finding.check.expectedRevision, finding.fingerprint);
    }
    const revisionNames = Object.keys(options.expected);
    const attributor = createAttributor(revisionNames, fingerprints);
    log(
      `sending ${design.batchSize} requests to ${options.host} (${concurrency} at a time), ` +
        `more in batches of ${design.batchSize} while the split is borderline, at most ${design.maxRequests}`,
    );
    let judged: VerdictFields | undefined;
    const { tally, batches } = await sendLoad(
      client,
      attributor,
      revisionNames,
      {
        url,
        host: options.host,
        batches: batchSizes(design),
        concurrency,
        timeoutMs: requestTimeoutMs,
      },
      (tallySoFar, batchesSent) => {
        const { done, ...fields } = decideVerdict(findings, tallySoFar, options.expected, {
          design,
          batchesSent,
          sides: options.revisions,
        });
        judged = fields;
        if (!done) log(`after ${tallySoFar.requests} requests: ${fields.reason}`);
        return !done;
      },
    );
    if (!judged) throw new Error('the split gate never judged: no batch was sent');
    log(`${tally.requests} requests in ${batches} batch${batches === 1 ? '' : 'es'}`);

    const { count, errors, samples } = tally.unattributed;
    return {
      service: options.service,
      namespace: options.namespace,
      host: options.host,
      url: options.url ?? `http://${options.host}`,
      requests: tally.requests,
      revisions: revisionResults(tally, options.expected, options.revisions),
      unattributed: { count, errors, samples },
      tagChecks: findings.map((finding) => finding.check),
      ...judged,
      alpha: design.falseFailureBudget,
      durationMs: Math.round(now() - startedAt),
    };
  } finally {
    if (!options.client) client.close();
  }
}

function tagTargets(options: ProbeOptions): TagTarget[] {
  const targets: TagTarget[] = [];
  for (const side of ['base', 'pr'] as const) {
    const host = options.tagHosts[side];
    const revision = options.revisions[side];
    if (host && revision) targets.push({ side, tag: side, host, expectedRevision: revision });
  }
  return targets;
}

async function waitForAnswer(
  client: HttpClient,
  url: string,
  host: string,
  deadline: number,
  requestTimeoutMs: number,
  options: ProbeOptions,
  now: () => number,
): Promise<void> {
  await waitUntil(
    async () => {
      // Never let one slow request carry the wait past its deadline.
      const timeoutMs = Math.max(50, Math.min(requestTimeoutMs, deadline - now()));
      const outcome = await client.get({ url, host, timeoutMs });
      if (outcome.kind === 'response' && isSuccess(outcome.status))
        return { done: true, value: undefined };
      const seen =
        outcome.kind === 'response'
          ? `HTTP ${outcome.status}`
          : `connection error: ${outcome.error}`;
      return { done: false, seen };
    },
    {
      what: `${host} to answer 2xx through the ingress at ${options.ingressUrl}`,
      timeoutMs: Math.max(0, deadline - now()),
      intervalMs: options.readyIntervalMs ?? PROBE_DEFAULTS.readyIntervalMs,
      now,
    },
  );
}
