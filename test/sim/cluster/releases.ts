/**
 * The sim's own stand-ins for the four release assets the action installs. They hold the
 * objects the action waits on (namespaces, deployments, jobs, the envoy daemonset, config maps,
 * CRDs) with the names real releases use, not the real releases' full content.
 */
import { stringify } from 'yaml';
import { knativeCrds } from './knative-schema.js';
import type { Loose } from './types.js';

export type ReleaseFile =
  'serving-crds.yaml' | 'serving-core.yaml' | 'contour.yaml' | 'net-contour.yaml';

function docs(objects: Loose[]): string {
  return objects.map((o) => `---\n${stringify(o)}`).join('');
}

function servingLabels(version: string, component?: string): Record<string, string> {
  return {
    'app.kubernetes.io/name': 'knative-serving',
    'app.kubernetes.io/version': version,
    ...(component ? { 'app.kubernetes.io/component': component } : {}),
  };
}

function deployment(
  namespace: string,
  name: string,
  image: string,
  labels: Record<string, string>,
  replicas = 1,
): Loose {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { ...labels, app: name } },
        spec: {
          serviceAccountName: name,
          containers: [{ name, image, ports: [{ name: 'http', containerPort: 8080 }] }],
        },
      },
    },
  };
}

function service(
  namespace: string,
  name: string,
  labels: Record<string, string>,
  port: number,
  type = 'ClusterIP',
): Loose {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, labels },
    spec: { type, selector: { app: name }, ports: [{ name: 'http', port, targetPort: 8080 }] },
  };
}

function servingCrds(version: string): string {
  // The release's CRDs (or the project's model of them), labelled with the version this
  // stand-in release claims to be.
  const release = version.replace(/^v/, '');
  return knativeCrds()
    .map((crd) => {
      const copy = structuredClone(crd);
      copy.metadata.labels = { ...copy.metadata.labels, 'app.kubernetes.io/version': release };
      return `---\n${stringify(copy).trim()}\n`;
    })
    .join('');
}

/** Name and app.kubernetes.io/component of serving-core's config maps. */
const SERVING_CONFIG_MAPS: [string, string][] = [
  ['config-autoscaler', 'autoscaler'],
  ['config-defaults', 'controller'],
  ['config-deployment', 'controller'],
  ['config-domain', 'controller'],
  ['config-features', 'controller'],
  ['config-gc', 'controller'],
  ['config-leader-election', 'controller'],
  ['config-logging', 'logging'],
  ['config-network', 'networking'],
  ['config-observability', 'observability'],
  ['config-tracing', 'tracing'],
];

function servingCore(version: string): string {
  const ns = 'knative-serving';
  const image = (cmd: string): string =>
    `gcr.io/knative-releases/knative.dev/serving/cmd/${cmd}:${version}`;
  const objects: Loose[] = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: servingLabels(version) } },
    ...['controller', 'activator', 'autoscaler', 'webhook'].map((name) => ({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name, namespace: ns, labels: servingLabels(version, name) },
    })),
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'knative-serving-admin', labels: servingLabels(version) },
      rules: [{ apiGroups: ['serving.knative.dev'], resources: ['*'], verbs: ['*'] }],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'knative-serving-controller-admin', labels: servingLabels(version) },
      subjects: [{ kind: 'ServiceAccount', name: 'controller', namespace: ns }],
      roleRef: {
        kind: 'ClusterRole',
        name: 'knative-serving-admin',
        apiGroup: 'rbac.authorization.k8s.io',
      },
    },
    // The config maps come before the webhook, as in the real release: creating them succeeds,
    // changing them afterwards needs the webhook up. Their component labels are the ones the
    // config-map webhook's objectSelector picks (config/core/configmaps/*.yaml).
    ...SERVING_CONFIG_MAPS.map(([name, component]) => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, namespace: ns, labels: servingLabels(version, component) },
      data: {
        _example: `# ${name}: documentation-only example block (simulated release ${version})\n`,
      },
    })),
    deployment(ns, 'activator', image('activator'), servingLabels(version, 'activator')),
    deployment(ns, 'autoscaler', image('autoscaler'), servingLabels(version, 'autoscaler')),
    deployment(ns, 'controller', image('controller'), servingLabels(version, 'controller')),
    deployment(ns, 'webhook', image('webhook'), servingLabels(version, 'webhook')),
    service(ns, 'activator-service', servingLabels(version, 'activator'), 80),
    service(ns, 'autoscaler', servingLabels(version, 'autoscaler'), 8080),
    service(ns, 'controller', servingLabels(version, 'controller'), 9090),
    service(ns, 'webhook', servingLabels(version, 'webhook'), 443),
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'webhook-certs', namespace: ns, labels: servingLabels(version, 'webhook') },
    },
    // As config/core/webhooks/*.yaml: no paths (the webhook pod fills them in when it starts),
    // static rules for the resource webhooks, none for the config-map webhook.
    {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'MutatingWebhookConfiguration',
      metadata: { name: 'webhook.serving.knative.dev', labels: servingLabels(version, 'webhook') },
      webhooks: [
        {
          ...webhookEntry('webhook.serving.knative.dev', ns),
          rules: [servingResourcesRule(['CREATE', 'UPDATE'])],
        },
      ],
    },
    {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingWebhookConfiguration',
      metadata: {
        name: 'validation.webhook.serving.knative.dev',
        labels: servingLabels(version, 'webhook'),
      },
      webhooks: [
        {
          ...webhookEntry('validation.webhook.serving.knative.dev', ns),
          rules: [servingResourcesRule(['CREATE', 'UPDATE', 'DELETE'])],
        },
      ],
    },
    {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingWebhookConfiguration',
      metadata: {
        name: 'config.webhook.serving.knative.dev',
        labels: servingLabels(version, 'webhook'),
      },
      webhooks: [
        {
          ...webhookEntry('config.webhook.serving.knative.dev', ns),
          objectSelector: {
            matchExpressions: [
              { key: 'app.kubernetes.io/name', operator: 'In', values: ['knative-serving'] },
              {
                key: 'app.kubernetes.io/component',
                operator: 'In',
                values: [
                  'autoscaler',
                  'controller',
                  'logging',
                  'networking',
                  'observability',
                  'tracing',
                  'net-certmanager',
                ],
              },
            ],
          },
        },
      ],
    },
  ];
  return docs(objects);
}

function webhookEntry(name: string, namespace: string): Loose {
  return {
    name,
    admissionReviewVersions: ['v1', 'v1beta1'],
    clientConfig: { service: { name: 'webhook', namespace } },
    failurePolicy: 'Fail',
    sideEffects: 'None',
    timeoutSeconds: 10,
  };
}

function servingResourcesRule(operations: string[]): Loose {
  return {
    apiGroups: [
      'autoscaling.internal.knative.dev',
      'networking.internal.knative.dev',
      'serving.knative.dev',
    ],
    apiVersions: ['*'],
    operations,
    scope: '*',
    resources: [
      'metrics',
      'podautoscalers',
      'certificates',
      'ingresses',
      'serverlessservices',
      'configurations',
      'revisions',
      'routes',
      'services',
      'domainmappings',
      'domainmappings/status',
    ],
  };
}

function contour(version: string): string {
  const labels = (component: string): Record<string, string> => ({
    'app.kubernetes.io/name': 'contour',
    'app.kubernetes.io/component': component,
    'networking.knative.dev/ingress-provider': 'contour',
    'app.kubernetes.io/version': version,
  });
  const objects: Loose[] = [
    {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'httpproxies.projectcontour.io' },
      spec: {
        group: 'projectcontour.io',
        names: {
          kind: 'HTTPProxy',
          listKind: 'HTTPProxyList',
          plural: 'httpproxies',
          singular: 'httpproxy',
          shortNames: ['proxy', 'proxies'],
        },
        scope: 'Namespaced',
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            subresources: { status: {} },
            schema: {
              openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
            },
          },
        ],
      },
    },
  ];
  for (const visibility of ['external', 'internal']) {
    const ns = `contour-${visibility}`;
    objects.push(
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: ns, labels: { 'networking.knative.dev/ingress-provider': 'contour' } },
      },
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'contour', namespace: ns } },
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'envoy', namespace: ns } },
      {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: 'contour-certgen', namespace: ns },
      },
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'contour', namespace: ns, labels: labels('contour') },
        data: { 'contour.yaml': `ingress-class-name: contour-${visibility}\n` },
      },
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: 'contour-certgen-v1-31-0', namespace: ns, labels: labels('certgen') },
        spec: {
          ttlSecondsAfterFinished: 0,
          template: {
            metadata: { labels: { app: 'contour-certgen' } },
            spec: {
              restartPolicy: 'Never',
              serviceAccountName: 'contour-certgen',
              containers: [
                {
                  name: 'contour',
                  image: 'ghcr.io/projectcontour/contour:v1.31.0',
                  command: ['contour', 'certgen', '--kube'],
                },
              ],
            },
          },
        },
      },
      deployment(ns, 'contour', 'ghcr.io/projectcontour/contour:v1.31.0', labels('contour'), 2),
      {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: { name: 'envoy', namespace: ns, labels: labels('envoy') },
        spec: {
          selector: { matchLabels: { app: 'envoy' } },
          updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '10%' } },
          template: {
            metadata: { labels: { app: 'envoy' } },
            spec: {
              serviceAccountName: 'envoy',
              containers: [
                {
                  name: 'envoy',
                  image: 'docker.io/envoyproxy/envoy:v1.33.0',
                  ports: [{ name: 'http', containerPort: 8080 }],
                },
              ],
            },
          },
        },
      },
      service(ns, 'contour', labels('contour'), 8001),
      {
        ...service(
          ns,
          'envoy',
          labels('envoy'),
          80,
          visibility === 'external' ? 'LoadBalancer' : 'ClusterIP',
        ),
        spec: {
          type: visibility === 'external' ? 'LoadBalancer' : 'ClusterIP',
          selector: { app: 'envoy' },
          ports: [{ name: 'http', port: 80, targetPort: 8080 }],
        },
      },
    );
  }
  return docs(objects);
}

function netContour(version: string): string {
  const ns = 'knative-serving';
  const labels = {
    'app.kubernetes.io/component': 'net-contour',
    'app.kubernetes.io/name': 'knative-serving',
    'app.kubernetes.io/version': version,
    'networking.knative.dev/ingress-provider': 'contour',
  };
  return docs([
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'config-contour', namespace: ns, labels },
      data: {
        _example:
          '# visibility: which Contour serves which Knative visibility (simulated release)\n',
        visibility:
          'ExternalIP:\n  class: contour-external\n  service: contour-external/envoy\nClusterLocal:\n  class: contour-internal\n  service: contour-internal/envoy\n',
      },
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'knative-contour-core', labels },
      rules: [{ apiGroups: ['projectcontour.io'], resources: ['httpproxies'], verbs: ['*'] }],
    },
    deployment(
      ns,
      'net-contour-controller',
      `gcr.io/knative-releases/knative.dev/net-contour/cmd/controller:${version}`,
      labels,
    ),
  ]);
}

export function releaseAsset(file: ReleaseFile, version: string): string {
  const header = `# Simulated stand-in for ${file} of release ${version} (knative-action test sim; not the real release)\n`;
  switch (file) {
    case 'serving-crds.yaml':
      return header + servingCrds(version);
    case 'serving-core.yaml':
      return header + servingCore(version);
    case 'contour.yaml':
      return header + contour(version);
    case 'net-contour.yaml':
      return header + netContour(version);
    default:
      throw new Error(`no simulated release asset named ${String(file)}`);
  }
}
