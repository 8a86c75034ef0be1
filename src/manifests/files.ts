import { parseManifestFile, type ManifestDocument } from './documents.js';

export interface ManifestFile {
  /** Path as shown to the user (relative to the workspace). */
  path: string;
  text: string;
}

/** Where manifest files come from: the workspace, or a commit in git. */
export interface ManifestSource {
  /** For messages: "workspace" or "base commit abc1234". */
  readonly description: string;
  /** The YAML files under the manifests path, sorted; undefined when the path does not exist there. */
  readFiles(): Promise<ManifestFile[] | undefined>;
}

export const isManifestFile = (name: string): boolean => /\.ya?ml$/i.test(name);

/** Files are read in plain code-unit order of their paths: the same on every machine and locale. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reads and parses every document of every manifest file of a source. */
export async function loadManifests(
  source: ManifestSource,
): Promise<ManifestDocument[] | undefined> {
  const files = await source.readFiles();
  if (!files) return undefined;
  return files.flatMap((file) => parseManifestFile(file.text, file.path));
}
