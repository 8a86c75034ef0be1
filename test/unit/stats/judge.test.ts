import { describe, expect, it } from 'vitest';
import { formatLevel, formatP, judgeSplit } from '../../../src/stats/judge.js';
import { batchSizes, gateDesign } from '../../../src/stats/split-gate.js';
import { mulberry32 } from '../../helpers/prng.js';

// Reference values: SciPy 1.17.1, scipy.stats.binomtest(x, n, p).pvalue and binom.cdf/binom.sf;
// the bands they imply are derived in split-gate.test.ts.
describe('judgeSplit: two revisions, the sequential gate', () => {
  it('the canary-50 run the old alpha-0.01 test failed: borderline, another batch', () => {
    // 15 of 50 answered by one side: binomtest(15, 50, 0.5).pvalue = 0.00660045 < 0.01, which
    // failed the old gate; the new gate's threshold is 1e-4 / 8 = 1.25e-5 per look.
    const result = judgeSplit({ base: 35, pr: 15 }, { base: 50, pr: 50 }, { stage: 1 });
    expect(result).toMatchObject({ verdict: 'consistent', test: 'binomial', done: false });
    expect(result.pValue).toBeCloseTo(0.00660045, 8);
    expect(result.reason).toContain('borderline');
    expect(result.reason).toContain('another batch follows');
  });

  it('consistent at the first look once a 10-point misroute is ruled out', () => {
    // 193..207 of 400 at 50%: binom.cdf(207, 400, .6) = 0.000500104 < 6.25e-4 and
    // binom.sf(192, 400, .4) = 0.000500104 < 6.25e-4.
    const result = judgeSplit(
      { 'svc-base': 207, 'svc-pr': 193 },
      { 'svc-base': 50, 'svc-pr': 50 },
      { stage: 1, focus: 'svc-pr', label: (r) => (r === 'svc-pr' ? `PR revision ${r}` : r) },
    );
    expect(result).toMatchObject({
      verdict: 'consistent',
      test: 'binomial',
      done: true,
      gate: {
        stages: 1,
        maxStages: 4,
        n: 400,
        band: { 'svc-base': { low: 39, high: 61 }, 'svc-pr': { low: 39, high: 61 } },
        tolerance: 10,
        misrouteRuledOut: true,
        alphaPerTest: 1.25e-5,
      },
    });
    // binomtest(193, 400, .5).pvalue = 0.515743
    expect(result.pValue).toBeCloseTo(0.515743, 6);
    expect(result.reason).toBe(
      'PR revision svc-pr answered 48.3% (n = 400), inside 39.0–61.0%, the band a correct 50% ' +
        'share stays in; a share outside it would have counted as a deviation; a misroute of 10 ' +
        'points or more is ruled out',
    );
  });

  it('192 of 400 is inside the band but cannot yet rule out 40%: another batch', () => {
    // binom.sf(191, 400, .4) = 0.000711429 >= 6.25e-4
    const result = judgeSplit({ base: 208, pr: 192 }, { base: 50, pr: 50 }, { stage: 1 });
    expect(result).toMatchObject({ verdict: 'consistent', done: false });
    expect(result.gate?.misrouteRuledOut).toBe(false);
  });

  it('at the last look a borderline count is consistent, and the reason says what was not ruled out', () => {
    // Half the answers unattributed: n = 800 at the last look; at 20% the band is 113..211 of
    // 800 and a misroute is ruled out for 110..198 only.
    const result = judgeSplit({ base: 595, pr: 205 }, { base: 80, pr: 20 }, { stage: 4 });
    expect(result).toMatchObject({ verdict: 'consistent', done: true });
    expect(result.reason).toContain(
      'revision pr answered 25.6% (n = 800), inside 14.1–26.4%, the band a correct 20% share stays in',
    );
    expect(result.reason).toContain(
      'too few attributed responses to rule out a misroute of 10 points or more',
    );
  });

  it('an ingress that ignores the weights at canary-20: deviates at the first look', () => {
    // 200 of 400 against 20%: far outside the band 47..116 (binomtest(116, 400, .2) = 1.92e-5,
    // binomtest(117, 400, .2) = 1.08e-5).
    const result = judgeSplit({ base: 200, pr: 200 }, { base: 80, pr: 20 }, { stage: 1 });
    expect(result).toMatchObject({ verdict: 'deviates', test: 'binomial', done: true });
    expect(result.pValue).toBeLessThan(1e-30);
    expect(result.gate?.band.pr).toEqual({ low: 11.75, high: 29 });
    expect(result.reason).toMatch(
      /^revision pr answered 50% \(n = 400\), outside 11\.8–29\.0%, the band a correct 20% share stays in: exact binomial p = [0-9.]+e-\d+, under the per-look threshold 1\.3e-5, so it counts as a deviation$/,
    );
  });

  it('the first count outside the band deviates; the last one inside does not', () => {
    // binomtest(116, 400, .2) = 1.92151e-05 >= 1.25e-5; binomtest(117, 400, .2) = 1.08143e-05 < 1.25e-5
    const inside = judgeSplit({ base: 284, pr: 116 }, { base: 80, pr: 20 }, { stage: 1 });
    const outside = judgeSplit({ base: 283, pr: 117 }, { base: 80, pr: 20 }, { stage: 1 });
    expect(inside.verdict).toBe('consistent');
    expect(outside.verdict).toBe('deviates');
    expect(outside.pValue).toBeCloseTo(1.08143e-5, 9);
  });

  it('without a look number, one fixed sample: the last look of the design', () => {
    const result = judgeSplit({ base: 60, pr: 40 }, { base: 50, pr: 50 });
    expect(result).toMatchObject({ verdict: 'consistent', done: true });
    expect(result.gate).toMatchObject({ stages: 4, maxStages: 4 });
  });

  it('honours the design: a wider tolerance is ruled out sooner', () => {
    const observed = { base: 215, pr: 185 };
    expect(judgeSplit(observed, { base: 50, pr: 50 }, { stage: 1 }).done).toBe(false);
    const wide = judgeSplit(
      observed,
      { base: 50, pr: 50 },
      {
        stage: 1,
        design: gateDesign({ tolerancePoints: 20 }),
      },
    );
    expect(wide).toMatchObject({ verdict: 'consistent', done: true });
    expect(wide.reason).toContain('a misroute of 20 points or more is ruled out');
  });
});

describe('judgeSplit: three or more revisions', () => {
  it('each revision against its own share, the budget split over three', () => {
    const result = judgeSplit({ a: 600, b: 360, c: 240 }, { a: 50, b: 30, c: 20 }, { stage: 3 });
    expect(result).toMatchObject({ verdict: 'consistent', test: 'binomial', done: true });
    expect(result.gate?.alphaPerTest).toBeCloseTo(1e-4 / 12, 15);
    expect(result.reason).toMatch(/^every revision answered inside the band/);
    expect(result.reason).toContain('revision c 20% in 15.0–25.3% (configured 20%)');

    const skewed = judgeSplit({ a: 600, b: 480, c: 120 }, { a: 50, b: 30, c: 20 }, { stage: 3 });
    expect(skewed.verdict).toBe('deviates');
    expect(skewed.reason).toMatch(/^revision c answered 10% \(n = 1200\), outside 15\.0–25\.3%/);
    expect(skewed.reason).toContain('1 more revision is outside its band');
  });
});

describe('judgeSplit: the budget holds with more revisions (union bound), in seeded trials', () => {
  // The exact evaluation covers two revisions; with three the bound rests on splitting the
  // budget over every look at every revision. A loose budget makes the rate visible in a few
  // thousand trials: it must stay under the budget.
  it('three revisions routed correctly fail at most the budget', () => {
    const design = gateDesign({ batchSize: 100, maxRequests: 400, falseFailureBudget: 0.06 });
    const expected = { a: 50, b: 30, c: 20 };
    const random = mulberry32(2024);
    const trials = 4000;
    let failures = 0;
    for (let trial = 0; trial < trials; trial++) {
      const observed = { a: 0, b: 0, c: 0 };
      for (const [index, size] of batchSizes(design).entries()) {
        for (let i = 0; i < size; i++) {
          const u = random();
          if (u < 0.5) observed.a++;
          else if (u < 0.8) observed.b++;
          else observed.c++;
        }
        const judgement = judgeSplit(observed, expected, { design, stage: index + 1 });
        if (!judgement.done) continue;
        if (judgement.verdict === 'deviates') failures++;
        break;
      }
    }
    // Each look tests each revision at 0.06 / 12 = 0.005; the looks overlap, so the rate
    // (156 of 4000 with this seed) stays under the 0.06 the union bound allows.
    expect(failures / trials).toBeLessThanOrEqual(0.06);
    expect(failures).toBe(156);
  });
});

describe('judgeSplit: zero tolerance and nothing to judge', () => {
  it('a single response from a 0% revision fails the run (zero tolerance)', () => {
    const result = judgeSplit({ base: 999, pr: 1 }, { base: 100, pr: 0 });
    expect(result).toMatchObject({ verdict: 'deviates', test: 'exact-split', done: true });
    expect(result.pValue).toBeUndefined();
    expect(result.gate).toBeUndefined();
    expect(result.reason).toBe(
      'revision pr is configured for 0% but answered 1 of 1000 attributed responses',
    );
  });

  it('a stray answer deviates even while the split itself is still borderline', () => {
    const result = judgeSplit({ a: 30, b: 20, stale: 1 }, { a: 50, b: 50 }, { stage: 1 });
    expect(result).toMatchObject({ verdict: 'deviates', test: 'exact-split', done: true });
  });

  it('a revision that is not in the split at all counts like 0%', () => {
    const result = judgeSplit({ pr: 10, stale: 2 }, { pr: 100 });
    expect(result).toMatchObject({ verdict: 'deviates', test: 'exact-split' });
    expect(result.reason).toContain('revision stale is not in the split');
  });

  it('100% to one revision and only it answered: consistent', () => {
    const result = judgeSplit({ base: 0, pr: 200 }, { base: 0, pr: 100 });
    expect(result).toMatchObject({ verdict: 'consistent', test: 'exact-split', done: true });
  });

  it('nothing attributed: unmeasurable', () => {
    expect(judgeSplit({ base: 0, pr: 0 }, { base: 50, pr: 50 })).toMatchObject({
      verdict: 'unmeasurable',
      test: 'none',
      done: true,
    });
    expect(judgeSplit({}, { pr: 100 }).verdict).toBe('unmeasurable');
  });
});

describe('number formats', () => {
  it('p-values and levels in two significant digits, small ones in exponent form', () => {
    expect(formatP(0.5157)).toBe('p = 0.52');
    expect(formatP(0.0066)).toBe('p = 0.0066');
    expect(formatP(1.08143e-5)).toBe('p = 1.1e-5');
    expect(formatP(0)).toBe('p < 1e-300');
    expect(formatLevel(1.25e-5)).toBe('1.3e-5');
    expect(formatLevel(0.01)).toBe('0.01');
  });
});
