import path from 'node:path';
import { UserError } from '../util/errors.js';

/**
 * The `manifests` input as a normalised path relative to the workspace ('.' for the workspace
 * itself). An absolute path, or one that climbs out with '..', is refused before anything is
 * read: manifests come from the repository, never from elsewhere on the runner.
 */
export function checkManifestsPath(value: string): string {
  const shown = shownPath(value);
  if (value.includes('\0'))
    throw new UserError(`The 'manifests' input ${shown} holds a NUL character.`);
  if (path.isAbsolute(value))
    throw new UserError(
      `The 'manifests' input ${shown} is an absolute path; give a path relative to the workspace (the repository root), e.g. 'knative'.`,
    );
  // Backslashes count as separators here, so '..\\x' is refused on every platform.
  const climbs = path.posix.normalize(value.replace(/\\/g, '/'));
  if (climbs === '..' || climbs.startsWith('../'))
    throw new UserError(
      `The 'manifests' input ${shown} climbs out of the workspace with '..'; give a path inside the repository, e.g. 'knative'.`,
    );
  return path.posix.normalize(value).replace(/(.)\/+$/, '$1');
}

/** A path from the repository for a message: quoted, control characters escaped, length capped. */
export function shownPath(value: string, maxLength = 200): string {
  const cut = value.length > maxLength ? `${value.slice(0, maxLength)}…` : value;
  // JSON escapes quotes, backslashes and control characters; single quotes read better in prose.
  return `'${JSON.stringify(cut).slice(1, -1)}'`;
}

/** True when `candidate` is `root` or below it (both absolute, already resolved). */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return (
    relative === '' ||
    (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
  );
}

/**
 * True when a workspace-relative path enters `.git`: the checkout keeps its credentials there
 * (actions/checkout persists the token in .git/config by default), so no manifest may be read
 * from it, even through a link that stays inside the workspace.
 */
export function entersGitDir(relative: string): boolean {
  return relative.split(/[\\/]/).some((part) => part.toLowerCase() === '.git');
}
