/**
 * Knative's webhooks as the API server meets them while they start, through the real kubectl.
 * Upstream: knative/serving config/core/webhooks/*.yaml and config/core/configmaps/*.yaml at
 * knative-v1.22.1; knative/pkg webhook/configmaps/configmaps.go (release-1.22: the pod fills in
 * the config-map webhook's rules); kubernetes release-1.34 staging/src/k8s.io/apiserver
 * pkg/admission/plugin/webhook/mutating/dispatcher.go ("failed to call webhook: %w", wrapped by
 * NewInternalError), pkg/util/webhook/error.go ("failed calling webhook %q: %v") and
 * pkg/util/proxy/proxy.go ("no endpoints available for service %q").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseAsset } from '../../sim/cluster/releases.js';
import { startHarness, type Harness } from './helpers.js';

const KSVC = JSON.stringify({
  apiVersion: 'serving.knative.dev/v1',
  kind: 'Service',
  metadata: { name: 'hello', namespace: 'default' },
  spec: { template: { spec: { containers: [{ image: 'ghcr.io/knative/helloworld-go:latest' }] } } },
});

const patchNetwork = (h: Harness) =>
  h.kubectl([
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

describe('Knative webhooks while they start', () => {
  let h: Harness;
  beforeAll(async () => {
    // The webhook pod starts after 3 s and is Ready 3 s later.
    h = await startHarness({ SIM_READY_DELAY_S: '3', SIM_WEBHOOK_DELAY_S: '3' });
    await h.ok(['apply', '-f', '-'], releaseAsset('serving-crds.yaml', 'v1.22.1'));
    await h.ok(['wait', '--for=condition=Established', 'crd', '--all', '--timeout=20s']);
    await h.ok(['apply', '-f', '-'], releaseAsset('serving-core.yaml', 'v1.22.1'));
  }, 60_000);
  afterAll(async () => {
    await h?.stop();
  });

  it('before the webhook pod runs: config maps are not checked, Knative objects find no endpoints', async () => {
    expect(
      await h.ok([
        'get',
        'validatingwebhookconfiguration',
        'config.webhook.serving.knative.dev',
        '-o',
        'jsonpath={.webhooks[0].rules}',
      ]),
    ).toBe('');
    expect((await patchNetwork(h)).code).toBe(0);
    const early = await h.kubectl(['apply', '-f', '-'], KSVC);
    // The defaulting webhook is called first; its path is not filled in yet.
    expect(early.stderr).toContain(
      'Error from server (InternalError): error when creating "STDIN": Internal error occurred: failed calling webhook "webhook.serving.knative.dev": failed to call webhook: Post "https://webhook.knative-serving.svc:443/?timeout=10s": no endpoints available for service "webhook"',
    );
  });

  it('once it runs, before it is Ready: its rules are registered and every call finds no endpoints', async () => {
    await h.ok([
      'wait',
      '--for=jsonpath={.webhooks[0].rules[0].resources[0]}=configmaps/*',
      'validatingwebhookconfiguration/config.webhook.serving.knative.dev',
      '--timeout=10s',
    ]);
    expect((await patchNetwork(h)).stderr).toContain(
      'Internal error occurred: failed calling webhook "config.webhook.serving.knative.dev": failed to call webhook: Post "https://webhook.knative-serving.svc:443/config-validation?timeout=10s": no endpoints available for service "webhook"',
    );
    expect((await h.kubectl(['apply', '-f', '-'], KSVC)).stderr).toContain(
      'Internal error occurred: failed calling webhook "webhook.serving.knative.dev": failed to call webhook: Post "https://webhook.knative-serving.svc:443/defaulting?timeout=10s": no endpoints available for service "webhook"',
    );
    // The objectSelector picks Knative's own config maps by name and component only.
    expect(
      (
        await h.kubectl(
          ['apply', '-f', '-'],
          JSON.stringify({
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: {
              name: 'unrelated',
              namespace: 'knative-serving',
              labels: { 'app.kubernetes.io/name': 'knative-serving' },
            },
            data: { a: 'b' },
          }),
        )
      ).code,
    ).toBe(0);
  });

  it('once Ready: config maps and Knative objects are admitted', async () => {
    await h.ok([
      'wait',
      '--for=condition=Available',
      'deployment/webhook',
      '-n',
      'knative-serving',
      '--timeout=20s',
    ]);
    expect((await patchNetwork(h)).code).toBe(0);
    expect((await h.kubectl(['apply', '-f', '-'], KSVC)).code).toBe(0);
  });
});
