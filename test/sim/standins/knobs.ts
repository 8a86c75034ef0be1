/**
 * Fault knobs for the stand-ins and the cluster daemons they start. The action runs tools with an
 * allow-listed environment, so `SIM_*` variables set for a run never reach k3d or docker through
 * it; the harness writes them to files in the sim's state dir instead:
 *   knobs.json                 the sim's own (from the environment startSim was given)
 *   knobs/<cluster>.json       one cluster's (a test run's), read by `k3d cluster create <cluster>`
 * Variables a stand-in really has in its environment win over both (unit tests set them directly).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Knobs = Record<string, string>;

/** The SIM_* variables of an environment, except the state dir itself. */
export function knobsOf(env: NodeJS.ProcessEnv): Knobs {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] =>
        entry[0].startsWith('SIM_') && entry[0] !== 'SIM_STATE_DIR' && entry[1] !== undefined,
    ),
  );
}

function readKnobs(file: string): Knobs {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return typeof parsed === 'object' && parsed !== null ? knobsOf(parsed as Knobs) : {};
  } catch {
    return {};
  }
}

export function writeSimKnobs(stateDir: string, knobs: Knobs): void {
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(join(stateDir, 'knobs.json'), JSON.stringify(knobs));
}

export function writeClusterKnobs(stateDir: string, cluster: string, knobs: Knobs): void {
  mkdirSync(join(stateDir, 'knobs'), { recursive: true });
  writeFileSync(join(stateDir, 'knobs', `${cluster}.json`), JSON.stringify(knobs));
}

/** The environment a stand-in works with: the sim's knobs, then (for one cluster) its own, then the real environment. */
export function withKnobs(env: NodeJS.ProcessEnv, cluster?: string): NodeJS.ProcessEnv {
  const stateDir = env.SIM_STATE_DIR;
  if (!stateDir) return env;
  return {
    ...readKnobs(join(stateDir, 'knobs.json')),
    ...(cluster ? readKnobs(join(stateDir, 'knobs', `${cluster}.json`)) : {}),
    ...env,
  };
}
