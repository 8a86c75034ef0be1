import { describe, expect, it } from 'vitest';
import { binomialTestTwoSided } from '../../../src/stats/binomial.js';
import { judgeSplit } from '../../../src/stats/judge.js';

describe('judgeSplit', () => {
  it('two revisions sharing traffic: exact binomial test', () => {
    const result = judgeSplit({ 'svc-base': 60, 'svc-pr': 40 }, { 'svc-base': 50, 'svc-pr': 50 });
    expect(result.test).toBe('binomial');
    expect(result.pValue).toBeCloseTo(0.05689, 5);
    expect(result.verdict).toBe('consistent');
    expect(result.reason).toContain('p = 0.057');
  });

  it('a clear deviation at alpha 0.01', () => {
    const result = judgeSplit({ base: 500, pr: 500 }, { base: 80, pr: 20 });
    expect(result.verdict).toBe('deviates');
    expect(result.test).toBe('binomial');
    expect(result.pValue).toBeLessThan(1e-10);
    expect(result.reason).toContain(
      'pr answered 50% of 1000 attributed responses (configured 20%)',
    );
  });

  it('uses the configured proportion of the smaller side', () => {
    const result = judgeSplit({ base: 13, pr: 7 }, { base: 80, pr: 20 });
    expect(result.pValue).toBeCloseTo(binomialTestTwoSided(7, 20, 0.2), 14);
    expect(result.verdict).toBe('consistent');
  });

  it('alpha is respected', () => {
    const observed = { base: 60, pr: 40 };
    expect(judgeSplit(observed, { base: 50, pr: 50 }, 0.1).verdict).toBe('deviates');
  });

  it('three or more revisions: chi-square', () => {
    const result = judgeSplit({ a: 30, b: 30, c: 40 }, { a: 34, b: 33, c: 33 });
    expect(result.test).toBe('chi-square');
    expect(result.verdict).toBe('consistent');
    const skewed = judgeSplit({ a: 100, b: 100, c: 400 }, { a: 34, b: 33, c: 33 });
    expect(skewed.verdict).toBe('deviates');
    expect(skewed.reason).toContain('chi-square');
  });

  it('a single response from a 0% revision fails the run (zero tolerance)', () => {
    const result = judgeSplit({ base: 999, pr: 1 }, { base: 100, pr: 0 });
    expect(result).toMatchObject({ verdict: 'deviates', test: 'exact-split' });
    expect(result.pValue).toBeUndefined();
    expect(result.reason).toBe(
      'revision pr is configured for 0% but answered 1 of 1000 attributed responses',
    );
  });

  it('a revision that is not in the split at all counts like 0%', () => {
    const result = judgeSplit({ pr: 10, stale: 2 }, { pr: 100 });
    expect(result).toMatchObject({ verdict: 'deviates', test: 'exact-split' });
    expect(result.reason).toContain('stale is not in the split');
  });

  it('100% to one revision and only it answered: consistent', () => {
    const result = judgeSplit({ base: 0, pr: 200 }, { base: 0, pr: 100 });
    expect(result).toMatchObject({ verdict: 'consistent', test: 'exact-split' });
  });

  it('nothing attributed: unmeasurable', () => {
    expect(judgeSplit({ base: 0, pr: 0 }, { base: 50, pr: 50 })).toMatchObject({
      verdict: 'unmeasurable',
      test: 'none',
    });
    expect(judgeSplit({}, { pr: 100 }).verdict).toBe('unmeasurable');
  });
});
