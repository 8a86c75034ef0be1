import { percentile } from '../stats/percentile.js';
import { roundTo } from '../util/round.js';
import type { ColdStartNotMeasured, ColdStartSummary } from './types.js';

/** Samples and nearest-rank median of one revision's cold starts (ms). */
export function summarizeColdStarts(samplesMs: readonly number[]): ColdStartSummary {
  if (samplesMs.length === 0)
    throw new RangeError('a cold-start summary needs at least one sample');
  for (const value of samplesMs) {
    if (!(Number.isFinite(value) && value >= 0)) {
      throw new RangeError(`cold-start samples must be finite and >= 0 ms, got ${value}`);
    }
  }
  const rounded = samplesMs.map((ms) => roundTo(ms, 1));
  const sorted = [...rounded].sort((a, b) => a - b);
  return { samplesMs: rounded, medianMs: percentile(sorted, 50) };
}

/**
 * The reason as a sentence fragment ("not measured: <this>"). Plain text: `failed` carries an
 * error message from the cluster, which the renderer escapes.
 */
export function coldStartReasonText(notMeasured: ColdStartNotMeasured): string {
  switch (notMeasured.reason) {
    case 'min-scale':
      return `min-scale is ${notMeasured.minScale}, so the revision never scales to zero`;
    case 'scale-to-zero-disabled':
      return 'scale to zero is disabled (config-autoscaler enable-scale-to-zero: false)';
    case 'timed-out': {
      const pods =
        notMeasured.pods === undefined
          ? ''
          : `; ${notMeasured.pods} pod${notMeasured.pods === 1 ? ' was' : 's were'} still running`;
      return `the revision did not scale to zero within ${Math.round(notMeasured.waitedMs / 1000)} s${pods}`;
    }
    case 'failed':
      return `the cold request failed: ${notMeasured.error}`;
  }
}
