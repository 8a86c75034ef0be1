/**
 * Revisions whose images cannot run, through the real kubectl: digest resolution, the revision's
 * Deployment and pods, and the progress deadline. Upstream: knative/serving at knative-v1.22.1
 * (pkg/reconciler/revision/{revision.go,reconcile_resources.go,resolve.go,background.go},
 * pkg/reconciler/revision/resources/deploy.go, pkg/deployment/config.go,
 * pkg/apis/serving/v1/revision_lifecycle.go) and kubernetes release-1.34
 * (pkg/kubelet/images/image_manager.go, pkg/controller/deployment/progress.go).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importImages, installKnative, startHarness, type Harness } from './helpers.js';

function ksvc(
  name: string,
  image: string,
  options: { deadline?: string; env?: object[]; pullPolicy?: string } = {},
): string {
  return JSON.stringify({
    apiVersion: 'serving.knative.dev/v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: {
      template: {
        metadata: {
          name: `${name}-r1`,
          ...(options.deadline
            ? { annotations: { 'serving.knative.dev/progress-deadline': options.deadline } }
            : {}),
        },
        spec: {
          containers: [
            {
              image,
              ...(options.env ? { env: options.env } : {}),
              ...(options.pullPolicy ? { imagePullPolicy: options.pullPolicy } : {}),
            },
          ],
        },
      },
    },
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('revisions whose images cannot run', () => {
  let h: Harness;
  const ready = (rev: string): Promise<string> =>
    h.ok([
      'get',
      'revision',
      rev,
      '-o',
      'jsonpath={.status.conditions[?(@.type=="Ready")].status}|{.status.conditions[?(@.type=="Ready")].reason}|{.status.conditions[?(@.type=="Ready")].message}',
    ]);
  const waiting = (rev: string): Promise<string> =>
    h.ok([
      'get',
      'pods',
      '-l',
      `serving.knative.dev/revision=${rev}`,
      '-o',
      'jsonpath={.items[0].status.containerStatuses[?(@.name=="user-container")].state.waiting.reason}',
    ]);

  beforeAll(async () => {
    h = await startHarness({ SIM_REVISION_NEVER_READY: 'stuck-r1' });
    await installKnative(h);
    await importImages(h, ['dev.local/app:1', 'dev.local/app:latest']);
  }, 60_000);
  afterAll(async () => {
    await h?.stop();
  });

  it("stays Deploying while the pod cannot pull, then reports the kubelet's reason at the deadline", async () => {
    await h.ok(['apply', '-f', '-'], ksvc('typo', 'dev.local/app:2', { deadline: '4s' }));
    await h.ok(['apply', '-f', '-'], ksvc('slow', 'dev.local/app:2'));
    // The pod shows the pull failure at once; Knative waits for the deployment's deadline.
    await h.ok([
      'wait',
      '--for=jsonpath={.status.containerStatuses[0].state.waiting.reason}=ErrImagePull',
      'pods',
      '-l',
      'serving.knative.dev/revision=typo-r1',
      '--timeout=10s',
    ]);
    expect(await ready('typo-r1')).toBe('Unknown|Deploying|');
    const pod = JSON.parse(
      await h.ok(['get', 'pods', '-l', 'serving.knative.dev/revision=typo-r1', '-o', 'json']),
    ).items[0];
    // ErrImagePull carries the runtime's error; the back-off that follows repeats it.
    expect(pod.status.containerStatuses[0].state.waiting.message).toContain(
      'rpc error: code = Unknown desc = failed to pull and unpack image "dev.local/app:2": failed to resolve reference "dev.local/app:2": failed to do request: Head "https://dev.local/v2/app/manifests/2": dial tcp: lookup dev.local on 127.0.0.11:53: no such host',
    );
    expect(
      await h.ok([
        'get',
        'deploy',
        'typo-r1-deployment',
        '-o',
        'jsonpath={.spec.progressDeadlineSeconds}',
      ]),
    ).toBe('4');
    await sleep(2500);
    expect(await waiting('typo-r1')).toBe('ImagePullBackOff');
    await h.ok(['wait', '--for=condition=Ready=False', 'revision/typo-r1', '--timeout=10s']);
    expect(await ready('typo-r1')).toBe(
      'False|ImagePullBackOff|Back-off pulling image "dev.local/app:2": ErrImagePull: rpc error: code = Unknown desc = failed to pull and unpack image "dev.local/app:2": failed to resolve reference "dev.local/app:2": failed to do request: Head "https://dev.local/v2/app/manifests/2": dial tcp: lookup dev.local on 127.0.0.11:53: no such host',
    );
    expect(
      await h.ok([
        'get',
        'deploy',
        'typo-r1-deployment',
        '-o',
        'jsonpath={.status.conditions[?(@.type=="Progressing")].reason}',
      ]),
    ).toBe('ProgressDeadlineExceeded');
    // Without the annotation, config-deployment's 600 s applies: still deploying.
    expect(await ready('slow-r1')).toBe('Unknown|Deploying|');
    expect(
      await h.ok([
        'get',
        'deploy',
        'slow-r1-deployment',
        '-o',
        'jsonpath={.spec.progressDeadlineSeconds}',
      ]),
    ).toBe('600');
    await h.ok([
      'wait',
      '--for=jsonpath={.status.conditions[?(@.type=="Ready")].reason}=RevisionFailed',
      'ksvc/typo',
      '--timeout=10s',
    ]);
  });

  it('resolves no digest for skipped registries: dev.local:latest is pulled (policy Always) and fails there', async () => {
    await h.ok(['apply', '-f', '-'], ksvc('latest', 'dev.local/app:latest', { deadline: '2s' }));
    await h.ok(['apply', '-f', '-'], ksvc('good', 'dev.local/app:1'));
    await h.ok(['wait', '--for=condition=Ready', 'revision/good-r1', '--timeout=10s']);
    expect(
      await h.ok(['get', 'revision', 'good-r1', '-o', 'jsonpath={.status.containerStatuses}']),
    ).toBe('[{"name":"user-container"}]');
    await h.ok(['wait', '--for=condition=Ready=False', 'revision/latest-r1', '--timeout=10s']);
    expect(await ready('latest-r1')).toMatch(/^False\|(ErrImagePull|ImagePullBackOff)\|/);
  });

  it('fails unresolvable images of other registries at once, as ContainerMissing, without a Deployment', async () => {
    await h.ok(['apply', '-f', '-'], ksvc('hub', 'docker.io/acme/app-typo:1.0'));
    await h.ok(['wait', '--for=condition=Ready=False', 'revision/hub-r1', '--timeout=5s']);
    expect(await ready('hub-r1')).toBe(
      'False|ContainerMissing|Unable to fetch image "docker.io/acme/app-typo:1.0": failed to resolve image to digest: HEAD https://index.docker.io/v2/acme/app-typo/manifests/1.0: unexpected status code 401 Unauthorized (HEAD responses have no body, use GET for details)',
    );
    const deployments = await h.kubectl(['get', 'deploy', 'hub-r1-deployment']);
    expect(deployments.stderr).toContain('not found');
    expect(
      await h.ok([
        'get',
        'events',
        '--field-selector',
        'involvedObject.name=hub-r1',
        '-o',
        'jsonpath={.items[*].reason}',
      ]),
    ).toBe('InternalError');
    // A published image resolves to a digest the pod then runs.
    await h.ok(['apply', '-f', '-'], ksvc('sample', 'ghcr.io/knative/helloworld-go:latest'));
    await h.ok(['wait', '--for=condition=Ready', 'revision/sample-r1', '--timeout=10s']);
    expect(
      await h.ok([
        'get',
        'revision',
        'sample-r1',
        '-o',
        'jsonpath={.status.containerStatuses[0].imageDigest}',
      ]),
    ).toMatch(/^ghcr\.io\/knative\/helloworld-go@sha256:[0-9a-f]{64}$/);
  });

  it('reports a missing secret as CreateContainerConfigError', async () => {
    await h.ok(
      ['apply', '-f', '-'],
      ksvc('secret', 'dev.local/app:1', {
        deadline: '2s',
        env: [{ name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'api', key: 'token' } } }],
      }),
    );
    await h.ok([
      'wait',
      '--for=jsonpath={.status.containerStatuses[0].state.waiting.reason}=CreateContainerConfigError',
      'pods',
      '-l',
      'serving.knative.dev/revision=secret-r1',
      '--timeout=10s',
    ]);
    await h.ok(['wait', '--for=condition=Ready=False', 'revision/secret-r1', '--timeout=10s']);
    expect(await ready('secret-r1')).toBe(
      'False|CreateContainerConfigError|secret "api" not found',
    );
  });

  it("honours config-deployment's progress-deadline; a pod that never gets ready times out with the deployment's words", async () => {
    await h.ok([
      'patch',
      'configmap',
      'config-deployment',
      '-n',
      'knative-serving',
      '--type',
      'merge',
      '-p',
      '{"data":{"progress-deadline":"3s"}}',
    ]);
    await h.ok(['apply', '-f', '-'], ksvc('stuck', 'ghcr.io/knative/helloworld-go:latest'));
    await h.ok(['wait', '--for=condition=Ready=False', 'revision/stuck-r1', '--timeout=10s']);
    const replicaSet = await h.ok([
      'get',
      'pods',
      '-l',
      'serving.knative.dev/revision=stuck-r1',
      '-o',
      'jsonpath={.items[0].metadata.labels.pod-template-hash}',
    ]);
    expect(await ready('stuck-r1')).toBe(
      `False|ProgressDeadlineExceeded|ReplicaSet "stuck-r1-deployment-${replicaSet}" has timed out progressing.`,
    );
  });
});
