import type { KnativeSetup } from './existing.js';

/**
 * Leading `NAME=value` words are environment assignments, as with env(1): npm runs scripts through
 * sh, and dash drops variables whose names contain a dash (INPUT_DRY-RUN) from the environment.
 */
export function splitAssignments(words: string[]): {
  assignments: Record<string, string>;
  command: string[];
} {
  const assignments: Record<string, string> = {};
  let at = 0;
  for (; at < words.length; at++) {
    const match = /^([A-Za-z_][\w-]*)=(.*)$/s.exec(words[at] as string);
    if (!match) break;
    assignments[match[1] as string] = match[2] as string;
  }
  return { assignments, command: words.slice(at) };
}

export interface RunArgs {
  /** Set with `--existing[=none|X.Y.Z]`: one existing cluster instead of the k3d world. */
  existing?: KnativeSetup;
  assignments: Record<string, string>;
  command: string[];
}

export class RunArgsError extends Error {}

/**
 * `[--existing[=none|X.Y.Z]] [NAME=value...] <command...>` (a leading `--` is npm's). Options come
 * first; everything from the first other word on is assignments and the command.
 */
export function parseRunArgs(argv: string[]): RunArgs {
  const words = argv[0] === '--' ? argv.slice(1) : argv;
  let existing: KnativeSetup | undefined;
  let at = 0;
  for (; at < words.length; at++) {
    const word = words[at] as string;
    if (word === '--existing') existing = 'default';
    else if (word.startsWith('--existing='))
      existing = knativeSetup(word.slice('--existing='.length));
    else if (word.startsWith('--'))
      throw new RunArgsError(`unknown option ${word} (the sim knows --existing[=none|X.Y.Z])`);
    else break;
  }
  return { ...(existing ? { existing } : {}), ...splitAssignments(words.slice(at)) };
}

function knativeSetup(value: string): KnativeSetup {
  if (value === 'none') return 'none';
  if (/^v?\d+\.\d+\.\d+$/.test(value)) return { version: value.replace(/^v/, '') };
  throw new RunArgsError(
    `--existing=${value}: expected none (no Knative) or a Knative release like 1.15.2`,
  );
}
