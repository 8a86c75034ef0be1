/**
 * Reading a file of the workspace so that it cannot lead elsewhere on the runner. A path is
 * resolved to where it really is and refused outside the workspace; then the file is opened
 * without following a link, and the open file itself is checked: a regular file, where it was
 * expected, within the size limits. The check after opening is what closes the window between
 * resolving and opening (a link swapped in meanwhile).
 */
import { constants } from 'node:fs';
import { lstat, open, readlink, realpath, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { ManifestBudget, type ManifestLimits } from './limits.js';
import { entersGitDir, isInside, shownPath } from './manifests-path.js';
import { UserError } from '../util/errors.js';

/**
 * Where `absolute` really is, refused when that is outside `top` (the workspace, resolved) or
 * inside its .git, or when a link on the way loops or dangles. The message names the link and
 * where it points (a path, never anything read from a file).
 */
export async function resolveInsideWorkspace(
  top: string,
  absolute: string,
  shown: string,
): Promise<string> {
  let real: string;
  try {
    real = await realpath(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ELOOP' && code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    const link = await offendingLink(top, absolute, shown);
    const name = link ? link.name : shownPath(shown);
    throw new UserError(
      code === 'ELOOP'
        ? `${name} is a symlink that loops back on itself${link ? ` (to ${link.target})` : ''}; remove the link.`
        : `${name} is a symlink${link ? ` to ${link.target}` : ''}, which does not exist; remove the link or restore its target.`,
      { file: link?.file ?? shown },
    );
  }
  const outside = !isInside(top, real);
  if (outside || entersGitDir(path.relative(top, real))) {
    const where = outside
      ? 'outside the workspace'
      : "into .git, which holds the checkout's credentials";
    const link = await offendingLink(top, absolute, shown);
    throw new UserError(
      link
        ? `${link.name} is a symlink to ${link.target}, which leads ${where}; manifests are read only from the repository's own files. Replace the link with the file itself.`
        : `${shownPath(shown)} leads ${where}; manifests are read only from the repository's own files.`,
      { file: link?.file ?? shown },
    );
  }
  return real;
}

/**
 * The first symlink on the way from `top` to `absolute` that loops, dangles, or leads outside
 * the workspace or into .git, for a message. Only the part below the workspace is searched: that
 * part comes from the repository.
 */
async function offendingLink(
  top: string,
  absolute: string,
  shown: string,
): Promise<{ name: string; target: string; file: string } | undefined> {
  const parts = path.relative(top, absolute).split(path.sep);
  for (let depth = 1; depth <= parts.length; depth++) {
    const candidate = path.join(top, ...parts.slice(0, depth));
    const info = await lstat(candidate).catch(() => undefined);
    if (!info?.isSymbolicLink()) continue;
    const real = await realpath(candidate).catch(() => undefined);
    if (real && isInside(top, real) && !entersGitDir(path.relative(top, real))) continue;
    // The last part is the entry itself, named as the user knows it (it may sit in a linked folder).
    const file = depth === parts.length ? shown : parts.slice(0, depth).join('/');
    const target = await readlink(candidate).catch(() => '?');
    return { name: shownPath(file), target: shownPath(target), file };
  }
  return undefined;
}

/**
 * The bytes of a manifest file found at `real` (already resolved inside `top`), admitted to the
 * budget before it is read.
 */
export async function readInsideWorkspace(
  top: string,
  real: string,
  shown: string,
  budget: ManifestBudget,
  limits: Pick<ManifestLimits, 'fileBytes'>,
): Promise<Buffer> {
  let handle: FileHandle;
  try {
    // O_NOFOLLOW: a link put in its place since it was resolved is not followed. O_NONBLOCK: a
    // named pipe put there does not hang the run (it is refused below). Neither exists on Windows.
    handle = await open(
      real,
      constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0),
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw changed(shown);
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile())
      throw new UserError(`${shown} is not a regular file; manifests must be plain YAML files.`, {
        file: shown,
      });
    const opened = await openedPath(handle);
    if (
      opened !== undefined &&
      (!isInside(top, opened) || entersGitDir(path.relative(top, opened)))
    )
      throw changed(shown);
    budget.admit(shown, info.size);
    return await readAtMost(handle, info.size, limits.fileBytes, shown);
  } finally {
    await handle.close();
  }
}

function changed(shown: string): UserError {
  return new UserError(
    `${shown} changed while it was being read (it became a link that leads elsewhere); the manifests must not change during the run.`,
    { file: shown },
  );
}

/** Where an open file really is, from the kernel (Linux); undefined where that cannot be asked. */
async function openedPath(handle: FileHandle): Promise<string | undefined> {
  if (process.platform !== 'linux') return undefined;
  return readlink(`/proc/self/fd/${handle.fd}`).catch(() => undefined);
}

/** Reads the file's `size` bytes; more than that (it grew) is refused, past the limit or not. */
async function readAtMost(
  handle: FileHandle,
  size: number,
  limit: number,
  shown: string,
): Promise<Buffer> {
  const buffer = Buffer.alloc(Math.min(size, limit) + 1);
  let length = 0;
  while (length < buffer.length) {
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  if (length > size)
    throw new UserError(
      `${shown} grew while it was being read; the manifests must not change during the run.`,
      { file: shown },
    );
  return buffer.subarray(0, length);
}
