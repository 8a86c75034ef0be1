/**
 * Benchmark of the split gate: how often a correct split fails, how often a 10-point misroute
 * is caught, and how many requests a judgement takes. In-process, no cluster.
 *   1. exact: dynamic programming over the counts after each batch (evaluateGate); these are
 *      the figures the last line reports;
 *   2. simulated: seeded probes drawn batch by batch and judged after each batch by the
 *      real judge (judgeSplit), as a cross-check that the implementation is the rule the exact
 *      figures describe;
 *   3. loopback: a few whole probes (probeService) through a fake ingress, for the wall time.
 * Run: npm run bench -- --gate [--trials N] [--seed S] [--loopback-runs R]
 *        [--requests B] [--max-requests M] [--split-tolerance T]   (another design; default the action's)
 * The last line is JSON; every figure says whether it is exact or from how many trials.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { probeService } from '../../src/probe/probe.js';
import { binomialDistribution } from '../../src/stats/binomial.js';
import { evaluateGate, type GateEvaluation } from '../../src/stats/gate-evaluation.js';
import { judgeSplit } from '../../src/stats/judge.js';
import {
  GATE_DEFAULTS,
  batchSizes,
  gateDesign,
  type GateDesign,
} from '../../src/stats/split-gate.js';
import { mulberry32 } from '../../test/helpers/prng.js';
import { revisionBackend, startFakeIngress } from '../../test/unit/probe/fake-ingress.js';

/** Configured PR percents the figures are the worst case over. */
const SPLITS = [5, 10, 20, 50, 80, 95];
const SHIFT_POINTS = 10;
/** Simulated and exact figures agree when they differ by less than this many standard errors. */
const AGREEMENT_SE = 4;

interface Scenario {
  /** Configured PR percent. */
  configured: number;
  /** Percent of requests the (simulated) ingress really sends to the PR. */
  routed: number;
}

interface SimulatedOutcome {
  trials: number;
  deviates: number;
  meanRequests: number;
  maxRequests: number;
}

/**
 * Seeded probes judged batch by batch by the real judge. A batch's PR count is drawn from its
 * binomial distribution by inversion (one random number per batch, the same law as routing
 * each request at random, at a fraction of the cost).
 */
function simulate(
  design: GateDesign,
  scenario: Scenario,
  trials: number,
  seed: number,
): SimulatedOutcome {
  const random = mulberry32(seed);
  const expected = { base: 100 - scenario.configured, pr: scenario.configured };
  const sizes = batchSizes(design);
  const laws = new Map(
    sizes.map((size) => [size, binomialDistribution(size, scenario.routed / 100)]),
  );
  const draw = (size: number): number => {
    const law = laws.get(size)!;
    const u = random();
    // Smallest k with P(X <= k) > u.
    let low = 0;
    let high = size;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (law.lowerTail(middle) > u) high = middle;
      else low = middle + 1;
    }
    return low;
  };
  let deviates = 0;
  let sum = 0;
  let most = 0;
  for (let trial = 0; trial < trials; trial++) {
    const observed = { base: 0, pr: 0 };
    let sent = 0;
    for (let stage = 1; stage <= sizes.length; stage++) {
      const size = sizes[stage - 1]!;
      const toPr = draw(size);
      observed.pr += toPr;
      observed.base += size - toPr;
      sent += size;
      const judgement = judgeSplit(observed, expected, { design, stage });
      if (!judgement.done) continue;
      if (judgement.verdict === 'deviates') deviates++;
      break;
    }
    sum += sent;
    most = Math.max(most, sent);
  }
  return { trials, deviates: deviates / trials, meanRequests: sum / trials, maxRequests: most };
}

/**
 * Do the simulated and the exact figures agree within sampling error? The standard errors come
 * from the exact distribution, so a row whose trials never needed a second batch still counts.
 */
function agrees(simulated: SimulatedOutcome, exact: GateEvaluation, design: GateDesign): boolean {
  const n = simulated.trials;
  const rateSe = Math.sqrt((exact.deviates * (1 - exact.deviates)) / n);
  const rateOk = Math.abs(simulated.deviates - exact.deviates) <= AGREEMENT_SE * rateSe + 1 / n;
  let sent = 0;
  let secondMoment = 0;
  batchSizes(design).forEach((size, index) => {
    sent += size;
    secondMoment += exact.stopAt[index]! * sent * sent;
  });
  const variance = Math.max(0, secondMoment - exact.expectedRequests ** 2);
  const requestsSe = Math.sqrt(variance / n);
  const requestsOk =
    Math.abs(simulated.meanRequests - exact.expectedRequests) <=
    AGREEMENT_SE * requestsSe + design.batchSize / n;
  return rateOk && requestsOk;
}

/** Whole probes through a loopback ingress routing correctly at `percent`: seconds and requests. */
async function loopbackProbes(
  design: GateDesign,
  runs: number,
  percent: number,
  seed: number,
): Promise<{ meanSeconds: number; maxSeconds: number; meanRequests: number }> {
  const host = 'hello.default.example.com';
  const base = revisionBackend({ revision: 'hello-base', header: true });
  const pr = revisionBackend({ revision: 'hello-pr', header: true });
  let seconds = 0;
  let slowest = 0;
  let requests = 0;
  for (let run = 0; run < runs; run++) {
    const ingress = await startFakeIngress({
      seed: seed + run,
      routes: {
        [host]: [
          { backend: base, weight: 100 - percent },
          { backend: pr, weight: percent },
        ],
      },
      tags: { [`base-${host}`]: base, [`pr-${host}`]: pr },
    });
    try {
      const started = performance.now();
      const result = await probeService({
        service: 'hello',
        namespace: 'default',
        ingressUrl: ingress.url,
        host,
        revisions: { base: 'hello-base', pr: 'hello-pr' },
        tagHosts: { base: `base-${host}`, pr: `pr-${host}` },
        expected: { 'hello-base': 100 - percent, 'hello-pr': percent },
        requests: design.batchSize,
        maxRequests: design.maxRequests,
        splitTolerance: design.tolerancePoints,
        readyTimeoutMs: 10_000,
      });
      const elapsed = (performance.now() - started) / 1000;
      seconds += elapsed;
      slowest = Math.max(slowest, elapsed);
      requests += result.requests;
    } finally {
      await ingress.close();
    }
  }
  return { meanSeconds: seconds / runs, maxSeconds: slowest, meanRequests: requests / runs };
}

const pad = (text: string | number, width: number): string => String(text).padStart(width);
const round = (value: number, digits: number): number => Number(value.toPrecision(digits));

export async function runGateBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      trials: { type: 'string', default: '20000' },
      seed: { type: 'string', default: '1' },
      'loopback-runs': { type: 'string', default: '10' },
      requests: { type: 'string', default: String(GATE_DEFAULTS.batchSize) },
      'max-requests': { type: 'string', default: String(GATE_DEFAULTS.maxRequests) },
      'split-tolerance': { type: 'string', default: String(GATE_DEFAULTS.tolerancePoints) },
    },
  });
  const trials = Number(values.trials);
  const seed = Number(values.seed);
  const loopbackRuns = Number(values['loopback-runs']);
  for (const [name, value] of [
    ['--trials', trials],
    ['--seed', seed],
    ['--loopback-runs', loopbackRuns],
  ] as const) {
    if (!(Number.isInteger(value) && value >= 0))
      throw new Error(`${name} must be a non-negative integer, got ${value}`);
  }
  const design = gateDesign({
    batchSize: Number(values.requests),
    maxRequests: Number(values['max-requests']),
    tolerancePoints: Number(values['split-tolerance']),
  });
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();

  console.log(
    `Split gate: batches of ${design.batchSize} up to ${design.maxRequests} requests, ` +
      `tolerance ${design.tolerancePoints} points, false-failure budget ${design.falseFailureBudget}, ` +
      `miss budget ${design.missBudget}`,
  );
  console.log(
    `exact = dynamic programming over the counts; simulated = ${trials} seeded trials per row through judgeSplit\n`,
  );
  console.log(
    `${'configured'.padEnd(11)}${'routed'.padEnd(8)}${pad('exact P(deviates)', 18)}${pad('simulated', 11)}` +
      `${pad('exact mean n', 13)}${pad('simulated', 11)}  agrees`,
  );

  let falseFailureRate = 0;
  let power10 = 1;
  let simulatedFalse = 0;
  let simulatedPower = 1;
  let allAgree = true;
  let at50: { exact: GateEvaluation; simulated: SimulatedOutcome } | undefined;
  let scenarioIndex = 0;
  for (const configured of SPLITS) {
    const routes = [configured, configured + SHIFT_POINTS, configured - SHIFT_POINTS].filter(
      (routed) => routed > 0 && routed < 100,
    );
    for (const routed of routes) {
      const exact = evaluateGate(design, configured / 100, routed / 100);
      const simulated = simulate(design, { configured, routed }, trials, seed + scenarioIndex++);
      const agreement = trials === 0 || agrees(simulated, exact, design);
      allAgree &&= agreement;
      if (routed === configured) {
        falseFailureRate = Math.max(falseFailureRate, exact.deviates);
        simulatedFalse = Math.max(simulatedFalse, simulated.deviates);
        if (configured === 50) at50 = { exact, simulated };
      } else {
        power10 = Math.min(power10, exact.deviates);
        simulatedPower = Math.min(simulatedPower, simulated.deviates);
      }
      console.log(
        `${`${configured}%`.padEnd(11)}${`${routed}%`.padEnd(8)}${pad(exact.deviates.toPrecision(5), 18)}` +
          `${pad(trials ? simulated.deviates.toPrecision(4) : '-', 11)}${pad(exact.expectedRequests.toFixed(1), 13)}` +
          `${pad(trials ? simulated.meanRequests.toFixed(1) : '-', 11)}  ${agreement ? 'yes' : 'NO'}`,
      );
    }
  }
  // An ingress that ignores the weights: everything 50/50 while canary-20 is configured.
  const ignored = evaluateGate(design, 0.2, 0.5);
  console.log(
    `\nIngress ignoring the weights at canary-20 (routed 50%): exact P(deviates) = ${ignored.deviates}, ` +
      `decided in the first batch with probability ${ignored.stopAt[0]}`,
  );

  const loopback =
    loopbackRuns > 0 ? await loopbackProbes(design, loopbackRuns, 50, seed) : undefined;
  if (loopback) {
    console.log(
      `Loopback, canary-50, ${loopbackRuns} whole probes (ready check, 2 tags, batches): ` +
        `mean ${loopback.meanSeconds.toFixed(2)} s, slowest ${loopback.maxSeconds.toFixed(2)} s, ` +
        `mean ${loopback.meanRequests.toFixed(0)} requests`,
    );
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuAtStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(
    `Bench time ${seconds.toFixed(1)} s (${cpuSeconds.toFixed(1)} s of CPU); ` +
      `simulated rows agree with the exact ones: ${allAgree}`,
  );
  if (!at50) throw new Error('the splits must include 50%');

  console.log(
    JSON.stringify({
      falseFailureRate: round(falseFailureRate, 4),
      power10: round(power10, 6),
      meanRequests: round(at50.exact.expectedRequests, 5),
      maxRequests: at50.exact.maxRequests,
      source: 'exact (dynamic programming over the counts after each batch)',
      splits: SPLITS,
      simulated: {
        trialsPerRow: trials,
        rows: scenarioIndex,
        falseFailureRate: simulatedFalse,
        power10: round(simulatedPower, 6),
        meanRequests: round(at50.simulated.meanRequests, 5),
        maxRequests: at50.simulated.maxRequests,
        agreesWithExact: allAgree,
      },
      ...(loopback
        ? {
            loopback: {
              runs: loopbackRuns,
              meanSeconds: round(loopback.meanSeconds, 3),
              maxSeconds: round(loopback.maxSeconds, 3),
            },
          }
        : {}),
    }),
  );
  if (!allAgree) process.exitCode = 1;
}
