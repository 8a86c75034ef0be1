/**
 * The command line's options: one table (also the source of --help), parsed strictly. Pure.
 */
import { UsageError } from './usage-error.js';

type OptionKind = 'string' | 'list' | 'boolean';

export interface OptionSpec {
  name: string;
  kind: OptionKind;
  /** Placeholder for the value in --help. */
  value?: string;
  short?: string;
  help: string;
}

export const OPTIONS: readonly OptionSpec[] = [
  {
    name: 'labels',
    kind: 'string',
    value: 'LIST',
    help: 'comma-separated PR labels, e.g. canary-30 (PR 30%, base 70%); default: none, so the PR revision gets 100%',
  },
  {
    name: 'base',
    kind: 'string',
    value: 'REF',
    help: 'base commit: default the merge base of HEAD with the default branch (origin/HEAD, else main, else master) when that is not HEAD itself, else HEAD~1',
  },
  {
    name: 'head',
    kind: 'string',
    value: 'REF',
    help: 'PR commit (default HEAD). The preview is of commits: uncommitted changes under the manifests or a build context are refused (commit or stash them); another ref is checked out in a temporary worktree',
  },
  {
    name: 'manifests',
    kind: 'string',
    value: 'PATH',
    help: 'folder or file of the Knative manifests, relative to the repository root (default knative)',
  },
  {
    name: 'build',
    kind: 'list',
    value: 'NAME=DIR[:DOCKERFILE]',
    help: 'image to build for both sides, tagged dev.local/NAME:<sha7>; repeat for more images',
  },
  {
    name: 'requests',
    kind: 'string',
    value: 'N',
    help: 'requests the probe sends to each route (default 400)',
  },
  {
    name: 'cluster',
    kind: 'string',
    value: 'k3d|existing',
    help: 'k3d (default): an ephemeral k3d cluster, deleted at the end; existing: the cluster of the current kubeconfig context',
  },
  {
    name: 'dry-run',
    kind: 'boolean',
    help: 'plan only (revisions, traffic, rendered manifests): no Docker, no cluster',
  },
  {
    name: 'keep-cluster',
    kind: 'boolean',
    help: 'leave the cluster running and print the kubectl/curl commands to poke at it',
  },
  {
    name: 'input',
    kind: 'list',
    value: 'NAME=VALUE',
    help: 'any other action input, e.g. --input domain=preview.dev; repeat for more',
  },
  {
    name: 'json',
    kind: 'boolean',
    help: "print the report as JSON (the action's `report` output) instead of text",
  },
  {
    name: 'debug',
    kind: 'boolean',
    help: 'show debug lines and, on an unexpected error, its stack (also KNATIVE_ACTION_DEBUG=1)',
  },
  { name: 'help', kind: 'boolean', short: 'h', help: 'show this help' },
];

export interface CliArgs {
  labels?: string;
  base?: string;
  head?: string;
  manifests?: string;
  requests?: string;
  cluster?: string;
  build: string[];
  input: string[];
  dryRun: boolean;
  keepCluster: boolean;
  json: boolean;
  debug: boolean;
  help: boolean;
}

const HELP_HINT = 'Run knative-action --help for the options.';

/** Parses argv (without node and the script). Throws UsageError naming the bad option. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const strings = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const flags = new Map<string, boolean>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      const rest = argv.slice(i + 1);
      if (rest.length) throw unexpected(rest[0] as string);
      break;
    }
    const spec = optionOf(arg);
    if (!spec) throw unexpected(arg);
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    if (spec.kind === 'boolean') {
      flags.set(spec.name, booleanValue(spec, inline));
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-'))
        throw new UsageError(
          `--${spec.name} needs a value (${spec.value})${next === undefined ? '' : `, but the next argument is the option ${next}`}. ${HELP_HINT}`,
        );
      value = next;
      i++;
    }
    if (spec.kind === 'list') lists.set(spec.name, [...(lists.get(spec.name) ?? []), value]);
    else {
      const before = strings.get(spec.name);
      if (before !== undefined && before !== value)
        throw new UsageError(
          `--${spec.name} is given twice ('${before}' and '${value}'); give it once.`,
        );
      strings.set(spec.name, value);
    }
  }
  return {
    labels: strings.get('labels'),
    base: strings.get('base'),
    head: strings.get('head'),
    manifests: strings.get('manifests'),
    requests: strings.get('requests'),
    cluster: strings.get('cluster'),
    build: lists.get('build') ?? [],
    input: lists.get('input') ?? [],
    dryRun: flags.get('dry-run') ?? false,
    keepCluster: flags.get('keep-cluster') ?? false,
    json: flags.get('json') ?? false,
    debug: flags.get('debug') ?? false,
    help: flags.get('help') ?? false,
  };
}

function optionOf(arg: string): OptionSpec | undefined {
  if (arg.startsWith('--')) {
    const name = arg.slice(2).split('=')[0];
    return OPTIONS.find((o) => o.name === name);
  }
  if (/^-[A-Za-z]$/.test(arg)) return OPTIONS.find((o) => o.short === arg.slice(1));
  return undefined;
}

function booleanValue(spec: OptionSpec, inline: string | undefined): boolean {
  if (inline === undefined || inline === 'true') return true;
  if (inline === 'false') return false;
  throw new UsageError(
    `--${spec.name} takes no value (or =true / =false), got '${inline}'. ${HELP_HINT}`,
  );
}

function unexpected(arg: string): UsageError {
  if (!arg.startsWith('-')) {
    return new UsageError(
      `Unexpected argument '${arg}': knative-action takes options only. To preview another commit or branch, use --head ${arg}. ${HELP_HINT}`,
    );
  }
  const name = arg.replace(/^-+/, '').split('=')[0] ?? '';
  const suggestion = closestOption(name);
  return new UsageError(
    `Unknown option '${arg.split('=')[0]}'.${suggestion ? ` Did you mean --${suggestion}?` : ''} ${HELP_HINT}`,
  );
}

/** The option a typo most likely meant: the only one it starts, else one within two edits. */
export function closestOption(name: string): string | undefined {
  const lower = name.toLowerCase();
  const starting = OPTIONS.filter((o) => lower.length >= 3 && o.name.startsWith(lower));
  if (starting.length === 1) return starting[0]?.name;
  let best: { name: string; distance: number } | undefined;
  for (const option of OPTIONS) {
    const distance = editDistance(lower, option.name);
    if (distance <= 2 && (!best || distance < best.distance))
      best = { name: option.name, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(
        Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution),
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}
