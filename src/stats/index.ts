/** Statistics for the probe's verdict. Pure functions, no I/O. */
export {
  binomialDistribution,
  binomialTestTwoSided,
  type BinomialDistribution,
} from './binomial.js';
export { chiSquareGoodnessOfFit, chiSquareSurvival, type ChiSquareResult } from './chi-square.js';
export {
  judgeSplit,
  formatLevel,
  formatP,
  type JudgeOptions,
  type SplitJudgement,
} from './judge.js';
export {
  batchSizes,
  classifyCounts,
  countBounds,
  decideStage,
  lookBounds,
  deviationLevel,
  gateDesign,
  GATE_DEFAULTS,
  maxStages,
  misrouteLevel,
  uncoveredShares,
  type ActiveRevision,
  type Classification,
  type ConfiguredShare,
  type CountRange,
  type GateDesign,
  type LookBounds,
  type RevisionLook,
  type StageDecision,
  type StageOutcome,
} from './split-gate.js';
export { evaluateGate, type GateEvaluation } from './gate-evaluation.js';
export type { SplitGate, SplitTest, Verdict } from './verdict.js';
export { percentile, percentiles } from './percentile.js';
export { logGamma, logFactorial, regularizedGammaQ } from './special.js';
export { wilsonInterval, Z_95, type Interval } from './wilson.js';
export { mannWhitneyU, EXACT_BELOW, type MannWhitneyResult } from './mann-whitney.js';
export { fisherExact, type FisherExactResult, type TwoByTwo } from './fisher-exact.js';
export { medianRatioInterval } from './median-ratio-interval.js';
export { normalUpperTail, normalTwoSided } from './normal.js';
