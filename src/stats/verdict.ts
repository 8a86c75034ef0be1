/** What the split judgement produces: the verdict and the gate's evidence. Pure data. */

export type Verdict = 'consistent' | 'deviates' | 'unmeasurable';

/**
 * Which test decided: the sequential exact binomial test (two or more revisions with traffic),
 * zero tolerance (a revision configured at 0% answered, or a 100% split), or none.
 */
export type SplitTest = 'binomial' | 'exact-split' | 'none';

/** What the sequential split gate saw and what it would have accepted. */
export interface SplitGate {
  /** Batches sent before the decision. */
  stages: number;
  /** Batches the request cap allows. */
  maxStages: number;
  /** Attributed responses the decision rests on. */
  n: number;
  /**
   * Per revision with traffic, in percent of n: the shares a correct split stays within at
   * this n. A share outside its band counts as a deviation.
   */
  band: Record<string, { low: number; high: number }>;
  /** Misroute, in percentage points of a revision's share, the gate is designed to catch. */
  tolerance: number;
  /**
   * Whether the final counts rule out a misroute of `tolerance` points (one-sided exact tests
   * in both directions reject). With the defaults, false for a consistent verdict only when fewer
   * responses than planned could be attributed.
   */
  misrouteRuledOut: boolean;
  /** Significance of each look at each revision (the false-failure budget split over them). */
  alphaPerTest: number;
}
