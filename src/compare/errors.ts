import { fisherExact } from '../stats/fisher-exact.js';
import { COMPARISON_ALPHA } from './defaults.js';
import type { ErrorComparison, ErrorCounts } from './types.js';

/**
 * Compares the share of failed answers per side with Fisher's exact test: the two-sided p for
 * the report, and `regression` when the one-sided test (is the PR's rate higher?) is
 * significant at alpha. No requests on a side: nothing to compare, p = 1.
 */
export function compareErrors(
  base: ErrorCounts,
  pr: ErrorCounts,
  options: { alpha?: number } = {},
): ErrorComparison {
  const alpha = options.alpha ?? COMPARISON_ALPHA;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  validate('base', base);
  validate('pr', pr);
  if (base.total === 0 || pr.total === 0) {
    return { base, pr, p: 1, pHigher: 1, regression: false, alpha };
  }
  // Rows PR, base; columns failed, succeeded: "greater" odds ratio = PR fails more.
  const { p, pGreater } = fisherExact({
    a: pr.errors,
    b: pr.total - pr.errors,
    c: base.errors,
    d: base.total - base.errors,
  });
  return { base, pr, p, pHigher: pGreater, regression: pGreater < alpha, alpha };
}

/**
 * Counts of two measurements of the same side (the split probe and the comparison). The most
 * common error is the more frequent of the two examples (their sum when both name one kind).
 */
export function addErrorCounts(first: ErrorCounts, second: ErrorCounts): ErrorCounts {
  const sum: ErrorCounts = {
    errors: first.errors + second.errors,
    total: first.total + second.total,
  };
  const examples = [first.mostCommon, second.mostCommon].filter((e) => e !== undefined);
  if (examples.length === 2 && examples[0]!.kind === examples[1]!.kind) {
    sum.mostCommon = {
      kind: examples[0]!.kind,
      count: examples[0]!.count + examples[1]!.count,
      sample: examples[0]!.sample ?? examples[1]!.sample,
    };
  } else if (examples.length > 0) {
    sum.mostCommon = examples.reduce((best, e) => (e.count > best.count ? e : best));
  }
  return sum;
}

function validate(name: string, counts: ErrorCounts): void {
  const { errors, total } = counts;
  if (!Number.isInteger(total) || total < 0) {
    throw new RangeError(`${name} total must be a non-negative integer, got ${total}`);
  }
  if (!Number.isInteger(errors) || errors < 0 || errors > total) {
    throw new RangeError(`${name} errors must be an integer in 0..${total}, got ${errors}`);
  }
}
