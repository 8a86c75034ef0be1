import { sleep as plainSleep } from './retry.js';

export class AbortedError extends Error {
  constructor(readonly why: string) {
    super(`stopped: ${why}`);
    this.name = 'AbortedError';
  }
}

/**
 * A sleep that rejects once `signal` aborts. waitUntil and withRetry sleep between
 * looks, so handing them this stops a concurrent branch soon after its sibling failed
 * (instead of letting it poll on until the deadline).
 */
export function abortableSleep(
  signal: AbortSignal,
  base: (ms: number) => Promise<void> = plainSleep,
) {
  return async (ms: number): Promise<void> => {
    if (signal.aborted) throw new AbortedError(String(signal.reason ?? 'aborted'));
    await new Promise<void>((resolve, reject) => {
      const onAbort = (): void => reject(new AbortedError(String(signal.reason ?? 'aborted')));
      signal.addEventListener('abort', onAbort, { once: true });
      base(ms).then(
        () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  };
}

/**
 * Promise.all that aborts `controller` at the first failure so siblings stop early,
 * lets them settle (nothing runs on unseen), and reports the root cause: the first
 * failure in task order that is not a sibling's stop.
 */
export async function allOrAbort<T extends readonly unknown[]>(
  controller: AbortController,
  tasks: { [K in keyof T]: Promise<T[K]> },
): Promise<T> {
  try {
    return (await Promise.all(tasks)) as T;
  } catch (first) {
    controller.abort('a concurrent step failed');
    const settled = await Promise.allSettled(tasks);
    const reasons = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
    throw reasons.find((r) => !isStop(r)) ?? first;
  }
}

/** A stop caused by a sibling's failure (possibly wrapped as a PhaseError's cause). */
function isStop(error: unknown): boolean {
  if (error instanceof AbortedError) return true;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause !== undefined && cause !== error && isStop(cause);
}
