import { describe, expect, it } from 'vitest';
import { latencyGate } from '../../../src/compare/gates.js';

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
