import { errorMessage } from './errors.js';
import { sleep } from './retry.js';

export interface WaitOptions {
  /** What is waited for, as the error will say it: "deployments Available in knative-serving". */
  what: string;
  timeoutMs: number;
  intervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Errors from the check that end the wait at once (a failure that waiting cannot fix). */
  isFatal?: (error: unknown) => boolean;
}

/** One look at the world: done, or not yet with a description of what was seen. */
export type Check<T> = () => Promise<{ done: true; value: T } | { done: false; seen: string }>;

export class WaitTimeoutError extends Error {
  constructor(
    readonly what: string,
    readonly lastSeen: string,
    readonly timeoutMs: number,
  ) {
    super(
      `timed out after ${Math.round(timeoutMs / 1000)}s waiting for ${what}; last seen: ${lastSeen}`,
    );
    this.name = 'WaitTimeoutError';
  }
}

/**
 * Polls `check` until it reports done or the deadline passes. A check that throws
 * counts as "not yet" (the API may blink), and its message becomes what was last seen.
 */
export async function waitUntil<T>(check: Check<T>, options: WaitOptions): Promise<T> {
  const now = options.now ?? Date.now;
  const pause = options.sleep ?? sleep;
  const interval = options.intervalMs ?? 1000;
  const deadline = now() + options.timeoutMs;
  let lastSeen: string;
  for (;;) {
    try {
      const result = await check();
      if (result.done) return result.value;
      lastSeen = result.seen;
    } catch (error) {
      if (options.isFatal?.(error)) throw error;
      lastSeen = `error: ${errorMessage(error)}`;
    }
    if (now() + interval > deadline)
      throw new WaitTimeoutError(options.what, lastSeen, options.timeoutMs);
    await pause(interval);
  }
}
