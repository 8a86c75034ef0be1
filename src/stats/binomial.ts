import { logFactorial } from './special.js';

/**
 * R's binom.test counts a probability as "no more likely than the observed one" up to this
 * relative slack, so that ties lost to rounding still count.
 */
const RELATIVE_TOLERANCE = 1 + 1e-7;

/**
 * One binomial distribution, Binomial(n, p), with every point probability computed once, so
 * that the many tail probabilities and tests a sequential decision asks for cost a lookup
 * each instead of a pass over all outcomes.
 */
export interface BinomialDistribution {
  readonly trials: number;
  readonly p: number;
  /** P(X = k). Far tails underflow to 0, where they no longer matter to any test. */
  pmf(k: number): number;
  /** P(X <= k), R's pbinom(k, n, p). */
  lowerTail(k: number): number;
  /** P(X >= k), R's pbinom(k - 1, n, p, lower.tail = FALSE). */
  upperTail(k: number): number;
  /** Exact two-sided test of k successes: R's binom.test(k, n, p)$p.value. */
  twoSidedP(k: number): number;
}

export function binomialDistribution(trials: number, p: number): BinomialDistribution {
  if (!Number.isInteger(trials) || trials < 0)
    throw new RangeError(`trials must be a non-negative integer, got ${trials}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
  const n = trials;
  const pmf = pointProbabilities(n, p);
  // Tails are summed from their small end, so tiny tail probabilities keep their precision.
  const below = new Float64Array(n + 2); // below[k] = P(X < k)
  for (let k = 0; k <= n; k++) below[k + 1] = below[k]! + pmf[k]!;
  const above = new Float64Array(n + 2); // above[k] = P(X >= k)
  for (let k = n; k >= 0; k--) above[k] = above[k + 1]! + pmf[k]!;
  const mean = n * p;

  const checkCount = (k: number): void => {
    if (!Number.isInteger(k) || k < 0 || k > n) {
      throw new RangeError(`successes must be an integer in 0..${n}, got ${k}`);
    }
  };
  const lowerTail = (k: number): number => (k < 0 ? 0 : k >= n ? 1 : Math.min(1, below[k + 1]!));
  const upperTail = (k: number): number => (k <= 0 ? 1 : k > n ? 0 : Math.min(1, above[k]!));

  const twoSidedP = (k: number): number => {
    checkCount(k);
    if (p === 0) return k === 0 ? 1 : 0;
    if (p === 1) return k === n ? 1 : 0;
    if (k === mean) return 1;
    const threshold = pmf[k]! * RELATIVE_TOLERANCE;
    // The observed side's whole tail, plus the far side's outcomes that are no more likely.
    // Beyond the mean the point probabilities fall monotonically, so those form one tail.
    if (k < mean) {
      let first = Math.ceil(mean);
      let last = n + 1; // first index of the far tail: smallest j >= ceil(mean) with pmf <= threshold
      while (first < last) {
        const middle = (first + last) >>> 1;
        if (pmf[middle]! <= threshold) last = middle;
        else first = middle + 1;
      }
      return Math.min(1, below[k + 1]! + above[last]!);
    }
    let first = -1; // last index of the far tail: largest j <= floor(mean) with pmf <= threshold
    let last = Math.floor(mean);
    while (first < last) {
      const middle = (first + last + 1) >> 1;
      if (pmf[middle]! <= threshold) first = middle;
      else last = middle - 1;
    }
    return Math.min(1, above[k]! + below[first + 1]!);
  };

  return {
    trials: n,
    p,
    pmf: (k) => (Number.isInteger(k) && k >= 0 && k <= n ? pmf[k]! : 0),
    lowerTail,
    upperTail,
    twoSidedP,
  };
}

/**
 * P(X = k) for k = 0..n: the mode's probability in log space (no overflow for large n), the
 * rest by the ratio P(k+1)/P(k) = (n-k)/(k+1) * p/q walking outwards, which is both faster
 * and at least as accurate as a log-gamma per outcome.
 */
function pointProbabilities(n: number, p: number): Float64Array {
  const pmf = new Float64Array(n + 1);
  if (p === 0 || p === 1) {
    pmf[p === 0 ? 0 : n] = 1;
    return pmf;
  }
  const q = 1 - p;
  const mode = Math.min(n, Math.floor((n + 1) * p));
  pmf[mode] = Math.exp(
    logFactorial(n) -
      logFactorial(mode) -
      logFactorial(n - mode) +
      mode * Math.log(p) +
      (n - mode) * Math.log1p(-p),
  );
  const odds = p / q;
  for (let k = mode; k < n; k++) pmf[k + 1] = (pmf[k]! * (n - k) * odds) / (k + 1);
  for (let k = mode; k > 0; k--) pmf[k - 1] = (pmf[k]! * k) / ((n - k + 1) * odds);
  return pmf;
}

/**
 * Exact two-sided binomial test of `successes` out of `trials` against probability `p`:
 * the total probability of every outcome no more likely than the observed one (the
 * definition R's binom.test uses).
 */
export function binomialTestTwoSided(successes: number, trials: number, p: number): number {
  if (!Number.isInteger(trials) || trials < 0)
    throw new RangeError(`trials must be a non-negative integer, got ${trials}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > trials) {
    throw new RangeError(`successes must be an integer in 0..${trials}, got ${successes}`);
  }
  return binomialDistribution(trials, p).twoSidedP(successes);
}
