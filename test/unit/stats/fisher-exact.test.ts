import { describe, expect, it } from 'vitest';
import { fisherExact, type TwoByTwo } from '../../../src/stats/fisher-exact.js';

/**
 * Independent reference in exact integer arithmetic: with the margins fixed,
 * P(A = k) = C(a+b, k) C(c+d, a+c-k) / C(n, a+c), so "no more likely than observed" is an
 * exact comparison of integers (no tolerance needed) and each p an exact ratio.
 */
function exactReference({ a, b, c, d }: TwoByTwo): { p: number; pGreater: number } {
  const row1 = a + b;
  const row2 = c + d;
  const col1 = a + c;
  const weights = new Map<number, bigint>();
  for (let k = Math.max(0, col1 - row2); k <= Math.min(row1, col1); k++) {
    weights.set(k, choose(row1, k) * choose(row2, col1 - k));
  }
  const observed = weights.get(a)!;
  let total = 0n;
  let twoSided = 0n;
  let greater = 0n;
  for (const [k, weight] of weights) {
    total += weight;
    if (weight <= observed) twoSided += weight;
    if (k >= a) greater += weight;
  }
  return { p: ratioToNumber(twoSided, total), pGreater: ratioToNumber(greater, total) };
}

function choose(n: number, k: number): bigint {
  let result = 1n;
  for (let i = 1; i <= k; i++) result = (result * BigInt(n - k + i)) / BigInt(i);
  return result;
}

/** num / den as a double, correct even when both are far beyond the double range. */
function ratioToNumber(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const bits = (x: bigint): number => x.toString(2).length;
  const scale = 128 + bits(den) - bits(num);
  const quotient = scale >= 0 ? (num << BigInt(scale)) / den : num / (den << BigInt(-scale));
  return Number(quotient) * 2 ** -scale;
}

/** Relative closeness, for p-values spanning 1 to 1e-122. */
function expectRelative(actual: number, expected: number, digits: number, what: string): void {
  if (expected === 0) expect(actual, what).toBe(0);
  else expect(actual / expected, what).toBeCloseTo(1, digits);
}

describe('fisherExact', () => {
  it('R: fisher.test(TeaTasting) p = 0.4857, alternative = "greater" p = 0.2429', () => {
    // ?fisher.test, the lady tasting tea: matrix(c(3, 1, 1, 3), 2).
    const result = fisherExact({ a: 3, b: 1, c: 1, d: 3 });
    expect(result.p).toBeCloseTo(0.4857, 4);
    expect(result.pGreater).toBeCloseTo(0.2429, 4);
    expect(result.p).toBeCloseTo(34 / 70, 14);
  });

  // R 3.6.2 fisher.test(matrix(data, 2, byrow = TRUE)), alternative "two.sided" and "greater",
  // as recorded (15+ digits) in SciPy's scipy/stats/tests/fisher_exact_results_from_r.py.
  const R_REFERENCE: Array<[[number, number, number, number], number, number]> = [
    [[100, 2, 1000, 5], 0.1300759363430016, 0.979790445314723],
    [[2, 7, 8, 2], 0.02301413756522116, 0.9990149169715733],
    [[5, 1, 10, 10], 0.1973244147157191, 0.1652173913043478],
    [[5, 15, 20, 20], 0.09580440012477633, 0.9849086665340765],
    [[5, 16, 16, 25], 0.2697004098849359, 0.9330176609214881],
    [[10, 5, 10, 1], 0.1973244147157192, 0.9782608695652174],
    [[10, 5, 10, 0], 0.06126482213438735, 1],
    [[5, 0, 1, 4], 0.04761904761904762, 0.02380952380952382],
    [[0, 5, 1, 4], 1, 1],
    [[5, 1, 0, 4], 0.04761904761904761, 0.0238095238095238],
    [[0, 1, 3, 2], 1, 1],
    [[200, 7, 8, 300], 2.005657880389071e-122, 2.005657880388915e-122],
    [[28, 21, 6, 1957], 5.728437460831947e-44, 5.728437460831983e-44],
    [[190, 800, 200, 900], 0.574111858126088, 0.2959825901308897],
  ];

  it.each(R_REFERENCE)('R reference %j: two-sided %d, greater %d', (cells, twoSided, greater) => {
    const [a, b, c, d] = cells;
    const result = fisherExact({ a, b, c, d });
    expectRelative(result.p, twoSided, 9, 'two-sided');
    expectRelative(result.pGreater, greater, 9, 'greater');
  });

  it('agrees with exact integer enumeration, including tables with tied probabilities', () => {
    const tables: Array<[number, number, number, number]> = [
      [0, 0, 0, 0],
      [0, 200, 0, 200],
      [1, 199, 0, 200],
      [4, 196, 0, 200],
      [60, 140, 0, 200],
      [3, 197, 3, 197],
      [7, 393, 2, 398],
      [120, 480, 1, 599],
      [2, 2, 2, 2],
      [1, 3, 3, 1],
      [50, 50, 50, 50],
    ];
    for (const [a, b, c, d] of tables) {
      const result = fisherExact({ a, b, c, d });
      const reference = exactReference({ a, b, c, d });
      const what = `[[${a}, ${b}], [${c}, ${d}]]`;
      expectRelative(result.p, reference.p, 9, `${what} two-sided`);
      expectRelative(result.pGreater, reference.pGreater, 9, `${what} greater`);
    }
  });

  it('rejects counts that are not non-negative integers', () => {
    expect(() => fisherExact({ a: -1, b: 1, c: 1, d: 1 })).toThrow(/cell a/);
    expect(() => fisherExact({ a: 1, b: 1.5, c: 1, d: 1 })).toThrow(/cell b/);
  });
});
