import { describe, expect, it } from 'vitest';
import { compareErrors } from '../../../src/compare/errors.js';
import { errorRegressionMessage, latencyGate } from '../../../src/compare/gates.js';

describe('latencyGate', () => {
  it('without a threshold the comparison is only reported', () => {
    expect(latencyGate(undefined, 'slower', 4)).toEqual({ outcome: 'report-only' });
  });

  it('fails a slower PR whose ratio exceeds 1 + threshold/100, and says why', () => {
    const gate = latencyGate(20, 'slower', 4);
    expect(gate).toMatchObject({ outcome: 'fail', limit: 1.2 });
    expect(gate.outcome === 'fail' && gate.message).toBe(
      "the PR's median latency is 4.00× the base's, more than the latency-threshold of 20% allows (1.20×)",
    );
  });

  it('passes at or below the limit, and whenever the verdict is not slower', () => {
    expect(latencyGate(20, 'slower', 1.2)).toEqual({ outcome: 'pass', limit: 1.2 });
    expect(latencyGate(20, 'slower', 1.15)).toEqual({ outcome: 'pass', limit: 1.2 });
    // Not significant: a large ratio alone never fails the run.
    expect(latencyGate(20, 'same', 3)).toEqual({ outcome: 'pass', limit: 1.2 });
    expect(latencyGate(0, 'faster', 0.5).outcome).toBe('pass');
    expect(latencyGate(0, 'unmeasurable', null).outcome).toBe('pass');
  });

  it('a threshold of 0 fails any slower verdict', () => {
    expect(latencyGate(0, 'slower', 1.06).outcome).toBe('fail');
  });

  it('rejects thresholds that are not percentages', () => {
    expect(() => latencyGate(-5, 'slower', 2)).toThrow(/latency-threshold/);
    expect(() => latencyGate(Number.NaN, 'slower', 2)).toThrow(/latency-threshold/);
  });
});

describe('errorRegressionMessage', () => {
  it('names the rates, the test and the most common error with a one-line sample', () => {
    const errors = compareErrors(
      { errors: 0, total: 600 },
      {
        errors: 180,
        total: 600,
        mostCommon: { kind: 'HTTP 500', count: 180, sample: 'Internal\nServer Error\u001b[31m' },
      },
    );
    expect(errorRegressionMessage(errors)).toBe(
      'the PR revision failed 180 of 600 (30.0%) requests, the base 0 of 600 (0.0%); one-sided ' +
        "Fisher's exact test p < 0.0001 < alpha 0.01. Most common: HTTP 500 (180×), " +
        'e.g. "Internal Server Error[31m"',
    );
  });

  it('truncates a long sample', () => {
    const errors = compareErrors(
      { errors: 0, total: 100 },
      {
        errors: 50,
        total: 100,
        mostCommon: { kind: 'HTTP 502', count: 50, sample: 'x'.repeat(5000) },
      },
    );
    expect(errorRegressionMessage(errors).length).toBeLessThan(400);
  });
});
