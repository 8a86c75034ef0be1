import { describe, expect, it } from 'vitest';
import { parseManifestFile } from '../../../src/manifests/documents.js';
import { buildPlan, type PreviewTrigger } from '../../../src/plan/build-plan.js';
import { imageRewriter } from '../../../src/plan/image-tags.js';
import { parseBuildLines } from '../../../src/images/build-spec.js';
import { UserError } from '../../../src/util/errors.js';
import { knativeService } from '../../helpers/git-repo.js';

const baseSha = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';
const headSha = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const trigger: PreviewTrigger = {
  kind: 'pull_request',
  action: 'synchronize',
  number: 7,
  title: 't',
  baseSha,
  baseRef: 'main',
  headSha,
  headRef: 'feature',
  labels: [],
  repository: { owner: 'octo', repo: 'shop' },
};
const docs = (text: string, file = 'knative/app.yaml') => parseManifestFile(text, file);
const plan = (prText: string, baseText?: string, extra: object = {}) =>
  buildPlan({
    trigger,
    labels: ['canary-30'],
    labelPrefix: 'canary-',
    domain: 'example.com',
    prDocuments: docs(prText),
    baseDocuments: baseText === undefined ? undefined : docs(baseText, 'knative/app.yaml'),
    namespace: 'shop-pr-7',
    ...extra,
  });

function thrown(work: () => unknown): UserError {
  try {
    work();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('did not throw');
}

const configMap = (lines: string[]) =>
  ['---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', ...lines, 'data:', '  a: b', ''].join(
    '\n',
  );

describe('a plan for a preview namespace on an existing cluster', () => {
  it('puts every object into the preview namespace', () => {
    const result = plan(
      knativeService('hello', { target: 'pr' }) + configMap(['  name: settings']),
      knativeService('hello', { namespace: 'default' }),
    );
    const [service] = result.services;
    expect(service?.namespace).toBe('shop-pr-7');
    // The base side's service is found by name, wherever its manifest put it.
    expect(service?.mode).toBe('canary');
    expect(service?.manifests.base?.metadata.namespace).toBe('shop-pr-7');
    expect(service?.manifests.pr.metadata.namespace).toBe('shop-pr-7');
    expect(result.otherObjects.map((o) => o.metadata.namespace)).toEqual(['shop-pr-7']);
    expect(result.otherObjectSources).toEqual([{ file: 'knative/app.yaml', line: 15 }]);
  });

  it('leaves config-features to the cluster: a flagged field passes, a field Knative never allows does not', () => {
    const withPodField = (field: string) =>
      knativeService('hello').replace('    spec:\n', `    spec:\n      ${field}\n`);
    const selector = withPodField('nodeSelector: {disk: ssd}');
    // Its own k3d cluster runs Knative's defaults, which refuse nodeSelector...
    expect(() => plan(selector, undefined, { namespace: undefined })).toThrow(
      /kubernetes\.podspec-nodeselector/,
    );
    // ...an existing cluster may enable it: its webhook decides.
    expect(plan(selector).services[0]?.namespace).toBe('shop-pr-7');
    expect(() => plan(withPodField('nodeName: node-1'))).toThrow(/nodeName/);
  });

  it('accepts an object that names the preview namespace itself', () => {
    expect(plan(knativeService('hello', { namespace: 'shop-pr-7' })).services[0]?.namespace).toBe(
      'shop-pr-7',
    );
  });

  it('refuses an object in another namespace, naming the file, the line and the kind', () => {
    const error = thrown(() =>
      plan(knativeService('hello') + configMap(['  name: settings', '  namespace: kube-system'])),
    );
    expect(error.message).toMatch(
      /^knative\/app\.yaml:18: ConfigMap 'settings' names the namespace 'kube-system'.*'shop-pr-7'/,
    );
    expect(error.location).toEqual({ file: 'knative/app.yaml', line: 18 });
  });

  it('refuses a Knative Service in another namespace too', () => {
    expect(() => plan(knativeService('hello', { namespace: 'prod' }))).toThrow(
      /knative\/app\.yaml:5: Service 'hello' names the namespace 'prod'/,
    );
  });

  it.each([
    ['ClusterRole', 'rbac.authorization.k8s.io/v1'],
    ['Namespace', 'v1'],
    ['CustomResourceDefinition', 'apiextensions.k8s.io/v1'],
    ['ClusterDomainClaim', 'networking.internal.knative.dev/v1alpha1'],
    ['ValidatingWebhookConfiguration', 'admissionregistration.k8s.io/v1'],
  ])('refuses a cluster-scoped %s before anything is applied', (kind, apiVersion) => {
    const hostile = [
      '---',
      `apiVersion: ${apiVersion}`,
      `kind: ${kind}`,
      'metadata:',
      '  name: x',
      '',
    ].join('\n');
    const error = thrown(() => plan(knativeService('hello') + hostile));
    expect(error.message).toMatch(
      new RegExp(`^knative/app\\.yaml:15: ${kind} 'x' is cluster-scoped`),
    );
    expect(error.location).toEqual({ file: 'knative/app.yaml', line: 15 });
  });

  it('leaves the k3d plan as it was: the manifest namespace, or default', () => {
    const result = buildPlan({
      trigger,
      labels: [],
      labelPrefix: 'canary-',
      domain: 'example.com',
      prDocuments: docs(knativeService('hello', { namespace: 'team' }) + configMap(['  name: s'])),
    });
    expect(result.services[0]?.namespace).toBe('team');
    expect(result.otherObjects[0]?.metadata.namespace).toBeUndefined();
    expect(result.otherObjectSources).toBeUndefined();
  });
});

describe('images on an existing cluster', () => {
  it('points dev.local images at <registry>/<name>:<sha7> per side', () => {
    const rewrite = imageRewriter(
      parseBuildLines(['app=app']),
      { base: baseSha, pr: headSha },
      { registry: 'ghcr.io/octo' },
    );
    const result = plan(
      knativeService('hello', { image: 'dev.local/app' }),
      knativeService('hello', { image: 'dev.local/app:old' }),
      { rewriteImages: rewrite },
    );
    const image = (side: 'base' | 'pr') =>
      (result.services[0]?.manifests[side]?.spec as any).template.spec.containers[0].image;
    expect(image('base')).toBe('ghcr.io/octo/app:f95f852');
    expect(image('pr')).toBe('ghcr.io/octo/app:ec26c3e');
  });
});
