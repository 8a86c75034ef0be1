import { describe, expect, it } from 'vitest';
import { evaluateGate } from '../../../src/stats/gate-evaluation.js';
import {
  decideStage,
  GATE_DEFAULTS,
  gateDesign,
  uncoveredShares,
} from '../../../src/stats/split-gate.js';

/** C(n, k) p^k (1-p)^(n-k) by plain products: independent of the library's recurrence. */
function pmf(k: number, n: number, p: number): number {
  let choose = 1;
  for (let i = 1; i <= k; i++) choose = (choose * (n - k + i)) / i;
  return choose * p ** k * (1 - p) ** (n - k);
}

describe('evaluateGate (exact dynamic programming)', () => {
  it('matches brute-force enumeration of every batch outcome on a small design', () => {
    // Loose budgets and a wide tolerance, so that all three decisions occur at every look.
    const design = gateDesign({
      batchSize: 20,
      maxRequests: 60,
      tolerancePoints: 25,
      falseFailureBudget: 0.2,
      missBudget: 0.3,
    });
    for (const [configured, truth] of [
      [0.5, 0.5],
      [0.3, 0.45],
      [0.2, 0.1],
    ] as const) {
      let deviates = 0;
      let consistent = 0;
      let requests = 0;
      const walk = (look: number, count: number, probability: number): void => {
        requests += probability * 20;
        for (let k = 0; k <= 20; k++) {
          const mass = probability * pmf(k, 20, truth);
          const x = count + k;
          const n = 20 * look;
          const { decision } = decideStage(
            [
              { revision: 'first', share: configured, count: x },
              { revision: 'second', share: 1 - configured, count: n - x },
            ],
            look,
            design,
          );
          if (decision === 'deviates') deviates += mass;
          else if (decision === 'consistent') consistent += mass;
          else walk(look + 1, x, mass);
        }
      };
      walk(1, 0, 1);
      const exact = evaluateGate(design, configured, truth);
      expect(exact.deviates).toBeCloseTo(deviates, 12);
      expect(exact.consistent).toBeCloseTo(consistent, 12);
      expect(exact.expectedRequests).toBeCloseTo(requests, 9);
      expect(exact.deviates + exact.consistent).toBeCloseTo(1, 12);
      expect(exact.stopAt.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 12);
      // Every look is reached with some probability, so all three decisions were exercised.
      expect(exact.stopAt.every((p) => p > 0)).toBe(true);
    }
  });

  it('a single look reproduces the fixed-sample rate from SciPy', () => {
    // One batch of 400 at 50%: alpha = 1e-4 / 2, band 160..240. SciPy 1.17.1:
    // binom.cdf(159, 400, .5) + binom.sf(240, 400, .5) = 4.84061e-05.
    const design = gateDesign({ batchSize: 400, maxRequests: 400 });
    const exact = evaluateGate(design, 0.5, 0.5);
    expect(exact.deviates / 4.84061e-5).toBeCloseTo(1, 5);
    expect(exact.expectedRequests).toBe(400);
  });

  it('reproduces an independent evaluation (SciPy binomtest and binom.cdf, numpy convolution)', () => {
    // The same rule, evaluated in Python with SciPy 1.17.1 (binomtest for the band,
    // binom.cdf/binom.sf for the misroute tests, numpy.convolve for the batches):
    //   configured  false failure   mean requests   detects +10     detects -10
    //   5%          9.9209e-06      400.05          0.999565        -
    //   20%         2.4483e-05      442.11          0.998966        0.999521
    //   50%         3.0138e-05      586.95          0.998587        0.998587
    const check = (
      percent: number,
      falseFailure: number,
      meanRequests: number,
      up?: number,
      down?: number,
    ): void => {
      const share = percent / 100;
      const correct = evaluateGate(GATE_DEFAULTS, share, share);
      expect(correct.deviates / falseFailure).toBeCloseTo(1, 3);
      expect(correct.expectedRequests).toBeCloseTo(meanRequests, 1);
      if (up !== undefined)
        expect(evaluateGate(GATE_DEFAULTS, share, share + 0.1).deviates).toBeCloseTo(up, 6);
      if (down !== undefined)
        expect(evaluateGate(GATE_DEFAULTS, share, share - 0.1).deviates).toBeCloseTo(down, 6);
    };
    check(5, 9.9209e-6, 400.05, 0.999565);
    check(20, 2.4483e-5, 442.11, 0.998966, 0.999521);
    check(50, 3.0138e-5, 586.95, 0.998587, 0.998587);
  });

  it('a correct split fails at most 1 in 10,000 runs, for every configured split 1..99%', () => {
    let worst = 0;
    for (let percent = 1; percent <= 99; percent++) {
      const share = percent / 100;
      const { deviates } = evaluateGate(GATE_DEFAULTS, share, share);
      expect(deviates, `${percent}%`).toBeLessThanOrEqual(1e-4);
      worst = Math.max(worst, deviates);
    }
    // The union bound over looks is loose: the exact worst case is well inside the budget.
    expect(worst).toBeGreaterThan(1e-5);
    expect(worst).toBeLessThan(5e-5);
  });

  it('a misroute of 10 points is caught with probability at least 99% (both ways)', () => {
    for (const percent of [1, 5, 10, 20, 30, 50, 70, 80, 90, 95, 99]) {
      const share = percent / 100;
      for (const truth of [share + 0.1, share - 0.1]) {
        if (!(truth > 0 && truth < 1)) continue;
        const { deviates } = evaluateGate(GATE_DEFAULTS, share, truth);
        expect(
          deviates,
          `${percent}% routed as ${Math.round(truth * 100)}%`,
        ).toBeGreaterThanOrEqual(0.99);
      }
    }
  });

  it('an ingress that ignores the weights (50/50) is caught at canary-20 in the first batch', () => {
    const exact = evaluateGate(GATE_DEFAULTS, 0.2, 0.5);
    expect(exact.deviates).toBeGreaterThan(1 - 1e-12);
    expect(exact.stopAt[0]).toBeGreaterThan(1 - 1e-12);
  });

  it('with the defaults the cap leaves no borderline counts, for two to four revisions', () => {
    // So every consistent verdict rests on rejected misroute tests, and a 10-point misroute of
    // any revision ends consistent with probability at most 4 looks * beta = 1% / (2 * revisions):
    // the power bound holds for three and four revisions too, without an exact evaluation.
    for (const revisions of [2, 3, 4])
      expect(uncoveredShares(GATE_DEFAULTS, revisions)).toEqual([]);
    // A 5-point tolerance needs more requests than the default cap to keep that promise.
    expect(uncoveredShares(gateDesign({ tolerancePoints: 5 }), 2)).toContain(50);
  });
});
