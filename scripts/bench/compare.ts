/**
 * Benchmark: the power of the PR-vs-base latency comparison on loopback.
 *
 * Two node:http servers stand in for the base and the PR revision. Each answers after a
 * jittered delay: lognormal around its median, delay = median × exp(σ Z) with Z standard
 * normal from a seeded PRNG, so the median is exact and p95/p50 = exp(1.645 σ). Node runs
 * timers on a whole-millisecond clock (nodejs/node lib/internal/timers.js, insert() truncates
 * the delay), which alone would give a 4.8 ms and a 4.0 ms median the same timer; so the
 * server dithers: it waits floor(delay + U), U uniform in [0, 1), whose mean is the delay
 * itself, and the quantisation adds noise, not bias. The measured latency adds real loopback
 * HTTP and event-loop lag, which both sides share. The PR's median is the base's times 1.0,
 * 1.1, 1.2 and 1.5. Scheduling lag on a busy machine dilutes these differences (the table
 * shows the measured ratio of medians), so the output states the load average.
 *
 * Per trial the real comparison runs: `requestsPerSide` requests to each server, interleaved
 * (base, pr, base, pr, ...) through one pool of `concurrency` workers on the action's HTTP
 * client, then compareLatency and compareErrors. Detection rate: trials judged `slower`;
 * false-alarm rate at 0%: trials judged anything but `same`.
 *
 * Run: npm run bench -- --compare [--trials N] [--requests N] [--concurrency C]
 *   (or npx tsx scripts/bench/compare.ts with the same options)
 * The last line is machine-readable JSON with the figures.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { COMPARISON_ALPHA } from '../../src/compare/defaults.js';
import { compareErrors } from '../../src/compare/errors.js';
import { errorCounts, sendInterleaved } from '../../src/compare/interleave.js';
import { compareLatency } from '../../src/compare/latency.js';
import type { LatencyVerdict } from '../../src/compare/types.js';
import { createNodeHttpClient } from '../../src/probe/http-client.js';
import { percentile } from '../../src/stats/percentile.js';
import { mulberry32 } from '../../test/helpers/prng.js';

export interface CompareBenchOptions {
  /** Seeded trials per latency difference. */
  trials: number;
  requestsPerSide: number;
  /** The probe's default concurrency. */
  concurrency: number;
  baseMedianMs: number;
  sigma: number;
  differences: readonly number[];
}

export const COMPARE_BENCH_DEFAULTS: CompareBenchOptions = {
  trials: 100,
  requestsPerSide: 200,
  concurrency: 16,
  baseMedianMs: 5,
  sigma: 0.25,
  differences: [0, 0.1, 0.2, 0.5],
};

export interface DifferenceFigures {
  difference: number;
  slower: number;
  faster: number;
  same: number;
  /** Median over trials of the measured ratio of medians. */
  medianRatio: number;
}

export interface CompareBenchResult {
  alpha: number;
  trials: number;
  rows: DifferenceFigures[];
  falseAlarmRate: number;
  detectionRate: Record<string, number>;
  /** Wall time of one whole comparison (HTTP for both sides plus the statistics). */
  comparisonSeconds: { median: number; max: number };
  /** 1-minute load average at the end, and CPUs: latency figures depend on a quiet machine. */
  loadAverage: number;
  cpus: number;
}

/** A loopback server that answers after a lognormal delay; retuned between trials. */
interface JitteredServer {
  url: string;
  retune(medianMs: number, sigma: number, seed: number): void;
  close(): Promise<void>;
}

async function startJitteredServer(): Promise<JitteredServer> {
  let medianMs = 1;
  let sigma = 0;
  let random = mulberry32(1);
  const normal = (): number =>
    Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const server = http.createServer((_req, res) => {
    const delay = medianMs * Math.exp(sigma * normal());
    setTimeout(
      () => {
        res.setHeader('content-type', 'text/plain');
        res.end('ok\n');
      },
      Math.floor(delay + random()),
    );
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    retune(median, spread, seed) {
      medianMs = median;
      sigma = spread;
      random = mulberry32(seed);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** `npm run bench -- --compare [--trials N] [--requests N] [--concurrency C]`. */
export async function runCompareBench(args: readonly string[]): Promise<CompareBenchResult> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      trials: { type: 'string' },
      requests: { type: 'string' },
      concurrency: { type: 'string' },
    },
  });
  const positive = (text: string | undefined, name: string): number | undefined => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!(Number.isInteger(value) && value > 0)) {
      throw new Error(`--${name} must be a positive integer, got ${text}`);
    }
    return value;
  };
  return measureComparisonPower({
    trials: positive(values.trials, 'trials'),
    requestsPerSide: positive(values.requests, 'requests'),
    concurrency: positive(values.concurrency, 'concurrency'),
  });
}

export async function measureComparisonPower(
  overrides: Partial<CompareBenchOptions> = {},
  print: (line: string) => void = (line) => console.log(line),
): Promise<CompareBenchResult> {
  const defined = Object.entries(overrides).filter(([, value]) => value !== undefined);
  const options: CompareBenchOptions = {
    ...COMPARE_BENCH_DEFAULTS,
    ...Object.fromEntries(defined),
  };
  const base = await startJitteredServer();
  const pr = await startJitteredServer();
  const durations: number[] = [];

  const trial = async (
    difference: number,
    seed: number,
  ): Promise<{ verdict: LatencyVerdict; ratio: number | null }> => {
    base.retune(options.baseMedianMs, options.sigma, 2 * seed + 1);
    pr.retune(options.baseMedianMs * (1 + difference), options.sigma, 2 * seed + 2);
    const client = createNodeHttpClient({ maxSockets: options.concurrency });
    const started = performance.now();
    try {
      const sample = await sendInterleaved(
        client,
        {
          base: { url: base.url, host: 'base-hello.default.example.com', timeoutMs: 5000 },
          pr: { url: pr.url, host: 'pr-hello.default.example.com', timeoutMs: 5000 },
        },
        { requestsPerSide: options.requestsPerSide, concurrency: options.concurrency },
      );
      const latency = compareLatency(sample.base.latenciesMs, sample.pr.latenciesMs);
      compareErrors(errorCounts(sample.base), errorCounts(sample.pr));
      durations.push((performance.now() - started) / 1000);
      return { verdict: latency.verdict, ratio: latency.ratio };
    } finally {
      client.close();
    }
  };

  try {
    await trial(0, 999_999); // warm-up: JIT and sockets, not counted
    durations.length = 0;
    const rows: DifferenceFigures[] = [];
    for (const [index, difference] of options.differences.entries()) {
      const counts = { slower: 0, faster: 0, same: 0 };
      const ratios: number[] = [];
      for (let t = 0; t < options.trials; t++) {
        const { verdict, ratio } = await trial(difference, 1000 * (index + 1) + t);
        if (verdict !== 'unmeasurable') counts[verdict]++;
        if (ratio !== null) ratios.push(ratio);
      }
      ratios.sort((a, b) => a - b);
      rows.push({ difference, ...counts, medianRatio: percentile(ratios, 50) });
    }

    const rate = (count: number): number => count / options.trials;
    const zero = rows.find((row) => row.difference === 0);
    const sortedDurations = [...durations].sort((a, b) => a - b);
    const result: CompareBenchResult = {
      alpha: COMPARISON_ALPHA,
      trials: options.trials,
      rows,
      falseAlarmRate: zero ? rate(zero.slower + zero.faster) : Number.NaN,
      detectionRate: Object.fromEntries(
        rows
          .filter((row) => row.difference > 0)
          .map((row) => [`${Math.round(100 * row.difference)}%`, rate(row.slower)]),
      ),
      comparisonSeconds: {
        median: percentile(sortedDurations, 50),
        max: sortedDurations[sortedDurations.length - 1] ?? Number.NaN,
      },
      loadAverage: os.loadavg()[0]!,
      cpus: os.cpus().length,
    };

    print(
      `Loopback: base median ${options.baseMedianMs} ms, lognormal jitter σ = ${options.sigma} ` +
        `(p95 ≈ ${(options.baseMedianMs * Math.exp(1.645 * options.sigma)).toFixed(1)} ms); ` +
        `${options.requestsPerSide} requests per side, interleaved, concurrency ${options.concurrency}; ` +
        `${options.trials} seeded trials per difference; alpha ${COMPARISON_ALPHA}, margin 5%; ` +
        `load average ${result.loadAverage.toFixed(1)} on ${result.cpus} CPUs\n`,
    );
    print(
      `${'PR slower by'.padEnd(13)} ${'slower'.padStart(7)} ${'same'.padStart(7)} ${'faster'.padStart(7)} ${'median ratio'.padStart(13)}`,
    );
    for (const row of rows) {
      print(
        `${`${Math.round(100 * row.difference)}%`.padEnd(13)} ${pct(rate(row.slower))} ${pct(rate(row.same))} ` +
          `${pct(rate(row.faster))} ${row.medianRatio.toFixed(3).padStart(13)}`,
      );
    }
    print(
      `\nFalse alarms at 0%: ${pct(result.falseAlarmRate).trim()} (target <= ${100 * COMPARISON_ALPHA}%); ` +
        `detection at 20%: ${pct(result.detectionRate['20%'] ?? Number.NaN).trim()} (target >= 90%)`,
    );
    print(
      `One comparison (${2 * options.requestsPerSide} requests and the statistics): median ` +
        `${result.comparisonSeconds.median.toFixed(3)} s, max ${result.comparisonSeconds.max.toFixed(3)} s (target < 3 s)`,
    );
    const round = (value: number): number => Number(value.toFixed(4));
    print(
      JSON.stringify({
        compare_trials: result.trials,
        compare_false_alarm_rate: round(result.falseAlarmRate),
        compare_detection_rate: Object.fromEntries(
          Object.entries(result.detectionRate).map(([k, v]) => [k, round(v)]),
        ),
        compare_seconds_median: round(result.comparisonSeconds.median),
        compare_seconds_max: round(result.comparisonSeconds.max),
        compare_load_average: round(result.loadAverage),
      }),
    );
    return result;
  } finally {
    await base.close();
    await pr.close();
  }
}

function pct(share: number): string {
  return `${(100 * share).toFixed(1)}%`.padStart(7);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runCompareBench(process.argv.slice(2));
}
