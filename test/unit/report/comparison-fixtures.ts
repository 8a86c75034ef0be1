import type { ServiceComparison } from '../../../src/compare/types.js';

/** A comparison as the statistics would report it, with the parts a test changes. */
export function comparison(overrides: Partial<ServiceComparison> = {}): ServiceComparison {
  return {
    latency: {
      base: { samples: 200, p50: 4.1, p95: 7, p99: 9.4 },
      pr: { samples: 200, p50: 15.9, p95: 26.4, p99: 31.8 },
      ratio: 3.878,
      interval: { low: 3.571, high: 4.166 },
      p: 1e-60,
      verdict: 'slower',
      alpha: 0.01,
      margin: 0.05,
    },
    errors: {
      base: { errors: 0, total: 600 },
      pr: { errors: 0, total: 600 },
      p: 1,
      pHigher: 1,
      regression: false,
      alpha: 0.01,
    },
    ...overrides,
  };
}

/** Same latencies on both sides. */
export function sameComparison(): ServiceComparison {
  const base = comparison();
  return comparison({
    latency: {
      ...base.latency,
      pr: { samples: 200, p50: 4.2, p95: 7.1, p99: 9.9 },
      ratio: 1.024,
      interval: { low: 0.97, high: 1.09 },
      p: 0.6,
      verdict: 'same',
    },
  });
}
