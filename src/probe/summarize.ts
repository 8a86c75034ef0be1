/** From tag findings and the tally to the report's numbers and verdict. Pure. */
import type { Side } from '../plan/types.js';
import { judgeSplit } from '../stats/judge.js';
import { percentiles } from '../stats/percentile.js';
import type { GateDesign } from '../stats/split-gate.js';
import { wilsonInterval } from '../stats/wilson.js';
import type { TagFindings } from './tag-check.js';
import { tagFailure } from './tag-check.js';
import type { Tally } from './tally.js';
import type { RevisionResult, ServiceResult } from './types.js';
import { roundTo as round } from '../util/round.js';

export function revisionResults(
  tally: Tally,
  expected: Readonly<Record<string, number>>,
  sides: { base?: string; pr: string },
): RevisionResult[] {
  const names = [...new Set([...Object.keys(expected), ...tally.byRevision.keys()])];
  const sideOrder = (name: string): number => (name === sides.base ? 0 : name === sides.pr ? 1 : 2);
  names.sort((a, b) => sideOrder(a) - sideOrder(b));
  const attributed = names.reduce(
    (sum, name) => sum + (tally.byRevision.get(name)?.responses ?? 0),
    0,
  );
  return names.map((revision) => {
    const entry = tally.byRevision.get(revision) ?? { responses: 0, errors: 0, latenciesMs: [] };
    const interval = wilsonInterval(entry.responses, attributed);
    const [p50, p95] = percentiles(entry.latenciesMs, [50, 95]);
    const side: Side = revision === sides.base ? 'base' : 'pr';
    return {
      revision,
      side,
      configuredPercent: expected[revision] ?? 0,
      responses: entry.responses,
      observedPercent: attributed === 0 ? 0 : round((100 * entry.responses) / attributed, 2),
      interval: { low: round(100 * interval.low, 2), high: round(100 * interval.high, 2) },
      errors: entry.errors,
      latencyMs: { p50: round(p50 ?? 0, 1), p95: round(p95 ?? 0, 1) },
    };
  });
}

/**
 * Why the answers cannot be told apart, if they cannot: a revision with neither a revision
 * header nor a body of its own. Only revisions whose tag was asked are judged here.
 */
export function attributionProblem(findings: readonly TagFindings[]): string | undefined {
  for (const finding of findings) {
    if (finding.sendsHeader) continue;
    const { expectedRevision } = finding.check;
    if (finding.bodyVaries) {
      return `${expectedRevision} answers with a different body each time and sends no k-revision header, so its responses cannot be recognised`;
    }
    if (finding.fingerprint === undefined) continue; // no 2xx answer at all: the tag check reports it
    const twin = findings.find(
      (other) =>
        other !== finding && !other.sendsHeader && other.fingerprint === finding.fingerprint,
    );
    if (twin) {
      const [first, second] = twin.target.side === 'base' ? [twin, finding] : [finding, twin];
      return (
        `${sideLabel(first)} and ${sideLabel(second)} answer identically (same body, no k-revision header), ` +
        'so the split cannot be measured'
      );
    }
  }
  return undefined;
}

const sideLabel = (finding: TagFindings): string =>
  `${finding.target.side === 'base' ? 'base' : 'PR'} (${finding.check.expectedRevision})`;

export type VerdictFields = Pick<ServiceResult, 'verdict' | 'test' | 'pValue' | 'reason' | 'gate'>;

export interface VerdictSettings {
  design: GateDesign;
  /** Batches sent so far (the gate's look number). */
  batchesSent: number;
  /** Which revision is which side, to name them in the reason. */
  sides: { base?: string; pr: string };
}

/**
 * The verdict after a batch, and whether it is final (`done`). Only the split gate ever asks
 * for another batch: a failed tag check or answers that cannot be told apart are final.
 */
export function decideVerdict(
  findings: readonly TagFindings[],
  tally: Tally,
  expected: Readonly<Record<string, number>>,
  settings: VerdictSettings,
): VerdictFields & { done: boolean } {
  const notes = tallyNotes(tally);
  const final = (fields: VerdictFields): VerdictFields & { done: boolean } => ({
    ...fields,
    reason: [fields.reason, ...notes].join('; '),
    done: true,
  });

  const tagFailures = findings.map(tagFailure).filter((failure) => failure !== undefined);
  if (tagFailures.length > 0) {
    return final({ verdict: 'deviates', test: 'exact-split', reason: tagFailures.join('; ') });
  }
  const problem = attributionProblem(findings);
  if (problem) return final({ verdict: 'unmeasurable', test: 'none', reason: problem });

  const observed: Record<string, number> = {};
  let attributedSuccesses = 0;
  for (const [revision, entry] of tally.byRevision) {
    observed[revision] = entry.responses;
    attributedSuccesses += entry.responses - entry.errors;
  }
  for (const [revision, count] of tally.foreign)
    observed[revision] = (observed[revision] ?? 0) + count;

  // Mostly unrecognised answers: judging the few recognised ones would be a guess.
  const unknownSuccesses = tally.unattributed.successes;
  if (unknownSuccesses > 0 && unknownSuccesses >= attributedSuccesses) {
    return final({
      verdict: 'unmeasurable',
      test: 'none',
      reason: `${unknownSuccesses} of ${unknownSuccesses + attributedSuccesses} successful responses matched no revision (no k-revision header, body unlike either tag's)`,
    });
  }
  const { sides } = settings;
  const { done, ...judgement } = judgeSplit(
    observed,
    { ...expected },
    {
      design: settings.design,
      stage: settings.batchesSent,
      focus: sides.pr,
      label: (revision) =>
        revision === sides.pr
          ? `PR revision ${revision}`
          : revision === sides.base
            ? `base revision ${revision}`
            : `revision ${revision}`,
    },
  );
  return { ...final(judgement), done };
}

function tallyNotes(tally: Tally): string[] {
  const notes: string[] = [];
  const revisionErrors = [...tally.byRevision.values()].reduce(
    (sum, entry) => sum + entry.errors,
    0,
  );
  if (revisionErrors > 0) notes.push(`${revisionErrors} non-2xx responses from the revisions`);
  const { count, errors } = tally.unattributed;
  if (count > 0) {
    notes.push(`${count} responses unattributed (${errors} of them errors: non-2xx or transport)`);
  }
  return notes;
}
