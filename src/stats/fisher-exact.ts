import { logFactorial } from './special.js';

/**
 * R's fisher.test counts a table as "no more likely than the observed one" up to this
 * relative slack, so that ties lost to rounding still count (the same slack as binom.test).
 */
const RELATIVE_TOLERANCE = 1 + 1e-7;

/** A 2x2 table of counts: rows are groups, columns outcomes. */
export interface TwoByTwo {
  a: number;
  b: number;
  c: number;
  d: number;
}

export interface FisherExactResult {
  /** Two-sided p: every table with these margins no more likely than the observed one. */
  p: number;
  /** One-sided p for "the odds ratio ad/bc exceeds 1": P(A >= a) given the margins. */
  pGreater: number;
}

/**
 * Fisher's exact test of independence on the table
 *
 *     [ a  b ]
 *     [ c  d ]
 *
 * With the margins fixed, the top-left cell A is hypergeometric. The two-sided p is R's
 * `fisher.test(matrix(c(a, c, b, d), 2))$p.value`; the one-sided p is R's
 * `alternative = "greater"`. Probabilities are computed in log space, so tables with
 * thousands of counts neither overflow nor lose their tails.
 */
export function fisherExact(table: TwoByTwo): FisherExactResult {
  const { a, b, c, d } = table;
  for (const [name, count] of Object.entries(table)) {
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(`cell ${name} must be a non-negative integer, got ${String(count)}`);
    }
  }
  const row1 = a + b;
  const row2 = c + d;
  const col1 = a + c;
  const n = row1 + row2;
  const low = Math.max(0, col1 - row2);
  const high = Math.min(row1, col1);

  // ln P(A = k) = ln[C(row1, k) C(row2, col1 - k) / C(n, col1)]
  const constant =
    logFactorial(row1) +
    logFactorial(row2) +
    logFactorial(col1) +
    logFactorial(n - col1) -
    logFactorial(n);
  const logPmf = (k: number): number =>
    constant -
    logFactorial(k) -
    logFactorial(row1 - k) -
    logFactorial(col1 - k) -
    logFactorial(row2 - col1 + k);

  const logs: number[] = [];
  for (let k = low; k <= high; k++) logs.push(logPmf(k));
  const observed = logs[a - low]!;
  const threshold = observed + Math.log(RELATIVE_TOLERANCE);

  let twoSided = 0;
  let greater = 0;
  logs.forEach((logP, index) => {
    const probability = Math.exp(logP);
    if (logP <= threshold) twoSided += probability;
    if (low + index >= a) greater += probability;
  });
  return { p: Math.min(1, twoSided), pGreater: Math.min(1, greater) };
}
