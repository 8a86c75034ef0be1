/** The sim's pure pieces: patch formats, selectors, printer JSONPath, image rules, release stand-ins. */
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { classifyImage } from '../../sim/cluster/images.js';
import { evaluateJsonPath } from '../../sim/cluster/jsonpath.js';
import { kubeletVersionOf } from '../../sim/cluster/nodes.js';
import { jsonMergePatch, jsonPatch, strategicMergePatch } from '../../sim/cluster/patch.js';
import { releaseAsset } from '../../sim/cluster/releases.js';
import { fieldMatcher, labelMatcher } from '../../sim/cluster/selectors.js';

describe('patch formats', () => {
  it('merges JSON merge patches, deleting nulls and replacing lists', () => {
    expect(
      jsonMergePatch({ a: 1, b: { c: 2, d: 3 }, l: [1, 2] }, { b: { c: null, e: 4 }, l: [3] }),
    ).toEqual({
      a: 1,
      b: { d: 3, e: 4 },
      l: [3],
    });
  });

  it('merges lists of named objects in strategic merge patches and honours directives', () => {
    const current = {
      containers: [
        {
          name: 'a',
          image: 'x',
          env: [
            { name: 'A', value: '1' },
            { name: 'B', value: '1' },
          ],
        },
      ],
    };
    const patch = {
      $setElementOrder: undefined,
      containers: [
        {
          name: 'a',
          env: [
            { name: 'C', value: '3' },
            { $patch: 'delete', name: 'B' },
          ],
          '$setElementOrder/env': [{ name: 'C' }, { name: 'A' }],
        },
      ],
    };
    expect(strategicMergePatch(current, patch)).toEqual({
      containers: [
        {
          name: 'a',
          image: 'x',
          env: [
            { name: 'C', value: '3' },
            { name: 'A', value: '1' },
          ],
        },
      ],
    });
    expect(strategicMergePatch({ args: ['x', 'y'] }, { args: ['z'] })).toEqual({ args: ['z'] });
    expect(strategicMergePatch({ m: { a: 1, b: 2 } }, { m: { $patch: 'replace', c: 3 } })).toEqual({
      m: { c: 3 },
    });
  });

  it('applies RFC 6902 operations and fails a failed test', () => {
    const doc = { spec: { replicas: 1, list: [1, 2] } };
    expect(
      jsonPatch(doc, [
        { op: 'replace', path: '/spec/replicas', value: 3 },
        { op: 'add', path: '/spec/list/-', value: 3 },
        { op: 'remove', path: '/spec/list/0' },
        { op: 'add', path: '/metadata', value: { name: 'x' } },
      ]),
    ).toEqual({ spec: { replicas: 3, list: [2, 3] }, metadata: { name: 'x' } });
    expect(() => jsonPatch(doc, [{ op: 'test', path: '/spec/replicas', value: 2 }])).toThrow(
      /testing value/,
    );
  });
});

describe('selectors and printer paths', () => {
  const obj = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'n', labels: { app: 'web', tier: 'front' } },
    status: { phase: 'Running' },
  };
  it('matches label selectors of every operator', () => {
    expect(labelMatcher('app=web,tier in (front, back)')(obj)).toBe(true);
    expect(labelMatcher('app!=web')(obj)).toBe(false);
    expect(labelMatcher('!missing,app')(obj)).toBe(true);
    expect(labelMatcher('tier notin (front)')(obj)).toBe(false);
  });
  it('matches field selectors on any dotted path', () => {
    expect(fieldMatcher('metadata.name=p,status.phase==Running')(obj)).toBe(true);
    expect(fieldMatcher('metadata.namespace!=n')(obj)).toBe(false);
  });
  it('evaluates CRD printer-column JSONPath', () => {
    const ksvc = {
      metadata: { labels: { 'serving.knative.dev/configuration': 'c' } },
      status: { conditions: [{ type: 'Ready', status: 'True' }] },
    };
    expect(evaluateJsonPath(ksvc, ".status.conditions[?(@.type=='Ready')].status")).toEqual([
      'True',
    ]);
    expect(
      evaluateJsonPath(ksvc, ".metadata.labels['serving\\.knative\\.dev/configuration']"),
    ).toEqual(['c']);
  });
});

describe('image rules', () => {
  const imported = new Set(['dev.local/app:abc1234']);
  // Knative resolves digests except for config-deployment's skipped registries
  // (knative/serving pkg/deployment/config.go, pkg/reconciler/revision/resolve.go at
  // knative-v1.22.1); the kubelet pulls by policy (kubernetes pkg/kubelet/images/image_manager.go).
  it('runs known samples and imported dev.local images only', () => {
    expect(classifyImage('ghcr.io/knative/helloworld-go:latest', imported)).toEqual({
      ok: true,
      app: 'helloworld',
    });
    expect(classifyImage('dev.local/app:abc1234', imported)).toEqual({ ok: true, app: 'template' });
    expect(classifyImage('dev.local/app:other', imported)).toMatchObject({
      ok: false,
      reason: 'ErrImagePull',
    });
    // dev.local is never resolved; :latest is pulled (policy Always) and cannot be.
    expect(classifyImage('dev.local/app:latest', new Set(['dev.local/app:latest']))).toMatchObject({
      ok: false,
      reason: 'ErrImagePull',
    });
    expect(classifyImage('docker.io/library/nginx:1', imported)).toMatchObject({
      ok: false,
      reason: 'ContainerMissing',
    });
  });
  it('derives the kubelet version from the k3s image tag', () => {
    expect(kubeletVersionOf('rancher/k3s:v1.34.8-k3s1')).toBe('v1.34.8+k3s1');
    expect(kubeletVersionOf('rancher/k3s:v1.33.1')).toBe('v1.33.1');
  });
});

describe('release stand-ins', () => {
  const kinds = (file: Parameters<typeof releaseAsset>[0]): string[] =>
    parseAllDocuments(releaseAsset(file, 'v1.22.1'))
      .map(
        (d) =>
          d.toJS() as { kind?: string; metadata?: { name?: string; namespace?: string } } | null,
      )
      .filter((o) => o?.kind)
      .map(
        (o) =>
          `${o!.kind}/${o!.metadata?.namespace ? `${o!.metadata.namespace}/` : ''}${o!.metadata?.name}`,
      );

  it('hold the objects the install waits on, under their real names', () => {
    expect(kinds('serving-crds.yaml')).toEqual(
      expect.arrayContaining([
        'CustomResourceDefinition/services.serving.knative.dev',
        'CustomResourceDefinition/routes.serving.knative.dev',
      ]),
    );
    expect(kinds('serving-core.yaml')).toEqual(
      expect.arrayContaining([
        'Namespace/knative-serving',
        'Deployment/knative-serving/webhook',
        'Deployment/knative-serving/controller',
        'ConfigMap/knative-serving/config-network',
        'ConfigMap/knative-serving/config-domain',
      ]),
    );
    expect(kinds('contour.yaml')).toEqual(
      expect.arrayContaining(['DaemonSet/contour-external/envoy', 'Namespace/contour-internal']),
    );
    expect(kinds('net-contour.yaml')).toContain(
      'Deployment/knative-serving/net-contour-controller',
    );
    expect(releaseAsset('serving-core.yaml', 'v1.22.1')).toBe(
      releaseAsset('serving-core.yaml', 'v1.22.1'),
    );
  });
});
