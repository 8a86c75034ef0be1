/**
 * The ingress's latency and error knobs: parsing (strict), matching revision names, and the
 * random draws. Pure: the random source is passed in.
 *
 *   SIM_LATENCY_MS=GLOB=MS[,GLOB=MS...]        answers of matching revisions take about MS ms
 *   SIM_ERROR_RATE=GLOB=FRACTION[,...]         that fraction of their answers are HTTP 500
 *
 * GLOB is a revision name in which `*` stands for any run of characters; the first rule whose
 * glob matches wins.
 */
import { mulberry32 } from '../../helpers/prng.js';

export interface GlobRule {
  glob: string;
  value: number;
}

export interface TrafficKnobs {
  /** Median answer time per revision, in ms. */
  latency: GlobRule[];
  /** Fraction of a revision's answers that are HTTP 500. */
  errorRate: GlobRule[];
}

/** Longest latency a rule may ask for: the action's probe gives each request 10 s. */
export const MAX_LATENCY_MS = 60_000;

/** Revision names are DNS-1035 labels: lowercase letters, digits and '-'; the glob adds '*'. */
const GLOB = /^[a-z0-9*-]+$/;

interface ValueRule {
  /** What the value is, for messages ("a number of milliseconds from 0 to 60000"). */
  what: string;
  example: string;
  parse(text: string): number | undefined;
}

const MILLISECONDS: ValueRule = {
  what: `a number of milliseconds from 0 to ${MAX_LATENCY_MS}`,
  example: 'hello-pr-*=200,*=20',
  parse(text) {
    if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
    const ms = Number(text);
    return ms <= MAX_LATENCY_MS ? ms : undefined;
  },
};

const FRACTION: ValueRule = {
  what: 'a fraction from 0 to 1',
  example: 'hello-pr-*=0.3',
  parse(text) {
    if (!/^(\d+(\.\d+)?|\.\d+)$/.test(text)) return undefined;
    const fraction = Number(text);
    return fraction <= 1 ? fraction : undefined;
  },
};

/** Parses `GLOB=VALUE[,GLOB=VALUE...]`; unset or blank is no rules. Throws naming the bad part. */
function parseGlobRules(variable: string, text: string | undefined, rule: ValueRule): GlobRule[] {
  if (text === undefined || text.trim() === '') return [];
  const fail = (detail: string): never => {
    throw new Error(
      `${variable}='${text}': ${detail}; expected comma-separated GLOB=VALUE pairs with VALUE ` +
        `${rule.what}, e.g. ${variable}=${rule.example}`,
    );
  };
  const rules: GlobRule[] = [];
  for (const item of text.split(',')) {
    const pair = item.trim();
    if (pair === '') fail('an empty entry (a stray comma)');
    const eq = pair.indexOf('=');
    if (eq < 0) fail(`'${pair}' has no '='`);
    const glob = pair.slice(0, eq).trim();
    const valueText = pair.slice(eq + 1).trim();
    if (!GLOB.test(glob)) {
      fail(`'${glob}' is not a revision-name glob (lowercase letters, digits, '-' and '*' only)`);
    }
    if (rules.some((r) => r.glob === glob)) fail(`'${glob}' is listed twice`);
    const value = rule.parse(valueText);
    if (value === undefined) fail(`'${valueText}' (for ${glob}) is not ${rule.what}`);
    rules.push({ glob, value: value as number });
  }
  return rules;
}

export function readTrafficKnobs(env: NodeJS.ProcessEnv): TrafficKnobs {
  return {
    latency: parseGlobRules('SIM_LATENCY_MS', env.SIM_LATENCY_MS, MILLISECONDS),
    errorRate: parseGlobRules('SIM_ERROR_RATE', env.SIM_ERROR_RATE, FRACTION),
  };
}

export function globMatches(glob: string, name: string): boolean {
  const pattern = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\-]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(name);
}

/** The value of the first rule whose glob matches the revision, if any. */
export function ruleFor(rules: readonly GlobRule[], revision: string): number | undefined {
  return rules.find((rule) => globMatches(rule.glob, revision))?.value;
}

/** Spread of the usual answer times: sdlog of the lognormal (p95 is about 1.18 x the median). */
export const LATENCY_SDLOG = 0.1;
/** Share of answers that hit the slow tail. */
export const LATENCY_TAIL_PROBABILITY = 0.01;
/** A tail answer takes this many times the median, uniformly in between. */
export const LATENCY_TAIL_FACTOR = { low: 2, high: 4 } as const;

/** A standard normal draw (Box-Muller) from two uniform draws in [0, 1). */
export function standardNormal(random: () => number): number {
  const u1 = 1 - random(); // (0, 1]: log(0) never happens
  const u2 = random();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * One answer time for a revision whose median is `medianMs`: lognormal around the median
 * (sdlog LATENCY_SDLOG), except that 1 answer in 100 takes 2 to 4 times the median (a slow
 * tail, as from a garbage collection pause or a busy node). Always >= 0; 0 stays 0.
 */
export function jitteredLatency(medianMs: number, random: () => number): number {
  if (medianMs <= 0) return 0;
  if (random() < LATENCY_TAIL_PROBABILITY) {
    const { low, high } = LATENCY_TAIL_FACTOR;
    return medianMs * (low + (high - low) * random());
  }
  return medianMs * Math.exp(LATENCY_SDLOG * standardNormal(random));
}

/** Whether this answer is an injected failure, at the given rate. */
export function failsNow(rate: number, random: () => number): boolean {
  return rate > 0 && random() < rate;
}

/**
 * The ingress's random streams: unseeded, Math.random; seeded (SIM_INGRESS_SEED), one
 * independent generator per stream, so that turning on a knob does not change the split's draws
 * (stream 0, the split, is exactly the generator the seed always gave).
 */
export function randomStream(seed: number | undefined, stream: number): () => number {
  if (seed === undefined) return Math.random;
  return mulberry32((seed + stream * 0x9e3779b9) >>> 0);
}
