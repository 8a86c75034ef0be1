/**
 * Whether a failed apply/patch only means Knative's webhook (or a CRD) is not serving yet, so
 * trying again later can succeed. kubectl prints one error per object that failed; the whole
 * command is worth retrying only when every one of them is such a symptom. Anything else (a bad
 * value, NotFound, Forbidden, an invalid manifest) fails at once. Pure.
 */

/** A line that starts one kubectl error (possibly after ToolError's "`cmd` exited with N: "). */
const ERROR_START =
  /^(?:`[^`]*` exited with \d+: )?(?:Error from server\b|error:|Error:|The connection to the server|Unable to connect to the server)/;

/**
 * The errors in kubectl's output, one entry per failed object. An entry runs until the next
 * error starts (so "ensure CRDs are installed first" and a webhook's multi-line details stay with
 * theirs); `Warning:` lines are not errors.
 */
export function kubectlErrors(output: string): string[] {
  const entries: string[][] = [];
  let current: string[] | undefined;
  for (const line of output.split('\n')) {
    if (!line.trim()) continue;
    if (/^Warning:/.test(line)) {
      current = undefined;
      continue;
    }
    if (ERROR_START.test(line) || !current) {
      current = [line];
      entries.push(current);
    } else current.push(line);
  }
  return entries.map((lines) => lines.join('\n'));
}

/** One error: a webhook that cannot be reached, a CRD not yet served, or the API server blinking. */
export function isTransientError(entry: string): boolean {
  const text = entry.toLowerCase();
  if (text.includes('failed calling webhook') || text.includes('failed to call webhook')) {
    return [
      'connection refused',
      'no endpoints available for service',
      'context deadline exceeded',
      'i/o timeout',
      'connection reset by peer',
      'service unavailable',
      'eof',
      'no route to host',
      'x509: certificate signed by unknown authority', // webhook cert not yet rotated in
      'tls: failed to verify certificate',
    ].some((symptom) => text.includes(symptom));
  }
  // CRDs applied in the same breath as objects of their kinds, before they are Established.
  if (
    /no matches for kind .* in version/.test(text) ||
    text.includes('ensure crds are installed first')
  )
    return true;
  // The API server itself blinking (k3s restarting a component).
  return /the server is currently unable to handle the request|etcdserver: (leader changed|request timed out)/.test(
    text,
  );
}

/** True when kubectl's output holds at least one error and every error is transient. */
export function isWebhookNotReady(output: string): boolean {
  const errors = kubectlErrors(output);
  return errors.length > 0 && errors.every(isTransientError);
}
