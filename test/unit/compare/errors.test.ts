import { describe, expect, it } from 'vitest';
import { addErrorCounts, compareErrors } from '../../../src/compare/errors.js';

describe('compareErrors', () => {
  it('a PR failing 30% of requests against a clean base is a regression', () => {
    const result = compareErrors({ errors: 0, total: 600 }, { errors: 180, total: 600 });
    expect(result.regression).toBe(true);
    expect(result.pHigher).toBeLessThan(1e-40);
    expect(result.p).toBeLessThan(1e-40);
  });

  // R: fisher.test(matrix(c(5, 1, 0, 4), 2, byrow = TRUE)): two-sided 0.04761904761904761,
  // alternative = "greater" 0.0238095238095238 (SciPy's fisher_exact_results_from_r.py).
  // Rows are PR then base, columns failed then succeeded.
  it('orients the table so that "greater" means the PR fails more (R reference)', () => {
    const result = compareErrors({ errors: 0, total: 4 }, { errors: 5, total: 6 }, { alpha: 0.05 });
    expect(result.p).toBeCloseTo(0.04761904761904761, 14);
    expect(result.pHigher).toBeCloseTo(0.0238095238095238, 14);
    expect(result.regression).toBe(true);
    // The mirror image: the base fails more, which is no regression of the PR.
    const mirrored = compareErrors(
      { errors: 5, total: 6 },
      { errors: 0, total: 4 },
      { alpha: 0.05 },
    );
    expect(mirrored.p).toBeCloseTo(0.04761904761904761, 14);
    expect(mirrored.pHigher).toBe(1);
    expect(mirrored.regression).toBe(false);
  });

  it('a single stray error is not a regression, and neither is a tie', () => {
    expect(compareErrors({ errors: 0, total: 200 }, { errors: 1, total: 200 }).regression).toBe(
      false,
    );
    expect(compareErrors({ errors: 3, total: 200 }, { errors: 3, total: 200 })).toMatchObject({
      p: 1,
      regression: false,
    });
  });

  it('uses alpha 0.01 by default and says so', () => {
    // R: fisher.test(matrix(c(2, 7, 8, 2), 2, byrow = TRUE), alternative = "less")$p.value
    // = 0.0185217259520665 (SciPy's fisher_exact_results_from_r.py). The base (2 of 9 failing)
    // is the first row there, so "less" asks whether the PR (8 of 10 failing) fails more.
    const result = compareErrors({ errors: 2, total: 9 }, { errors: 8, total: 10 });
    expect(result.alpha).toBe(0.01);
    expect(result.pHigher).toBeCloseTo(0.0185217259520665, 14);
    expect(result.regression).toBe(false);
    expect(
      compareErrors({ errors: 2, total: 9 }, { errors: 8, total: 10 }, { alpha: 0.05 }).regression,
    ).toBe(true);
  });

  it('nothing sent to a side: nothing to compare', () => {
    expect(compareErrors({ errors: 0, total: 0 }, { errors: 3, total: 10 })).toMatchObject({
      p: 1,
      pHigher: 1,
      regression: false,
    });
  });

  it('keeps the counts and the most common error in the result', () => {
    const pr = { errors: 4, total: 10, mostCommon: { kind: 'HTTP 500', count: 4, sample: 'boom' } };
    const result = compareErrors({ errors: 0, total: 10 }, pr);
    expect(result.pr).toEqual(pr);
    expect(Object.keys(result).sort()).toEqual([
      'alpha',
      'base',
      'p',
      'pHigher',
      'pr',
      'regression',
    ]);
  });

  it('rejects impossible counts', () => {
    expect(() => compareErrors({ errors: 3, total: 2 }, { errors: 0, total: 1 })).toThrow(
      /base errors/,
    );
    expect(() => compareErrors({ errors: 0, total: 1 }, { errors: 0, total: -1 })).toThrow(
      /pr total/,
    );
  });
});

describe('addErrorCounts', () => {
  it('adds counts and merges the examples of one kind', () => {
    const sum = addErrorCounts(
      { errors: 2, total: 50, mostCommon: { kind: 'HTTP 500', count: 2, sample: 'a' } },
      { errors: 5, total: 200, mostCommon: { kind: 'HTTP 500', count: 4 } },
    );
    expect(sum).toEqual({
      errors: 7,
      total: 250,
      mostCommon: { kind: 'HTTP 500', count: 6, sample: 'a' },
    });
  });

  it('keeps the more frequent example of two kinds', () => {
    const sum = addErrorCounts(
      { errors: 2, total: 50, mostCommon: { kind: 'HTTP 500', count: 2 } },
      { errors: 5, total: 200, mostCommon: { kind: 'ECONNRESET', count: 5 } },
    );
    expect(sum.mostCommon).toEqual({ kind: 'ECONNRESET', count: 5 });
    expect(addErrorCounts({ errors: 0, total: 5 }, { errors: 0, total: 5 })).toEqual({
      errors: 0,
      total: 10,
    });
  });
});
