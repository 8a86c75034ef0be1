import type { Dirent, Stats } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  compareCodeUnits,
  isManifestFile,
  type ManifestFile,
  type ManifestSource,
} from './files.js';
import { ManifestBudget, MANIFEST_LIMITS, type ManifestLimits } from './limits.js';
import { checkManifestsPath, shownPath } from './manifests-path.js';
import { decodeManifest } from './text-encoding.js';
import { readInsideWorkspace, resolveInsideWorkspace } from './workspace-files.js';
import { UserError } from '../util/errors.js';

/** A manifest file found in the workspace: where it really is, and how the user names it. */
interface Found {
  real: string;
  shown: string;
}

/**
 * The manifests as they are in the workspace (the PR side). Every path is resolved to where it
 * really is: the `manifests` path, and every symlink under it, must lead to a file or folder
 * inside the workspace (and not into .git). Files are opened without following links and checked
 * again once open, and refused past the size limits before they are read.
 */
export function workspaceSource(
  workspace: string,
  manifestsPath: string,
  limits: ManifestLimits = MANIFEST_LIMITS,
): ManifestSource {
  return {
    description: 'workspace',
    async readFiles() {
      const relative = checkManifestsPath(manifestsPath);
      const top = await realpath(workspace);
      const root = path.join(top, relative);
      if (!(await lstat(root).catch(() => undefined))) return undefined;
      const found: Found[] = [];
      const shownRoot = relative === '.' ? '' : relative;
      const real = await resolveInsideWorkspace(top, root, shownRoot || '.');
      const info = await stat(real);
      if (info.isDirectory()) await collect(top, real, shownRoot, new Set(), found);
      else if (info.isFile()) found.push({ real, shown: shownRoot });
      else throw notRegular(shownRoot, info);

      const budget = new ManifestBudget(limits);
      const files: ManifestFile[] = [];
      for (const file of found.sort((a, b) => compareCodeUnits(a.shown, b.shown))) {
        const bytes = await readInsideWorkspace(top, file.real, file.shown, budget, limits);
        files.push({ path: file.shown, text: decodeManifest(bytes, file.shown) });
      }
      return files;
    },
  };
}

/** Walks a folder (already resolved) for YAML files, following links that stay inside. */
async function collect(
  top: string,
  dir: string,
  shown: string,
  seen: Set<string>,
  found: Found[],
): Promise<void> {
  if (seen.has(dir))
    throw new UserError(
      `${shown || '.'} leads back to a folder that is already being read (a symlink cycle); remove the link.`,
      { file: shown || '.' },
    );
  seen.add(dir);
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => compareCodeUnits(a.name, b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    const child = shown ? `${shown}/${entry.name}` : entry.name;
    let real = full;
    let kind: Dirent | Stats = entry;
    if (entry.isSymbolicLink()) {
      real = await resolveInsideWorkspace(top, full, child);
      kind = await stat(real);
    }
    if (kind.isDirectory()) await collect(top, real, child, seen, found);
    else if (!isManifestFile(entry.name)) continue;
    else if (kind.isFile()) found.push({ real, shown: child });
    else throw notRegular(child, kind);
  }
}

function notRegular(shown: string, kind: Dirent | Stats): UserError {
  const what = kind.isFIFO()
    ? 'a named pipe (FIFO)'
    : kind.isSocket()
      ? 'a socket'
      : kind.isCharacterDevice() || kind.isBlockDevice()
        ? 'a device file'
        : 'not a regular file';
  return new UserError(
    `${shown || '.'} is ${what}, not a regular file; manifests must be plain YAML files.`,
    { file: shown || '.' },
  );
}

/** The PR side must exist; a missing path is a configuration error. */
export async function requireFiles(
  source: ManifestSource,
  manifestsPath: string,
): Promise<ManifestFile[]> {
  const files = await source.readFiles();
  if (!files || files.length === 0) {
    throw new UserError(
      `No Knative manifests at ${shownPath(manifestsPath)} in the ${source.description}: set the 'manifests' input to a folder or file of .yaml/.yml manifests (relative to the workspace).`,
    );
  }
  return files;
}
