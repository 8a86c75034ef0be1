import { describe, expect, it } from 'vitest';
import { chiSquareGoodnessOfFit, chiSquareSurvival } from '../../../src/stats/chi-square.js';
import { logFactorial, logGamma, regularizedGammaQ } from '../../../src/stats/special.js';

/** Survival of chi-square with even df = 2m in closed form: e^(-x/2) * sum_{i<m} (x/2)^i / i!. */
function evenDfSurvival(statistic: number, degreesOfFreedom: number): number {
  const half = statistic / 2;
  let term = 1;
  let sum = 1;
  for (let i = 1; i < degreesOfFreedom / 2; i++) {
    term *= half / i;
    sum += term;
  }
  return Math.exp(-half) * sum;
}

describe('logGamma', () => {
  it('matches known values', () => {
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(0.1)).toBeCloseTo(Math.log(9.513507698668732), 12);
    let logHundredFactorial = 0;
    for (let i = 2; i <= 100; i++) logHundredFactorial += Math.log(i);
    expect(logFactorial(100)).toBeCloseTo(logHundredFactorial, 9);
    expect(logFactorial(0)).toBe(0);
  });
});

describe('chi-square p-values', () => {
  it('df = 2, statistic 6: p = exp(-3) = 0.04979', () => {
    expect(chiSquareSurvival(6, 2)).toBeCloseTo(0.04979, 5);
    expect(chiSquareSurvival(6, 2)).toBeCloseTo(Math.exp(-3), 13);
  });

  it('matches the closed form for even df, in both numerical regions', () => {
    for (const [statistic, df] of [
      [0.5, 4],
      [3, 4],
      [12, 4],
      [9, 10],
      [25, 10],
      [50, 2],
      [150, 20],
    ] as const) {
      const expected = evenDfSurvival(statistic, df);
      expect(chiSquareSurvival(statistic, df) / expected, `${statistic} df ${df}`).toBeCloseTo(
        1,
        9,
      );
    }
  });

  it('gives 0.05 at the tabulated critical values for odd df', () => {
    expect(chiSquareSurvival(3.841459, 1)).toBeCloseTo(0.05, 6);
    expect(chiSquareSurvival(7.814728, 3)).toBeCloseTo(0.05, 6);
    expect(chiSquareSurvival(11.070498, 5)).toBeCloseTo(0.05, 6);
  });

  it('regularizedGammaQ has the right limits', () => {
    expect(regularizedGammaQ(3, 0)).toBe(1);
    expect(regularizedGammaQ(1, 2)).toBeCloseTo(Math.exp(-2), 13);
  });

  it('goodness of fit: 30/30/40 against equal thirds gives statistic 2, p = exp(-1)', () => {
    const result = chiSquareGoodnessOfFit([30, 30, 40], [1, 1, 1]);
    expect(result.statistic).toBeCloseTo(2, 12);
    expect(result.degreesOfFreedom).toBe(2);
    expect(result.pValue).toBeCloseTo(Math.exp(-1), 12);
  });

  it('normalises percents and rejects zero expectations', () => {
    const percents = chiSquareGoodnessOfFit([20, 30, 50], [20, 30, 50]);
    expect(percents.statistic).toBe(0);
    expect(percents.pValue).toBe(1);
    expect(() => chiSquareGoodnessOfFit([1, 2, 3], [50, 50, 0])).toThrow(RangeError);
  });
});
