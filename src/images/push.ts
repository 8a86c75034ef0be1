/**
 * Makes built images pullable by an existing cluster: each local `dev.local/<name>:<sha7>` is
 * tagged `<registry>/<name>:<sha7>` and pushed. Logging in to the registry is the workflow's job
 * (docker/login-action before this step); a refused push says so.
 */
import { firstLine, UserError } from '../util/errors.js';
import { withRetry } from '../util/retry.js';
import { ToolError, type ToolRunner } from '../util/tool-runner.js';

export interface PushOptions {
  /** Local tag -> the registry tag the manifests name. */
  images: ReadonlyMap<string, string>;
  /** Pushes of one image in all; a push of the same tag is idempotent, so a retry is safe. */
  attempts?: number;
  initialDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  log?: (message: string) => void;
}

/** Refusals that no retry fixes: credentials, permissions, a bad name. */
const PERMANENT =
  /denied|unauthorized|authentication required|forbidden|invalid reference|name unknown|no basic auth credentials|does not exist locally|An image does not exist/i;

export async function pushImages(docker: ToolRunner, options: PushOptions): Promise<void> {
  for (const [local, remote] of options.images) {
    await docker.runOk(['tag', local, remote]);
    options.log?.(`pushing ${remote}`);
    try {
      await withRetry(() => docker.runOk(['push', remote], { stream: true }), {
        what: `docker push ${remote}`,
        attempts: options.attempts ?? 3,
        initialDelayMs: options.initialDelayMs ?? 2000,
        isTransient: (error) =>
          !(
            error instanceof ToolError &&
            PERMANENT.test(`${error.result.stderr}\n${error.result.stdout}`)
          ),
        onRetry: (error, attempt, delay) =>
          options.log?.(
            `push of ${remote} failed (try ${attempt}); again in ${Math.round(delay / 1000)} s`,
          ),
        sleep: options.sleep,
      });
    } catch (error) {
      const text =
        error instanceof ToolError ? `${error.result.stderr}\n${error.result.stdout}` : '';
      if (/denied|unauthorized|authentication required|no basic auth credentials/i.test(text))
        throw new UserError(
          `The registry refused the push of ${remote}: ${firstLine(text, 200)}. Log in before this step (e.g. docker/login-action with the registry and a token that may push there; for ghcr.io, permissions: packages: write).`,
        );
      throw error;
    }
  }
}
