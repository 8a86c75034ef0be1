import { describe, expect, it } from 'vitest';
import { coldStartReasonText, summarizeColdStarts } from '../../../src/compare/cold-start.js';

describe('summarizeColdStarts', () => {
  it('keeps the samples in order and takes the nearest-rank median', () => {
    expect(summarizeColdStarts([1200, 900, 1500])).toEqual({
      samplesMs: [1200, 900, 1500],
      medianMs: 1200,
    });
    // Even counts: rank ceil(n/2), an observed value like every percentile in the report.
    expect(summarizeColdStarts([400, 100, 300, 200]).medianMs).toBe(200);
  });

  it('reports samples to 0.1 ms', () => {
    expect(summarizeColdStarts([1200.04, 899.96])).toEqual({
      samplesMs: [1200, 900],
      medianMs: 900,
    });
  });

  it('rejects no samples and impossible ones', () => {
    expect(() => summarizeColdStarts([])).toThrow(/at least one/);
    expect(() => summarizeColdStarts([10, -1])).toThrow(/finite/);
  });
});

describe('coldStartReasonText', () => {
  it('says why a side was not measured', () => {
    expect(coldStartReasonText({ reason: 'min-scale', minScale: 1 })).toBe(
      'min-scale is 1, so the revision never scales to zero',
    );
    expect(coldStartReasonText({ reason: 'scale-to-zero-disabled' })).toMatch(
      /enable-scale-to-zero/,
    );
    expect(coldStartReasonText({ reason: 'timed-out', waitedMs: 90_000, pods: 2 })).toBe(
      'the revision did not scale to zero within 90 s; 2 pods were still running',
    );
    expect(coldStartReasonText({ reason: 'timed-out', waitedMs: 30_400 })).toBe(
      'the revision did not scale to zero within 30 s',
    );
    expect(coldStartReasonText({ reason: 'failed', error: 'ECONNRESET' })).toBe(
      'the cold request failed: ECONNRESET',
    );
  });
});
