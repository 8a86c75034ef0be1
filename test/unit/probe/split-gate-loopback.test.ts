/**
 * The split gate's chance failure rate, measured through the real probe on loopback: many
 * seeds of the fake ingress routing exactly as configured, and not one `deviates`. The gate
 * allows a correct split to fail at most 1 in 10,000 runs (computed exactly in
 * test/unit/stats/gate-evaluation.test.ts), so over these seeds a single `deviates` would be
 * a bug, not bad luck; the old point-null test at alpha 0.01 failed about 1 run in 100.
 * The seeds are fixed, so the test repeats exactly.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { probeService, type ProbeOptions } from '../../../src/probe/probe.js';
import type { ServiceResult } from '../../../src/probe/types.js';
import { revisionBackend, startFakeIngress, type FakeIngress } from './fake-ingress.js';

const HOST = 'hello.default.example.com';
const BASE_TAG = `base-${HOST}`;
const PR_TAG = `pr-${HOST}`;
const BASE = 'hello-base-aaaaaaa';
const PR = 'hello-pr-bbbbbbb';
const base = revisionBackend({ revision: BASE, header: true });
const pr = revisionBackend({ revision: PR, header: true });

/** Configured PR percents the seeds cycle through: canary labels people use. */
const SPLITS = [5, 10, 20, 50, 80, 95];
const CORRECT_SEEDS = 300;
const IGNORED_WEIGHT_SEEDS = 20;
/**
 * Small batches keep 300 probes quick (about 50,000 requests); the false-failure bound holds
 * for any batch size and cap, since it splits the budget over every look the cap allows.
 */
const BATCH = 50;
const CAP = 200;
/** Generous: a busy machine slows loopback HTTP several times over; nothing here is timed. */
const LONG_RUN_MS = 120_000;

let ingress: FakeIngress | undefined;
afterEach(async () => {
  await ingress?.close();
  ingress = undefined;
});

async function probe(
  seed: number,
  routedPercent: number,
  configuredPercent: number,
): Promise<ServiceResult> {
  ingress = await startFakeIngress({
    seed,
    routes: {
      [HOST]: [
        { backend: base, weight: 100 - routedPercent },
        { backend: pr, weight: routedPercent },
      ],
    },
    tags: { [BASE_TAG]: base, [PR_TAG]: pr },
  });
  const options: ProbeOptions = {
    service: 'hello',
    namespace: 'default',
    ingressUrl: ingress.url,
    host: HOST,
    revisions: { base: BASE, pr: PR },
    tagHosts: { base: BASE_TAG, pr: PR_TAG },
    expected: { [BASE]: 100 - configuredPercent, [PR]: configuredPercent },
    requests: BATCH,
    maxRequests: CAP,
    tagRequests: 1,
    readyTimeoutMs: 5_000,
    readyIntervalMs: 20,
  };
  try {
    return await probeService(options);
  } finally {
    await ingress.close();
    ingress = undefined;
  }
}

describe('the split gate on a loopback ingress, over many seeds', () => {
  it(
    `a correct split never deviates (${CORRECT_SEEDS} seeds over canary ${SPLITS.join('/')})`,
    async () => {
      const verdicts = new Map<string, number>();
      const failures: string[] = [];
      let batches = 0;
      for (let seed = 1; seed <= CORRECT_SEEDS; seed++) {
        const percent = SPLITS[seed % SPLITS.length]!;
        const result = await probe(seed, percent, percent);
        verdicts.set(result.verdict, (verdicts.get(result.verdict) ?? 0) + 1);
        batches += result.gate?.stages ?? 0;
        if (result.verdict !== 'consistent')
          failures.push(`seed ${seed}, canary-${percent}: ${result.verdict}: ${result.reason}`);
      }
      expect(failures).toEqual([]);
      expect(verdicts.get('consistent')).toBe(CORRECT_SEEDS);
      // The seeds did exercise the sequential part: some probes needed more than one batch.
      expect(batches).toBeGreaterThan(CORRECT_SEEDS);
    },
    LONG_RUN_MS,
  );

  it(`an ingress that ignores the weights at canary-20 deviates (${IGNORED_WEIGHT_SEEDS} seeds)`, async () => {
    for (let seed = 1; seed <= IGNORED_WEIGHT_SEEDS; seed++) {
      const result = await probe(seed, 50, 20);
      expect(result.verdict, `seed ${seed}: ${result.reason}`).toBe('deviates');
      expect(result.test).toBe('binomial');
    }
  });
});
