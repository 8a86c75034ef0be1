/**
 * From options to the action's inputs, validated by the action's own parseInputs: the command
 * line accepts exactly the inputs the action accepts, with the same checks, and its errors
 * name the option to fix.
 */
import { parseInputs, type ActionConfig, type InputReader } from '../config/inputs.js';
import { parseBuildLines } from '../images/build-spec.js';
import { UserError, errorMessage } from '../util/errors.js';
import type { CliArgs } from './args.js';
import { UsageError } from './usage-error.js';

/** Options that stand for an input of the same name. */
const FLAG_INPUTS = [
  'labels',
  'manifests',
  'build',
  'requests',
  'dry-run',
  'keep-cluster',
  'cluster',
] as const;

/** Inputs that mean nothing on a terminal, and why. */
const REFUSED_INPUTS: Record<string, string> = {
  'github-token':
    'the command line writes no PR comment, so it needs no token (and a token on a command line ends up in shell history)',
  comment: 'the command line writes no PR comment; it prints the report instead',
};

export type ParseInputs = (read: InputReader) => ActionConfig;

/** The inputs the options set, by input name. */
export function cliInputs(args: CliArgs): Record<string, string> {
  const inputs: Record<string, string> = {};
  const fromFlag = new Set<string>();
  const set = (name: string, value: string | undefined): void => {
    if (value === undefined) return;
    inputs[name] = value;
    fromFlag.add(name);
  };
  set('labels', args.labels);
  set('manifests', args.manifests);
  set('requests', args.requests);
  set('build', args.build.length ? args.build.join('\n') : undefined);
  if (args.dryRun) set('dry-run', 'true');
  if (args.keepCluster) set('keep-cluster', 'true');
  if (args.cluster !== undefined) {
    if (args.cluster !== 'k3d' && args.cluster !== 'existing')
      throw new UsageError(`--cluster is '${args.cluster}'; use k3d (the default) or existing.`);
    set('cluster', args.cluster);
  }
  for (const pair of args.input) {
    const eq = pair.indexOf('=');
    const name = eq > 0 ? pair.slice(0, eq).trim() : '';
    if (!name)
      throw new UsageError(
        `--input takes NAME=VALUE (e.g. --input domain=preview.dev), got '${pair}'.`,
      );
    const reason = REFUSED_INPUTS[name];
    if (reason) throw new UsageError(`--input ${name} is not used here: ${reason}.`);
    if (fromFlag.has(name))
      throw new UsageError(`The input '${name}' is given by both --${name} and --input; use one.`);
    if (name in inputs) throw new UsageError(`--input ${name} is given twice; give it once.`);
    inputs[name] = pair.slice(eq + 1);
  }
  return inputs;
}

/**
 * The action's config from these inputs. Unknown input names, values parseInputs refuses and
 * bad build lines are UsageErrors naming the option.
 */
export function readConfig(
  inputs: Record<string, string>,
  parse: ParseInputs = parseInputs,
): ActionConfig {
  const known = knownInputNames(parse);
  let config: ActionConfig | undefined;
  let failure: unknown;
  try {
    // Names read only when another input has some value count as known too.
    config = parse((name) => {
      known.add(name);
      return (inputs[name] ?? '').trim();
    });
    parseBuildLines(config.build);
  } catch (error) {
    failure = error;
  }
  const unknown = Object.keys(inputs).filter((name) => !known.has(name));
  if (unknown.length) {
    const names = [...known].filter((n) => !(n in REFUSED_INPUTS)).sort();
    throw new UsageError(
      `Unknown input ${unknown.map((n) => `'${n}'`).join(', ')} in --input. The inputs are: ${names.join(', ')}.`,
    );
  }
  if (failure instanceof UserError) throw new UsageError(inOptionTerms(errorMessage(failure)));
  if (failure !== undefined || !config) throw failure;
  return config;
}

/** Every input parseInputs reads when given only defaults. */
export function knownInputNames(parse: ParseInputs = parseInputs): Set<string> {
  const names = new Set<string>();
  try {
    parse((name) => {
      names.add(name);
      return '';
    });
  } catch {
    // The names read before a default was refused are still known.
  }
  return names;
}

/**
 * The action's words for an input, as the option that sets it here: "Input 'requests' has ..."
 * -> "--requests has ...", "set the 'domain' input" -> "set --input domain".
 */
export function inOptionTerms(message: string): string {
  const option = (name: string): string =>
    (FLAG_INPUTS as readonly string[]).includes(name) ? `--${name}` : `--input ${name}`;
  return message
    .replace(
      /^Input '([a-z0-9-]+)'(?:, line (\d+) \('([^']*)'\))?/,
      (_match, name: string, line: string | undefined, text: string | undefined) => {
        if (line === undefined) return option(name);
        return (FLAG_INPUTS as readonly string[]).includes(name)
          ? `--${name} '${text}'`
          : `--input ${name}, line ${line} ('${text}')`;
      },
    )
    .replace(/\b[Tt]he '([a-z0-9-]+)' input\b/g, (_match, name: string) => option(name));
}
