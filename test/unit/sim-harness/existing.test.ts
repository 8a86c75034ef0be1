/**
 * One existing cluster (startExistingCluster), driven by the real kubectl and the docker stand-in
 * with nothing but the cluster's environment: Knative installed and Ready, namespaced services in
 * two namespaces, images that were pushed or not, and the namespace lifecycle a preview needs.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExistingCluster, type ExistingCluster } from '../../sim/existing.js';
import {
  appContext,
  clusterEnv,
  eventually,
  knativeService,
  kubectlIn,
  removeScratch,
  tool,
  viaIngress,
} from './existing-helpers.js';

let cluster: ExistingCluster;
let env: NodeJS.ProcessEnv;
let kubectl: ReturnType<typeof kubectlIn>;

beforeAll(async () => {
  // Long enough to see a deleted namespace Terminating between kubectl calls on a busy machine.
  cluster = await startExistingCluster({ knobs: { SIM_NAMESPACE_TERMINATION_S: '4' } });
  env = clusterEnv(cluster);
  kubectl = kubectlIn(env);
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
  removeScratch();
}, 60_000);

const docker = (args: string[]) => tool('docker', args, env);

/** Builds and pushes an image whose app answers `body`; returns the digest the push reports. */
async function buildAndPush(image: string, body: string): Promise<string> {
  const built = await docker(['build', '-t', image, appContext(body)]);
  expect(built.code, built.stderr).toBe(0);
  const pushed = await docker(['push', image]);
  expect(pushed.code, pushed.stderr).toBe(0);
  return /digest: (sha256:[0-9a-f]{64})/.exec(pushed.stdout)?.[1] ?? '';
}

interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

// Each test drives kubectl and the docker stand-in many times: seconds each on a busy machine.
describe('an existing cluster', { timeout: 120_000 }, () => {
  it('starts with Knative Serving and Contour Ready, the example.com domain and Contour as the ingress class', async () => {
    expect(cluster.env.KUBECONFIG).toBe(cluster.kubeconfigPath);
    expect(cluster.env.SIM_INGRESS_ADDRESS).toBe(cluster.ingressAddress);
    expect(cluster.ingressAddress).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(statSync(cluster.kubeconfigPath).mode & 0o777).toBe(0o600);
    // The docker stand-in is there for pushes; k3d is not.
    const bin = (cluster.env.PATH ?? '').split(delimiter)[0] ?? '';
    expect(readdirSync(bin)).toEqual(['docker']);

    // Only KUBECONFIG leads kubectl here: no flag, a fresh HOME.
    expect((await kubectl.ok(['config', 'current-context'])).trim()).toBe('sim-existing');
    const deployments = JSON.parse(
      await kubectl.ok(['get', 'deployments', '-n', 'knative-serving', '-o', 'json']),
    ) as { items: Array<{ metadata: { name: string }; status?: { conditions?: unknown[] } }> };
    expect(deployments.items.map((d) => d.metadata.name).sort()).toEqual([
      'activator',
      'autoscaler',
      'controller',
      'net-contour-controller',
      'webhook',
    ]);
    for (const d of deployments.items)
      expect(d.status?.conditions).toContainEqual(
        expect.objectContaining({ type: 'Available', status: 'True' }),
      );
    const domain = await kubectl.ok([
      'get',
      'configmap',
      'config-domain',
      '-n',
      'knative-serving',
      '-o',
      'jsonpath={.data}',
    ]);
    expect(JSON.parse(domain)).toHaveProperty(['example.com'], '');
    const ingressClass = await kubectl.ok([
      'get',
      'configmap',
      'config-network',
      '-n',
      'knative-serving',
      '-o',
      'jsonpath={.data.ingress-class}',
    ]);
    expect(ingressClass).toBe('contour.ingress.networking.knative.dev');
    expect((await kubectl.ok(['api-versions'])).split('\n')).toContain('serving.knative.dev/v1');
    // As a 1.22 release labels its CRDs (knative/serving release-1.22
    // config/core/300-resources/service.yaml, `devel` replaced by hack/generate-yamls.sh).
    const labels = JSON.parse(
      await kubectl.ok([
        'get',
        'crd',
        'services.serving.knative.dev',
        '-o',
        'jsonpath={.metadata.labels}',
      ]),
    ) as Record<string, string>;
    expect(labels['app.kubernetes.io/version']).toBe('1.22.1');
    expect(labels).not.toHaveProperty('serving.knative.dev/release');
    expect(cluster.knative).toEqual({ version: '1.22.1', apiVersions: ['v1'] });
  });

  it('runs services in two namespaces at once, each answering through the ingress with its route host', async () => {
    for (const ns of ['shop-pr-1', 'shop-pr-2']) await kubectl.ok(['create', 'namespace', ns]);
    await buildAndPush('ghcr.io/octo/shop:1111111', 'one {{revision}} of {{env.K_SERVICE}}\n');
    await buildAndPush('ghcr.io/octo/shop:2222222', 'two {{revision}} of {{env.K_SERVICE}}\n');
    await kubectl.ok(
      ['apply', '-n', 'shop-pr-1', '-f', '-'],
      knativeService({
        name: 'shop',
        revision: 'shop-pr-1111111',
        image: 'ghcr.io/octo/shop:1111111',
        tag: 'pr',
      }),
    );
    await kubectl.ok(
      ['apply', '-n', 'shop-pr-2', '-f', '-'],
      knativeService({
        name: 'shop',
        revision: 'shop-pr-2222222',
        image: 'ghcr.io/octo/shop:2222222',
        tag: 'pr',
      }),
    );
    for (const ns of ['shop-pr-1', 'shop-pr-2'])
      await kubectl.ok(['wait', 'ksvc/shop', '-n', ns, '--for=condition=Ready', '--timeout=30s']);

    const status = JSON.parse(
      await kubectl.ok(['get', 'ksvc', 'shop', '-n', 'shop-pr-1', '-o', 'jsonpath={.status}']),
    ) as { url: string; traffic: Array<{ tag?: string; url?: string }> };
    expect(status.url).toBe('http://shop.shop-pr-1.example.com');
    expect(status.traffic[0]).toMatchObject({
      tag: 'pr',
      url: 'http://pr-shop.shop-pr-1.example.com',
    });

    const address = cluster.ingressAddress;
    expect(await viaIngress(address, 'shop.shop-pr-1.example.com')).toMatchObject({
      status: 200,
      body: 'one shop-pr-1111111 of shop\n',
    });
    expect(await viaIngress(address, 'pr-shop.shop-pr-1.example.com')).toMatchObject({
      status: 200,
      revision: 'shop-pr-1111111',
    });
    expect(await viaIngress(address, 'shop.shop-pr-2.example.com')).toMatchObject({
      status: 200,
      body: 'two shop-pr-2222222 of shop\n',
    });
    expect((await viaIngress(address, 'shop.shop-pr-3.example.com')).status).toBe(404);
  });

  it('pulls an image that was pushed, by the digest it was pushed with; one never pushed cannot be had', async () => {
    await kubectl.ok(['create', 'namespace', 'pull-pr-1']);
    const built = await docker(['build', '-t', 'ghcr.io/octo/pull:3333333', appContext('x\n')]);
    expect(built.code, built.stderr).toBe(0);
    // Built but not pushed: the cluster cannot have it.
    await kubectl.ok(
      ['apply', '-n', 'pull-pr-1', '-f', '-'],
      knativeService({
        name: 'pull',
        revision: 'pull-pr-3333333',
        image: 'ghcr.io/octo/pull:3333333',
      }),
    );
    // ghcr.io is a registry Knative resolves tags in: the unknown tag fails the revision at once
    // with ContainerMissing and no pod is made (knative/serving release-1.22
    // pkg/reconciler/revision/revision.go reconcileDigest).
    const failure = await eventually('the revision to show why it cannot run', async () => {
      const revision = JSON.parse(
        await kubectl.ok(['get', 'revision', 'pull-pr-3333333', '-n', 'pull-pr-1', '-o', 'json']),
      ) as { status?: { conditions?: Condition[] } };
      // Past ResolvingDigests (Unknown), the outcome.
      const ready = revision.status?.conditions?.find((c) => c.type === 'Ready');
      return ready && ready.status !== 'Unknown' ? ready : undefined;
    });
    expect(failure).toMatchObject({ status: 'False', reason: 'ContainerMissing' });
    expect(failure.message).toContain(
      'Unable to fetch image "ghcr.io/octo/pull:3333333": failed to resolve image to digest',
    );
    expect(await kubectl.ok(['get', 'pods', '-n', 'pull-pr-1', '-o', 'name'])).not.toContain(
      'pull-pr-3333333',
    );
    expect((await viaIngress(cluster.ingressAddress, 'pull.pull-pr-1.example.com')).status).toBe(
      404,
    );

    // Pushed before it is deployed, as the action does: it runs and answers as built.
    const digest = await buildAndPush('ghcr.io/octo/pull:4444444', 'pushed {{revision}}\n');
    await kubectl.ok(
      ['apply', '-n', 'pull-pr-1', '-f', '-'],
      knativeService({
        name: 'pushed',
        revision: 'pushed-pr-4444444',
        image: 'ghcr.io/octo/pull:4444444',
      }),
    );
    await kubectl.ok([
      'wait',
      'ksvc/pushed',
      '-n',
      'pull-pr-1',
      '--for=condition=Ready',
      '--timeout=30s',
    ]);
    expect(await viaIngress(cluster.ingressAddress, 'pushed.pull-pr-1.example.com')).toMatchObject({
      status: 200,
      body: 'pushed pushed-pr-4444444\n',
    });
    // Knative resolved the tag to the digest the push reported.
    expect(
      await kubectl.ok([
        'get',
        'revision',
        'pushed-pr-4444444',
        '-n',
        'pull-pr-1',
        '-o',
        'jsonpath={.status.containerStatuses[0].imageDigest}',
      ]),
    ).toBe(`ghcr.io/octo/pull@${digest}`);
  });

  it('creates, labels, annotates, lists and refuses stale writes to namespaces', async () => {
    const ns = 'own-pr-7';
    await kubectl.ok(['create', 'namespace', ns]);
    await kubectl.ok([
      'label',
      'namespace',
      ns,
      'app.kubernetes.io/managed-by=knative-action',
      'knative-action/repository=octo.shop',
      'knative-action/pr=7',
    ]);
    await kubectl.ok(['annotate', 'namespace', ns, 'knative-action/expires=2030-01-01T00:00:00Z']);
    await kubectl.ok(['create', 'namespace', 'other-team']);

    const listed = JSON.parse(
      await kubectl.ok([
        'get',
        'namespaces',
        '-l',
        'app.kubernetes.io/managed-by=knative-action,knative-action/pr in (6,7)',
        '-o',
        'json',
      ]),
    ) as { items: Array<{ metadata: Record<string, unknown>; spec: unknown; status: unknown }> };
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({
      metadata: {
        name: ns,
        labels: {
          'app.kubernetes.io/managed-by': 'knative-action',
          'knative-action/pr': '7',
          'kubernetes.io/metadata.name': ns,
        },
        annotations: { 'knative-action/expires': '2030-01-01T00:00:00Z' },
      },
      // kubernetes/kubernetes pkg/registry/core/namespace/strategy.go: finalizer and phase on create.
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });

    // An update or a patch with an old resourceVersion is a conflict (optimistic concurrency).
    const current = JSON.parse(await kubectl.ok(['get', 'namespace', ns, '-o', 'json'])) as {
      metadata: { annotations: Record<string, string>; resourceVersion: string };
    };
    const rv = current.metadata.resourceVersion;
    await kubectl.ok([
      'annotate',
      'namespace',
      ns,
      '--overwrite',
      `--resource-version=${rv}`,
      'knative-action/expires=2031',
    ]);
    const stalePatch = await kubectl.run([
      'annotate',
      'namespace',
      ns,
      '--overwrite',
      `--resource-version=${rv}`,
      'knative-action/expires=2033',
    ]);
    expect(stalePatch.stderr).toContain(
      `Operation cannot be fulfilled on namespaces "${ns}": the object has been modified`,
    );
    current.metadata.annotations['knative-action/expires'] = '2032';
    const stale = await kubectl.run(['replace', '-f', '-'], JSON.stringify(current));
    expect(stale.code).not.toBe(0);
    expect(stale.stderr).toContain(
      `Operation cannot be fulfilled on namespaces "${ns}": the object has been modified`,
    );

    // Label values are validated as the API server does (k8s.io/apimachinery release-1.34
    // pkg/util/validation/validation.go IsValidLabelValue): a repository's `owner/name` is no value.
    const invalid = await kubectl.run(
      ['apply', '-f', '-'],
      `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${ns}, labels: {knative-action/repository: octo/shop}}\n`,
    );
    expect(invalid.stderr).toContain(
      `The Namespace "${ns}" is invalid: metadata.labels: Invalid value: "octo/shop": a valid label must be an empty string`,
    );
  });

  it('terminates a deleted namespace with its services: new content refused, a second delete a conflict', async () => {
    const ns = 'gone-pr-9';
    await kubectl.ok(['create', 'namespace', ns]);
    await buildAndPush('ghcr.io/octo/gone:9999999', 'gone\n');
    await kubectl.ok(
      ['apply', '-n', ns, '-f', '-'],
      knativeService({
        name: 'gone',
        revision: 'gone-pr-9999999',
        image: 'ghcr.io/octo/gone:9999999',
      }),
    );
    await kubectl.ok(['wait', 'ksvc/gone', '-n', ns, '--for=condition=Ready', '--timeout=30s']);
    expect((await viaIngress(cluster.ingressAddress, `gone.${ns}.example.com`)).status).toBe(200);

    await kubectl.ok(['delete', 'namespace', ns, '--wait=false']);
    // kubernetes/kubernetes pkg/registry/core/namespace/storage/storage.go: the first delete
    // starts termination, a later one is refused while the namespace's finalizer remains; the
    // NamespaceLifecycle admission plugin refuses new content; the generic registry store says
    // "object is being deleted" to a create of the same name.
    expect(await kubectl.ok(['get', 'namespace', ns, '-o', 'jsonpath={.status.phase}'])).toBe(
      'Terminating',
    );
    const again = await kubectl.run(['delete', 'namespace', ns, '--wait=false']);
    expect(again.stderr).toContain(
      `Operation cannot be fulfilled on namespaces "${ns}": The system is ensuring all content is removed from this namespace.`,
    );
    const content = await kubectl.run([
      'create',
      'configmap',
      'late',
      '-n',
      ns,
      '--from-literal=a=b',
    ]);
    expect(content.stderr).toContain(
      `configmaps "late" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`,
    );
    const recreate = await kubectl.run(['create', 'namespace', ns]);
    expect(recreate.stderr).toContain(`object is being deleted: namespaces "${ns}" already exists`);

    await kubectl.ok(['wait', '--for=delete', `namespace/${ns}`, '--timeout=30s']);
    expect((await kubectl.run(['get', 'namespace', ns])).stderr).toContain('NotFound');
    expect(await kubectl.ok(['get', 'ksvc,revisions,routes', '-A', '-o', 'name'])).not.toContain(
      'gone',
    );
    expect((await viaIngress(cluster.ingressAddress, `gone.${ns}.example.com`)).status).toBe(404);
    // The name is free again.
    await kubectl.ok(['create', 'namespace', ns]);
  });

  it('stop() removes the cluster and its temp folder', async () => {
    const other = await startExistingCluster({ knative: 'none' });
    const root = join(other.stateDir, '..');
    expect(existsSync(root)).toBe(true);
    await other.stop();
    expect(existsSync(root)).toBe(false);
    await expect(fetch(`${other.apiUrl}/version`)).rejects.toThrow();
  }, 60_000);
});
