/** The `ttl` input: how long a preview may live after its last run. Pure. */

export interface Ttl {
  /** As given, for messages: `7d`. */
  text: string;
  ms: number;
}

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
/**
 * Any positive duration is accepted; a ttl shorter than a run lets a sweep delete a preview while
 * its own run still deploys it, which the docs warn about.
 */
export const MIN_TTL_MS = 1000;
export const MAX_TTL_MS = 365 * UNIT_MS.d;

/** `<n>s|m|h|d` within 1s..365d, or undefined. */
export function parseTtl(text: string): Ttl | undefined {
  const match = /^(\d{1,8})([smhd])$/.exec(text.trim());
  if (!match) return undefined;
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  if (ms < MIN_TTL_MS || ms > MAX_TTL_MS) return undefined;
  return { text: text.trim(), ms };
}

/** The expiry a run writes: now + ttl, as RFC 3339 in UTC with whole seconds. */
export function expiryAfter(now: Date, ttl: Ttl): string {
  return rfc3339(new Date(now.getTime() + ttl.ms));
}

export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * An expiry read back from a namespace (untrusted: anyone who may edit the namespace can change
 * it). Only a full RFC 3339 date-time with a zone counts; anything else is undefined.
 */
export function parseExpiry(text: unknown): Date | undefined {
  if (typeof text !== 'string' || text.length > 40) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/.test(text))
    return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
