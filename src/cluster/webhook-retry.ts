import { errorMessage } from '../util/errors.js';
import { withRetry } from '../util/retry.js';
import { isWebhookNotReady } from './webhook-errors.js';

export interface WebhookRetryOptions {
  /** Epoch ms; retries stop here and the last error is reported. */
  deadline: number;
  log?: (message: string) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/**
 * Runs an apply/patch again while it fails only because a webhook (or a just-applied
 * CRD) is not serving yet; any other failure is thrown at once.
 */
export function retryWhileWebhookStarting<T>(
  what: string,
  step: () => Promise<T>,
  options: WebhookRetryOptions,
): Promise<T> {
  return withRetry(step, {
    what,
    // The deadline is the real bound; the count only guards against a zero-delay loop.
    attempts: 500,
    initialDelayMs: 1000,
    maxDelayMs: 5000,
    deadline: options.deadline,
    isTransient: (error) => isWebhookNotReady(errorMessage(error)),
    onRetry: (error, attempt) =>
      options.log?.(
        `${what}: not accepted yet (attempt ${attempt}): ${firstLine(errorMessage(error))}; retrying`,
      ),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
}

const firstLine = (text: string): string => text.split('\n').find((l) => l.trim()) ?? text;
