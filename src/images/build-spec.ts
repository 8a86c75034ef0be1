import { UserError } from '../util/errors.js';

/** One `build` input line: name=context[:dockerfile]. */
export interface BuildSpec {
  /** Image name under dev.local/ (lowercase, digits, . _ - separators, / for paths). */
  name: string;
  /** Build context, relative to the repository root. */
  context: string;
  /** Dockerfile, relative to the context (docker's own default: Dockerfile). */
  dockerfile: string;
}

const IMAGE_NAME =
  /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;

/** Parses the `build` input lines (blank lines and # comments already dropped or skipped). Pure. */
export function parseBuildLines(lines: readonly string[]): BuildSpec[] {
  const specs: BuildSpec[] = [];
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const where = `Input 'build', line ${index + 1} ('${line}')`;
    const eq = line.indexOf('=');
    if (eq <= 0)
      throw new UserError(
        `${where}: expected name=context[:dockerfile], e.g. app=./app or app=.:docker/app.Dockerfile.`,
      );
    const name = line.slice(0, eq).trim();
    const rest = line.slice(eq + 1).trim();
    const colon = rest.indexOf(':');
    const context = (colon < 0 ? rest : rest.slice(0, colon)).trim();
    const dockerfile = (colon < 0 ? '' : rest.slice(colon + 1)).trim() || 'Dockerfile';
    if (!IMAGE_NAME.test(name) || name.length > 128) {
      throw new UserError(
        `${where}: '${name}' is not a valid image name (lowercase letters, digits, and . _ - / between them).`,
      );
    }
    if (!context)
      throw new UserError(`${where}: the build context is empty; use . for the repository root.`);
    for (const [what, path] of [
      ['context', context],
      ['dockerfile', dockerfile],
    ] as const) {
      if (path.startsWith('/') || path.split('/').includes('..')) {
        throw new UserError(
          `${where}: the ${what} '${path}' must be a path inside the repository (relative, no '..').`,
        );
      }
    }
    if (specs.some((s) => s.name === name))
      throw new UserError(`${where}: image '${name}' is listed twice.`);
    specs.push({ name, context, dockerfile });
  });
  return specs;
}

/** dev.local/<name>:<sha7>: a local name Knative does not try to resolve, never `latest`. */
export function localImageTag(name: string, commitSha: string): string {
  if (!/^[0-9a-f]{7,40}$/i.test(commitSha)) throw new Error(`'${commitSha}' is not a commit SHA`);
  return `dev.local/${name}:${commitSha.slice(0, 7).toLowerCase()}`;
}
