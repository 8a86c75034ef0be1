import { describe, expect, it } from 'vitest';
import { knativeServiceViolations } from '../../../src/plan/knative-rules.js';
import type { KubeObject } from '../../../src/kube/object.js';

const service = (spec: Record<string, unknown>, name = 'hello'): KubeObject => ({
  apiVersion: 'serving.knative.dev/v1',
  kind: 'Service',
  metadata: { name },
  spec: { template: { spec: { containers: [{ image: 'img' }] } }, ...spec },
});

const messages = (object: KubeObject) =>
  knativeServiceViolations(object)
    .map((v) => v.message)
    .join('\n');

describe('knativeServiceViolations', () => {
  it('accepts a plain service', () => expect(knativeServiceViolations(service({}))).toEqual([]));
  it('refuses a revision name without the service prefix', () => {
    expect(
      messages(
        service({
          template: { metadata: { name: 'other-1' }, spec: { containers: [{ image: 'i' }] } },
        }),
      ),
    ).toMatch(/start with the service name/);
  });
  it('refuses a non DNS-1035 service name', () =>
    expect(messages(service({}, 'Hello_World'))).toMatch(/DNS-1035/));
  it('refuses traffic that does not add up to 100', () => {
    expect(
      messages(
        service({
          traffic: [
            { revisionName: 'hello-a', percent: 50 },
            { latestRevision: true, percent: 40 },
          ],
        }),
      ),
    ).toMatch(/add up to 90/);
  });
  it('refuses percents outside 0..100', () =>
    expect(messages(service({ traffic: [{ latestRevision: true, percent: 120 }] }))).toMatch(
      /whole number from 0 to 100/,
    ));
  it('refuses latestRevision with revisionName', () => {
    expect(
      messages(
        service({ traffic: [{ latestRevision: true, revisionName: 'hello-a', percent: 100 }] }),
      ),
    ).toMatch(/both latestRevision/);
  });
  it('refuses duplicate and invalid tags', () => {
    const text = messages(
      service({
        traffic: [
          { revisionName: 'hello-a', percent: 50, tag: 'x' },
          { revisionName: 'hello-b', percent: 50, tag: 'x' },
        ],
      }),
    );
    expect(text).toMatch(/used twice/);
    expect(
      messages(service({ traffic: [{ latestRevision: true, percent: 100, tag: 'Bad_Tag' }] })),
    ).toMatch(/DNS-1035/);
  });
  it('needs a container with an image', () => {
    expect(messages(service({ template: { spec: { containers: [] } } }))).toMatch(
      /at least one container/,
    );
    expect(messages(service({ template: { spec: { containers: [{ name: 'x' }] } } }))).toMatch(
      /containers\[0\] needs an image/,
    );
  });
});
