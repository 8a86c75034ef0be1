import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isManifestFile, type ManifestFile, type ManifestSource } from './files.js';
import { UserError } from '../util/errors.js';

/** The manifests as they are in the workspace (the PR side). */
export function workspaceSource(workspace: string, manifestsPath: string): ManifestSource {
  return {
    description: 'workspace',
    async readFiles() {
      const root = path.resolve(workspace, manifestsPath);
      const info = await stat(root).catch(() => undefined);
      if (!info) return undefined;
      const absolute = info.isDirectory() ? await listYaml(root) : [root];
      const files: ManifestFile[] = [];
      for (const file of absolute) {
        files.push({
          path: path.relative(workspace, file) || path.basename(file),
          text: await readFile(file, 'utf8'),
        });
      }
      return files;
    },
  };
}

async function listYaml(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await listYaml(full)));
    else if (entry.isFile() && isManifestFile(entry.name)) found.push(full);
  }
  return found;
}

/** The PR side must exist; a missing path is a configuration error. */
export async function requireFiles(
  source: ManifestSource,
  manifestsPath: string,
): Promise<ManifestFile[]> {
  const files = await source.readFiles();
  if (!files || files.length === 0) {
    throw new UserError(
      `No Knative manifests at '${manifestsPath}' in the ${source.description}: set the 'manifests' input to a folder or file of .yaml/.yml manifests (relative to the workspace).`,
    );
  }
  return files;
}
