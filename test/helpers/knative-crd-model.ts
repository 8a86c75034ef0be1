/**
 * The project's own model of Knative Serving's v1 CRDs (Service, Configuration, Revision,
 * Route): the structural schema of every field a manifest writes, and the printer columns, as
 * the v1 API types define them (knative/serving pkg/apis/serving/v1, and the CRDs release 1.22
 * generates from them under config/core/300-resources/). Written here, not copied: the test run
 * uses it only when the release's own CRDs cannot be had (no ../shared, no network), so that
 * every schema check still runs. It is strict where the release is strict (the fields of a
 * container, a pod spec, a traffic target) and looser below that (a probe's httpGet, a volume
 * source, status): test/sim/README.md says so.
 */
import type { CrdDocument } from './knative-crds.js';

/** Marks the model, so a later run with the release's CRDs at hand replaces it. */
export const OWN_MODEL_LABEL = 'knative-action.test/crd-source';

type Schema = Record<string, unknown>;

const str: Schema = { type: 'string' };
const int: Schema = { type: 'integer', format: 'int32' };
const int64: Schema = { type: 'integer', format: 'int64' };
const bool: Schema = { type: 'boolean' };
/** Any object: its fields are Kubernetes' to check, not this model's. */
const anyObject: Schema = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
const quantity: Schema = {
  anyOf: [{ type: 'integer' }, { type: 'string' }],
  'x-kubernetes-int-or-string': true,
};
const obj = (properties: Record<string, Schema>, required?: string[]): Schema => ({
  type: 'object',
  properties,
  ...(required ? { required } : {}),
});
const list = (items: Schema): Schema => ({ type: 'array', items });
const map = (values: Schema): Schema => ({ type: 'object', additionalProperties: values });

const probe = obj({
  exec: anyObject,
  failureThreshold: int,
  grpc: anyObject,
  httpGet: anyObject,
  initialDelaySeconds: int,
  periodSeconds: int,
  successThreshold: int,
  tcpSocket: anyObject,
  timeoutSeconds: int,
});

const container = obj({
  args: list(str),
  command: list(str),
  env: list(
    obj(
      {
        name: str,
        value: str,
        valueFrom: obj({
          configMapKeyRef: anyObject,
          fieldRef: anyObject,
          resourceFieldRef: anyObject,
          secretKeyRef: anyObject,
        }),
      },
      ['name'],
    ),
  ),
  envFrom: list(obj({ configMapRef: anyObject, prefix: str, secretRef: anyObject })),
  image: str,
  imagePullPolicy: str,
  livenessProbe: probe,
  name: str,
  ports: list(obj({ containerPort: int, name: str, protocol: str })),
  readinessProbe: probe,
  resources: obj({ limits: map(quantity), requests: map(quantity) }),
  securityContext: obj({
    allowPrivilegeEscalation: bool,
    capabilities: anyObject,
    privileged: bool,
    readOnlyRootFilesystem: bool,
    runAsGroup: int64,
    runAsNonRoot: bool,
    runAsUser: int64,
    seccompProfile: anyObject,
  }),
  startupProbe: probe,
  terminationMessagePath: str,
  terminationMessagePolicy: str,
  volumeMounts: list(
    obj({ mountPath: str, mountPropagation: str, name: str, readOnly: bool, subPath: str }, [
      'mountPath',
      'name',
    ]),
  ),
  workingDir: str,
});

/** A revision's spec: the pod spec fields Knative lets through (some behind config-features). */
const revisionSpec = obj(
  {
    affinity: anyObject,
    automountServiceAccountToken: bool,
    containerConcurrency: int64,
    containers: list(container),
    dnsConfig: anyObject,
    dnsPolicy: str,
    enableServiceLinks: bool,
    hostAliases: list(anyObject),
    hostIPC: bool,
    hostNetwork: bool,
    hostPID: bool,
    idleTimeoutSeconds: int64,
    imagePullSecrets: list(obj({ name: str })),
    initContainers: list(anyObject),
    nodeSelector: map(str),
    priorityClassName: str,
    responseStartTimeoutSeconds: int64,
    runtimeClassName: str,
    schedulerName: str,
    securityContext: anyObject,
    serviceAccountName: str,
    shareProcessNamespace: bool,
    timeoutSeconds: int64,
    tolerations: list(anyObject),
    topologySpreadConstraints: list(anyObject),
    volumes: list(anyObject),
  },
  ['containers'],
);

const template = obj({
  metadata: {
    ...obj({
      annotations: map(str),
      finalizers: list(str),
      labels: map(str),
      name: str,
      namespace: str,
    }),
    'x-kubernetes-preserve-unknown-fields': true,
  },
  spec: revisionSpec,
});

const traffic = list(
  obj({
    configurationName: str,
    latestRevision: bool,
    percent: int64,
    revisionName: str,
    tag: str,
    url: str,
  }),
);

const READY = ".status.conditions[?(@.type=='Ready')]";
type Column = [name: string, jsonPath: string, type?: string];
const readyColumns: Column[] = [
  ['Ready', `${READY}.status`],
  ['Reason', `${READY}.reason`],
];

function crd(
  names: { kind: string; plural: string; shortNames: string[] },
  spec: Schema,
  columns: Column[],
  duck: string[],
): CrdDocument {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {
      name: `${names.plural}.serving.knative.dev`,
      labels: {
        'app.kubernetes.io/name': 'knative-serving',
        'knative.dev/crd-install': 'true',
        ...Object.fromEntries(duck.map((d) => [`duck.knative.dev/${d}`, 'true'])),
        [OWN_MODEL_LABEL]: 'own-model',
      },
    },
    spec: {
      group: 'serving.knative.dev',
      names: {
        ...names,
        singular: names.kind.toLowerCase(),
        categories: ['all', 'knative', 'serving'],
      },
      scope: 'Namespaced',
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          subresources: { status: {} },
          schema: {
            openAPIV3Schema: obj({
              apiVersion: str,
              kind: str,
              metadata: { type: 'object' },
              spec,
              status: anyObject,
            }),
          },
          additionalPrinterColumns: columns.map(([name, jsonPath, type]) => ({
            name,
            type: type ?? 'string',
            jsonPath,
          })),
        },
      ],
    },
  };
}

/** The four CRDs of the model, in the order the release lists them. */
export function ownKnativeCrds(): CrdDocument[] {
  return [
    crd(
      { kind: 'Configuration', plural: 'configurations', shortNames: ['config', 'cfg'] },
      obj({ template }),
      [
        ['LatestCreated', '.status.latestCreatedRevisionName'],
        ['LatestReady', '.status.latestReadyRevisionName'],
        ...readyColumns,
      ],
      ['podspecable'],
    ),
    crd(
      { kind: 'Revision', plural: 'revisions', shortNames: ['rev'] },
      revisionSpec,
      [
        ['Config Name', ".metadata.labels['serving\\.knative\\.dev/configuration']"],
        ['Generation', ".metadata.labels['serving\\.knative\\.dev/configurationGeneration']"],
        ...readyColumns,
        ['Actual Replicas', '.status.actualReplicas', 'integer'],
        ['Desired Replicas', '.status.desiredReplicas', 'integer'],
      ],
      [],
    ),
    crd(
      { kind: 'Route', plural: 'routes', shortNames: ['rt'] },
      obj({ traffic }),
      [['URL', '.status.url'], ...readyColumns],
      ['addressable'],
    ),
    crd(
      { kind: 'Service', plural: 'services', shortNames: ['kservice', 'ksvc'] },
      obj({ template, traffic }),
      [
        ['URL', '.status.url'],
        ['LatestCreated', '.status.latestCreatedRevisionName'],
        ['LatestReady', '.status.latestReadyRevisionName'],
        ...readyColumns,
      ],
      ['addressable', 'podspecable'],
    ),
  ];
}
