/**
 * The pieces of the existing cluster that need no cluster: `docker push` into the sim's registry
 * and what a cluster reads from it, kubectl's protobuf bodies, label validation texts, and the
 * rules of SIM_API_FORBIDDEN.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkForbidden, parseForbiddenRules, verbOf } from '../../sim/cluster/forbidden.js';
import { metadataErrors, namespaceAndMetadataAdmission } from '../../sim/cluster/namespaces.js';
import { decodeKubeProtobuf } from '../../sim/cluster/protobuf.js';
import {
  canonicalImageRef,
  PushedImages,
  pushedImagesFile,
} from '../../sim/cluster/pushed-images.js';
import { classifyImage } from '../../sim/cluster/images.js';
import type { ResourceType } from '../../sim/cluster/types.js';
import { runDocker } from '../../sim/standins/docker-cli.js';
import type { StandinIo } from '../../sim/standins/io.js';
import { writeSimKnobs } from '../../sim/standins/knobs.js';
import { appContext, removeScratch, scratchDir } from './existing-helpers.js';

afterAll(removeScratch);

function dockerIo(stateDir: string): StandinIo & { out: string; err: string } {
  const io = {
    env: { SIM_STATE_DIR: stateDir },
    cwd: stateDir,
    out: '',
    err: '',
    stdout: (text: string) => (io.out += text),
    stderr: (text: string) => (io.err += text),
  };
  return io;
}

async function docker(stateDir: string, args: string[]) {
  const io = dockerIo(stateDir);
  const code = await runDocker(args, io);
  return { code, stdout: io.out, stderr: io.err };
}

describe('docker push into the sim registry', () => {
  it('records a built image with its digest and app; every cluster of the state dir can then pull it', async () => {
    const state = scratchDir('registry-');
    const context = appContext('pushed {{revision}}\n');
    expect((await docker(state, ['build', '-t', 'ghcr.io/octo/app:abc1234', context])).code).toBe(
      0,
    );

    const registry = new PushedImages(pushedImagesFile(state));
    expect(registry.has('ghcr.io/octo/app:abc1234')).toBe(false);
    expect(classifyImage('ghcr.io/octo/app:abc1234', new Set(), registry)).toMatchObject({
      ok: false,
    });

    const pushed = await docker(state, ['push', 'ghcr.io/octo/app:abc1234']);
    expect(pushed.code).toBe(0);
    expect(pushed.stdout).toMatch(
      /^The push refers to repository \[ghcr\.io\/octo\/app\]\n[0-9a-f]{12}: Pushed\nabc1234: digest: sha256:[0-9a-f]{64} size: \d+\n$/,
    );
    const digest = /digest: (sha256:[0-9a-f]{64})/.exec(pushed.stdout)?.[1];

    // The same reader sees the push (it re-reads a changed file), by tag and by digest.
    const image = registry.lookup('ghcr.io/octo/app:abc1234');
    expect(image).toMatchObject({
      ref: 'ghcr.io/octo/app:abc1234',
      digest,
      app: { kind: 'spec', spec: { body: 'pushed {{revision}}\n' } },
    });
    expect(registry.lookup(`ghcr.io/octo/app@${digest}`)).toEqual(image);
    expect(registry.has('ghcr.io/octo/app:other')).toBe(false);
    expect(classifyImage('ghcr.io/octo/app:abc1234', new Set(), registry)).toEqual({
      ok: true,
      app: 'template',
    });
  });

  it('pushes Docker Hub short names, -q and --all-tags as docker does (one build, two tags)', async () => {
    const state = scratchDir('registry-');
    const context = appContext('x\n');
    for (const tag of ['octo/app:1', 'octo/app:2'])
      expect((await docker(state, ['build', '-t', tag, context])).code).toBe(0);
    expect(await docker(state, ['push', '-q', 'octo/app:1'])).toEqual({
      code: 0,
      stdout: 'octo/app:1\n',
      stderr: '',
    });
    const registry = new PushedImages(pushedImagesFile(state));
    expect(registry.has('docker.io/octo/app:1')).toBe(true);
    expect(registry.has('octo/app:2')).toBe(false);
    expect((await docker(state, ['push', '--all-tags', 'octo/app'])).code).toBe(0);
    expect(registry.has('index.docker.io/octo/app:2')).toBe(true);
    await expect(docker(state, ['push', '-a', 'octo/app:1'])).rejects.toThrow(
      "tag can't be used with --all-tags/-a",
    );
  });

  it('fails for an image it does not have, a name no registry serves, and a denied repository', async () => {
    const state = scratchDir('registry-');
    const missing = await docker(state, ['push', 'ghcr.io/octo/none:abc1234']);
    expect(missing).toMatchObject({
      code: 1,
      stderr: 'An image does not exist locally with the tag: ghcr.io/octo/none\n',
    });
    const context = appContext('x\n');
    for (const tag of ['dev.local/app:abc1234', 'ghcr.io/other/app:abc1234'])
      expect((await docker(state, ['build', '-t', tag, context])).code).toBe(0);
    const local = await docker(state, ['push', 'dev.local/app:abc1234']);
    expect(local.code).toBe(1);
    expect(local.stderr).toContain('lookup dev.local: no such host');
    // The knob reaches the stand-in through the state dir, as the action's allow-listed env has no SIM_*.
    writeSimKnobs(state, { SIM_PUSH_DENIED: 'ghcr.io/other/*' });
    const denied = await docker(state, ['push', 'ghcr.io/other/app:abc1234']);
    expect(denied.code).toBe(1);
    expect(denied.stderr).toBe('denied: requested access to the resource is denied\n');
    expect(existsSync(pushedImagesFile(state))).toBe(false);
  });

  it('names images as docker and containerd do', () => {
    expect(canonicalImageRef('nginx')).toBe('docker.io/library/nginx:latest');
    expect(canonicalImageRef('docker.io/octo/app:1')).toBe('docker.io/octo/app:1');
    expect(canonicalImageRef('index.docker.io/octo/app:1')).toBe('docker.io/octo/app:1');
    expect(canonicalImageRef('localhost:5000/app')).toBe('localhost:5000/app:latest');
    expect(canonicalImageRef('ghcr.io/octo/app:1@sha256:ab')).toBe('ghcr.io/octo/app@sha256:ab');
  });

  it('reads an absent or broken registry file as empty', () => {
    const dir = scratchDir('registry-');
    const file = join(dir, 'images.json');
    const registry = new PushedImages(file);
    expect(registry.all()).toEqual([]);
    writeFileSync(file, '{not json');
    expect(registry.all()).toEqual([]);
    expect(new PushedImages(undefined).has('ghcr.io/octo/app:1')).toBe(false);
  });
});

describe('protobuf bodies of kubectl create', () => {
  // Captured from kubectl v1.32 (`kubectl create namespace app-pr-1`, `create configmap cm
  // --from-literal=a=b -n x`, `create secret generic s1 --from-literal=k=v`, `create sa deployer`).
  const hex = {
    namespace:
      '6b3873000a0f0a02763112094e616d65737061636512200a180a086170702d70722d3112001a0022002a0032003800420012001a020a001a002200',
    configMap:
      '6b3873000a0f0a0276311209436f6e6669674d6170121d0a130a02636d12001a017822002a0032003800420012060a0161120162' +
      '1a002200',
    secret:
      '6b3873000a0c0a027631120653656372657412250a130a02733112001a017822002a0032003800420012060a016b1201761a064f70617175651a002200',
    serviceAccount:
      '6b3873000a140a027631120e536572766963654163636f756e74121b0a190a086465706c6f79657212001a017822002a003200380042001a002200',
  };

  it('decodes the objects as their JSON would be', () => {
    expect(decodeKubeProtobuf(Buffer.from(hex.namespace, 'hex'))).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'app-pr-1' },
      spec: {},
    });
    expect(decodeKubeProtobuf(Buffer.from(hex.configMap, 'hex'))).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cm', namespace: 'x' },
      data: { a: 'b' },
    });
    expect(decodeKubeProtobuf(Buffer.from(hex.secret, 'hex'))).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's1', namespace: 'x' },
      data: { k: Buffer.from('v').toString('base64') },
      type: 'Opaque',
    });
    expect(decodeKubeProtobuf(Buffer.from(hex.serviceAccount, 'hex'))).toMatchObject({
      kind: 'ServiceAccount',
      metadata: { name: 'deployer', namespace: 'x' },
    });
  });

  it('refuses what it cannot read, naming it', () => {
    expect(() => decodeKubeProtobuf(Buffer.from('{}'))).toThrow('Kubernetes protobuf prefix');
    const deployment = Buffer.concat([
      Buffer.from([0x6b, 0x38, 0x73, 0x00, 0x0a, 0x15, 0x0a, 0x07]),
      Buffer.from('apps/v1'),
      Buffer.from([0x12, 0x0a]),
      Buffer.from('Deployment'),
    ]);
    expect(() => decodeKubeProtobuf(deployment)).toThrow('not apps/v1 Deployment');
    expect(() => decodeKubeProtobuf(Buffer.from('6b387300ff', 'hex'))).toThrow();
  });
});

const namespaces: ResourceType = {
  group: '',
  version: 'v1',
  versions: ['v1'],
  kind: 'Namespace',
  plural: 'namespaces',
  singular: 'namespace',
  namespaced: false,
  shortNames: ['ns'],
  categories: [],
  hasStatus: true,
  printerColumns: [],
};

describe('namespace and metadata admission', () => {
  // Texts of k8s.io/apimachinery release-1.34 pkg/util/validation/validation.go.
  it('words invalid names, label keys and values, and annotation keys as the API server', () => {
    const causes = metadataErrors(
      {
        metadata: {
          name: 'Shop.PR',
          labels: { 'knative-action/repository': 'octo/shop', 'bad key': 'x' },
          annotations: { '/x': 'y' },
        },
      },
      true,
    );
    expect(causes.map((c) => `${c.field}: ${c.message}`)).toEqual([
      `metadata.name: Invalid value: "Shop.PR": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      `metadata.labels: Invalid value: "octo/shop": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      `metadata.labels: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      'metadata.annotations: Invalid value: "/x": prefix part must be non-empty',
    ]);
    expect(metadataErrors({ metadata: { labels: { a: 'x'.repeat(64) } } }, false)).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('must be no more than 63 characters'),
      }),
    ]);
    expect(
      metadataErrors(
        { metadata: { name: 'shop-pr-1', labels: { 'app.kubernetes.io/pr': '' } } },
        true,
      ),
    ).toEqual([]);
  });

  it('defaults a new namespace and keeps its finalizers and phase on update', () => {
    const object = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } } as never;
    namespaceAndMetadataAdmission({
      operation: 'CREATE',
      type: namespaces,
      object,
      query: new URLSearchParams(),
    });
    expect(object).toMatchObject({
      metadata: { labels: { 'kubernetes.io/metadata.name': 'a' } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
    const update = {
      metadata: { name: 'a', labels: {} },
      spec: { finalizers: [] },
      status: { phase: 'Active' },
    } as never;
    namespaceAndMetadataAdmission({
      operation: 'UPDATE',
      type: namespaces,
      object: update,
      oldObject: {
        metadata: { name: 'a' },
        spec: { finalizers: ['kubernetes'] },
        status: { phase: 'Terminating' },
      } as never,
      query: new URLSearchParams(),
    });
    expect(update).toMatchObject({
      metadata: { labels: { 'kubernetes.io/metadata.name': 'a' } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Terminating' },
    });
  });
});

describe('SIM_API_FORBIDDEN', () => {
  const crds: ResourceType = {
    ...namespaces,
    group: 'apiextensions.k8s.io',
    kind: 'CustomResourceDefinition',
    plural: 'customresourcedefinitions',
  };
  const configMaps: ResourceType = {
    ...namespaces,
    kind: 'ConfigMap',
    plural: 'configmaps',
    namespaced: true,
  };
  const user = 'system:serviceaccount:preview:deployer';

  it('parses rules strictly', () => {
    expect(
      parseForbiddenRules(
        'customresourcedefinitions.apiextensions.k8s.io/services.serving.knative.dev, namespaces/knative-serving,knative-serving:configmaps',
      ),
    ).toEqual([
      {
        resource: 'customresourcedefinitions',
        group: 'apiextensions.k8s.io',
        name: 'services.serving.knative.dev',
      },
      { resource: 'namespaces', group: '', name: 'knative-serving' },
      { namespace: 'knative-serving', resource: 'configmaps', group: '' },
    ]);
    expect(parseForbiddenRules(undefined)).toEqual([]);
    expect(() => parseForbiddenRules('Pods!')).toThrow("SIM_API_FORBIDDEN: 'Pods!' is not");
  });

  it('refuses covered requests as RBAC words it, and nothing else', () => {
    const rules = parseForbiddenRules(
      'customresourcedefinitions.apiextensions.k8s.io,knative-serving:configmaps',
    );
    expect(() => checkForbidden(rules, { user, verb: 'list', type: crds })).toThrow(
      `customresourcedefinitions.apiextensions.k8s.io is forbidden: User "${user}" cannot list resource "customresourcedefinitions" in API group "apiextensions.k8s.io" at the cluster scope`,
    );
    expect(() =>
      checkForbidden(rules, {
        user,
        verb: 'get',
        type: configMaps,
        namespace: 'knative-serving',
        name: 'config-domain',
      }),
    ).toThrow(
      `configmaps "config-domain" is forbidden: User "${user}" cannot get resource "configmaps" in API group "" in the namespace "knative-serving"`,
    );
    // Across all namespaces needs the right in knative-serving too; another namespace is fine.
    expect(() => checkForbidden(rules, { user, verb: 'list', type: configMaps })).toThrow(
      'forbidden',
    );
    expect(() =>
      checkForbidden(rules, { user, verb: 'list', type: configMaps, namespace: 'shop-pr-1' }),
    ).not.toThrow();
    expect(() =>
      checkForbidden(rules, { user, verb: 'get', type: namespaces, name: 'x' }),
    ).not.toThrow();
  });

  it('maps HTTP requests to verbs', () => {
    expect(verbOf('GET', true, false)).toBe('get');
    expect(verbOf('GET', false, false)).toBe('list');
    expect(verbOf('GET', false, true)).toBe('watch');
    expect(verbOf('DELETE', false, false)).toBe('deletecollection');
    expect(verbOf('PATCH', true, false)).toBe('patch');
  });
});
