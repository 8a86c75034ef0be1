/**
 * Never re-send a named template the cluster accepted. Knative 1.22 does not default a template
 * whose revision name is unchanged (knative/serving knative-v1.22.1
 * pkg/apis/serving/v1/configuration_defaults.go) and refuses any change to it
 * (revision_validation.go VerifyNameChange); kubectl's three-way merge patch of the same manifest
 * replaces the containers list with the undefaulted one, so a re-apply would be refused.
 */
import { describe, expect, it } from 'vitest';
import { decideApply } from '../../../src/deploy/apply-decision.js';
import type { KubeObject, ReadObject } from '../../../src/kube/object.js';

const traffic = [
  { revisionName: 'hello-base-aaaaaaa', percent: 50, tag: 'base' },
  { revisionName: 'hello-pr-bbbbbbb', percent: 50, tag: 'pr' },
];

function manifest(name: string, split = traffic): KubeObject {
  return {
    apiVersion: 'serving.knative.dev/v1',
    kind: 'Service',
    metadata: { name: 'hello', namespace: 'default' },
    spec: {
      template: { metadata: { name }, spec: { containers: [{ image: 'dev.local/app:b' }] } },
      traffic: split,
    },
  };
}

/** What the cluster stores: the template defaulted, traffic with latestRevision filled in. */
function live(name: string, split = traffic): ReadObject {
  return {
    metadata: { name: 'hello', namespace: 'default', generation: 3 },
    spec: {
      template: {
        metadata: { name },
        spec: {
          containers: [
            { image: 'dev.local/app:b', name: 'user-container', readinessProbe: {}, resources: {} },
          ],
          timeoutSeconds: 300,
        },
      },
      traffic: split.map((t) => ({ ...t, latestRevision: false })),
    },
  };
}

describe('decideApply', () => {
  it('applies when the service or the named template is new to the cluster', () => {
    expect(decideApply(undefined, manifest('hello-pr-bbbbbbb'))).toEqual({ kind: 'apply' });
    expect(decideApply(live('hello-base-aaaaaaa'), manifest('hello-pr-bbbbbbb'))).toEqual({
      kind: 'apply',
    });
  });
  it('does nothing when the template and the traffic are already there', () => {
    expect(decideApply(live('hello-pr-bbbbbbb'), manifest('hello-pr-bbbbbbb'))).toEqual({
      kind: 'nothing',
    });
  });
  it('patches only the traffic when the accepted template stays and the split changed', () => {
    const split = [
      { revisionName: 'hello-base-aaaaaaa', percent: 80, tag: 'base' },
      { revisionName: 'hello-pr-bbbbbbb', percent: 20, tag: 'pr' },
    ];
    expect(decideApply(live('hello-pr-bbbbbbb'), manifest('hello-pr-bbbbbbb', split))).toEqual({
      kind: 'patch-traffic',
      patch: { spec: { traffic: split } },
    });
  });
  it('reads odd live objects as "apply"', () => {
    expect(decideApply({ spec: { template: 'x' } } as ReadObject, manifest('hello-pr-b'))).toEqual({
      kind: 'apply',
    });
  });
});
