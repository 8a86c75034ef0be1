import { describe, expect, test } from 'vitest';
import { clusterNameForRun, isValidClusterName } from '../../../src/cluster/cluster-name.js';
import {
  checkCompatibility,
  kubernetesVersionOfK3sImage,
} from '../../../src/cluster/compatibility.js';
import {
  daemonSetRolloutState,
  describeCondition,
  describePod,
} from '../../../src/cluster/describe.js';
import { k3dCreateArgs } from '../../../src/cluster/k3d.js';
import { knativeConfigPatches } from '../../../src/cluster/knative.js';
import { inventoryOf } from '../../../src/cluster/manifest-inventory.js';
import { isWebhookNotReady, kubectlErrors } from '../../../src/cluster/webhook-errors.js';
import { UserError } from '../../../src/util/errors.js';

describe('compatibility', () => {
  test.each([
    ['1.22.1', 'rancher/k3s:v1.34.8-k3s1'],
    ['1.23.0', 'rancher/k3s:v1.34.1-k3s1'],
    ['1.21.2', 'rancher/k3s:v1.33.5-k3s1'],
    ['1.20.0', 'rancher/k3s:v1.32.0-k3s1'],
    ['1.19.4', 'docker.io/rancher/k3s:v1.32.9-k3s2'],
    ['1.18.0', 'rancher/k3s:v1.31.2-k3s1'],
    ['v1.22.1', 'registry.local:5000/rancher/k3s:v1.35.0-k3s1'],
  ])('Knative %s runs on %s', (knative, image) => {
    expect(checkCompatibility(image, knative).warnings).toEqual([]);
  });

  test.each([
    ['1.22.1', 'rancher/k3s:v1.33.5-k3s1', 34],
    ['1.21.0', 'rancher/k3s:v1.32.0-k3s1', 33],
    ['1.18.3', 'rancher/k3s:v1.30.14-k3s1', 31],
  ])('Knative %s on %s fails naming both versions and the fix', (knative, image, minimum) => {
    let error: unknown;
    try {
      checkCompatibility(image, knative);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    const message = (error as Error).message;
    expect(message).toContain(`Knative Serving ${knative} needs Kubernetes >= 1.${minimum}`);
    expect(message).toContain(image);
    expect(message).toContain(`rancher/k3s:v1.${minimum}.x-k3s1`);
  });

  test('an unknown newer Knative assumes the newest known minimum and warns', () => {
    const result = checkCompatibility('rancher/k3s:v1.34.8-k3s1', '1.30.0');
    expect(result.minimumMinor).toBe(34);
    expect(result.warnings[0]).toMatch(/1\.30\.0 is newer than the releases this action knows/);
    expect(() => checkCompatibility('rancher/k3s:v1.33.0-k3s1', '1.30.0')).toThrow(
      /needs Kubernetes >= 1\.34/,
    );
  });

  test('an unknown older Knative is an error', () => {
    expect(() => checkCompatibility('rancher/k3s:v1.34.8-k3s1', '1.17.0')).toThrow(
      /older than this action supports/,
    );
  });

  test('reads the Kubernetes version from the image tag only', () => {
    expect(kubernetesVersionOfK3sImage('rancher/k3s:v1.34.8-k3s1')).toEqual({
      major: 1,
      minor: 34,
      patch: 8,
    });
    expect(() => kubernetesVersionOfK3sImage('rancher/k3s:latest')).toThrow(
      /Cannot read a Kubernetes version/,
    );
    expect(() => kubernetesVersionOfK3sImage('rancher/k3s')).toThrow(/Cannot read/);
  });
});

describe('webhook-not-ready classifier', () => {
  const webhook = (tail: string) =>
    `Error from server (InternalError): Internal error occurred: failed calling webhook "config.webhook.serving.knative.dev": failed to call webhook: Post "https://webhook.knative-serving.svc:443/config-validation?timeout=10s": ${tail}`;
  test.each([
    webhook('dial tcp 10.43.12.1:443: connect: connection refused'),
    webhook('no endpoints available for service "webhook"'),
    webhook('context deadline exceeded'),
    'Error from server (InternalError): error when creating "STDIN": Internal error occurred: failed calling webhook "webhook.serving.knative.dev": failed to call webhook: Post "https://webhook.knative-serving.svc:443/defaulting?timeout=10s": no endpoints available for service "webhook"',
    'error: resource mapping not found for name: "contour" namespace: "" from "STDIN": no matches for kind "ContourConfiguration" in version "projectcontour.io/v1alpha1"\nensure CRDs are installed first',
    'Error from server (ServiceUnavailable): the server is currently unable to handle the request',
  ])('retried: %s', (message) => {
    expect(isWebhookNotReady(message)).toBe(true);
  });
  test.each([
    'Error from server (NotFound): configmaps "config-network" not found',
    'Error from server (BadRequest): admission webhook "config.webhook.serving.knative.dev" denied the request: validation failed: invalid value',
    'Error from server (Forbidden): configmaps "config-domain" is forbidden',
    webhook('x: some other failure'),
    'error: error parsing STDIN: error converting YAML to JSON',
  ])('fails at once: %s', (message) => {
    expect(isWebhookNotReady(message)).toBe(false);
  });
});

// kubectl apply of several objects prints one error per object that failed (to stderr; the
// successes go to stdout). Texts as kubectl 1.34 prints them against Knative 1.22: webhook calls
// that find no endpoints (kubernetes apiserver pkg/admission/plugin/webhook/mutating/dispatcher.go,
// pkg/util/webhook/error.go, pkg/util/proxy/proxy.go), a webhook denial, a CRD not yet served.
describe('webhook-not-ready classifier over several objects', () => {
  const noEndpoints = (path: string) =>
    `Error from server (InternalError): error when creating "STDIN": Internal error occurred: failed calling webhook "webhook.serving.knative.dev": failed to call webhook: Post "https://webhook.knative-serving.svc:443/${path}?timeout=10s": no endpoints available for service "webhook"`;
  const denied =
    'Error from server (BadRequest): error when creating "STDIN": admission webhook "validation.webhook.serving.knative.dev" denied the request: validation failed: Saw the following changes without a name change (-old +new): spec.template.metadata.name\n{*v1.RevisionTemplateSpec}.Spec.PodSpec.Containers[0].Image:\n\t-: "dev.local/app:a"\n\t+: "dev.local/app:b"';
  const crdNotYet =
    'error: resource mapping not found for name: "hello" namespace: "default" from "STDIN": no matches for kind "Route" in version "serving.knative.dev/v1"\nensure CRDs are installed first';

  test('splits the output into one error per object, keeping continuation lines', () => {
    expect(
      kubectlErrors(
        [
          'Warning: resource configmaps/app is missing the kubectl.kubernetes.io/last-applied-configuration annotation',
          noEndpoints('defaulting'),
          denied,
          crdNotYet,
        ].join('\n'),
      ),
    ).toEqual([noEndpoints('defaulting'), denied, crdNotYet]);
  });
  test('retries when every object failed for a webhook or CRD that is not serving yet', () => {
    expect(isWebhookNotReady(`${noEndpoints('defaulting')}\n${noEndpoints('defaulting')}`)).toBe(
      true,
    );
    expect(isWebhookNotReady(`${noEndpoints('resource-validation')}\n${crdNotYet}`)).toBe(true);
    // The ToolError message form: the command, then kubectl's last lines.
    expect(
      isWebhookNotReady(
        `\`kubectl --kubeconfig k apply -f -\` exited with 1: ${noEndpoints('defaulting')}\n${noEndpoints('defaulting')}`,
      ),
    ).toBe(true);
  });
  test('fails at once when any object failed for another reason', () => {
    expect(isWebhookNotReady(`${noEndpoints('defaulting')}\n${denied}`)).toBe(false);
    expect(
      isWebhookNotReady(
        `${noEndpoints('defaulting')}\nError from server (NotFound): error when creating "STDIN": namespaces "preview" not found`,
      ),
    ).toBe(false);
    expect(isWebhookNotReady('Warning: only a warning')).toBe(false);
  });
});

describe('cluster names', () => {
  test('run id and attempt in Actions', () => {
    expect(clusterNameForRun({ GITHUB_RUN_ID: '12345678901', GITHUB_RUN_ATTEMPT: '2' })).toBe(
      'knp-12345678901-2',
    );
  });
  test('random outside Actions, always a valid k3d name', () => {
    expect(clusterNameForRun({}, () => 'a1b2c3d4')).toBe('knp-a1b2c3d4');
    const real = clusterNameForRun({});
    expect(isValidClusterName(real)).toBe(true);
  });
  test('an absurd run id falls back to random rather than an invalid name', () => {
    expect(clusterNameForRun({ GITHUB_RUN_ID: '9'.repeat(40) }, () => 'ffff0000')).toBe(
      'knp-ffff0000',
    );
    expect(isValidClusterName('a'.repeat(33))).toBe(false);
    expect(isValidClusterName('Upper')).toBe(false);
  });
});

describe('k3d create arguments', () => {
  const topology = {
    name: 'knp-1-1',
    k3sImage: 'rancher/k3s:v1.34.8-k3s1',
    agents: 2,
    loadBalancerPort: 8081,
    agentPort: 8082,
    extraArgs: [],
  };
  test('the preview topology, as argv elements with no shell quoting', () => {
    expect(k3dCreateArgs(topology)).toEqual([
      'cluster',
      'create',
      'knp-1-1',
      '--port',
      '127.0.0.1:8082:30080@agent:0',
      '-p',
      '127.0.0.1:8081:80@loadbalancer',
      '--api-port',
      '127.0.0.1:random',
      '--agents',
      '2',
      '--k3s-arg',
      '--disable=traefik@server:0',
      '--image',
      'rancher/k3s:v1.34.8-k3s1',
      '--wait',
      '--kubeconfig-update-default=false',
      '--kubeconfig-switch-context=false',
    ]);
  });
  test('custom ports, 0 agents, a timeout and extra args', () => {
    const args = k3dCreateArgs({
      ...topology,
      agents: 0,
      loadBalancerPort: 9081,
      agentPort: 9082,
      timeoutSeconds: 299.7,
      extraArgs: ['--servers=3'],
    });
    expect(args).toContain('127.0.0.1:9082:30080@server:0');
    expect(args).toContain('127.0.0.1:9081:80@loadbalancer');
    expect(args.slice(args.indexOf('--timeout'), args.indexOf('--timeout') + 2)).toEqual([
      '--timeout',
      '299s',
    ]);
    expect(args.at(-1)).toBe('--servers=3');
  });
});

test('config patches: Contour ingress class and the domain', () => {
  expect(knativeConfigPatches('preview.example.org')).toEqual([
    {
      configMap: 'config-network',
      patch: { data: { 'ingress-class': 'contour.ingress.networking.knative.dev' } },
    },
    { configMap: 'config-domain', patch: { data: { 'preview.example.org': '' } } },
  ]);
});

test('inventory: what a release YAML creates, from its documents', () => {
  const inventory = inventoryOf(`
apiVersion: v1
kind: Namespace
metadata: {name: contour-external}
---
# a comment-only document
---
apiVersion: batch/v1
kind: Job
metadata: {name: contour-certgen-v1-33-0, namespace: contour-external}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: envoy, namespace: contour-external}
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: httpproxies.projectcontour.io}
`);
  expect(inventory).toEqual({
    customResourceDefinitions: ['httpproxies.projectcontour.io'],
    namespaces: ['contour-external'],
    deployments: [],
    daemonSets: [{ namespace: 'contour-external', name: 'envoy' }],
    jobs: [{ namespace: 'contour-external', name: 'contour-certgen-v1-33-0' }],
  });
});

describe('descriptions of things not ready', () => {
  test('condition with reason and message', () => {
    const deployment = {
      kind: 'Deployment',
      metadata: { name: 'activator', namespace: 'knative-serving' },
      status: {
        conditions: [
          {
            type: 'Available',
            status: 'False',
            reason: 'MinimumReplicasUnavailable',
            message: 'Deployment does not have minimum availability.',
          },
        ],
      },
    };
    expect(describeCondition(deployment, 'Available')).toBe(
      'deployment/knative-serving/activator: Available=False (MinimumReplicasUnavailable: Deployment does not have minimum availability.)',
    );
  });
  test('pod phase and waiting containers', () => {
    const pod = {
      metadata: { name: 'webhook-1', namespace: 'knative-serving' },
      status: {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'webhook',
            ready: false,
            restartCount: 4,
            state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s' } },
          },
          { name: 'sidecar', ready: true, state: { running: {} } },
        ],
      },
    };
    expect(describePod(pod)).toBe(
      'pod/knative-serving/webhook-1 Running; container webhook waiting (CrashLoopBackOff: back-off 40s), 4 restarts',
    );
  });
  test('daemonset rollout needs the new generation observed and every pod available', () => {
    const ds = (observed: number, updated: number, available: number) => ({
      kind: 'DaemonSet',
      metadata: { name: 'envoy', namespace: 'contour-external', generation: 2 },
      status: {
        observedGeneration: observed,
        desiredNumberScheduled: 3,
        updatedNumberScheduled: updated,
        numberAvailable: available,
      },
    });
    expect(daemonSetRolloutState(ds(2, 3, 3)).done).toBe(true);
    expect(daemonSetRolloutState(ds(1, 3, 3))).toEqual({
      done: false,
      seen: 'daemonset/contour-external/envoy: 3/3 updated, 3/3 available, new spec not yet observed',
    });
    expect(daemonSetRolloutState(ds(2, 3, 2)).done).toBe(false);
  });
});
