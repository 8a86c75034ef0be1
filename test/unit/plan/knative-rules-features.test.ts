/**
 * Feature-flagged pod spec fields, refused in the plan as Knative Serving 1.22's webhook refuses
 * them ("must not set the field(s)"). Rules from knative/serving knative-v1.22.1
 * pkg/apis/serving/fieldmask.go (PodSpecMask, ContainerMask, SecurityContextMask,
 * CapabilitiesMask, VolumeMountMask, VolumeSourceMask, EnvVarSourceMask, ContainerPortMask),
 * pkg/apis/serving/k8s_validation.go (volume kinds) and the defaults of
 * pkg/apis/config/features.go (defaultFeaturesConfig).
 */
import { describe, expect, it } from 'vitest';
import { parseManifestFile } from '../../../src/manifests/documents.js';
import { buildPlan, type PreviewTrigger } from '../../../src/plan/build-plan.js';
import { DEFAULT_FEATURES, featureFieldViolations } from '../../../src/plan/feature-fields.js';
import { knativeServiceViolations } from '../../../src/plan/knative-rules.js';
import { UserError } from '../../../src/util/errors.js';

const paths = (spec: object, flags = DEFAULT_FEATURES): string[] =>
  featureFieldViolations({ containers: [{ image: 'i' }], ...spec }, flags).map((v) =>
    v.path.join('/'),
  );

describe('featureFieldViolations', () => {
  it('knows every pod spec flag config-features disables by default', () => {
    const fields: Record<string, string> = {
      affinity: 'kubernetes.podspec-affinity',
      dnsConfig: 'kubernetes.podspec-dnsconfig',
      dnsPolicy: 'kubernetes.podspec-dnspolicy',
      hostAliases: 'kubernetes.podspec-hostaliases',
      hostIPC: 'kubernetes.podspec-hostipc',
      hostNetwork: 'kubernetes.podspec-hostnetwork',
      hostPID: 'kubernetes.podspec-hostpid',
      initContainers: 'kubernetes.podspec-init-containers',
      nodeSelector: 'kubernetes.podspec-nodeselector',
      priorityClassName: 'kubernetes.podspec-priorityclassname',
      runtimeClassName: 'kubernetes.podspec-runtimeclassname',
      schedulerName: 'kubernetes.podspec-schedulername',
      securityContext: 'kubernetes.podspec-securitycontext',
      shareProcessNamespace: 'kubernetes.podspec-shareprocessnamespace',
      tolerations: 'kubernetes.podspec-tolerations',
      topologySpreadConstraints: 'kubernetes.podspec-topologyspreadconstraints',
    };
    const values: Record<string, unknown> = {
      affinity: {},
      dnsConfig: {},
      dnsPolicy: 'None',
      hostAliases: [],
      hostIPC: true,
      hostNetwork: true,
      hostPID: true,
      initContainers: [{ image: 'i' }],
      nodeSelector: { disk: 'ssd' },
      priorityClassName: 'high',
      runtimeClassName: 'gvisor',
      schedulerName: 'mine',
      securityContext: { runAsUser: 1000 },
      // A pointer field: false is still set.
      shareProcessNamespace: false,
      tolerations: [],
      topologySpreadConstraints: [],
    };
    for (const [field, flag] of Object.entries(fields)) {
      const [violation, ...more] = featureFieldViolations({
        containers: [{ image: 'i' }],
        [field]: values[field],
      });
      expect(more).toEqual([]);
      expect(violation?.path).toEqual(['spec', 'template', 'spec', field]);
      expect(violation?.message).toBe(
        `spec.template.spec.${field} is refused by Knative Serving's webhook ("must not set the field(s)"): the field is behind the config-features flag ${flag}, which is Disabled in the Knative the preview installs. Remove it from the manifest (a cluster whose config-features sets ${flag}: Enabled would accept it).`,
      );
    }
  });
  it('treats Go zero values as unset', () => {
    expect(paths({ hostNetwork: false, dnsPolicy: '', schedulerName: '' })).toEqual([]);
  });
  it('refuses container extras, naming the flag or saying none allows them', () => {
    const spec = {
      containers: [
        {
          image: 'i',
          env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
          securityContext: { privileged: true, capabilities: { add: ['NET_ADMIN'] } },
          volumeMounts: [{ name: 'v', mountPath: '/v', mountPropagation: 'HostToContainer' }],
          lifecycle: { preStop: {} },
          ports: [{ containerPort: 8080, hostPort: 80 }],
        },
      ],
    };
    expect(paths(spec)).toEqual([
      'spec/template/spec/containers/0/lifecycle',
      'spec/template/spec/containers/0/securityContext/privileged',
      'spec/template/spec/containers/0/securityContext/capabilities/add',
      'spec/template/spec/containers/0/env/0/valueFrom/fieldRef',
      'spec/template/spec/containers/0/volumeMounts/0/mountPropagation',
      'spec/template/spec/containers/0/ports/0/hostPort',
    ]);
    const [, privileged, capabilities] = featureFieldViolations(spec);
    expect(privileged?.message).toBe(
      'spec.template.spec.containers[0].securityContext.privileged is refused by Knative Serving\'s webhook ("must not set the field(s)") (only privileged: false may be set): no config-features flag allows it. Remove it from the manifest.',
    );
    expect(capabilities?.message).toContain('kubernetes.containerspec-addcapabilities');
  });
  it('refuses volume kinds that are not enabled; emptyDir is enabled by default', () => {
    expect(
      paths({
        volumes: [
          { name: 'cache', emptyDir: {} },
          { name: 'cfg', configMap: { name: 'c' } },
          { name: 'data', persistentVolumeClaim: { claimName: 'pvc' } },
          { name: 'host', hostPath: { path: '/x' } },
          { name: 'nfs', nfs: { server: 's', path: '/' } },
        ],
      }),
    ).toEqual([
      'spec/template/spec/volumes/2/persistentVolumeClaim',
      'spec/template/spec/volumes/3/hostPath',
      'spec/template/spec/volumes/4/nfs',
    ]);
  });
  it('lets through what config-features enables (Allowed is enough for pod spec fields)', () => {
    const flags = {
      ...DEFAULT_FEATURES,
      'kubernetes.podspec-nodeselector': 'Allowed' as const,
      'kubernetes.podspec-tolerations': 'Enabled' as const,
    };
    expect(paths({ nodeSelector: { a: 'b' }, tolerations: [], affinity: {} }, flags)).toEqual([
      'spec/template/spec/affinity',
    ]);
  });
  it('refuses fields no flag allows', () => {
    expect(
      paths({ restartPolicy: 'Always', nodeName: 'n', automountServiceAccountToken: true }),
    ).toEqual([
      'spec/template/spec/restartPolicy',
      'spec/template/spec/nodeName',
      'spec/template/spec/automountServiceAccountToken',
    ]);
    expect(paths({ automountServiceAccountToken: false })).toEqual([]);
  });
});

describe('the plan (dry-run too) refuses feature-flagged fields with file and line', () => {
  const trigger: PreviewTrigger = {
    kind: 'pull_request',
    action: 'labeled',
    number: 7,
    title: 't',
    baseSha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
    baseRef: 'main',
    headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
    headRef: 'feature',
    labels: [],
    repository: { owner: 'o', repo: 'r' },
  };
  const manifest = [
    'apiVersion: serving.knative.dev/v1',
    'kind: Service',
    'metadata:',
    '  name: hello',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - image: ghcr.io/knative/helloworld-go:latest',
    '      nodeSelector:',
    '        disk: ssd',
    '',
  ].join('\n');

  // The line is the field's value (manifests/documents.ts lineOf), here the map under the key.
  it('names the field, the file and line, and the flag', () => {
    const documents = parseManifestFile(manifest, 'knative/service.yaml');
    expect(knativeServiceViolations(documents[0]!.object)).toHaveLength(1);
    let error: unknown;
    try {
      buildPlan({
        trigger,
        labels: [],
        labelPrefix: 'canary-',
        domain: 'example.com',
        prDocuments: documents,
        baseDocuments: [],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      'knative/service.yaml:11: spec.template.spec.nodeSelector is refused by Knative Serving\'s webhook ("must not set the field(s)"): the field is behind the config-features flag kubernetes.podspec-nodeselector, which is Disabled in the Knative the preview installs. Remove it from the manifest (a cluster whose config-features sets kubernetes.podspec-nodeselector: Enabled would accept it).',
    );
    expect((error as UserError).location).toEqual({ file: 'knative/service.yaml', line: 11 });
  });
});
