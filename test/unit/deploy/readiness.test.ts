import { describe, expect, it } from 'vitest';
import {
  revisionOrigin,
  revisionState,
  serviceFailure,
  serviceState,
} from '../../../src/deploy/revision-readiness.js';
import type { KubeObject } from '../../../src/kube/object.js';

const revision = (status: string, reason?: string, message?: string) => ({
  status: { conditions: [{ type: 'Ready', status, reason, message }] },
});

describe('revisionState', () => {
  it('waits for a missing or progressing revision, saying what it saw', () => {
    expect(revisionState(undefined, 'r1')).toEqual({
      state: 'pending',
      seen: 'revision r1 does not exist yet',
    });
    expect(revisionState(revision('Unknown', 'Deploying'), 'r1')).toEqual({
      state: 'pending',
      seen: 'revision r1 Ready=Unknown (Deploying)',
    });
  });
  it('is ready on Ready=True', () =>
    expect(revisionState(revision('True'), 'r1')).toEqual({ state: 'ready' }));
  it('fails at once on a terminal reason, keeping reason and message', () => {
    expect(
      revisionState(revision('False', 'ContainerMissing', 'Unable to fetch image "x"'), 'r1'),
    ).toEqual({
      state: 'failed',
      reason: 'ContainerMissing',
      message: 'Unable to fetch image "x"',
    });
    expect(
      revisionState(
        revision('False', 'ProgressDeadlineExceeded', 'Initial scale was never achieved'),
        'r1',
      ).state,
    ).toBe('failed');
  });
  it('keeps waiting on a non-terminal False', () =>
    expect(revisionState(revision('False', 'Deploying', 'scaling'), 'r1').state).toBe('pending'));
});

describe('serviceState', () => {
  const traffic = [
    { revisionName: 'a-base-1', percent: 60, tag: 'base' },
    { revisionName: 'a-pr-2', percent: 40, tag: 'pr' },
  ];
  const service = (overrides: Record<string, unknown> = {}) => ({
    metadata: { generation: 2 },
    status: {
      observedGeneration: 2,
      conditions: [{ type: 'Ready', status: 'True' }],
      traffic: [...traffic].reverse().map((t) => ({ ...t, url: 'http://x' })),
      ...overrides,
    },
  });
  it('is done when reconciled, Ready and serving the planned traffic in any order', () => {
    expect(serviceState(service(), 'ns/a', traffic).done).toBe(true);
  });
  it('waits for the current generation', () => {
    expect(serviceState(service({ observedGeneration: 1 }), 'ns/a', traffic)).toEqual({
      done: false,
      seen: 'service ns/a observedGeneration 1 != generation 2',
    });
  });
  it('waits while traffic differs, showing both', () => {
    const state = serviceState(
      service({ traffic: [{ revisionName: 'a-base-1', percent: 100, tag: 'base' }] }),
      'ns/a',
      traffic,
    );
    expect(state.done).toBe(false);
    expect(state.seen).toContain('a-base-1=100%@base');
    expect(state.seen).toContain('want [a-base-1=60%@base, a-pr-2=40%@pr]');
  });
  it('reports a not-ready reason', () => {
    expect(
      serviceState(
        service({
          conditions: [
            { type: 'Ready', status: 'False', reason: 'RevisionMissing', message: 'gone' },
          ],
        }),
        'ns/a',
        traffic,
      ).seen,
    ).toMatch(/RevisionMissing: gone/);
  });
});

// knative/serving knative-v1.22.1: configuration_lifecycle.go MarkRevisionCreationFailed,
// service_lifecycle.go MarkRevisionNameTaken, route.go ErrorConfig.
describe('serviceFailure', () => {
  const service = (condition: Record<string, string>, observed = 4) => ({
    metadata: { generation: 4 },
    status: {
      observedGeneration: observed,
      conditions: [{ type: 'Ready', status: 'Unknown' }, condition],
    },
  });
  it('fails on a revision name the reconcilers refuse', () => {
    expect(
      serviceFailure(
        service({
          type: 'RoutesReady',
          status: 'False',
          reason: 'RevisionNameTaken',
          message:
            'The revision name "hello-pr-b" is taken by a conflicting Revision, so traffic will not be migrated',
        }),
      ),
    ).toEqual({
      reason: 'RevisionNameTaken',
      message:
        'The revision name "hello-pr-b" is taken by a conflicting Revision, so traffic will not be migrated',
    });
    expect(
      serviceFailure(
        service({
          type: 'ConfigurationsReady',
          status: 'False',
          reason: 'RevisionFailed',
          message:
            'Revision creation failed with message: revisions.serving.knative.dev "hello-pr-b" already exists.',
        }),
      )?.reason,
    ).toBe('RevisionFailed');
  });
  it('ignores conditions of an older generation and failures the revision wait reports', () => {
    expect(
      serviceFailure(
        service({ type: 'RoutesReady', status: 'False', reason: 'RevisionNameTaken' }, 3),
      ),
    ).toBeUndefined();
    expect(
      serviceFailure(
        service({
          type: 'ConfigurationsReady',
          status: 'False',
          reason: 'RevisionFailed',
          message: 'Revision "x" failed with message: Unable to fetch image.',
        }),
      ),
    ).toBeUndefined();
    expect(serviceFailure(undefined)).toBeUndefined();
  });
});

// configuration.go CheckNameAvailability: a named revision is reused only when the
// Configuration controls it and its spec is the template's.
describe('revisionOrigin', () => {
  const manifest: KubeObject = {
    apiVersion: 'serving.knative.dev/v1',
    kind: 'Service',
    metadata: { name: 'hello' },
    spec: { template: { spec: { containers: [{ image: 'dev.local/app:b' }] } } },
  };
  const revision = (owner: string, image: string) => ({
    metadata: {
      name: 'hello-pr-b',
      labels: { 'serving.knative.dev/configuration': owner },
      ownerReferences: [{ kind: 'Configuration', name: owner, controller: true }],
    },
    spec: { containers: [{ image, name: 'user-container' }] },
  });
  it("accepts the revision the service's configuration made from this template", () => {
    expect(revisionOrigin(revision('hello', 'dev.local/app:b'), 'hello', manifest)).toEqual({
      ok: true,
    });
  });
  it('refuses one owned elsewhere, or whose spec lacks what the template says', () => {
    expect(revisionOrigin(revision('other', 'dev.local/app:b'), 'hello', manifest)).toEqual({
      ok: false,
      why: 'revision hello-pr-b already exists and belongs to Configuration "other", not to service hello: its name is taken',
    });
    expect(revisionOrigin(revision('hello', 'dev.local/app:a'), 'hello', manifest)).toEqual({
      ok: false,
      why: "revision hello-pr-b differs from this apply's template at spec.containers[0].image: a revision of that name was made by another apply",
    });
    const withEnv: KubeObject = {
      ...manifest,
      spec: {
        template: {
          spec: { containers: [{ image: 'dev.local/app:b', env: [{ name: 'A', value: '1' }] }] },
        },
      },
    };
    expect(revisionOrigin(revision('hello', 'dev.local/app:b'), 'hello', withEnv)).toMatchObject({
      ok: false,
      why: expect.stringContaining('at spec.containers[0].env:'),
    });
  });
});
