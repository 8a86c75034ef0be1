import type { Verdict } from '../report/model.js';
import { binomialTestTwoSided } from './binomial.js';
import { chiSquareGoodnessOfFit } from './chi-square.js';

export type SplitTest = 'binomial' | 'chi-square' | 'exact-split' | 'none';

export interface SplitJudgement {
  verdict: Verdict;
  test: SplitTest;
  /** Present when a statistical test decided. */
  pValue?: number;
  /** One sentence: why this verdict. */
  reason: string;
}

export const DEFAULT_ALPHA = 0.01;

/**
 * Is what answered consistent with the configured split?
 *
 * - nothing attributed: unmeasurable;
 * - a revision configured at 0% (or not configured at all) answered: deviates, since a
 *   single wrong answer is proof (zero tolerance, test `exact-split`);
 * - one revision carries all the traffic and nothing else answered: consistent (`exact-split`);
 * - two revisions share the traffic: exact two-sided binomial test;
 * - three or more: chi-square goodness of fit.
 * A p-value below `alpha` is a deviation. Configured percents are normalised by their sum.
 */
export function judgeSplit(
  observed: Record<string, number>,
  expectedPercent: Record<string, number>,
  alpha: number = DEFAULT_ALPHA,
): SplitJudgement {
  const total = Object.values(observed).reduce((sum, count) => sum + count, 0);
  if (total === 0) {
    return {
      verdict: 'unmeasurable',
      test: 'none',
      reason: 'no response could be attributed to a revision, so the split cannot be judged',
    };
  }

  const unexpected = Object.entries(observed).filter(
    ([revision, count]) => count > 0 && !((expectedPercent[revision] ?? 0) > 0),
  );
  if (unexpected.length > 0) {
    const [revision, count] = unexpected.sort((a, b) => b[1] - a[1])[0]!;
    const configured =
      expectedPercent[revision] === undefined ? 'not in the split' : 'configured for 0%';
    return {
      verdict: 'deviates',
      test: 'exact-split',
      reason: `revision ${revision} is ${configured} but answered ${count} of ${total} attributed responses`,
    };
  }

  const active = Object.entries(expectedPercent)
    .filter(([, percent]) => percent > 0)
    .sort(([a], [b]) => a.localeCompare(b));
  const weightSum = active.reduce((sum, [, percent]) => sum + percent, 0);
  if (active.length === 0)
    throw new RangeError('the configured split gives no revision any traffic');

  if (active.length === 1) {
    const [revision] = active[0]!;
    return {
      verdict: 'consistent',
      test: 'exact-split',
      reason: `all ${total} attributed responses came from ${revision}, which is configured for 100%`,
    };
  }

  if (active.length === 2) {
    // Describe the smaller share: for a canary that is the PR revision, the one people watch.
    const [revision, percent] = [...active].sort((a, b) => a[1] - b[1])[0]!;
    const count = observed[revision] ?? 0;
    const pValue = binomialTestTwoSided(count, total, percent / weightSum);
    const verdict: Verdict = pValue < alpha ? 'deviates' : 'consistent';
    return {
      verdict,
      test: 'binomial',
      pValue,
      reason:
        `${revision} answered ${formatPercent((100 * count) / total)} of ${total} attributed responses ` +
        `(configured ${formatPercent((100 * percent) / weightSum)}); exact binomial test ` +
        `${formatP(pValue)} ${verdict === 'deviates' ? '<' : '>='} alpha ${alpha}`,
    };
  }

  const counts = active.map(([revision]) => observed[revision] ?? 0);
  const { statistic, degreesOfFreedom, pValue } = chiSquareGoodnessOfFit(
    counts,
    active.map(([, percent]) => percent),
  );
  const verdict: Verdict = pValue < alpha ? 'deviates' : 'consistent';
  const shares = active
    .map(([revision, percent], index) => {
      const share = formatPercent((100 * counts[index]!) / total);
      return `${revision} ${share} (configured ${formatPercent((100 * percent) / weightSum)})`;
    })
    .join(', ');
  return {
    verdict,
    test: 'chi-square',
    pValue,
    reason:
      `over ${total} attributed responses: ${shares}; chi-square ${statistic.toFixed(2)} ` +
      `with ${degreesOfFreedom} df, ${formatP(pValue)} ${verdict === 'deviates' ? '<' : '>='} alpha ${alpha}`,
  };
}

function formatPercent(percent: number): string {
  return `${Number(percent.toFixed(1))}%`;
}

/** Two significant digits; tiny values as a bound, so the sentence never shows 0. */
export function formatP(pValue: number): string {
  return pValue < 1e-4 ? 'p < 0.0001' : `p = ${Number(pValue.toPrecision(2))}`;
}
