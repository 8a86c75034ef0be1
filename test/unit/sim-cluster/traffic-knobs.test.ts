/** The ingress's latency and error knobs: strict parsing, first-match globs, the random draws. */
import { describe, expect, it } from 'vitest';
import {
  LATENCY_SDLOG,
  failsNow,
  globMatches,
  jitteredLatency,
  randomStream,
  readTrafficKnobs,
  ruleFor,
  standardNormal,
} from '../../sim/cluster/traffic-knobs.js';
import { mulberry32 } from '../../helpers/prng.js';

/** qnorm(0.95), from standard normal tables (R: qnorm(0.95) = 1.644854). */
const Z95 = 1.6448536269514722;

/** A random source that returns the given values in turn. */
function sequence(...values: number[]): () => number {
  let i = 0;
  return () => {
    const value = values[i++];
    if (value === undefined) throw new Error('sequence exhausted');
    return value;
  };
}

describe('SIM_LATENCY_MS and SIM_ERROR_RATE parsing', () => {
  it('reads comma-separated GLOB=VALUE pairs in order; unset or blank is no rules', () => {
    expect(
      readTrafficKnobs({ SIM_LATENCY_MS: 'hello-pr-*=200, *=20.5', SIM_ERROR_RATE: '*-pr-*=.3' }),
    ).toEqual({
      latency: [
        { glob: 'hello-pr-*', value: 200 },
        { glob: '*', value: 20.5 },
      ],
      errorRate: [{ glob: '*-pr-*', value: 0.3 }],
    });
    expect(readTrafficKnobs({})).toEqual({ latency: [], errorRate: [] });
    expect(readTrafficKnobs({ SIM_LATENCY_MS: ' ', SIM_ERROR_RATE: '' })).toEqual({
      latency: [],
      errorRate: [],
    });
    expect(
      readTrafficKnobs({ SIM_ERROR_RATE: 'a=0,b=1,c=1.0' }).errorRate.map((r) => r.value),
    ).toEqual([0, 1, 1]);
  });

  it.each([
    ['SIM_LATENCY_MS', 'hello-pr-x', "'hello-pr-x' has no '='"],
    ['SIM_LATENCY_MS', '*=200,', 'an empty entry (a stray comma)'],
    ['SIM_LATENCY_MS', 'Hello-*=200', "'Hello-*' is not a revision-name glob"],
    ['SIM_LATENCY_MS', 'a.b=200', "'a.b' is not a revision-name glob"],
    ['SIM_LATENCY_MS', '=200', "'' is not a revision-name glob"],
    ['SIM_LATENCY_MS', '*=fast', "'fast' (for *) is not a number of milliseconds from 0 to 60000"],
    ['SIM_LATENCY_MS', '*=-5', "'-5' (for *) is not a number of milliseconds"],
    ['SIM_LATENCY_MS', '*=200ms', "'200ms' (for *) is not a number of milliseconds"],
    ['SIM_LATENCY_MS', '*=60001', "'60001' (for *) is not a number of milliseconds"],
    ['SIM_LATENCY_MS', 'a-*=1,a-*=2', "'a-*' is listed twice"],
    ['SIM_ERROR_RATE', '*=1.5', "'1.5' (for *) is not a fraction from 0 to 1"],
    ['SIM_ERROR_RATE', '*=30%', "'30%' (for *) is not a fraction from 0 to 1"],
    ['SIM_ERROR_RATE', '*=', "'' (for *) is not a fraction from 0 to 1"],
  ])('%s=%s fails naming the bad part, the format and an example', (variable, value, detail) => {
    const read = (): unknown => readTrafficKnobs({ [variable]: value });
    expect(read).toThrow(`${variable}='${value}': ${detail}`);
    expect(read).toThrow(/expected comma-separated GLOB=VALUE pairs .*, e\.g\. SIM_/);
  });
});

describe('revision globs', () => {
  it('* stands for any run of characters, the rest matches literally and wholly', () => {
    expect(globMatches('*', 'hello-pr-abc1234')).toBe(true);
    expect(globMatches('hello-pr-*', 'hello-pr-abc1234')).toBe(true);
    expect(globMatches('hello-pr-*', 'hello-base-abc1234')).toBe(false);
    expect(globMatches('*-pr-*', 'greeter-pr-1')).toBe(true);
    expect(globMatches('hello', 'hello-pr-1')).toBe(false);
    expect(globMatches('h*l', 'hello')).toBe(false);
    expect(globMatches('h*o', 'ho')).toBe(true);
  });

  it('the first matching rule wins; no match is undefined', () => {
    const rules = [
      { glob: 'hello-pr-*', value: 400 },
      { glob: 'hello-*', value: 100 },
    ];
    expect(ruleFor(rules, 'hello-pr-1')).toBe(400);
    expect(ruleFor(rules, 'hello-base-1')).toBe(100);
    expect(ruleFor(rules, 'other-1')).toBeUndefined();
  });
});

describe('latency jitter', () => {
  it('is the median times exp(sdlog * z) outside the tail', () => {
    // Box-Muller with u2 = 0: z = sqrt(-2 ln(1 - u1)); 1 - u1 = exp(-Z95^2 / 2) gives z = Z95.
    const u1 = 1 - Math.exp((-Z95 * Z95) / 2);
    // R: qlnorm(0.95, meanlog = log(100), sdlog = 0.1) = 117.8786
    expect(jitteredLatency(100, sequence(0.5, u1, 0))).toBeCloseTo(117.8786, 3);
    expect(jitteredLatency(100, sequence(0.5, 0, 0))).toBe(100);
    expect(LATENCY_SDLOG).toBe(0.1);
  });

  it('sends 1 answer in 100 to a tail of 2 to 4 times the median; 0 stays 0', () => {
    expect(jitteredLatency(100, sequence(0.005, 0))).toBe(200);
    expect(jitteredLatency(100, sequence(0.005, 0.5))).toBe(300);
    expect(jitteredLatency(0, sequence())).toBe(0);
  });

  it('draws standard normals: mean 0, sd 1, 95% below qnorm(0.95) (100,000 seeded draws)', () => {
    const random = mulberry32(7);
    const n = 100_000;
    let sum = 0;
    let squares = 0;
    let below = 0;
    for (let i = 0; i < n; i++) {
      const z = standardNormal(random);
      sum += z;
      squares += z * z;
      if (z < Z95) below++;
    }
    const mean = sum / n;
    // Bounds are more than 4 standard errors wide: sd(mean) = 1/sqrt(n) = 0.0032,
    // sd(share) = sqrt(0.95 * 0.05 / n) = 0.00069.
    expect(Math.abs(mean)).toBeLessThan(0.015);
    expect(Math.sqrt(squares / n - mean * mean)).toBeCloseTo(1, 1);
    expect(Math.abs(below / n - 0.95)).toBeLessThan(0.003);
  });

  it('keeps the median at about MS and puts 1% of answers past twice it (100,000 seeded draws)', () => {
    const random = mulberry32(11);
    const n = 100_000;
    const samples = Array.from({ length: n }, () => jitteredLatency(100, random)).sort(
      (a, b) => a - b,
    );
    // The mixture's median: 100 * exp(0.1 * qnorm(0.5 / 0.99)) = 100.127 (qnorm(0.50505) =
    // 0.012659); the sample median's standard error is about 0.04 here.
    const median = samples[n / 2] as number;
    expect(median).toBeGreaterThan(99.9);
    expect(median).toBeLessThan(100.4);
    // Tail share 0.01, sd sqrt(0.01 * 0.99 / n) = 0.00031; the lognormal part never reaches 2x
    // (that needs z > ln 2 / 0.1 = 6.9).
    const slow = samples.filter((ms) => ms >= 200).length / n;
    expect(Math.abs(slow - 0.01)).toBeLessThan(0.0015);
    expect(samples[n - 1]).toBeLessThanOrEqual(400);
    expect(samples[0]).toBeGreaterThan(0);
  });
});

describe('error draws', () => {
  it('fail at the given rate (100,000 seeded draws); 0 never draws', () => {
    const random = mulberry32(3);
    let failed = 0;
    for (let i = 0; i < 100_000; i++) if (failsNow(0.3, random)) failed++;
    // sd sqrt(0.3 * 0.7 / 100000) = 0.00145; the bound is 4 sd.
    expect(Math.abs(failed / 100_000 - 0.3)).toBeLessThan(0.006);
    expect(failsNow(0, sequence())).toBe(false);
    expect(failsNow(1, sequence(0.999))).toBe(true);
  });
});

describe('random streams', () => {
  const draws = (random: () => number, n = 5): number[] => Array.from({ length: n }, random);

  it('seeded: repeat per seed, differ per stream; stream 0 is the split generator as before', () => {
    expect(draws(randomStream(42, 1))).toEqual(draws(randomStream(42, 1)));
    expect(draws(randomStream(42, 1))).not.toEqual(draws(randomStream(42, 2)));
    expect(draws(randomStream(42, 0))).toEqual(draws(mulberry32(42)));
  });

  it('unseeded: Math.random', () => {
    expect(randomStream(undefined, 3)).toBe(Math.random);
  });
});
