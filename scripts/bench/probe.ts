/**
 * Benchmark: the probe against the course's method (one `curl -s -H "Host: ..."` process per
 * request, sequentially), both against the same loopback ingress with two weighted backends.
 * Run: npm run bench -- [--requests N] [--concurrency C]
 * The last line is machine-readable: {"probe_rps":...,"curl_rps":...,"ratio":...}
 */
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { probeService, PROBE_DEFAULTS, type ProbeOptions } from '../../src/probe/probe.js';
import type { ServiceResult } from '../../src/report/model.js';
import { revisionBackend, startFakeIngress } from '../../test/unit/probe/fake-ingress.js';

const run = promisify(execFile);

const HOST = 'hello.default.example.com';
const BASE = 'hello-base-aaaaaaa';
const PR = 'hello-pr-bbbbbbb';
const SPLIT = { [BASE]: 80, [PR]: 20 };
/**
 * curl is timed on at most this many runs and for at most this long (the bench must stay
 * bounded on a busy machine); when that is fewer than N runs, its rate is extrapolated.
 */
const CURL_SAMPLE_LIMIT = 400;
const CURL_TIME_BUDGET_MS = 15_000;
const SCALING_SIZES = [100, 1000, 10_000];

export async function runProbeBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      requests: { type: 'string', default: process.env.BENCH_REQUESTS ?? '2000' },
      concurrency: { type: 'string', default: String(PROBE_DEFAULTS.concurrency) },
    },
  });
  const requests = Number(values.requests);
  const concurrency = Number(values.concurrency);
  if (!(Number.isInteger(requests) && requests > 0))
    throw new Error(`--requests must be a positive integer, got ${values.requests}`);
  if (!(Number.isInteger(concurrency) && concurrency > 0))
    throw new Error(`--concurrency must be a positive integer`);

  const base = revisionBackend({ revision: BASE, header: true });
  const pr = revisionBackend({ revision: PR, header: true });
  const ingress = await startFakeIngress({
    routes: {
      [HOST]: [
        { backend: base, weight: SPLIT[BASE] },
        { backend: pr, weight: SPLIT[PR] },
      ],
    },
    tags: { [`base-${HOST}`]: base, [`pr-${HOST}`]: pr },
  });

  function probeOptions(n: number): ProbeOptions {
    return {
      service: 'hello',
      namespace: 'default',
      ingressUrl: ingress.url,
      host: HOST,
      revisions: { base: BASE, pr: PR },
      tagHosts: { base: `base-${HOST}`, pr: `pr-${HOST}` },
      expected: SPLIT,
      // One batch of exactly n: this bench measures throughput, not the split gate.
      requests: n,
      maxRequests: n,
      concurrency,
      readyTimeoutMs: 10_000,
      requestTimeoutMs: 5_000,
    };
  }

  async function timeProbe(n: number): Promise<{ seconds: number; result: ServiceResult }> {
    const started = performance.now();
    const result = await probeService(probeOptions(n));
    return { seconds: (performance.now() - started) / 1000, result };
  }

  async function timeCurl(n: number): Promise<{ seconds: number; counted: number; ok: number }> {
    let counted = 0;
    let ok = 0;
    const started = performance.now();
    while (
      counted < Math.min(n, CURL_SAMPLE_LIMIT) &&
      performance.now() - started < CURL_TIME_BUDGET_MS
    ) {
      const { stdout } = await run('curl', ['-s', '-H', `Host: ${HOST}`, ingress.url], {
        timeout: 10_000,
      });
      counted++;
      if (stdout.startsWith('Hello from')) ok++;
    }
    return { seconds: (performance.now() - started) / 1000, counted, ok };
  }

  const pad = (text: string | number, width: number): string => String(text).padStart(width);

  try {
    await timeProbe(200); // warm-up: JIT and sockets, not measured
    const probe = await timeProbe(requests);
    const curl = await timeCurl(requests);
    const probeRps = requests / probe.seconds;
    const curlRps = curl.counted / curl.seconds;
    const ratio = probeRps / curlRps;
    const curlSecondsForAll = requests / curlRps;

    console.log(`Loopback ingress ${ingress.url}, route ${HOST}, split ${BASE} 80% / ${PR} 20%`);
    console.log(
      `N = ${requests}; probe concurrency ${concurrency}, keep-alive; curl sequential, one process per request\n`,
    );
    console.log(
      `${'method'.padEnd(8)} ${pad('requests', 9)} ${pad('seconds', 9)} ${pad('req/s', 9)}  note`,
    );
    console.log(
      `${'probe'.padEnd(8)} ${pad(requests, 9)} ${pad(probe.seconds.toFixed(2), 9)} ${pad(probeRps.toFixed(0), 9)}  ` +
        `verdict ${probe.result.verdict} (${probe.result.test}, p=${probe.result.pValue?.toPrecision(2)}), ` +
        `unattributed ${probe.result.unattributed.count}`,
    );
    const extrapolated = curl.counted < requests;
    console.log(
      `${'curl'.padEnd(8)} ${pad(requests, 9)} ${pad(curlSecondsForAll.toFixed(2), 9)} ${pad(curlRps.toFixed(0), 9)}  ` +
        (extrapolated
          ? `timed ${curl.counted} runs (${curl.seconds.toFixed(2)} s) and extrapolated to ${requests}`
          : `all ${curl.counted} runs timed`) +
        `; ${curl.ok}/${curl.counted} answered`,
    );
    for (const revision of probe.result.revisions) {
      console.log(
        `  ${revision.revision}: ${revision.responses} responses, ${revision.observedPercent}% ` +
          `[${revision.interval.low}, ${revision.interval.high}] (configured ${revision.configuredPercent}%), ` +
          `p50 ${revision.latencyMs.p50} ms, p95 ${revision.latencyMs.p95} ms`,
      );
    }

    console.log('\nProbe scaling (whole probeService call: ready check, 2 tags x 5, N requests):');
    console.log(`${pad('requests', 9)} ${pad('seconds', 9)} ${pad('req/s', 9)}`);
    for (const size of SCALING_SIZES) {
      const { seconds } = await timeProbe(size);
      console.log(
        `${pad(size, 9)} ${pad(seconds.toFixed(3), 9)} ${pad((size / seconds).toFixed(0), 9)}`,
      );
    }

    const round = (value: number, decimals: number): number => Number(value.toFixed(decimals));
    console.log(
      JSON.stringify({
        probe_rps: round(probeRps, 1),
        curl_rps: round(curlRps, 1),
        ratio: round(ratio, 1),
      }),
    );
  } finally {
    await ingress.close();
  }
}
