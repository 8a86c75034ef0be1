import { randomUUID } from 'node:crypto';
import { chmod, mkdir, rename, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as tc from '@actions/tool-cache';
import { errorMessage } from '../util/errors.js';
import { log } from '../util/log.js';
import { withRetry } from '../util/retry.js';
import {
  ChecksumMismatchError,
  hashFromChecksumList,
  hashFromSingleHashFile,
} from './checksums.js';
import { sha256OfFile } from './file-hash.js';
import { fetchText, fetchToFile, HttpStatusError, isTransientDownloadError } from './http-fetch.js';
import { mirroredUrl } from './mirror.js';

/**
 * Where the expected sha256 comes from: a release's list of `<hash>  <file>` lines
 * (k3d, Knative), or a `<asset>.sha256` file holding just the hash (kubectl).
 */
export type ChecksumSource = { kind: 'list'; url: string } | { kind: 'single'; url: string };

export interface Artifact {
  /**
   * Tool-cache name. One file per name: tool-cache replaces a version folder
   * wholesale, so two files of one release need two names.
   */
  cacheName: string;
  version: string;
  /** amd64/arm64 for binaries, `noarch` for manifests. */
  arch: string;
  /** The official URL (the mirror, when set, replaces its host). */
  url: string;
  /** File name in the cache and in the checksum list. */
  fileName: string;
  checksum: ChecksumSource;
  /**
   * The sha256 this action ships for the official asset (src/install/pinned-hashes.ts). Checked
   * together with the checksum list on the official hosts; a mirror's list replaces both.
   */
  pinnedSha256?: string;
  executable?: boolean;
}

export interface DownloadOptions {
  /** Base URL replacing the release hosts (input `release-mirror`); its checksum lists are trusted. */
  mirror?: string;
  /** Epoch ms; no request starts after it and none outlives it. */
  deadline: number;
  /** The run's work folder: downloads land in <workDir>/downloads before they are verified. */
  workDir: string;
  /** Attempts per URL, the first included (default 4). */
  attempts?: number;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Upper bound for one request (default 120 s), further cut by the deadline. */
  attemptTimeoutMs?: number;
  log?: (message: string) => void;
  /** A cached file that failed its check (default: a warning in the job log). */
  warn?: (message: string) => void;
  now?: () => number;
}

export interface Downloaded {
  path: string;
  fromCache: boolean;
}

/*
 * Why not tc.downloadTool: it retries 3 times with fixed 10-20 s sleeps and cannot be
 * aborted, so it can neither honour a deadline nor be bounded when wrapped in our own
 * retry (3 x N requests). Here each request is one fetch with a timeout, retried by
 * withRetry (backoff, Retry-After, deadline); tool-cache does the caching (find/cacheFile).
 */

/**
 * Downloads (or finds in the tool cache) one release asset, verified against its sha256.
 * Official hosts: the shipped hash, when there is one, and the release's checksum list must both
 * agree. With a mirror, the mirror's checksum list is the authority. A cached file is hashed
 * again before it is handed out: a persistent runner's cache may have been written by anyone
 * since; a file that fails is discarded and downloaded again, never returned.
 */
export async function downloadVerified(
  artifact: Artifact,
  options: DownloadOptions,
): Promise<Downloaded> {
  const cacheRoot = process.env['RUNNER_TOOL_CACHE'];
  let expected: string | undefined;
  if (cacheRoot) {
    const cachedDir = tc.find(artifact.cacheName, artifact.version, artifact.arch);
    const cachedFile = cachedDir ? join(cachedDir, artifact.fileName) : '';
    if (cachedFile && existsSync(cachedFile)) {
      // Pinned on the official hosts: no request needed to check the cache.
      expected = trustedPin(artifact, options) ?? (await expectedHash(artifact, options));
      const actual = await sha256OfFile(cachedFile);
      if (actual === expected) return { path: cachedFile, fromCache: true };
      (options.warn ?? ((m: string) => log().warning(m)))(
        `The tool cache's ${artifact.fileName} (${artifact.cacheName} ${artifact.version}) has sha256 ` +
          `${actual}, expected ${expected}: it was changed after it was cached. Discarding it and downloading again.`,
      );
      try {
        await rm(`${cachedDir}.complete`, { force: true });
        await rm(cachedDir, { recursive: true, force: true });
      } catch (error) {
        throw new Error(
          `The tool cache's ${artifact.fileName} at ${cachedFile} was changed after it was cached and ` +
            `cannot be removed (${errorMessage(error)}); refusing to use it. Delete ${cachedDir} on the runner.`,
          { cause: error },
        );
      }
      // The pin alone checked the cache; a download is also checked against the list.
      if (trustedPin(artifact, options)) expected = undefined;
    }
  }

  const url = mirroredUrl(artifact.url, options.mirror);
  expected ??= await expectedHash(artifact, options);
  const workDir = join(options.workDir, 'downloads', randomUUID());
  await mkdir(workDir, { recursive: true });
  const partial = join(workDir, `${artifact.fileName}.partial`);
  try {
    const actual = await retrying(`download ${url}`, options, async (signal) => {
      await rm(partial, { force: true });
      return fetchToFile(url, partial, signal);
    });
    // A mismatch is evidence, not bad luck: never retried into success.
    if (actual !== expected)
      throw new ChecksumMismatchError(artifact.fileName, expected, actual, url);
    if (artifact.executable) await chmod(partial, 0o755);
    if (!cacheRoot) {
      const finalPath = join(workDir, artifact.fileName);
      await rename(partial, finalPath);
      return { path: finalPath, fromCache: false };
    }
    const cachedDir = await tc.cacheFile(
      partial,
      artifact.fileName,
      artifact.cacheName,
      artifact.version,
      artifact.arch,
    );
    const cachedFile = join(cachedDir, artifact.fileName);
    if (artifact.executable) await chmod(cachedFile, 0o755);
    return { path: cachedFile, fromCache: false };
  } finally {
    if (cacheRoot) await rm(workDir, { recursive: true, force: true });
    else await rm(partial, { force: true });
  }
}

/** The shipped hash, when it applies: official hosts only (a mirror serves its own files). */
function trustedPin(artifact: Artifact, options: DownloadOptions): string | undefined {
  return options.mirror ? undefined : artifact.pinnedSha256;
}

/** The hash the release's checksum list gives, which must equal the shipped one when it applies. */
async function expectedHash(artifact: Artifact, options: DownloadOptions): Promise<string> {
  const listUrl = mirroredUrl(artifact.checksum.url, options.mirror);
  const text = await retrying(`download ${listUrl}`, options, (signal) =>
    fetchText(listUrl, signal),
  );
  const listed =
    artifact.checksum.kind === 'list'
      ? hashFromChecksumList(text, artifact.fileName)
      : hashFromSingleHashFile(text);
  if (!listed) {
    throw new Error(
      `The checksum file ${listUrl} has no sha256 for ${artifact.fileName}; refusing an unverified download.`,
    );
  }
  const pinned = trustedPin(artifact, options);
  if (pinned && listed !== pinned) {
    throw new Error(
      `The checksum file ${listUrl} gives ${listed} for ${artifact.fileName} ${artifact.version}, but this ` +
        `action ships ${pinned} for it: the release was changed after it was published, or the ` +
        'list was tampered with. Refusing the download.',
    );
  }
  return listed;
}

async function retrying<T>(
  what: string,
  options: DownloadOptions,
  attempt: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const now = options.now ?? Date.now;
  return withRetry(
    async () => {
      const remaining = options.deadline - now();
      if (remaining <= 0) throw new Error(`${what}: the download deadline has passed`);
      const signal = AbortSignal.timeout(Math.min(options.attemptTimeoutMs ?? 120_000, remaining));
      return attempt(signal);
    },
    {
      what,
      attempts: options.attempts ?? 4,
      initialDelayMs: options.initialDelayMs ?? 1000,
      maxDelayMs: options.maxDelayMs ?? 10_000,
      deadline: options.deadline,
      now,
      isTransient: isTransientDownloadError,
      retryAfterMs: (error) => (error instanceof HttpStatusError ? error.retryAfterMs : undefined),
      onRetry: (error, n, delayMs) =>
        options.log?.(
          `${what}: attempt ${n} failed (${describe(error)}); retrying in ${Math.round(delayMs / 100) / 10}s`,
        ),
    },
  );
}

function describe(error: unknown): string {
  if (error instanceof HttpStatusError) return `HTTP ${error.status}`;
  return error instanceof Error ? error.message : String(error);
}
