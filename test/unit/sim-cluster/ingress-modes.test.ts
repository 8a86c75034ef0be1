/** Ingress reachability rules and the ignore-weights fault; the Knative webhook before it is up. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseAsset } from '../../sim/cluster/releases.js';
import { closeIngressClient, startHarness, viaIngress, type Harness } from './helpers.js';

const HELLO = (traffic: object[]): string =>
  JSON.stringify({
    apiVersion: 'serving.knative.dev/v1',
    kind: 'Service',
    metadata: { name: 'hello', namespace: 'default' },
    spec: {
      template: {
        metadata: { name: 'hello-two' },
        spec: {
          containers: [
            {
              image: 'ghcr.io/knative/helloworld-go:latest',
              env: [{ name: 'TARGET', value: 'Two' }],
            },
          ],
        },
      },
      traffic,
    },
  });

describe('sim ingress modes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ SIM_INGRESS_IGNORE_WEIGHTS: '1', SIM_WEBHOOK_DELAY_S: '1' });
  });
  afterAll(async () => {
    closeIngressClient();
    await h?.stop();
  });

  it('refuses Knative Services until the webhook answers, then serves them cluster-locally only', async () => {
    await h.ok(['apply', '-f', '-'], releaseAsset('serving-crds.yaml', 'v1.22.1'));
    await h.ok(['wait', '--for=condition=Established', 'crd', '--all', '--timeout=10s']);
    await h.ok(['apply', '-f', '-'], releaseAsset('serving-core.yaml', 'v1.22.1'));
    const early = await h.kubectl(
      ['apply', '-f', '-'],
      HELLO([{ latestRevision: true, percent: 100 }]),
    );
    expect(early.stderr).toContain('failed calling webhook "webhook.serving.knative.dev"');
    await h.ok(['apply', '-f', '-'], releaseAsset('contour.yaml', 'v1.22.1'));
    await h.ok(['apply', '-f', '-'], releaseAsset('net-contour.yaml', 'v1.22.1'));
    await h.ok([
      'wait',
      '--for=condition=Available',
      'deployment',
      '--all',
      '-n',
      'knative-serving',
      '--timeout=10s',
    ]);
    let applied = await h.kubectl(
      ['apply', '-f', '-'],
      HELLO([{ latestRevision: true, percent: 100 }]),
    );
    for (let i = 0; i < 30 && applied.code !== 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      applied = await h.kubectl(
        ['apply', '-f', '-'],
        HELLO([{ latestRevision: true, percent: 100 }]),
      );
    }
    expect(applied.code).toBe(0);
    // Default ingress class (istio) has no controller here: the route never gets its load balancer.
    await h.ok([
      'wait',
      '--for=jsonpath={.status.conditions[?(@.type=="IngressReady")].reason}=IngressNotConfigured',
      'route/hello',
      '--timeout=10s',
    ]);
    await h.ok([
      'patch',
      'configmap',
      'config-network',
      '-n',
      'knative-serving',
      '--type',
      'merge',
      '-p',
      '{"data":{"ingress-class":"contour.ingress.networking.knative.dev"}}',
    ]);
    await h.ok(['wait', '--for=condition=Ready', 'ksvc/hello', '--timeout=10s']);
    expect(await h.ok(['get', 'ksvc', 'hello', '-o', 'jsonpath={.status.url}'])).toBe(
      'http://hello.default.svc.cluster.local',
    );
    // Cluster-local domain: not published on the external ingress.
    expect((await viaIngress(h, 'hello.default.svc.cluster.local')).status).toBe(404);
  });

  it('ignores traffic weights when SIM_INGRESS_IGNORE_WEIGHTS=1', async () => {
    await h.ok([
      'patch',
      'configmap',
      'config-domain',
      '-n',
      'knative-serving',
      '--type',
      'merge',
      '-p',
      '{"data":{"example.com":""}}',
    ]);
    await h.ok(
      ['apply', '-f', '-'],
      HELLO([{ latestRevision: true, percent: 100 }])
        .replace('hello-two', 'hello-one')
        .replace('"Two"', '"One"'),
    );
    await h.ok(['wait', '--for=condition=Ready', 'ksvc/hello', '--timeout=10s']);
    await h.ok(
      ['apply', '-f', '-'],
      HELLO([
        { revisionName: 'hello-one', percent: 100, tag: 'one' },
        { revisionName: 'hello-two', percent: 0, tag: 'two' },
      ]),
    );
    await h.ok([
      'wait',
      '--for=jsonpath={.status.traffic[1].revisionName}=hello-two',
      'ksvc/hello',
      '--timeout=10s',
    ]);
    await h.ok(['wait', '--for=condition=Ready', 'ksvc/hello', '--timeout=10s']);
    const bodies = new Set<string>();
    for (let i = 0; i < 60; i++)
      bodies.add((await viaIngress(h, 'hello.default.example.com')).body);
    // With weights honoured only "One" could answer; ignoring them, the 0% revision answers too.
    expect([...bodies].sort()).toEqual(['Hello One!\n', 'Hello Two!\n']);
  });
});
