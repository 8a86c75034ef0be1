/**
 * Exact operating characteristics of the split gate for two revisions, by dynamic programming
 * over the count after each batch: no simulation. Pure.
 *
 * The state after look k is the distribution of the first revision's count x over the counts
 * that sent another batch (the continuation region). One batch of b requests adds a
 * Binomial(b, trueShare) count; the gate's own rule (classifyCounts) then splits the new
 * distribution into deviates, consistent and continue. Every request is assumed attributed.
 */
import { binomialDistribution } from './binomial.js';
import { batchSizes, classifyCounts, lookBounds, type GateDesign } from './split-gate.js';

export interface GateEvaluation {
  /** P(verdict deviates). For a correct split (trueShare = configuredShare): the false-failure rate. */
  deviates: number;
  /** P(verdict consistent). For a misrouted split: the miss rate. */
  consistent: number;
  /** P(the gate stops after look k), k = 1..maxStages. */
  stopAt: number[];
  /** Expected requests sent. */
  expectedRequests: number;
  /** Requests when every batch is sent. */
  maxRequests: number;
}

/**
 * @param configuredShare the first revision's configured share, in (0, 1)
 * @param trueShare the probability that a request reaches the first revision, in [0, 1]
 */
export function evaluateGate(
  design: GateDesign,
  configuredShare: number,
  trueShare: number,
): GateEvaluation {
  if (!(configuredShare > 0 && configuredShare < 1))
    throw new RangeError(`configured share must be in (0, 1), got ${configuredShare}`);
  if (!(trueShare >= 0 && trueShare <= 1))
    throw new RangeError(`true share must be in [0, 1], got ${trueShare}`);
  const sizes = batchSizes(design);
  let continuing = Float64Array.of(1); // P(x, still running) after 0 requests
  let n = 0;
  let deviates = 0;
  let consistent = 0;
  let expectedRequests = 0;
  const stopAt: number[] = [];

  sizes.forEach((size, index) => {
    const stillRunning = continuing.reduce((sum, mass) => sum + mass, 0);
    expectedRequests += stillRunning * size;
    const batch = binomialDistribution(size, trueShare);
    const next = new Float64Array(n + size + 1);
    for (let x = 0; x <= n; x++) {
      const mass = continuing[x]!;
      if (mass === 0) continue;
      for (let k = 0; k <= size; k++) next[x + k]! += mass * batch.pmf(k);
    }
    n += size;
    const bounds = lookBounds(
      [
        { revision: 'first', share: configuredShare },
        { revision: 'second', share: 1 - configuredShare },
      ],
      n,
      index + 1,
      design,
    );
    const counts = [0, 0];
    let stoppedHere = 0;
    for (let x = 0; x <= n; x++) {
      const mass = next[x]!;
      if (mass === 0) continue;
      counts[0] = x;
      counts[1] = n - x;
      const { decision } = classifyCounts(bounds, counts);
      if (decision === 'continue') continue;
      if (decision === 'deviates') deviates += mass;
      else consistent += mass;
      stoppedHere += mass;
      next[x] = 0;
    }
    stopAt.push(stoppedHere);
    continuing = next;
  });
  return { deviates, consistent, stopAt, expectedRequests, maxRequests: n };
}
