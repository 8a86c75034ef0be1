/**
 * Existing clusters the action must refuse or be careful with: plain Kubernetes without Knative,
 * an old Knative (as its release labelled itself), one serving only a pre-v1 API, and a deployer
 * who may not read CRDs. What a least-privilege deployer can always read is discovery (the
 * system:discovery ClusterRole is bound to every authenticated user).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseLabels, startExistingCluster, type ExistingCluster } from '../../sim/existing.js';
import { clusterEnv, kubectlIn, removeScratch, viaIngress } from './existing-helpers.js';

const SERVICE = `apiVersion: serving.knative.dev/v1
kind: Service
metadata: {name: hello, namespace: default}
spec:
  template:
    spec:
      containers: [{image: ghcr.io/knative/helloworld-go:latest}]
`;

let none: ExistingCluster;
let old: ExistingCluster;
let prehistoric: ExistingCluster;

beforeAll(async () => {
  const started = await Promise.allSettled([
    startExistingCluster({ knative: 'none' }),
    startExistingCluster({
      knative: { version: '1.3.0' },
      knobs: { SIM_API_FORBIDDEN: 'customresourcedefinitions.apiextensions.k8s.io' },
    }),
    startExistingCluster({ knative: { version: '0.6.0', apiVersions: ['v1alpha1'] } }),
  ]);
  const [a, b, c] = started.map((s) => (s.status === 'fulfilled' ? s.value : undefined));
  if (!a || !b || !c) {
    await Promise.all([a?.stop(), b?.stop(), c?.stop()]);
    throw started.find((s) => s.status === 'rejected')?.reason;
  }
  [none, old, prehistoric] = [a, b, c];
}, 180_000);

afterAll(async () => {
  await Promise.all([none?.stop(), old?.stop(), prehistoric?.stop()]);
  removeScratch();
}, 60_000);

describe('an existing cluster without Knative', { timeout: 60_000 }, () => {
  it('serves no serving.knative.dev API, so applying a Knative Service fails, and its ingress answers 404', async () => {
    const kubectl = kubectlIn(clusterEnv(none));
    expect(none.knative).toEqual({ apiVersions: [] });
    expect(await kubectl.ok(['api-versions'])).not.toContain('serving.knative.dev');
    const group = await kubectl.run(['get', '--raw', '/apis/serving.knative.dev']);
    expect(group.code).not.toBe(0);
    expect(group.stderr).toContain('NotFound');
    const applied = await kubectl.run(['apply', '-f', '-'], SERVICE);
    expect(applied.stderr).toContain(
      'no matches for kind "Service" in version "serving.knative.dev/v1"',
    );
    expect((await kubectl.run(['get', 'namespace', 'knative-serving'])).stderr).toContain(
      'NotFound',
    );
    expect((await viaIngress(none.ingressAddress, 'hello.default.example.com')).status).toBe(404);
  });
});

describe('an existing cluster with an old Knative', { timeout: 60_000 }, () => {
  it('labels CRDs and the knative-serving namespace as that release did, and still serves v1', async () => {
    const deployer = kubectlIn(clusterEnv(old));
    expect(old.knative).toEqual({ version: '1.3.0', apiVersions: ['v1'] });
    // Discovery is readable by every user.
    expect((await deployer.ok(['api-versions'])).split('\n')).toContain('serving.knative.dev/v1');
    expect(
      await deployer.ok(['api-resources', '--api-group=serving.knative.dev', '-o', 'name']),
    ).toContain('services.serving.knative.dev');
    // 1.1 to 1.3 put both labels on CRDs and the namespace (knative/serving release-1.3
    // config/core/300-resources/service.yaml and config/core/100-namespace.yaml).
    const nsLabels = JSON.parse(
      await deployer.ok([
        'get',
        'namespace',
        'knative-serving',
        '-o',
        'jsonpath={.metadata.labels}',
      ]),
    ) as Record<string, string>;
    expect(nsLabels).toMatchObject({
      'app.kubernetes.io/version': '1.3.0',
      'serving.knative.dev/release': 'v1.3.0',
    });
    const admin = kubectlIn({ ...clusterEnv(old), KUBECONFIG: old.adminKubeconfigPath });
    const crdLabels = JSON.parse(
      await admin.ok([
        'get',
        'crd',
        'services.serving.knative.dev',
        '-o',
        'jsonpath={.metadata.labels}',
      ]),
    ) as Record<string, string>;
    expect(crdLabels).toMatchObject({
      'app.kubernetes.io/version': '1.3.0',
      'serving.knative.dev/release': 'v1.3.0',
    });
  });

  it('refuses the deployer what SIM_API_FORBIDDEN names, worded as RBAC refuses it', async () => {
    const deployer = kubectlIn(clusterEnv(old));
    const crd = await deployer.run(['get', 'crd', 'services.serving.knative.dev', '-o', 'json']);
    expect(crd.code).not.toBe(0);
    expect(crd.stderr).toContain(
      'Error from server (Forbidden): customresourcedefinitions.apiextensions.k8s.io "services.serving.knative.dev" is forbidden: ' +
        'User "system:serviceaccount:preview:deployer" cannot get resource "customresourcedefinitions" in API group "apiextensions.k8s.io" at the cluster scope',
    );
    const list = await deployer.run(['get', 'crd']);
    expect(list.stderr).toContain('cannot list resource "customresourcedefinitions"');
    // Everything else stays allowed; the admin is not restricted.
    await deployer.ok(['apply', '-f', '-'], SERVICE);
    const admin = kubectlIn({ ...clusterEnv(old), KUBECONFIG: old.adminKubeconfigPath });
    expect(await admin.ok(['get', 'crd', '-o', 'name'])).toContain('services.serving.knative.dev');
  });
});

describe('an existing cluster with a Knative from before v1', { timeout: 60_000 }, () => {
  it('serves only the API versions given, so a v1 Service has no kind to go to', async () => {
    const kubectl = kubectlIn(clusterEnv(prehistoric));
    const versions = (await kubectl.ok(['api-versions'])).split('\n');
    expect(versions).toContain('serving.knative.dev/v1alpha1');
    expect(versions).not.toContain('serving.knative.dev/v1');
    const applied = await kubectl.run(['apply', '-f', '-'], SERVICE);
    expect(applied.stderr).toContain(
      'no matches for kind "Service" in version "serving.knative.dev/v1"',
    );
    // Up to 1.0 only `serving.knative.dev/release` (knative/serving release-0.6 config/300-service.yaml).
    const labels = JSON.parse(
      await kubectl.ok([
        'get',
        'crd',
        'services.serving.knative.dev',
        '-o',
        'jsonpath={.metadata.labels}',
      ]),
    ) as Record<string, string>;
    expect(labels['serving.knative.dev/release']).toBe('v0.6.0');
    expect(labels).not.toHaveProperty('app.kubernetes.io/version');
  });
});

describe('releaseLabels', () => {
  // knative/serving hack/generate-yamls.sh replaces `devel` in `serving.knative.dev/release: devel`
  // with the tag (vX.Y.Z) and in `app.kubernetes.io/version: devel` with the tag without its `v`;
  // which labels a release carries: config/core/300-resources/service.yaml and
  // config/core/100-namespace.yaml on release-0.25, -0.26, -1.0, -1.1, -1.3, -1.4 and -1.22.
  it.each([
    ['1.22.1', 'crd', { 'app.kubernetes.io/version': '1.22.1' }],
    ['1.4.0', 'crd', { 'app.kubernetes.io/version': '1.4.0' }],
    [
      '1.3.0',
      'crd',
      { 'app.kubernetes.io/version': '1.3.0', 'serving.knative.dev/release': 'v1.3.0' },
    ],
    ['1.0.0', 'crd', { 'serving.knative.dev/release': 'v1.0.0' }],
    [
      '1.0.0',
      'namespace',
      { 'app.kubernetes.io/version': '1.0.0', 'serving.knative.dev/release': 'v1.0.0' },
    ],
    [
      '0.26.0',
      'namespace',
      { 'app.kubernetes.io/version': '0.26.0', 'serving.knative.dev/release': 'v0.26.0' },
    ],
    ['0.25.0', 'namespace', { 'serving.knative.dev/release': 'v0.25.0' }],
    ['1.4.0', 'namespace', { 'app.kubernetes.io/version': '1.4.0' }],
  ] as const)('%s %s', (version, object, labels) => {
    expect(releaseLabels(version, object)).toEqual(labels);
  });
});
