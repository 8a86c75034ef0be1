/** Reading the sha256 lists that releases publish next to their assets. Pure. */

const SHA256 = /^[0-9a-f]{64}$/i;

/**
 * Finds the hash of `fileName` in a list of `<hash>  <path>` lines (sha256sum format;
 * a leading `*` marks binary mode). The path's last segment must equal the file name
 * exactly: `_dist/k3d-linux-arm` must not match `k3d-linux-arm64`.
 */
export function hashFromChecksumList(listText: string, fileName: string): string | undefined {
  for (const rawLine of listText.split(/\r?\n/)) {
    const match = /^([0-9a-fA-F]{64})\s+\*?(\S.*)$/.exec(rawLine.trim());
    if (!match) continue;
    const path = match[2]!.trim();
    const baseName = path.slice(path.lastIndexOf('/') + 1);
    if (baseName === fileName) return match[1]!.toLowerCase();
  }
  return undefined;
}

/** A `<file>.sha256` body: the hash alone, optionally followed by a file name. */
export function hashFromSingleHashFile(text: string): string | undefined {
  const first = text.trim().split(/\s+/)[0] ?? '';
  return SHA256.test(first) ? first.toLowerCase() : undefined;
}

export class ChecksumMismatchError extends Error {
  constructor(
    readonly fileName: string,
    readonly expected: string,
    readonly actual: string,
    readonly url: string,
  ) {
    super(
      `sha256 mismatch for ${fileName} (from ${url}): expected ${expected}, got ${actual}. ` +
        'The download is corrupt or was tampered with; it was not cached.',
    );
    this.name = 'ChecksumMismatchError';
  }
}
