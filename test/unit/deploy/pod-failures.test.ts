/**
 * Reading a revision's pods while Knative still says Deploying. The container statuses are shaped
 * as the kubelet writes them (kubernetes pkg/kubelet/images/image_manager.go, kuberuntime: reasons
 * ErrImagePull, ImagePullBackOff, CrashLoopBackOff, CreateContainerConfigError); Knative reports
 * them only once the progress deadline passed (knative/serving knative-v1.22.1
 * pkg/reconciler/revision/reconcile_resources.go hasDeploymentTimedOut).
 */
import { describe, expect, it } from 'vitest';
import { podFailure } from '../../../src/deploy/pod-failures.js';
import type { ReadObject } from '../../../src/kube/object.js';

const IMAGE = 'dev.local/app:2a3b4c5';
const PULL_ERROR = `rpc error: code = Unknown desc = failed to pull and unpack image "${IMAGE}": failed to resolve reference "${IMAGE}": failed to do request: Head "https://dev.local/v2/app/manifests/2a3b4c5": dial tcp: lookup dev.local on 127.0.0.11:53: no such host`;

function pod(userState: Record<string, unknown>, extra: Record<string, unknown> = {}): ReadObject {
  return {
    metadata: { name: 'hello-pr-2a3b4c5-deployment-7d9f-abcde', namespace: 'default' },
    spec: {
      containers: [
        { name: 'user-container', image: IMAGE },
        { name: 'queue-proxy', image: 'gcr.io/knative-releases/queue@sha256:1' },
      ],
    },
    status: {
      phase: 'Pending',
      containerStatuses: [
        { name: 'user-container', image: IMAGE, ready: false, state: userState, ...extra },
        { name: 'queue-proxy', ready: false, state: { running: { startedAt: 't' } } },
      ],
    },
  };
}

describe('podFailure', () => {
  it('names the image and the kubelet message for a failed pull', () => {
    expect(podFailure([pod({ waiting: { reason: 'ErrImagePull', message: PULL_ERROR } })])).toEqual(
      {
        pod: 'hello-pr-2a3b4c5-deployment-7d9f-abcde',
        container: 'user-container',
        image: IMAGE,
        reason: 'ErrImagePull',
        message: PULL_ERROR,
      },
    );
    const backOff = `Back-off pulling image "${IMAGE}": ErrImagePull: ${PULL_ERROR}`;
    expect(
      podFailure([pod({ waiting: { reason: 'ImagePullBackOff', message: backOff } })]),
    ).toMatchObject({ reason: 'ImagePullBackOff', message: backOff });
  });
  it('adds the last exit of a crash loop', () => {
    expect(
      podFailure([
        pod(
          {
            waiting: {
              reason: 'CrashLoopBackOff',
              message: 'back-off 20s restarting failed container=user-container pod=x',
            },
          },
          { lastState: { terminated: { exitCode: 1, reason: 'Error', message: 'panic: boom' } } },
        ),
      ]),
    ).toMatchObject({
      reason: 'CrashLoopBackOff',
      message:
        'back-off 20s restarting failed container=user-container pod=x; last exit code 1 (Error): panic: boom',
    });
  });
  it('reports a config error (missing secret) as the kubelet words it', () => {
    expect(
      podFailure([
        pod({
          waiting: { reason: 'CreateContainerConfigError', message: 'secret "api" not found' },
        }),
      ]),
    ).toMatchObject({ reason: 'CreateContainerConfigError', message: 'secret "api" not found' });
  });
  it('keeps waiting while containers are being created or are starting', () => {
    expect(podFailure([pod({ waiting: { reason: 'ContainerCreating' } })])).toBeUndefined();
    expect(podFailure([pod({ running: { startedAt: 't' } })])).toBeUndefined();
    expect(podFailure([])).toBeUndefined();
  });
  it('reads untrusted objects without throwing and flattens their text', () => {
    expect(
      podFailure([
        { metadata: { name: 'p' }, status: { containerStatuses: 'nonsense' } } as ReadObject,
        {
          status: { containerStatuses: [null, 7, { state: { waiting: { reason: 42 } } }] },
        } as ReadObject,
      ]),
    ).toBeUndefined();
    const failure = podFailure([
      pod({ waiting: { reason: 'ErrImagePull', message: 'line one\n::error::two' } }),
    ]);
    expect(failure?.message).toBe('line one ::error::two');
  });
});
