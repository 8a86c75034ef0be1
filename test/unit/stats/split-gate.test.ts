import { describe, expect, it } from 'vitest';
import {
  batchSizes,
  countBounds,
  decideStage,
  deviationLevel,
  GATE_DEFAULTS,
  gateDesign,
  maxStages,
  misrouteLevel,
} from '../../../src/stats/split-gate.js';

const ALPHA = 1e-4 / (4 * 2); // default budget over 4 looks at 2 revisions
const BETA = 0.01 / (4 * 2 * 2); // default miss budget over 4 looks, 2 revisions, 2 directions

const twoRevisions = (n: number, count: number, share: number) => [
  { revision: 'pr', share, count },
  { revision: 'base', share: 1 - share, count: n - count },
];

describe('the gate design', () => {
  it('defaults: batches of 400 up to 1600, a 10-point tolerance, budgets 1e-4 and 1%', () => {
    expect(gateDesign()).toEqual(GATE_DEFAULTS);
    expect(GATE_DEFAULTS).toMatchObject({
      batchSize: 400,
      maxRequests: 1600,
      tolerancePoints: 10,
      falseFailureBudget: 1e-4,
      missBudget: 0.01,
    });
    expect(maxStages(GATE_DEFAULTS)).toBe(4);
    expect(batchSizes(GATE_DEFAULTS)).toEqual([400, 400, 400, 400]);
    expect(deviationLevel(GATE_DEFAULTS, 2)).toBeCloseTo(ALPHA, 15);
    expect(misrouteLevel(GATE_DEFAULTS, 2)).toBeCloseTo(BETA, 15);
    expect(deviationLevel(GATE_DEFAULTS, 3)).toBeCloseTo(1e-4 / 12, 15);
  });

  it('a cap that is no multiple of the batch ends with a smaller batch', () => {
    const design = gateDesign({ batchSize: 400, maxRequests: 1000 });
    expect(batchSizes(design)).toEqual([400, 400, 200]);
    expect(maxStages(design)).toBe(3);
    expect(batchSizes(gateDesign({ batchSize: 500, maxRequests: 500 }))).toEqual([500]);
  });

  it('refuses a cap below the batch, and tolerances or budgets out of range', () => {
    expect(() => gateDesign({ batchSize: 400, maxRequests: 300 })).toThrow(
      /request cap must be an integer of at least the batch size \(400\), got 300/,
    );
    expect(() => gateDesign({ batchSize: 0 })).toThrow(/batch size must be a positive integer/);
    expect(() => gateDesign({ tolerancePoints: 0 })).toThrow(/split tolerance/);
    expect(() => gateDesign({ tolerancePoints: 100 })).toThrow(/split tolerance/);
    expect(() => gateDesign({ falseFailureBudget: 0 })).toThrow(/false-failure budget/);
    expect(() => gateDesign({ missBudget: 1 })).toThrow(/miss budget/);
  });
});

describe('countBounds against SciPy 1.17.1 (binomtest, binom.cdf, binom.sf, binom.ppf)', () => {
  // band = the counts x with binomtest(x, n, share).pvalue >= ALPHA; the values either side:
  //   binomtest(155, 400, .5).pvalue = 7.90461e-06 < 1.25e-5 <= binomtest(156, 400, .5) = 1.26238e-05
  //   binomtest(46, 400, .2) = 8.13957e-06; binomtest(47, 400, .2) = 1.48075e-05;
  //   binomtest(116, 400, .2) = 1.92151e-05; binomtest(117, 400, .2) = 1.08143e-05
  //   binomtest(712, 1600, .5) = 1.19142e-05; binomtest(713, 1600, .5) = 1.49784e-05
  //   binomtest(3, 400, .05) = 4.88506e-06; binomtest(4, 400, .05) = 2.62714e-05;
  //   binomtest(41, 400, .05) = 1.63649e-05; binomtest(42, 400, .05) = 8.44707e-06
  // ruledOut.high = binom.ppf(BETA, n, share + .1) - 1, e.g. ppf(6.25e-4, 400, .6) = 208 and
  //   binom.cdf(207, 400, .6) = 0.000500104 < 6.25e-4 <= binom.cdf(208, 400, .6) = 0.000711429
  // ruledOut.low = the smallest x with binom.sf(x - 1, n, share - .1) < BETA:
  //   binom.sf(192, 400, .4) = 0.000500104; binom.sf(191, 400, .4) = 0.000711429
  it.each([
    [400, 0.5, { low: 156, high: 244 }, { low: 193, high: 207 }],
    [800, 0.5, { low: 338, high: 462 }, { low: 366, high: 434 }],
    [1600, 0.5, { low: 713, high: 887 }, { low: 705, high: 895 }],
    [400, 0.2, { low: 47, high: 116 }, { low: 62, high: 90 }],
    [800, 0.2, { low: 113, high: 211 }, { low: 110, high: 198 }],
    [400, 0.05, { low: 4, high: 41 }, { low: 0, high: 37 }],
    [1600, 0.05, { low: 45, high: 120 }, { low: 0, high: 194 }],
    [400, 0.95, { low: 359, high: 396 }, { low: 363, high: 400 }],
  ])('n = %i, share %f', (n, share, band, ruledOut) => {
    expect(countBounds(n, share, 0.1, ALPHA, BETA)).toEqual({ band, ruledOut });
  });

  it('no count rules a misroute out when n is too small to tell', () => {
    const { ruledOut } = countBounds(20, 0.5, 0.1, ALPHA, BETA);
    expect(ruledOut.low).toBeGreaterThan(ruledOut.high);
  });
});

describe('decideStage', () => {
  it('deviates outside the band, at any look', () => {
    // The old alpha-0.01 gate failed 15 of 50 at canary-50 (binomtest p = 0.0066); 155 of 400 is
    // outside the band (p = 7.9e-6 < 1.25e-5), 156 is not.
    const outcome = decideStage(twoRevisions(400, 155, 0.5), 1, GATE_DEFAULTS);
    expect(outcome.decision).toBe('deviates');
    expect(outcome.looks[0]).toMatchObject({ deviates: true, band: { low: 156, high: 244 } });
    expect(outcome.looks[0]!.pValue).toBeCloseTo(7.90461e-6, 10);
    // Both counts of a two-revision split fail together: one is n minus the other.
    expect(outcome.looks[1]!.deviates).toBe(true);
    expect(decideStage(twoRevisions(400, 156, 0.5), 1, GATE_DEFAULTS).decision).toBe('continue');
  });

  it('consistent as soon as a misroute of 10 points is ruled out both ways', () => {
    expect(decideStage(twoRevisions(400, 193, 0.5), 1, GATE_DEFAULTS)).toMatchObject({
      decision: 'consistent',
      misrouteRuledOut: true,
      n: 400,
      stage: 1,
      maxStages: 4,
    });
    expect(decideStage(twoRevisions(400, 207, 0.5), 1, GATE_DEFAULTS).decision).toBe('consistent');
    expect(decideStage(twoRevisions(400, 192, 0.5), 1, GATE_DEFAULTS).decision).toBe('continue');
    expect(decideStage(twoRevisions(400, 208, 0.5), 1, GATE_DEFAULTS).decision).toBe('continue');
  });

  it('only the direction that stays a share is tested: 5% can only be misrouted upwards', () => {
    expect(decideStage(twoRevisions(400, 4, 0.05), 1, GATE_DEFAULTS).decision).toBe('consistent');
    expect(decideStage(twoRevisions(400, 38, 0.05), 1, GATE_DEFAULTS).decision).toBe('continue');
  });

  it('at the last look, borderline is consistent (and says the misroute is not ruled out)', () => {
    // With every response attributed the defaults are never borderline at 1600 (the band lies
    // inside the ruled-out range); with half of them unattributed, n = 800 at the last look:
    // at 0.2 the band is 113..211 and a misroute is ruled out for 110..198 only.
    const borderline = decideStage(twoRevisions(800, 205, 0.2), 4, GATE_DEFAULTS);
    expect(borderline).toMatchObject({ decision: 'consistent', misrouteRuledOut: false });
    expect(decideStage(twoRevisions(800, 205, 0.2), 2, GATE_DEFAULTS).decision).toBe('continue');
    expect(decideStage(twoRevisions(800, 212, 0.2), 4, GATE_DEFAULTS).decision).toBe('deviates');
  });

  it('three revisions: each count against its own share, alpha split over three', () => {
    const outcome = decideStage(
      [
        { revision: 'a', share: 0.5, count: 600 },
        { revision: 'b', share: 0.3, count: 360 },
        { revision: 'c', share: 0.2, count: 240 },
      ],
      3,
      GATE_DEFAULTS,
    );
    expect(outcome.alpha).toBeCloseTo(1e-4 / 12, 15);
    expect(outcome.beta).toBeCloseTo(0.01 / 24, 15);
    expect(outcome.decision).toBe('consistent');
    const skewed = decideStage(
      [
        { revision: 'a', share: 0.5, count: 600 },
        { revision: 'b', share: 0.3, count: 480 },
        { revision: 'c', share: 0.2, count: 120 },
      ],
      3,
      GATE_DEFAULTS,
    );
    expect(skewed.decision).toBe('deviates');
    expect(skewed.looks.map((look) => look.deviates)).toEqual([false, true, true]);
  });

  it('refuses looks outside the design and single-revision splits', () => {
    expect(() => decideStage(twoRevisions(400, 200, 0.5), 5, GATE_DEFAULTS)).toThrow(
      /look 5 is outside 1..4/,
    );
    expect(() => decideStage([{ revision: 'a', share: 1, count: 3 }], 1, GATE_DEFAULTS)).toThrow(
      /two or more/,
    );
  });
});
