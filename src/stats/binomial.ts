import { logFactorial } from './special.js';

/**
 * R's binom.test counts a probability as "no more likely than the observed one" up to this
 * relative slack, so that ties lost to rounding still count.
 */
const RELATIVE_TOLERANCE = 1 + 1e-7;

/** ln P(X = k) for X ~ Binomial(n, p), 0 < p < 1. */
function logBinomialPmf(
  k: number,
  n: number,
  logP: number,
  logQ: number,
  logFactN: number,
): number {
  return logFactN - logFactorial(k) - logFactorial(n - k) + k * logP + (n - k) * logQ;
}

/**
 * Exact two-sided binomial test of `successes` out of `trials` against probability `p`:
 * the total probability of every outcome no more likely than the observed one (the
 * definition R's binom.test uses). Probabilities are computed in log space, so trials in
 * the hundreds of thousands neither overflow nor underflow to nonsense.
 */
export function binomialTestTwoSided(successes: number, trials: number, p: number): number {
  if (!Number.isInteger(trials) || trials < 0)
    throw new RangeError(`trials must be a non-negative integer, got ${trials}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > trials) {
    throw new RangeError(`successes must be an integer in 0..${trials}, got ${successes}`);
  }
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
  if (p === 0) return successes === 0 ? 1 : 0;
  if (p === 1) return successes === trials ? 1 : 0;
  const mean = trials * p;
  if (successes === mean) return 1;

  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  const logFactN = logFactorial(trials);
  const logPmf = (k: number): number => logBinomialPmf(k, trials, logP, logQ, logFactN);
  const threshold = logPmf(successes) + Math.log(RELATIVE_TOLERANCE);

  // The observed side's whole tail, plus the outcomes on the far side that are no more likely.
  let pValue = 0;
  if (successes < mean) {
    for (let k = 0; k <= successes; k++) pValue += Math.exp(logPmf(k));
    for (let k = Math.ceil(mean); k <= trials; k++) {
      const lp = logPmf(k);
      if (lp <= threshold) pValue += Math.exp(lp);
    }
  } else {
    for (let k = successes; k <= trials; k++) pValue += Math.exp(logPmf(k));
    for (let k = 0; k <= Math.floor(mean); k++) {
      const lp = logPmf(k);
      if (lp <= threshold) pValue += Math.exp(lp);
    }
  }
  return Math.min(1, pValue);
}
