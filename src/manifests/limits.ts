import { UserError } from '../util/errors.js';

/**
 * Bounds on what one side (the workspace, or the base commit) may hand the parser. A Knative
 * service's manifest is a few KiB, and the API server refuses any object over about 1.5 MiB
 * (etcd's request limit), so a real repository stays far below these. They exist so that a PR
 * cannot make the run parse for minutes or fill the runner's memory: YAML parsing takes seconds
 * and 100-300 MB of memory per MiB of text (`npm run bench -- --manifests` measures it).
 */
export interface ManifestLimits {
  /** Bytes of one manifest file. */
  fileBytes: number;
  /** Bytes of all manifest files of one side together. */
  totalBytes: number;
  /** Manifest files of one side. */
  files: number;
  /** Alias uses per YAML document, counting the aliases inside what an alias points to. */
  aliases: number;
  /** Nesting of flow collections ([...] and {...}) in YAML. */
  flowDepth: number;
  /** Bytes of a symlink's target read from git. */
  linkTargetBytes: number;
}

export const MANIFEST_LIMITS: Readonly<ManifestLimits> = {
  fileBytes: 1024 * 1024,
  // Parsing the most one side may hold then takes seconds, not minutes (npm run bench -- --manifests).
  totalBytes: 4 * 1024 * 1024,
  files: 1000,
  // Real manifests use a handful of aliases at most; a "billion laughs" file needs many.
  aliases: 50,
  // A Knative service written as JSON nests about 10 deep; the parser slows steeply with depth.
  flowDepth: 100,
  // PATH_MAX on Linux.
  linkTargetBytes: 4096,
};

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/**
 * Counts the files and bytes a side has admitted so far; refuses a file, before it is read, when
 * it would pass a limit.
 */
export class ManifestBudget {
  private files = 0;
  private bytes = 0;

  constructor(
    private readonly limits: Pick<ManifestLimits, 'fileBytes' | 'totalBytes' | 'files'>,
  ) {}

  /** Call with the size the file system or git reports, before reading the file. */
  admit(file: string, size: number): void {
    if (size > this.limits.fileBytes)
      throw new UserError(
        `${file} is ${formatBytes(size)}; a manifest file may be at most ${formatBytes(this.limits.fileBytes)}. ` +
          'Split it into several files, or keep generated or binary files out of the manifests folder.',
        { file },
      );
    if (this.files + 1 > this.limits.files)
      throw new UserError(
        `${file}: the manifests hold more than ${this.limits.files} YAML files, the most one run reads. ` +
          "Point the 'manifests' input at the folder that holds only the Knative manifests.",
        { file },
      );
    if (this.bytes + size > this.limits.totalBytes)
      throw new UserError(
        `${file}: the manifests read so far and this file come to ${formatBytes(this.bytes + size)}; ` +
          `all manifest files together may be at most ${formatBytes(this.limits.totalBytes)}. ` +
          "Point the 'manifests' input at the folder that holds only the Knative manifests.",
        { file },
      );
    this.files += 1;
    this.bytes += size;
  }
}
