/** PR against base: latency, errors and cold starts, each judged with a test. */
export { COMPARISON_ALPHA, PRACTICAL_MARGIN } from './defaults.js';
export { compareLatency, type CompareLatencyOptions } from './latency.js';
export { compareErrors, addErrorCounts } from './errors.js';
export { latencyGate, type LatencyGate } from './gates.js';
export { summarizeColdStarts, coldStartReasonText } from './cold-start.js';
export {
  sendInterleaved,
  errorCounts,
  type InterleavedTargets,
  type InterleaveSettings,
  type SideSample,
} from './interleave.js';
export type * from './types.js';
