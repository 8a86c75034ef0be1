import { errorMessage, firstLine } from '../util/errors.js';
import { withRetry } from '../util/retry.js';
import { ToolError } from '../util/tool-runner.js';
import { isTransientError, isWebhookNotReady, kubectlErrors } from './webhook-errors.js';

export interface WebhookRetryOptions {
  /** Epoch ms; retries stop here and the last error is reported. */
  deadline: number;
  log?: (message: string) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** All of kubectl's error output (a ToolError's message keeps only its last lines). */
function outputOf(error: unknown): string {
  return error instanceof ToolError
    ? error.result.stderr || error.result.stdout
    : errorMessage(error);
}

/**
 * Runs an apply/patch again while it fails only because a webhook (or a just-applied
 * CRD) is not serving yet; any other failure is thrown at once. When several objects
 * fail, every one of their errors must be such a symptom.
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
    isTransient: (error) => isWebhookNotReady(outputOf(error)),
    onRetry: (error, attempt) =>
      options.log?.(
        `${what}: not accepted yet (attempt ${attempt}): ${transientLine(outputOf(error))}; retrying`,
      ),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
}

/** The first transient error kubectl printed, for the retry log line. */
function transientLine(text: string): string {
  return firstLine(kubectlErrors(text).find(isTransientError) ?? text, 1000);
}
