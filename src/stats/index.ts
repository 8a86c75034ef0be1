/** Statistics for the probe's verdict. Pure functions, no I/O. */
export { binomialTestTwoSided } from './binomial.js';
export { chiSquareGoodnessOfFit, chiSquareSurvival, type ChiSquareResult } from './chi-square.js';
export {
  judgeSplit,
  formatP,
  DEFAULT_ALPHA,
  type SplitJudgement,
  type SplitTest,
} from './judge.js';
export { percentile, percentiles } from './percentile.js';
export { logGamma, logFactorial, regularizedGammaQ } from './special.js';
export { wilsonInterval, Z_95, type Interval } from './wilson.js';
export { mannWhitneyU, EXACT_BELOW, type MannWhitneyResult } from './mann-whitney.js';
export { fisherExact, type FisherExactResult, type TwoByTwo } from './fisher-exact.js';
export { medianRatioInterval } from './median-ratio-interval.js';
export { normalUpperTail, normalTwoSided } from './normal.js';
