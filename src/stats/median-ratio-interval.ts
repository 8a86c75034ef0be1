import { logFactorial } from './special.js';
import type { Interval } from './wilson.js';

/**
 * Confidence interval for median(pr) / median(base): the percentile bootstrap, with the
 * bootstrap distribution computed exactly instead of by resampling.
 *
 * Why a bootstrap and not the exact distribution-free interval (Hodges–Lehmann/Moses on the
 * log-latencies): that one is exact only if the PR's latencies are the base's scaled by a
 * constant, and it then estimates the median of all pairwise ratios. A PR that adds a fixed
 * cost or a slow tail breaks that model, and the interval would describe a number other than
 * the ratio of medians the report shows. The bootstrap assumes no such model and targets that
 * very ratio; its price is approximate coverage, which is good at the hundreds of samples the
 * comparison takes (the unit tests measure it).
 *
 * Why exact: a resample's median is the j-th smallest original value with a probability that
 * follows from the binomial distribution, so the distribution of each side's bootstrap median,
 * and of their ratio (the sides are resampled independently), can be written down. That is
 * the bootstrap with infinitely many resamples: no seed, no Monte Carlo error, the same
 * latencies always give the same interval, and it costs milliseconds.
 *
 * Medians are nearest-rank (rank ceil(n/2), an observed value), like every percentile in the
 * report; the interval's endpoints are nearest-rank quantiles of the ratio's distribution.
 */
export function medianRatioInterval(
  base: readonly number[],
  pr: readonly number[],
  level = 0.95,
): Interval {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  if (base.length === 0 || pr.length === 0) {
    throw new RangeError('a median ratio needs latencies on both sides');
  }
  for (const value of [...base, ...pr]) {
    if (!(Number.isFinite(value) && value > 0)) {
      throw new RangeError(`latencies must be finite and positive, got ${value}`);
    }
  }
  const ratio = ratioDistribution(
    bootstrapMedianDistribution(base),
    bootstrapMedianDistribution(pr),
  );
  const tail = (1 - level) / 2;
  return { low: ratio.quantile(tail), high: ratio.quantile(1 - tail) };
}

/** A value and its probability. */
export interface Atom {
  value: number;
  mass: number;
}

/**
 * Atoms whose mass is below this are left out: at most n of them, so together they weigh
 * less than n × 1e-15, far below the tails an interval looks at.
 */
const NEGLIGIBLE_MASS = 1e-15;

/**
 * The exact distribution of the nearest-rank median of a resample (n draws with replacement):
 * with the values sorted, the median is at most the j-th smallest exactly when at least
 * k = ceil(n/2) draws land among the first j, so P(median* <= v_(j)) = P(Binomial(n, j/n) >= k).
 * Ascending by value; equal values are separate atoms.
 */
export function bootstrapMedianDistribution(values: readonly number[]): Atom[] {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const k = Math.ceil(n / 2);
  const atoms: Atom[] = [];
  let below = 0;
  for (let j = 1; j <= n; j++) {
    const atOrBelow = j === n ? 1 : binomialUpperTail(n, j / n, k);
    const mass = atOrBelow - below;
    below = atOrBelow;
    if (mass >= NEGLIGIBLE_MASS) atoms.push({ value: sorted[j - 1]!, mass });
  }
  return atoms;
}

/**
 * P(Binomial(n, p) >= k) for 0 < p < 1, 1 <= k <= n. It sums whichever side of k the terms
 * fall away from (the mode lies on the other side), so every sum starts at its largest term
 * and stops once the rest cannot matter.
 */
function binomialUpperTail(n: number, p: number, k: number): number {
  const logOdds = Math.log(p) - Math.log1p(-p);
  const logPmf = (i: number): number =>
    logFactorial(n) -
    logFactorial(i) -
    logFactorial(n - i) +
    i * Math.log(p) +
    (n - i) * Math.log1p(-p);
  if (n * p < k) {
    // Mode at or below k: terms decrease from i = k upward.
    return Math.exp(logPmf(k)) * decreasingSum(k, n, (i) => Math.log((n - i) / (i + 1)) + logOdds);
  }
  // Mode at or above k - 1: terms decrease from i = k - 1 downward; take the complement.
  const lower =
    Math.exp(logPmf(k - 1)) * decreasingSum(k - 1, 0, (i) => Math.log(i / (n - i + 1)) - logOdds);
  return Math.max(0, 1 - lower);
}

/**
 * Σ t_i / t_start for i from `start` toward `end`, where ln(t_next / t_i) = step(i) <= 0.
 * Stops when a term no longer changes the sum.
 */
function decreasingSum(start: number, end: number, step: (i: number) => number): number {
  const direction = end >= start ? 1 : -1;
  let term = 1;
  let sum = 1;
  for (let i = start; i !== end; i += direction) {
    term *= Math.exp(step(i));
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}

/**
 * The distribution of pr / base for independent pr and base, through its CDF:
 * P(ratio <= r) = Σ over base atoms b of mass(b) × P(pr <= r × b). Quantiles are found by
 * bisection on r, which costs (base atoms) × log(pr atoms) per step instead of sorting every
 * pair of atoms.
 */
function ratioDistribution(
  base: readonly Atom[],
  pr: readonly Atom[],
): { quantile(q: number): number } {
  const prValues = pr.map((atom) => atom.value);
  const prCumulative: number[] = [];
  let running = 0;
  for (const atom of pr) prCumulative.push((running += atom.mass));
  const prAtOrBelow = (x: number): number => {
    // Last index with value <= x, by binary search.
    let low = 0;
    let high = prValues.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (prValues[mid]! <= x) low = mid + 1;
      else high = mid;
    }
    return low === 0 ? 0 : prCumulative[low - 1]!;
  };
  const cdf = (r: number): number =>
    base.reduce((sum, atom) => sum + atom.mass * prAtOrBelow(r * atom.value), 0);
  const largest = prValues[prValues.length - 1]! / base[0]!.value;

  return {
    /** Smallest r with P(ratio <= r) >= q, to 1e-12 relative. */
    quantile(q: number): number {
      // The slack absorbs rounding in the sums, so an exact boundary is not missed.
      const target = q - 1e-12;
      let below = 0; // cdf(below) < target: every ratio is positive
      let atOrAbove = largest; // cdf(largest) = total mass >= target
      while (atOrAbove - below > 1e-12 * atOrAbove) {
        const mid = (below + atOrAbove) / 2;
        if (cdf(mid) >= target) atOrAbove = mid;
        else below = mid;
      }
      return atOrAbove;
    },
  };
}
