/**
 * Whether a failed apply/patch only means Knative's webhook (or a CRD) is not serving
 * yet, so trying again later can succeed. Anything else (a bad value, NotFound,
 * Forbidden, an invalid manifest) fails at once. Pure.
 */
export function isWebhookNotReady(message: string): boolean {
  const text = message.toLowerCase();
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
