/**
 * What a failed HTTP exchange means, for every HTTP adapter (downloads, the GitHub API):
 * the server's Retry-After, the network error code behind a fetch failure, and whether the
 * request ended by a timeout. Pure.
 */

/** Network errors that may pass by themselves (the request may or may not have been sent). */
export const TRANSIENT_NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** Connection errors where the request surely never reached the server (safe to repeat a POST). */
export const NOT_SENT_NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** Retry-After in seconds or as an HTTP date (RFC 9110 10.2.3), in ms from `now`. */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The system error code (ECONNRESET, UND_ERR_SOCKET, ...) of an error or of its causes. */
export function networkCode(error: unknown, depth = 0): string | undefined {
  if (typeof error !== 'object' || error === null || depth > 5) return undefined;
  const withCode = error as { code?: unknown; cause?: unknown };
  if (typeof withCode.code === 'string') return withCode.code;
  return withCode.cause !== error ? networkCode(withCode.cause, depth + 1) : undefined;
}

/** An AbortSignal.timeout() firing, directly or as the cause of a stream's AbortError. */
export function isTimeout(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  if (error.name === 'TimeoutError') return true;
  const cause = (error as { cause?: unknown }).cause;
  return error.name === 'AbortError' && cause !== error && isTimeout(cause, depth + 1);
}
