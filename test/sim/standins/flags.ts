/**
 * A small command-line parser with the rules of Go's pflag (used by k3d and docker via cobra), so
 * the stand-ins accept and reject arguments the way the real tools do.
 */

export type FlagKind = 'bool' | 'string' | 'int' | 'duration' | 'stringArray';

export interface FlagSpec {
  name: string;
  short?: string;
  kind: FlagKind;
  /** A real flag of the tool that the simulation does not model: using it is an error naming it. */
  unsupported?: string;
}

export type FlagValue = string | boolean | number | string[];

export interface ParsedArgs {
  flags: Map<string, FlagValue>;
  positionals: string[];
}

/** A command-line mistake; the stand-in prints `Error: <message>` and exits 1, as cobra does. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseArgs(args: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const flags = new Map<string, FlagValue>();
  const positionals: string[] = [];
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const byShort = new Map(specs.filter((s) => s.short).map((spec) => [spec.short as string, spec]));

  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      const spec = byName.get(name);
      if (!spec) throw new UsageError(`unknown flag: --${name}`);
      const label = flagLabel(spec);
      if (eq !== -1) {
        store(flags, spec, arg.slice(eq + 1), label);
      } else if (spec.kind === 'bool') {
        store(flags, spec, 'true', label);
      } else {
        // pflag takes the next word as the value even when it starts with '-' ("--disable=traefik@...").
        if (i + 1 >= args.length) throw new UsageError(`flag needs an argument: --${name}`);
        store(flags, spec, args[++i] as string, label);
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      const letter = arg.slice(1, 2);
      const spec = byShort.get(letter);
      if (!spec) throw new UsageError(`unknown shorthand flag: '${letter}' in ${arg}`);
      const rest = arg.slice(2);
      const label = flagLabel(spec);
      if (rest.startsWith('=')) {
        store(flags, spec, rest.slice(1), label);
      } else if (spec.kind === 'bool') {
        if (rest !== '') throw new UsageError(`unknown shorthand flag: '${rest[0]}' in ${arg}`);
        store(flags, spec, 'true', label);
      } else if (rest !== '') {
        store(flags, spec, rest, label);
      } else {
        if (i + 1 >= args.length)
          throw new UsageError(`flag needs an argument: '${letter}' in ${arg}`);
        store(flags, spec, args[++i] as string, label);
      }
      continue;
    }
    positionals.push(arg);
  }
  return { flags, positionals };
}

/** pflag names a flag in errors as "-a, --agents" when it has a shorthand. */
const flagLabel = (spec: FlagSpec): string =>
  spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;

function store(flags: Map<string, FlagValue>, spec: FlagSpec, raw: string, label: string): void {
  if (spec.unsupported !== undefined) {
    throw new UsageError(
      `flag ${label} is not supported by the simulated cluster: ${spec.unsupported}`,
    );
  }
  const invalid = (detail: string) =>
    new UsageError(`invalid argument "${raw}" for "${label}" flag: ${detail}`);
  switch (spec.kind) {
    case 'bool': {
      const value = parseGoBool(raw);
      if (value === undefined) throw invalid(`strconv.ParseBool: parsing "${raw}": invalid syntax`);
      flags.set(spec.name, value);
      return;
    }
    case 'int': {
      if (!/^[+-]?\d+$/.test(raw))
        throw invalid(`strconv.ParseInt: parsing "${raw}": invalid syntax`);
      flags.set(spec.name, Number.parseInt(raw, 10));
      return;
    }
    case 'duration': {
      const ms = parseGoDuration(raw);
      if (ms === undefined) throw invalid(`time: invalid duration "${raw}"`);
      flags.set(spec.name, ms);
      return;
    }
    case 'stringArray': {
      const previous = flags.get(spec.name);
      flags.set(spec.name, [...(Array.isArray(previous) ? previous : []), raw]);
      return;
    }
    case 'string':
      flags.set(spec.name, raw);
  }
}

function parseGoBool(raw: string): boolean | undefined {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(raw)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(raw)) return false;
  return undefined;
}

const durationUnitsMs: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Go's time.ParseDuration ("90s", "1m30s", "0"), in milliseconds. */
export function parseGoDuration(raw: string): number | undefined {
  if (raw === '0') return 0;
  const part = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;
  let total = 0;
  let at = 0;
  while (at < raw.length) {
    part.lastIndex = at;
    const match = part.exec(raw);
    if (!match) return undefined;
    total +=
      Number.parseFloat(match[1] as string) * (durationUnitsMs[match[2] as string] as number);
    at = part.lastIndex;
  }
  return raw === '' ? undefined : total;
}

export const flagString = (parsed: ParsedArgs, name: string): string | undefined => {
  const value = parsed.flags.get(name);
  return typeof value === 'string' ? value : undefined;
};
export const flagBool = (parsed: ParsedArgs, name: string, fallback: boolean): boolean => {
  const value = parsed.flags.get(name);
  return typeof value === 'boolean' ? value : fallback;
};
export const flagNumber = (parsed: ParsedArgs, name: string): number | undefined => {
  const value = parsed.flags.get(name);
  return typeof value === 'number' ? value : undefined;
};
export const flagList = (parsed: ParsedArgs, name: string): string[] => {
  const value = parsed.flags.get(name);
  return Array.isArray(value) ? value : [];
};
