import { describe, expect, it } from 'vitest';
import { buildPlan, type PreviewTrigger } from '../../../src/plan/build-plan.js';
import { parseManifestFile } from '../../../src/manifests/documents.js';
import { knativeServiceViolations } from '../../../src/plan/knative-rules.js';
import { knativeService } from '../../helpers/git-repo.js';

const baseSha = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';
const headSha = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const pr = (labels: string[] = []): PreviewTrigger => ({
  kind: 'pull_request',
  action: 'labeled',
  number: 7,
  title: 't',
  baseSha,
  baseRef: 'main',
  headSha,
  headRef: 'feature',
  labels,
  repository: { owner: 'o', repo: 'r' },
});
const docs = (text: string, file = 'knative/svc.yaml') => parseManifestFile(text, file);

describe('buildPlan', () => {
  it('plans a canary between the base and PR revisions', () => {
    const plan = buildPlan({
      trigger: pr(),
      labels: ['canary-20'],
      labelPrefix: 'canary-',
      domain: 'example.com',
      prDocuments: docs(knativeService('hello', { target: 'pr' })),
      baseDocuments: docs(knativeService('hello')),
    });
    const [service] = plan.services;
    expect(plan.split.prPercent).toBe(20);
    expect(service?.mode).toBe('canary');
    expect(service?.revisions).toEqual({ base: 'hello-base-f95f852', pr: 'hello-pr-ec26c3e' });
    expect(service?.traffic).toEqual([
      { revisionName: 'hello-base-f95f852', percent: 80, tag: 'base' },
      { revisionName: 'hello-pr-ec26c3e', percent: 20, tag: 'pr' },
    ]);
    expect(service?.expected).toEqual({ 'hello-base-f95f852': 80, 'hello-pr-ec26c3e': 20 });
    expect(service?.url).toBe('http://hello.default.example.com');
    expect(service?.tagHosts).toEqual({
      base: 'base-hello.default.example.com',
      pr: 'pr-hello.default.example.com',
    });
    const base = service?.manifests.base as any;
    const prManifest = service?.manifests.pr as any;
    expect(base.spec.template.metadata.name).toBe('hello-base-f95f852');
    expect(base.spec.template.spec.containers[0].env[0].value).toBe('base');
    expect(base.spec.traffic).toEqual([
      { revisionName: 'hello-base-f95f852', percent: 100, tag: 'base' },
    ]);
    expect(prManifest.spec.template.metadata.name).toBe('hello-pr-ec26c3e');
    expect(prManifest.spec.template.spec.containers[0].env[0].value).toBe('pr');
    expect(prManifest.metadata.namespace).toBe('default');
    // What the plan renders passes the webhook's rules.
    expect(knativeServiceViolations(base)).toEqual([]);
    expect(knativeServiceViolations(prManifest)).toEqual([]);
  });

  it('gives distinct names to base and PR templates that reuse one user-set name', () => {
    const withName = (target: string) =>
      knativeService('hello', { target }).replace(
        '  template:\n',
        '  template:\n    metadata:\n      name: hello-v1\n',
      );
    const plan = buildPlan({
      trigger: pr(),
      labels: [],
      labelPrefix: 'canary-',
      domain: 'example.com',
      prDocuments: docs(withName('pr')),
      baseDocuments: docs(withName('base')),
    });
    const names = [
      (plan.services[0]?.manifests.base as any).spec.template.metadata.name,
      (plan.services[0]?.manifests.pr as any).spec.template.metadata.name,
    ];
    expect(new Set(names).size).toBe(2);
  });

  it('treats a service missing at the base as new: PR 100% whatever the label', () => {
    const plan = buildPlan({
      trigger: pr(),
      labels: ['canary-30'],
      labelPrefix: 'canary-',
      domain: 'example.com',
      prDocuments: docs(knativeService('fresh')),
      baseDocuments: docs(knativeService('hello')),
    });
    expect(plan.services[0]).toMatchObject({
      mode: 'new',
      revisions: { pr: 'fresh-pr-ec26c3e' },
      traffic: [{ revisionName: 'fresh-pr-ec26c3e', percent: 100, tag: 'pr' }],
    });
    expect(plan.services[0]?.note).toMatch(/does not exist at the base commit f95f852/);
    expect(plan.services[0]?.manifests.base).toBeUndefined();
  });

  it('plans a single revision for push', () => {
    const plan = buildPlan({
      trigger: {
        kind: 'single',
        eventName: 'push',
        sha: headSha,
        ref: 'refs/heads/main',
        repository: { owner: 'o', repo: 'r' },
      },
      labels: ['canary-30'],
      labelPrefix: 'canary-',
      domain: 'example.com',
      prDocuments: docs(knativeService('hello')),
    });
    expect(plan.split.prPercent).toBe(100);
    expect(plan.services[0]).toMatchObject({
      mode: 'single',
      revisions: { pr: 'hello-pr-ec26c3e' },
    });
  });

  it('keeps services in their namespaces and passes other objects through', () => {
    const text = `${knativeService('a', { namespace: 'team' })}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n---\n${knativeService('b')}`;
    const plan = buildPlan({
      trigger: pr(),
      labels: ['canary-50'],
      labelPrefix: 'canary-',
      domain: 'preview.dev',
      prDocuments: docs(text),
      baseDocuments: docs(text),
    });
    expect(plan.services.map((s) => s.host)).toEqual([
      'a.team.preview.dev',
      'b.default.preview.dev',
    ]);
    expect(plan.otherObjects.map((o) => o.kind)).toEqual(['ConfigMap']);
  });

  it('fails with file and line on a webhook rule violation', () => {
    const text = knativeService('hello').replace(
      'spec:\n  template:',
      'spec:\n  traffic:\n    - latestRevision: true\n      percent: 90\n  template:',
    );
    expect(() =>
      buildPlan({
        trigger: pr(),
        labels: [],
        labelPrefix: 'canary-',
        domain: 'example.com',
        prDocuments: docs(text),
      }),
    ).toThrow(/^knative\/svc\.yaml:7: traffic percents add up to 90/);
  });

  it('fails when no Knative Service is present, and on duplicates', () => {
    expect(() =>
      buildPlan({
        trigger: pr(),
        labels: [],
        labelPrefix: 'canary-',
        domain: 'example.com',
        prDocuments: docs('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n'),
      }),
    ).toThrow(/No Knative Service/);
    const twice = `${knativeService('a')}---\n${knativeService('a')}`;
    expect(() =>
      buildPlan({
        trigger: pr(),
        labels: [],
        labelPrefix: 'canary-',
        domain: 'example.com',
        prDocuments: docs(twice),
      }),
    ).toThrow(/defined twice/);
  });
});
