/**
 * The comparison's sample: requests to the base's and the PR's tag hosts, interleaved
 * (base, pr, base, pr, ...) and sharing one pool of `concurrency` workers, so that whatever
 * the machine does meanwhile (a build finishing, a noisy neighbour) hits both sides alike.
 */
import { isSuccess } from '../probe/attribution.js';
import type { HttpClient, HttpGet, HttpOutcome } from '../probe/http-client.js';
import type { ErrorCounts, ErrorExample } from './types.js';

export interface InterleavedTargets {
  base: HttpGet;
  pr: HttpGet;
}

export interface InterleaveSettings {
  /** Requests to EACH side. */
  requestsPerSide: number;
  concurrency: number;
  /** Epoch ms (per `now`): no request starts after it, so a hanging side cannot hold the run. */
  deadline?: number;
  now?: () => number;
}

/** What one side answered. */
export interface SideSample {
  /** Latencies of successful (2xx) answers only: a fast error must not look like a fast PR. */
  latenciesMs: number[];
  /** Requests sent. */
  total: number;
  /** Non-2xx answers and transport failures, by kind. */
  failures: Map<string, { count: number; sample: string }>;
}

/** Characters of a failed answer kept as its example. */
export const SAMPLE_CHARS = 500;

export async function sendInterleaved(
  client: HttpClient,
  targets: InterleavedTargets,
  settings: InterleaveSettings,
): Promise<{ base: SideSample; pr: SideSample }> {
  const { requestsPerSide, concurrency } = settings;
  if (!(Number.isInteger(requestsPerSide) && requestsPerSide >= 0)) {
    throw new RangeError(
      `requests per side must be a non-negative integer, got ${requestsPerSide}`,
    );
  }
  const base = emptySample();
  const pr = emptySample();
  const total = 2 * requestsPerSide;
  let next = 0;
  const now = settings.now ?? Date.now;
  const open = (): boolean => settings.deadline === undefined || now() < settings.deadline;
  const worker = async (): Promise<void> => {
    while (next < total && open()) {
      const index = next++;
      const [target, sample] = index % 2 === 0 ? [targets.base, base] : [targets.pr, pr];
      record(sample, await client.get(target));
    }
  };
  const workers = Math.max(1, Math.min(concurrency, total));
  await Promise.all(Array.from({ length: workers }, worker));
  return { base, pr };
}

function emptySample(): SideSample {
  return { latenciesMs: [], total: 0, failures: new Map() };
}

function record(sample: SideSample, outcome: HttpOutcome): void {
  sample.total++;
  if (outcome.kind === 'response' && isSuccess(outcome.status)) {
    sample.latenciesMs.push(outcome.latencyMs);
    return;
  }
  const [kind, text] =
    outcome.kind === 'response'
      ? [`HTTP ${outcome.status}`, outcome.body]
      : [outcome.code ?? 'transport error', outcome.error];
  const seen = sample.failures.get(kind);
  if (seen) seen.count++;
  else sample.failures.set(kind, { count: 1, sample: text.slice(0, SAMPLE_CHARS) });
}

/** A side's failures as the counts Fisher's test and the report take. */
export function errorCounts(sample: SideSample): ErrorCounts {
  let errors = 0;
  let mostCommon: ErrorExample | undefined;
  for (const [kind, { count, sample: text }] of sample.failures) {
    errors += count;
    // Ties go to the smaller kind name: arrival order varies with concurrency, names do not.
    const better =
      !mostCommon ||
      count > mostCommon.count ||
      (count === mostCommon.count && kind < mostCommon.kind);
    if (better) mostCommon = { kind, count, sample: text };
  }
  return mostCommon ? { errors, total: sample.total, mostCommon } : { errors, total: sample.total };
}
