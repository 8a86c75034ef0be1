import { errorMessage } from './errors.js';

export interface RetryOptions {
  /** What is being attempted, for the final error message ("download k3d"). */
  what: string;
  /** Attempts in all, the first included. */
  attempts: number;
  /** First backoff; doubles each retry, capped by maxDelayMs. */
  initialDelayMs: number;
  maxDelayMs?: number;
  /** Absolute deadline (epoch ms); no attempt starts after it. */
  deadline?: number;
  /** Whether an error may go away by itself; others fail at once. */
  isTransient: (error: unknown) => boolean;
  /** A server-given delay (Retry-After) for this error, if any. */
  retryAfterMs?: (error: unknown) => number | undefined;
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `fn` until it succeeds, a non-transient error, the attempt budget or the deadline. */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const wait = options.sleep ?? sleep;
  const now = options.now ?? Date.now;
  let delay = options.initialDelayMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (!options.isTransient(error)) throw error;
      const serverDelay = options.retryAfterMs?.(error);
      const pause = Math.min(serverDelay ?? delay, options.maxDelayMs ?? Number.POSITIVE_INFINITY);
      const outOfTime = options.deadline !== undefined && now() + pause > options.deadline;
      if (attempt >= options.attempts || outOfTime) {
        const why = outOfTime ? 'the deadline' : `${attempt} attempts`;
        throw new Error(`${options.what} failed after ${why}; last error: ${errorMessage(error)}`, {
          cause: error,
        });
      }
      options.onRetry?.(error, attempt, pause);
      await wait(pause);
      delay = Math.min(delay * 2, options.maxDelayMs ?? Number.POSITIVE_INFINITY);
    }
  }
}
