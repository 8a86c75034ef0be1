import { regularizedGammaQ } from './special.js';

export interface ChiSquareResult {
  statistic: number;
  degreesOfFreedom: number;
  pValue: number;
}

/** Upper tail P(X >= statistic) of a chi-square distribution with df >= 1 degrees of freedom. */
export function chiSquareSurvival(statistic: number, degreesOfFreedom: number): number {
  if (!(degreesOfFreedom >= 1))
    throw new RangeError(`degrees of freedom must be >= 1, got ${degreesOfFreedom}`);
  if (statistic <= 0) return 1;
  return regularizedGammaQ(degreesOfFreedom / 2, statistic / 2);
}

/**
 * Pearson's chi-square goodness-of-fit test of observed counts against expected
 * proportions (normalised, so percents work as well). Every expected proportion must be
 * positive: a category expected never to occur is a zero-tolerance question, not this test's.
 */
export function chiSquareGoodnessOfFit(
  observed: number[],
  expectedProportions: number[],
): ChiSquareResult {
  if (observed.length !== expectedProportions.length) {
    throw new RangeError('observed and expected must have the same number of categories');
  }
  if (observed.length < 2)
    throw new RangeError('a goodness-of-fit test needs at least 2 categories');
  const weightSum = expectedProportions.reduce((sum, weight) => sum + weight, 0);
  if (expectedProportions.some((weight) => !(weight > 0))) {
    throw new RangeError('every expected proportion must be positive');
  }
  const total = observed.reduce((sum, count) => sum + count, 0);
  let statistic = 0;
  observed.forEach((count, index) => {
    const expected = (total * expectedProportions[index]!) / weightSum;
    statistic += ((count - expected) * (count - expected)) / expected;
  });
  const degreesOfFreedom = observed.length - 1;
  const pValue = total === 0 ? 1 : chiSquareSurvival(statistic, degreesOfFreedom);
  return { statistic, degreesOfFreedom, pValue };
}
