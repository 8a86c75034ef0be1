import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import {
  isTimeout,
  networkCode,
  parseRetryAfter,
  TRANSIENT_NETWORK_CODES,
} from '../util/http-failures.js';

/** A non-2xx answer; `retryAfterMs` carries the server's Retry-After when it sent one. */
export class HttpStatusError extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
    readonly retryAfterMs?: number,
  ) {
    super(`GET ${url} answered HTTP ${status}`);
    this.name = 'HttpStatusError';
  }
}

/** 5xx, 408, 429, per-attempt timeouts and connection-level failures may pass; the rest will not. */
export function isTransientDownloadError(error: unknown): boolean {
  if (error instanceof HttpStatusError) {
    return error.status >= 500 || error.status === 408 || error.status === 429;
  }
  if (!(error instanceof Error)) return false;
  // Our per-attempt timeout, directly or as the cause of a stream's AbortError.
  if (isTimeout(error)) return true;
  const code = networkCode(error);
  if (code && TRANSIENT_NETWORK_CODES.has(code)) return true;
  // undici reports a dropped connection as TypeError('fetch failed' | 'terminated').
  return (
    error instanceof TypeError && /fetch failed|terminated|other side closed/i.test(error.message)
  );
}

async function get(url: string, signal: AbortSignal): Promise<Response> {
  const response = await fetch(url, {
    signal,
    redirect: 'follow',
    headers: { 'user-agent': 'knative-action' },
  });
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new HttpStatusError(
      url,
      response.status,
      parseRetryAfter(response.headers.get('retry-after')),
    );
  }
  return response;
}

/** One GET streamed to `dest`; resolves with the body's sha256 (hex). */
export async function fetchToFile(url: string, dest: string, signal: AbortSignal): Promise<string> {
  const response = await get(url, signal);
  if (!response.body) throw new Error(`GET ${url} returned no body`);
  const hash = createHash('sha256');
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(
    Readable.fromWeb(response.body as WebReadableStream),
    hashing,
    createWriteStream(dest),
    {
      signal,
    },
  );
  return hash.digest('hex');
}

/** One GET of a small text (a checksum list). */
export async function fetchText(url: string, signal: AbortSignal): Promise<string> {
  const response = await get(url, signal);
  return response.text();
}
