/**
 * Counting the route's answers. Pure accumulator: every outcome lands somewhere (a
 * revision, or unattributed); none is dropped.
 */
import { SAMPLE_CHARS, describeOutcome, isSuccess, type Attribution } from './attribution.js';
import type { HttpOutcome } from './http-client.js';

export interface RevisionTally {
  responses: number;
  errors: number;
  latenciesMs: number[];
}

export interface Tally {
  requests: number;
  byRevision: Map<string, RevisionTally>;
  /** Answers naming a revision outside the split, by that revision (also counted as unattributed). */
  foreign: Map<string, number>;
  unattributed: { count: number; errors: number; successes: number; samples: string[] };
}

export const MAX_SAMPLES = 5;

export function createTally(revisions: readonly string[]): Tally {
  return {
    requests: 0,
    byRevision: new Map(
      revisions.map((revision) => [revision, { responses: 0, errors: 0, latenciesMs: [] }]),
    ),
    foreign: new Map(),
    unattributed: { count: 0, errors: 0, successes: 0, samples: [] },
  };
}

export function record(tally: Tally, outcome: HttpOutcome, attribution: Attribution): void {
  tally.requests++;
  if (attribution.kind === 'revision' && outcome.kind === 'response') {
    let entry = tally.byRevision.get(attribution.revision);
    if (!entry) {
      entry = { responses: 0, errors: 0, latenciesMs: [] };
      tally.byRevision.set(attribution.revision, entry);
    }
    entry.responses++;
    if (!isSuccess(outcome.status)) entry.errors++;
    entry.latenciesMs.push(outcome.latencyMs);
    return;
  }
  const { unattributed } = tally;
  unattributed.count++;
  if (attribution.kind === 'foreign-revision') {
    tally.foreign.set(attribution.revision, (tally.foreign.get(attribution.revision) ?? 0) + 1);
  }
  if (outcome.kind === 'response' && isSuccess(outcome.status)) unattributed.successes++;
  else unattributed.errors++;
  if (unattributed.samples.length < MAX_SAMPLES) {
    const sample = describeOutcome(outcome).slice(0, SAMPLE_CHARS);
    if (!unattributed.samples.includes(sample)) unattributed.samples.push(sample);
  }
}
