/**
 * The comparison phase of one service, after its split probe: `requestsPerSide` GETs to each
 * revision's tag host through the ingress, interleaved, then the latency and error verdicts.
 * The split probe's per-revision failures count too, so nothing the run saw is left out.
 *
 * Concurrency 4, not the split probe's 16: each revision then has about two requests in
 * flight, so what is timed is the revision's own answer time rather than queueing inside one
 * container or the load balancer; it is far below Knative's default per-pod target (100
 * concurrent requests, config-autoscaler container-concurrency-target-default), so neither
 * side gains a pod in the middle of the sample; and 400 requests at a few ms each still take
 * well under a second on loopback. Both sides share the one pool, so a side is never measured
 * under more load than the other.
 */
import type { ServicePlan } from '../plan/types.js';
import { createNodeHttpClient, type HttpClient } from '../probe/http-client.js';
import type { ServiceResult } from '../probe/types.js';
import { addErrorCounts, compareErrors } from './errors.js';
import { errorCounts, sendInterleaved } from './interleave.js';
import { compareLatency } from './latency.js';
import type { ErrorCounts, NotCompared, ServiceComparison } from './types.js';

export const COMPARE_DEFAULTS = {
  /** Requests to each revision (the `compare-requests` input's default). */
  requestsPerSide: 200,
  concurrency: 4,
  requestTimeoutMs: 10_000,
  /** No comparison request starts later than this after the first. */
  deadlineMs: 120_000,
} as const;

export interface CompareRevisionsOptions {
  /** Where the ingress listens, e.g. http://127.0.0.1:8081 */
  ingressUrl: string;
  /** Tag hosts of the two revisions, sent as the Host header. */
  tagHosts: { base: string; pr: string };
  requestsPerSide: number;
  /** Requests in flight at once over both sides; default 4. */
  concurrency?: number;
  /** Deadline of each request; default 10 s. */
  requestTimeoutMs?: number;
  /** After this long no further request starts (the sample is what was answered); default 120 s. */
  deadlineMs?: number;
  /** Told when the deadline cut the sample short. */
  log?: (message: string) => void;
  /** Path requested; default '/'. */
  path?: string;
  /** Failures per side already seen by the split probe (see splitErrorCounts). */
  splitErrors?: { base: ErrorCounts; pr: ErrorCounts };
  /** HTTP adapter; default a node:http keep-alive client with `concurrency` sockets. */
  client?: HttpClient;
}

/** Why a planned service cannot be compared, or its two tag hosts when it can. */
export function comparisonTargets(
  plan: Pick<ServicePlan, 'mode' | 'tagHosts' | 'revisions'>,
): { base: string; pr: string } | NotCompared {
  if (plan.mode === 'new') {
    return {
      notCompared: true,
      reason: 'the service is new in this PR, so there is no base revision to compare with',
    };
  }
  if (plan.mode === 'single') {
    return {
      notCompared: true,
      reason:
        'this run previews one revision of the workspace (push or workflow_dispatch), so there is no base revision to compare with',
    };
  }
  const { base } = plan.tagHosts;
  if (!base || !plan.revisions.base) {
    return { notCompared: true, reason: 'the base revision has no tag host to send requests to' };
  }
  return { base, pr: plan.tagHosts.pr };
}

/** The split probe's answers per side as error counts (non-2xx attributed to each revision). */
export function splitErrorCounts(result: Pick<ServiceResult, 'revisions'>): {
  base: ErrorCounts;
  pr: ErrorCounts;
} {
  const counts = (side: 'base' | 'pr'): ErrorCounts => {
    const rows = result.revisions.filter((r) => r.side === side);
    return {
      errors: rows.reduce((sum, r) => sum + r.errors, 0),
      total: rows.reduce((sum, r) => sum + r.responses, 0),
    };
  };
  return { base: counts('base'), pr: counts('pr') };
}

export async function compareRevisions(
  options: CompareRevisionsOptions,
): Promise<ServiceComparison> {
  const concurrency = Math.max(1, options.concurrency ?? COMPARE_DEFAULTS.concurrency);
  const client = options.client ?? createNodeHttpClient({ maxSockets: concurrency });
  const url = new URL(options.path ?? '/', options.ingressUrl).toString();
  const timeoutMs = options.requestTimeoutMs ?? COMPARE_DEFAULTS.requestTimeoutMs;
  try {
    const { base, pr } = await sendInterleaved(
      client,
      {
        base: { url, host: options.tagHosts.base, timeoutMs },
        pr: { url, host: options.tagHosts.pr, timeoutMs },
      },
      {
        requestsPerSide: options.requestsPerSide,
        concurrency,
        deadline: Date.now() + (options.deadlineMs ?? COMPARE_DEFAULTS.deadlineMs),
      },
    );
    if (base.total + pr.total < 2 * options.requestsPerSide) {
      options.log?.(
        `The comparison stopped at its deadline after ${base.total + pr.total} of ${2 * options.requestsPerSide} requests; it judges what was answered.`,
      );
    }
    const none: ErrorCounts = { errors: 0, total: 0 };
    const split = options.splitErrors ?? { base: none, pr: none };
    return {
      latency: compareLatency(base.latenciesMs, pr.latenciesMs),
      errors: compareErrors(
        addErrorCounts(split.base, errorCounts(base)),
        addErrorCounts(split.pr, errorCounts(pr)),
      ),
    };
  } finally {
    if (!options.client) client.close();
  }
}
