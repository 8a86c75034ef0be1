/**
 * Significance level of the comparison's tests (Mann–Whitney U for latency, Fisher's exact
 * test for errors). Each service's comparison is one test of each kind, so a fixed 1% keeps
 * false alarms rare without the split gate's per-look budget.
 */
export const COMPARISON_ALPHA = 0.01;

/**
 * The smallest difference of medians worth a verdict: with hundreds of samples the test
 * finds differences of a percent or two that nobody would act on (and that machine drift
 * can cause), so `faster`/`slower` also need the ratio of medians beyond 1 ± 5%.
 */
export const PRACTICAL_MARGIN = 0.05;
