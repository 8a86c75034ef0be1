/**
 * The split gate: a group-sequential test of the configured traffic split. Pure.
 *
 * Requests go out in batches. After each batch, per revision with a configured share:
 *   - deviates: an exact two-sided binomial test of its count against its configured share
 *     gives p < alpha, with alpha = falseFailureBudget / (stages * revisions). By the union
 *     bound over every look at every revision, a correct split fails with probability at most
 *     falseFailureBudget, whatever the split and however many revisions share it;
 *   - consistent: for every revision, a share `tolerance` points above and below the configured
 *     one (where that is still a share, inside (0, 1)) is rejected by a one-sided exact test at
 *     beta = missBudget / (stages * revisions * 2). So a real misroute of `tolerance` points
 *     stops early as consistent with probability at most missBudget;
 *   - otherwise the evidence is borderline: another batch, until the cap. At the cap the split
 *     is consistent unless the deviation test fires. With the defaults no count at the cap is
 *     borderline (uncoveredShares), so every consistent verdict rests on rejected misroute
 *     tests and a misroute of `tolerance` points is missed with probability at most
 *     missBudget / (2 * revisions). `gate-evaluation.ts` computes both rates exactly for two
 *     revisions.
 */
import { binomialDistribution, type BinomialDistribution } from './binomial.js';
import { numberKeyedMemo } from './memo.js';

export interface GateDesign {
  /** Requests in the first batch and in each further one. */
  batchSize: number;
  /** No batch starts once this many requests have been sent; the last batch may be smaller. */
  maxRequests: number;
  /** Misroute, in percentage points of a revision's share, that a consistent verdict rules out. */
  tolerancePoints: number;
  /** Most a correct split may fail, over all looks and revisions. */
  falseFailureBudget: number;
  /** Most a misroute of `tolerancePoints` may stop early as consistent. */
  missBudget: number;
}

export const GATE_DEFAULTS: GateDesign = {
  batchSize: 400,
  maxRequests: 1600,
  tolerancePoints: 10,
  falseFailureBudget: 1e-4,
  missBudget: 0.01,
};

/** A design with defaults filled in; throws RangeError naming the bad setting. */
export function gateDesign(settings: Partial<GateDesign> = {}): GateDesign {
  const design = { ...GATE_DEFAULTS, ...settings };
  const { batchSize, maxRequests, tolerancePoints, falseFailureBudget, missBudget } = design;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`the batch size must be a positive integer, got ${batchSize}`);
  if (!Number.isInteger(maxRequests) || maxRequests < batchSize) {
    throw new RangeError(
      `the request cap must be an integer of at least the batch size (${batchSize}), got ${maxRequests}`,
    );
  }
  if (!(tolerancePoints > 0 && tolerancePoints < 100))
    throw new RangeError(
      `the split tolerance must be between 0 and 100 points, got ${tolerancePoints}`,
    );
  for (const [name, value] of [
    ['false-failure budget', falseFailureBudget],
    ['miss budget', missBudget],
  ] as const) {
    if (!(value > 0 && value < 1))
      throw new RangeError(`the ${name} must be in (0, 1), got ${value}`);
  }
  return design;
}

/** Sizes of the batches the cap allows: full batches, then what is left. */
export function batchSizes(design: GateDesign): number[] {
  const sizes: number[] = [];
  for (let sent = 0; sent < design.maxRequests; sent += design.batchSize) {
    sizes.push(Math.min(design.batchSize, design.maxRequests - sent));
  }
  return sizes;
}

export function maxStages(design: GateDesign): number {
  return Math.ceil(design.maxRequests / design.batchSize);
}

/** Significance of one deviation test (one look at one revision). */
export function deviationLevel(design: GateDesign, revisions: number): number {
  return design.falseFailureBudget / (maxStages(design) * revisions);
}

/** Significance of one one-sided misroute test (one look, one revision, one direction). */
export function misrouteLevel(design: GateDesign, revisions: number): number {
  return design.missBudget / (maxStages(design) * revisions * 2);
}

/** A revision with traffic and its configured share, 0 < share < 1. */
export interface ConfiguredShare {
  revision: string;
  share: number;
}

/** A revision with traffic: its configured share and its count at this look. */
export interface ActiveRevision extends ConfiguredShare {
  count: number;
}

/** Closed range of counts, lowest to highest; empty when low > high. */
export interface CountRange {
  low: number;
  high: number;
}

/** What one look accepts, per revision, before any count is seen. */
export interface LookBounds {
  /** Attributed responses at this look. */
  n: number;
  /** 1-based look number. */
  stage: number;
  maxStages: number;
  alpha: number;
  beta: number;
  revisions: Array<
    ConfiguredShare & {
      /** Counts the deviation test accepts at this n: a correct split stays inside but rarely. */
      band: CountRange;
      /** Counts for which both misroute tests reject: a shift of `tolerance` is ruled out. */
      ruledOut: CountRange;
    }
  >;
}

export type StageDecision = 'deviates' | 'consistent' | 'continue';

export interface Classification {
  decision: StageDecision;
  /** Per revision, in the order of the bounds: its count is outside its band. */
  deviating: boolean[];
  /** Every revision's count rules out a misroute of `tolerance` points. */
  misrouteRuledOut: boolean;
}

export interface RevisionLook extends ActiveRevision {
  /** Exact two-sided binomial p-value of count against share. */
  pValue: number;
  band: CountRange;
  ruledOut: CountRange;
  deviates: boolean;
}

export interface StageOutcome extends Classification {
  /** Attributed responses at this look (the sum of the counts). */
  n: number;
  stage: number;
  maxStages: number;
  /** Per revision, in the order given. */
  looks: RevisionLook[];
  alpha: number;
  beta: number;
}

/** The bounds of look `stage` (1-based) at n attributed responses. */
export function lookBounds(
  shares: readonly ConfiguredShare[],
  n: number,
  stage: number,
  design: GateDesign,
): LookBounds {
  if (shares.length < 2) throw new RangeError('the split gate needs two or more revisions');
  const stages = maxStages(design);
  if (!Number.isInteger(stage) || stage < 1 || stage > stages)
    throw new RangeError(`look ${stage} is outside 1..${stages}`);
  const alpha = deviationLevel(design, shares.length);
  const beta = misrouteLevel(design, shares.length);
  const tolerance = design.tolerancePoints / 100;
  const revisions = shares.map(({ revision, share }) => {
    if (!(share > 0 && share < 1))
      throw new RangeError(`share of ${revision} must be in (0, 1), got ${share}`);
    return { revision, share, ...countBounds(n, share, tolerance, alpha, beta) };
  });
  return { n, stage, maxStages: stages, alpha, beta, revisions };
}

/**
 * The rule itself, given a look's bounds and the counts (in the bounds' order): any count
 * outside its band deviates; else every count ruling out the misroute, or the last look, is
 * consistent; else another batch.
 */
export function classifyCounts(bounds: LookBounds, counts: readonly number[]): Classification {
  const deviating = bounds.revisions.map(
    ({ band }, index) => counts[index]! < band.low || counts[index]! > band.high,
  );
  const misrouteRuledOut = bounds.revisions.every(
    ({ ruledOut }, index) => counts[index]! >= ruledOut.low && counts[index]! <= ruledOut.high,
  );
  const decision: StageDecision = deviating.includes(true)
    ? 'deviates'
    : misrouteRuledOut || bounds.stage === bounds.maxStages
      ? 'consistent'
      : 'continue';
  return { decision, deviating, misrouteRuledOut };
}

/**
 * The gate's decision after look `stage` (1-based) of at most maxStages(design), with each
 * revision's p-value for the report. Needs two or more revisions with traffic; zero tolerance
 * and single-revision splits are the caller's.
 */
export function decideStage(
  active: readonly ActiveRevision[],
  stage: number,
  design: GateDesign,
): StageOutcome {
  const n = active.reduce((sum, revision) => sum + revision.count, 0);
  const bounds = lookBounds(active, n, stage, design);
  const classification = classifyCounts(
    bounds,
    active.map((revision) => revision.count),
  );
  const looks = active.map((revision, index): RevisionLook => ({
    revision: revision.revision,
    share: revision.share,
    count: revision.count,
    pValue: distribution(n, revision.share).twoSidedP(revision.count),
    band: bounds.revisions[index]!.band,
    ruledOut: bounds.revisions[index]!.ruledOut,
    deviates: classification.deviating[index]!,
  }));
  const { alpha, beta, maxStages: stages } = bounds;
  return { ...classification, n, stage, maxStages: stages, looks, alpha, beta };
}

interface Bounds {
  band: CountRange;
  ruledOut: CountRange;
}

// Bounds depend only on (n, share, tolerance, levels), and a probe, the exact evaluation and
// the simulated trials ask for the same few of them over and over. Both caches are bounded.
const boundsMemo = numberKeyedMemo<Bounds>(4096);
// Each distribution holds three arrays of n + 1 numbers: keep only a few dozen.
const distributionMemo = numberKeyedMemo<BinomialDistribution>(64);

function distribution(n: number, p: number): BinomialDistribution {
  return distributionMemo([n, p], () => binomialDistribution(n, p));
}

/**
 * Count ranges at n for one configured share:
 *   band: the counts whose exact two-sided p-value is at least alpha (no deviation);
 *   ruledOut: counts x with P(X <= x | share + tolerance) < beta and
 *             P(X >= x | share - tolerance) < beta; a direction whose shifted share leaves
 *             (0, 1) is no constraint.
 */
export function countBounds(
  n: number,
  share: number,
  tolerance: number,
  alpha: number,
  beta: number,
): Bounds {
  return boundsMemo([n, share, tolerance, alpha, beta], () =>
    computeBounds(n, share, tolerance, alpha, beta),
  );
}

function computeBounds(
  n: number,
  share: number,
  tolerance: number,
  alpha: number,
  beta: number,
): Bounds {
  const atShare = distribution(n, share);
  const accepted = (x: number): boolean => atShare.twoSidedP(x) >= alpha;
  // The p-value rises towards the mean on each side: the accepted counts form one interval.
  const mean = n * share;
  const low = firstTrue(0, Math.floor(mean), accepted);
  const high = lastTrue(Math.ceil(mean), n, accepted);
  const band = { low, high };

  let ruledHigh = n;
  if (share + tolerance < 1) {
    const above = distribution(n, share + tolerance);
    ruledHigh = lastTrue(0, n, (x) => above.lowerTail(x) < beta);
  }
  let ruledLow = 0;
  if (share - tolerance > 0) {
    const below = distribution(n, share - tolerance);
    ruledLow = firstTrue(0, n, (x) => below.upperTail(x) < beta);
  }
  return { band, ruledOut: { low: ruledLow, high: ruledHigh } };
}

/** Smallest x in [from, to] where a predicate that turns true once stays true; to + 1 if none. */
function firstTrue(from: number, to: number, predicate: (x: number) => boolean): number {
  let low = from;
  let high = to + 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (predicate(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Largest x in [from, to] where a predicate true up to some point holds; from - 1 if none. */
function lastTrue(from: number, to: number, predicate: (x: number) => boolean): number {
  let low = from - 1;
  let high = to;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (predicate(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Configured shares (whole percents 1..99) for which, with every response attributed, a count
 * at the cap can be inside the band yet not rule out a misroute of `tolerance` points. For
 * any other share a consistent verdict always rests on rejected misroute tests, so a misroute
 * of `tolerance` points ends consistent with probability at most
 * maxStages * misrouteLevel = missBudget / (2 * revisions). Empty for the defaults with two
 * to four revisions.
 */
export function uncoveredShares(design: GateDesign, revisions: number): number[] {
  const alpha = deviationLevel(design, revisions);
  const beta = misrouteLevel(design, revisions);
  const uncovered: number[] = [];
  for (let percent = 1; percent <= 99; percent++) {
    const { band, ruledOut } = countBounds(
      design.maxRequests,
      percent / 100,
      design.tolerancePoints / 100,
      alpha,
      beta,
    );
    if (band.low < ruledOut.low || band.high > ruledOut.high) uncovered.push(percent);
  }
  return uncovered;
}
