/**
 * Rollouts through the sim's ingress: a route being updated keeps answering with the split that
 * was last programmed; only hosts that were never programmed answer 404.
 *
 * Upstream (Knative 1.22):
 * - knative/serving knative-v1.22.1 pkg/reconciler/route/route.go: ReconcileKind returns right
 *   after configureTraffic when a traffic target is not routable ("Traffic targets aren't ready,
 *   no need to configure child resources"), before reconcileIngress, so the KIngress keeps its
 *   previous spec; configureTraffic sets status.traffic only once every target is routable.
 * - knative/serving knative-v1.22.1 pkg/reconciler/route/traffic/traffic.go (addRevisionTarget,
 *   addConfigurationTarget) and traffic/errors.go: a revision that is not Ready, or missing, is
 *   a TargetError, which marks the route (RevisionMissing) and stops it there.
 * - knative-extensions/net-contour knative-v1.22.1 pkg/reconciler/contour/contour.go: a new
 *   KIngress generation gets its HTTPProxies only after an endpoint-probe KIngress, which also
 *   keeps the prior generation's proxies, is ready; the older generation's proxies are deleted
 *   only after the new ones are written. Envoy keeps serving the old routes until then.
 * - knative/networking release-1.22 pkg/status/status.go: the KIngress turns Ready once every
 *   Envoy answers its probes with the new generation's hash (Ready is about the new config having
 *   arrived, not about the old one being withdrawn).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeIngressClient,
  importImages,
  installKnative,
  startHarness,
  viaIngress,
  type Harness,
} from './helpers.js';

function ksvc(name: string, revision: string, image: string, traffic: object[]): string {
  return JSON.stringify({
    apiVersion: 'serving.knative.dev/v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: {
      template: { metadata: { name: revision }, spec: { containers: [{ image }] } },
      traffic,
    },
  });
}

const ONE = { revisionName: 'app-one', percent: 100, tag: 'one' };
const ROUTE = 'app.default.example.com';
const STUCK_REVISION = 'app-stuck';

/** The revisions that answered `n` requests to a host, with how often; 'HTTP <status>' for others. */
async function answersFrom(h: Harness, host: string, n = 40): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const answer = await viaIngress(h, host);
    const key = answer.status === 200 ? (answer.revision ?? '?') : `HTTP ${answer.status}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

const routeCondition = (h: Harness, type: string): Promise<string> =>
  h.ok([
    'get',
    'route',
    'app',
    '-o',
    `jsonpath={.status.conditions[?(@.type=="${type}")].status}/{.status.conditions[?(@.type=="${type}")].reason}`,
  ]);

describe('sim ingress during rollouts', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      SIM_REVISION_NEVER_READY: `${STUCK_REVISION},lonely-never`,
      SIM_PROGRESS_DEADLINE_S: '1',
    });
    await installKnative(h);
    await importImages(h, ['dev.local/app:one']);
    await h.ok(['apply', '-f', '-'], ksvc('app', 'app-one', 'dev.local/app:one', [ONE]));
    await h.ok(['wait', '--for=condition=Ready', 'ksvc/app', '--timeout=10s']);
  }, 60_000);
  afterAll(async () => {
    closeIngressClient();
    await h?.stop();
  });

  it('keeps serving the programmed split while the new traffic cannot resolve; new tag hosts 404', async () => {
    expect(await answersFrom(h, ROUTE)).toEqual({ 'app-one': 40 });
    await h.ok(
      ['apply', '-f', '-'],
      ksvc('app', STUCK_REVISION, 'dev.local/app:one', [
        { ...ONE, percent: 50 },
        { revisionName: STUCK_REVISION, percent: 50, tag: 'stuck' },
      ]),
    );
    await h.ok(['wait', '--for=condition=Ready=False', 'route/app', '--timeout=10s']);
    expect(await routeCondition(h, 'AllTrafficAssigned')).toBe('False/RevisionMissing');
    // Real Knative would still route the old 100% to app-one; the sim did answer 404 here.
    expect(await answersFrom(h, ROUTE)).toEqual({ 'app-one': 40 });
    expect(await answersFrom(h, 'one-app.default.example.com', 5)).toEqual({ 'app-one': 5 });
    expect(await answersFrom(h, 'stuck-app.default.example.com', 5)).toEqual({ 'HTTP 404': 5 });
  });

  it('switches to the new split only once every target is ready, tag hosts with it', async () => {
    await h.ok(
      ['apply', '-f', '-'],
      ksvc('app', 'app-two', 'dev.local/app:two', [
        { ...ONE, percent: 50 },
        { revisionName: 'app-two', percent: 50, tag: 'two' },
      ]),
    );
    // app-two's image is not on the node yet: the route cannot resolve it.
    await h.ok([
      'wait',
      '--for=jsonpath={.status.conditions[?(@.type=="AllTrafficAssigned")].status}=False',
      'route/app',
      '--timeout=10s',
    ]);
    expect(await answersFrom(h, ROUTE)).toEqual({ 'app-one': 40 });
    expect(await answersFrom(h, 'two-app.default.example.com', 5)).toEqual({ 'HTTP 404': 5 });

    await importImages(h, ['dev.local/app:two']);
    await h.ok(['wait', '--for=condition=Ready', 'route/app', '--timeout=10s']);
    const split = await answersFrom(h, ROUTE, 200);
    expect(Object.keys(split).sort()).toEqual(['app-one', 'app-two']);
    // 50/50 over 200: below 60 either way has probability < 1e-8.
    expect(split['app-two']).toBeGreaterThan(60);
    expect(await answersFrom(h, 'two-app.default.example.com', 5)).toEqual({ 'app-two': 5 });
  });

  it('drops a tag host once a newer split without it is programmed', async () => {
    // Only the traffic changes: re-applying the named template would be refused (its defaults
    // are not filled in again; knative/serving configuration_defaults.go).
    await h.ok([
      'patch',
      'ksvc',
      'app',
      '--type=merge',
      '-p',
      '{"spec":{"traffic":[{"revisionName":"app-two","percent":100,"tag":"two"}]}}',
    ]);
    await h.ok([
      'wait',
      '--for=jsonpath={.status.traffic[0].percent}=100',
      'route/app',
      '--timeout=10s',
    ]);
    expect(await answersFrom(h, ROUTE)).toEqual({ 'app-two': 40 });
    expect(await answersFrom(h, 'one-app.default.example.com', 5)).toEqual({ 'HTTP 404': 5 });
  });

  it('answers 404 for a route that was never programmed, and once its service is deleted', async () => {
    await h.ok(
      ['apply', '-f', '-'],
      ksvc('lonely', 'lonely-never', 'dev.local/app:one', [
        { revisionName: 'lonely-never', percent: 100 },
      ]),
    );
    await h.ok(['wait', '--for=condition=Ready=False', 'route/lonely', '--timeout=10s']);
    expect(await answersFrom(h, 'lonely.default.example.com', 5)).toEqual({ 'HTTP 404': 5 });

    await h.ok(['delete', 'ksvc', 'app']);
    await h.ok(['wait', '--for=delete', 'route/app', '--timeout=10s']);
    expect(await answersFrom(h, ROUTE, 5)).toEqual({ 'HTTP 404': 5 });
    expect(await answersFrom(h, 'two-app.default.example.com', 5)).toEqual({ 'HTTP 404': 5 });
  });
});
