/**
 * The sim's Knative and Kubernetes rules as pure functions, each checked against the upstream
 * source it models (knative/serving at knative-v1.22.1, knative/pkg release-1.22,
 * kubernetes release-1.34, google/go-containerregistry main).
 */
import { describe, expect, it } from 'vitest';
import { selectorMatches } from '../../sim/cluster/admission-webhooks.js';
import { defaultRevisionSpec } from '../../sim/cluster/knative-defaults.js';
import { featureFlags, podSpecFieldErrors } from '../../sim/cluster/knative-features.js';
import { childName, parseGoDuration } from '../../sim/cluster/knative-revision.js';
import { hostProblem, readyOf } from '../../sim/cluster/knative-route.js';
import { applyKnativeDefaults, renderFieldErrors } from '../../sim/cluster/knative-webhook.js';
import {
  DEFAULT_SKIPPED_REGISTRIES,
  defaultPullPolicy,
  parseImageRef,
  pullFailureState,
  pullImage,
  resolveDigest,
} from '../../sim/cluster/registry.js';
import { builtInListType, schemaListType, serverSideApply } from '../../sim/cluster/ssa.js';
import { toTable } from '../../sim/cluster/table.js';
import type { ResourceType } from '../../sim/cluster/types.js';

describe('digest resolution (knative/serving pkg/reconciler/revision/resolve.go, background.go)', () => {
  it('skips the registries of config-deployment (pkg/deployment/config.go: kind.local, ko.local, dev.local)', () => {
    expect(DEFAULT_SKIPPED_REGISTRIES).toEqual(['kind.local', 'ko.local', 'dev.local']);
    for (const image of ['dev.local/app:latest', 'ko.local/app', 'kind.local/x/y:1'])
      expect(resolveDigest(image, DEFAULT_SKIPPED_REGISTRIES)).toEqual({ kind: 'skipped' });
    // Only the registry counts: a tag never makes a skipped registry resolve.
    expect(resolveDigest('dev.local/app:latest', [])).toMatchObject({ kind: 'failed' });
  });
  it('keeps digests and resolves published images', () => {
    const pinned = 'ghcr.io/x/y@sha256:0123';
    expect(resolveDigest(pinned, [])).toEqual({ kind: 'resolved', digest: pinned });
    expect(resolveDigest('ghcr.io/knative/helloworld-go:latest', [])).toMatchObject({
      kind: 'resolved',
      digest: expect.stringMatching(/^ghcr\.io\/knative\/helloworld-go@sha256:[0-9a-f]{64}$/),
    });
  });
  it("fails with ContainerMissing's message: RevisionContainerMissingMessage + the HEAD error (transport/error.go)", () => {
    expect(resolveDigest('nginx:1.0', [])).toEqual({
      kind: 'failed',
      message:
        'Unable to fetch image "nginx:1.0": failed to resolve image to digest: HEAD https://index.docker.io/v2/library/nginx/manifests/1.0: unexpected status code 401 Unauthorized (HEAD responses have no body, use GET for details)',
    });
    expect(
      resolveDigest('ghcr.io/o/typo', []).kind === 'failed' && resolveDigest('ghcr.io/o/typo', []),
    ).toMatchObject({
      message: expect.stringContaining(
        'HEAD https://ghcr.io/v2/o/typo/manifests/latest: unexpected status code 404 Not Found',
      ),
    });
    expect(resolveDigest('ghrc.io/o/app:1', [])).toMatchObject({
      message:
        'Unable to fetch image "ghrc.io/o/app:1": failed to resolve image to digest: Get "https://ghrc.io/v2/": dial tcp: lookup ghrc.io on 10.43.0.10:53: no such host',
    });
  });
  it('parses references as go-containerregistry does', () => {
    expect(parseImageRef('nginx')).toEqual({
      registry: 'index.docker.io',
      repository: 'library/nginx',
    });
    expect(parseImageRef('localhost:5000/a/b:c')).toEqual({
      registry: 'localhost:5000',
      repository: 'a/b',
      tag: 'c',
    });
  });
});

describe('kubelet pulls (kubernetes pkg/kubelet/images/image_manager.go, pkg/kubelet/kubelet.go)', () => {
  const present = new Set(['dev.local/app:1', 'dev.local/app:latest']);
  it('defaults the pull policy to Always for :latest or no tag (apiserver defaulting)', () => {
    expect(defaultPullPolicy('dev.local/app')).toBe('Always');
    expect(defaultPullPolicy('dev.local/app:latest')).toBe('Always');
    expect(defaultPullPolicy('dev.local/app:1')).toBe('IfNotPresent');
    expect(defaultPullPolicy('x/y@sha256:1')).toBe('IfNotPresent');
  });
  it('runs an imported image unless the policy pulls it; a pull of dev.local has no host to go to', () => {
    expect(pullImage('dev.local/app:1', undefined, present)).toEqual({ ok: true });
    expect(pullImage('dev.local/app:latest', undefined, present)).toEqual({
      ok: false,
      reason: 'ErrImagePull',
      message:
        'rpc error: code = Unknown desc = failed to pull and unpack image "dev.local/app:latest": failed to resolve reference "dev.local/app:latest": failed to do request: Head "https://dev.local/v2/app/manifests/latest": dial tcp: lookup dev.local on 127.0.0.11:53: no such host',
    });
    expect(pullImage('dev.local/app:2', 'Never', present)).toEqual({
      ok: false,
      reason: 'ErrImageNeverPull',
      message: 'Container image "dev.local/app:2" is not present with pull policy of Never',
    });
    expect(pullImage('quay.io/o/gone:1', undefined, present)).toMatchObject({
      message:
        'rpc error: code = NotFound desc = failed to pull and unpack image "quay.io/o/gone:1": failed to resolve reference "quay.io/o/gone:1": quay.io/o/gone:1: not found',
    });
  });
  it('alternates ErrImagePull with ImagePullBackOff on the 10 s doubling back-off, carrying the pull error', () => {
    const failure = { reason: 'ErrImagePull', message: 'rpc error: boom' };
    const at = (s: number) => pullFailureState('dev.local/app:2', failure, s * 1000).reason;
    // Attempts at 0, 10, 30, 70 s; each shows ErrImagePull for the next sync, then the back-off.
    expect([at(0), at(3), at(9), at(10), at(12), at(29), at(30), at(70.5)]).toEqual([
      'ErrImagePull',
      'ImagePullBackOff',
      'ImagePullBackOff',
      'ErrImagePull',
      'ImagePullBackOff',
      'ImagePullBackOff',
      'ErrImagePull',
      'ErrImagePull',
    ]);
    expect(pullFailureState('dev.local/app:2', failure, 5000).message).toBe(
      'Back-off pulling image "dev.local/app:2": ErrImagePull: rpc error: boom',
    );
  });
});

describe('feature-flagged pod spec fields (pkg/apis/serving/fieldmask.go, k8s_validation.go, pkg/apis/config/features.go)', () => {
  const defaults = featureFlags();
  const refused = (spec: object, flags = defaults) =>
    renderFieldErrors(podSpecFieldErrors({ containers: [{ image: 'i' }], ...spec }, flags));
  it('refuses what the default config-features disables, merged into one error per message', () => {
    expect(
      refused({
        nodeSelector: { disk: 'ssd' },
        tolerations: [],
        affinity: {},
        runtimeClassName: 'gvisor',
        initContainers: [{ image: 'i' }],
        securityContext: { runAsUser: 1000 },
        hostNetwork: true,
        dnsPolicy: 'None',
        priorityClassName: 'high',
        schedulerName: 's',
        shareProcessNamespace: false,
        hostAliases: [],
        topologySpreadConstraints: [],
        dnsConfig: {},
        hostIPC: true,
        hostPID: true,
      }),
    ).toBe(
      'must not set the field(s): ' +
        [
          'affinity',
          'dnsConfig',
          'dnsPolicy',
          'hostAliases',
          'hostIPC',
          'hostNetwork',
          'hostPID',
          'initContainers',
          'nodeSelector',
          'priorityClassName',
          'runtimeClassName',
          'schedulerName',
          'securityContext',
          'shareProcessNamespace',
          'tolerations',
          'topologySpreadConstraints',
        ]
          .map((f) => `spec.template.spec.${f}`)
          .join(', '),
    );
  });
  it('treats Go zero values as unset (hostNetwork: false, dnsPolicy: "")', () => {
    expect(refused({ hostNetwork: false, dnsPolicy: '' })).toBe('');
  });
  it('refuses container extras: fieldRef, added capabilities, privileged, mount propagation, lifecycle', () => {
    const text = refused({
      containers: [
        {
          image: 'i',
          lifecycle: {},
          env: [{ name: 'N', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
          securityContext: { privileged: true, capabilities: { add: ['NET_ADMIN'] } },
          volumeMounts: [{ name: 'v', mountPath: '/v', mountPropagation: 'HostToContainer' }],
        },
      ],
    });
    expect(text).toBe(
      'must not set the field(s): ' +
        [
          'spec.template.spec.containers[0].env[0].valueFrom.fieldRef',
          'spec.template.spec.containers[0].lifecycle',
          'spec.template.spec.containers[0].securityContext.capabilities.add',
          'spec.template.spec.containers[0].securityContext.privileged',
          'spec.template.spec.containers[0].volumeMounts[0].mountPropagation',
        ].join(', '),
    );
  });
  it('honours config-features (flag values are case-insensitive; unknown values are ignored)', () => {
    const flags = featureFlags({
      'kubernetes.podspec-nodeselector': 'enabled',
      'kubernetes.podspec-tolerations': 'Allowed',
      'kubernetes.podspec-affinity': 'maybe',
    });
    expect(refused({ nodeSelector: { a: 'b' }, tolerations: [], affinity: {} }, flags)).toBe(
      'must not set the field(s): spec.template.spec.affinity',
    );
  });
  it("refuses disabled volume kinds with both of the webhook's messages", () => {
    expect(
      refused({ volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'pvc' } }] }),
    ).toBe(
      'Persistent volume claim support is disabled, but found persistent volume claim pvc: \n' +
        'must not set the field(s): spec.template.spec.volumes[0].persistentVolumeClaim',
    );
    expect(refused({ volumes: [{ name: 'tmp', emptyDir: {} }] })).toBe('');
  });
});

describe('Knative field errors (knative/pkg apis/field_error.go)', () => {
  it('merges equal messages, sorts paths and messages', () => {
    expect(
      renderFieldErrors([
        { message: 'must not set the field(s)', paths: ['b'] },
        { message: 'expected 0 <= 150 <= 100', paths: ['p'] },
        { message: 'must not set the field(s)', paths: ['a'] },
      ]),
    ).toBe('expected 0 <= 150 <= 100: p\nmust not set the field(s): a, b');
  });
});

describe('defaulting (pkg/apis/serving/v1/configuration_defaults.go, service_defaults.go)', () => {
  const service = (name: string, containers: object[]) => ({
    apiVersion: 'serving.knative.dev/v1',
    kind: 'Service',
    metadata: { name: 'app' },
    spec: { template: { metadata: { name }, spec: { containers } } },
  });
  it('defaults a new or renamed template and the traffic', () => {
    const fresh = service('app-1', [{ image: 'i' }]);
    applyKnativeDefaults(fresh, undefined);
    expect(fresh.spec.template.spec).toMatchObject({
      timeoutSeconds: 300,
      containers: [{ name: 'user-container', image: 'i' }],
    });
    expect((fresh.spec as { traffic?: unknown }).traffic).toEqual([
      { latestRevision: true, percent: 100 },
    ]);
  });
  // revision_defaults.go applyDefaultContainerNames.
  it('names several containers user-container-N, skipping names the user chose', () => {
    expect(
      defaultRevisionSpec({
        containers: [{ image: 'a' }, { image: 'b', name: 'user-container-0' }, { image: 'c' }],
      }).containers.map((c: { name: string }) => c.name),
    ).toEqual(['user-container-1', 'user-container-0', 'user-container-2']);
  });
  it('skips the template when the revision name is unchanged (BYO name), still defaulting traffic', () => {
    const old = service('app-1', [{ image: 'i', name: 'user-container' }]);
    const next = service('app-1', [{ image: 'i' }]);
    applyKnativeDefaults(next, old);
    expect(next.spec.template.spec).toEqual({ containers: [{ image: 'i' }] });
    expect((next.spec as { traffic?: unknown }).traffic).toEqual([
      { latestRevision: true, percent: 100 },
    ]);
  });
});

describe('route host names (pkg/reconciler/route/domains/domains.go, apimachinery IsFullyQualifiedDomainName)', () => {
  it("refuses a label over 63 characters with ErrDomainName's text", () => {
    const tag = `pr-${'a'.repeat(61)}`;
    expect(hostProblem(`${tag}.default.example.com`)).toBe(
      `domain name error: invalid domain name "${tag}.default.example.com": url: Invalid value: "${tag}": must be no more than 63 characters`,
    );
    expect(hostProblem(`${'a'.repeat(63)}.default.example.com`)).toBeUndefined();
  });
});

describe('names and durations', () => {
  // Vectors from knative/pkg kmeta/names_test.go (release-1.22).
  it('names children as kmeta.ChildName', () => {
    expect(childName('asdf', '-deployment')).toBe('asdf-deployment');
    expect(childName('f'.repeat(63), '-deployment')).toBe(
      'ffffffffffffffffffff105d7597f637e83cc711605ac3ea4957-deployment',
    );
    expect(childName('f'.repeat(63), 'f'.repeat(63))).toBe(
      'fffffffffffffffffffffffffffffff0502661254f13c89973cb3a83e0cbec0',
    );
    expect(childName('a'.repeat(17), 'a.-.-.-.-.-.-.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')).toBe(
      'aaaaaaaaaaaaaaaaaa1eb10dc911444f8434af83b7225442da',
    );
  });
  it('parses Go durations as progress-deadline takes them', () => {
    expect(parseGoDuration('600s')).toBe(600_000);
    expect(parseGoDuration('1m30s')).toBe(90_000);
    expect(parseGoDuration('10')).toBeUndefined();
  });
});

describe('living condition sets (knative/pkg apis/condition_set.go)', () => {
  it('take the first False dependent, else the first Unknown', () => {
    expect(
      readyOf([
        { type: 'A', status: 'Unknown', reason: 'Waiting' },
        { type: 'B', status: 'False', reason: 'Broken', message: 'm' },
      ]),
    ).toEqual({ type: 'Ready', status: 'False', reason: 'Broken', message: 'm' });
    expect(readyOf([{ type: 'A', status: 'True' }])).toEqual({ type: 'Ready', status: 'True' });
  });
});

describe('admission selectors (apimachinery metav1.LabelSelector)', () => {
  // The config-map webhook's objectSelector (config/core/webhooks/configmap-validation.yaml).
  const selector = {
    matchExpressions: [
      { key: 'app.kubernetes.io/name', operator: 'In', values: ['knative-serving'] },
      { key: 'app.kubernetes.io/component', operator: 'In', values: ['controller', 'networking'] },
    ],
  };
  it('selects by name and component', () => {
    expect(
      selectorMatches(selector, {
        'app.kubernetes.io/name': 'knative-serving',
        'app.kubernetes.io/component': 'networking',
      }),
    ).toBe(true);
    expect(selectorMatches(selector, { 'app.kubernetes.io/name': 'knative-serving' })).toBe(false);
    expect(
      selectorMatches({ matchExpressions: [{ key: 'x', operator: 'DoesNotExist' }] }, {}),
    ).toBe(true);
  });
});

describe('server-side apply (kubernetes apiserver patch.go applyPatcher; structured-merge-diff list types)', () => {
  const schema = {
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        properties: {
          containers: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                env: {
                  type: 'array',
                  'x-kubernetes-list-type': 'map',
                  'x-kubernetes-list-map-keys': ['name'],
                },
              },
            },
          },
        },
      },
    },
  };
  it('replaces atomic lists of custom resources, dropping fields others defaulted in them', () => {
    const live = {
      metadata: { name: 'x', labels: { a: '1' } },
      spec: { containers: [{ image: 'i', name: 'user-container', readinessProbe: {} }], other: 1 },
    };
    const applied = { metadata: { name: 'x' }, spec: { containers: [{ image: 'i' }] } };
    const out = serverSideApply(live, applied, applied, (path) => schemaListType(schema, path));
    expect(out.spec).toEqual({ containers: [{ image: 'i' }], other: 1 });
    expect(out.metadata.labels).toEqual({ a: '1' });
  });
  it('removes what the same manager applied before and no longer applies', () => {
    const live = { metadata: {}, spec: { a: 1, b: 2, c: 3 } };
    const out = serverSideApply(live, { spec: { a: 1 } }, { spec: { a: 1, b: 2 } }, () => ({
      kind: 'atomic',
    }));
    expect(out.spec).toEqual({ a: 1, c: 3 });
  });
  it('merges map lists by key (schema x-kubernetes-list-type: map; built-ins by merge key)', () => {
    expect(schemaListType(schema, ['spec', 'containers', 'env'])).toEqual({
      kind: 'map',
      keys: ['name'],
    });
    expect(schemaListType(schema, ['spec', 'containers'])).toEqual({ kind: 'atomic' });
    expect(builtInListType([{ name: 'a' }, { name: 'b' }])).toEqual({
      kind: 'map',
      keys: ['name'],
    });
  });
});

describe('Table printing (apimachinery meta/v1 IncludeObjectPolicy)', () => {
  const type = { group: '', plural: 'events', kind: 'Event' } as ResourceType;
  const event = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e' }, lastTimestamp: 't' };
  it('carries the whole object when includeObject=Object (kubectl --sort-by asks for it)', () => {
    expect(toTable(type, [event], '1', 'Object').rows[0].object).toEqual(event);
    expect(toTable(type, [event], '1').rows[0].object.kind).toBe('PartialObjectMetadata');
    expect(toTable(type, [event], '1', 'None').rows[0].object).toBeUndefined();
  });
});
