import { describe, expect, it } from 'vitest';
import {
  EXPIRES_ANNOTATION,
  namespaceObject,
  ownerLabels,
  ownershipOf,
  previewPullRequest,
  refreshPatch,
  repositoryLabelValue,
  repositorySelector,
} from '../../../src/existing/ownership.js';
import type { ReadObject } from '../../../src/kube/object.js';

const owner = { repository: 'Octo-Org/Preview.Demo', pr: 17 };
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function created(overrides: Partial<ReadObject['metadata']> = {}): ReadObject {
  const object = namespaceObject('preview-demo-pr-17', owner, {
    expiresAt: '2026-03-08T10:00:00Z',
    runUrl: 'https://github.com/Octo-Org/Preview.Demo/actions/runs/1',
  });
  return {
    ...object,
    metadata: { ...object.metadata, uid: 'u-1', resourceVersion: '42', ...overrides },
  };
}

describe('ownership labels', () => {
  it('names the tool, the repository and the PR; the annotation keeps owner/repo as spelt', () => {
    const ns = created();
    expect(ns.metadata?.labels).toEqual({
      'app.kubernetes.io/managed-by': 'knative-action',
      'knative-action/repository': 'octo-org.preview.demo',
      'knative-action/pull-request': '17',
    });
    expect(ns.metadata?.annotations).toMatchObject({
      'knative-action/repository': 'Octo-Org/Preview.Demo',
      [EXPIRES_ANNOTATION]: '2026-03-08T10:00:00Z',
    });
    expect(repositorySelector(owner.repository)).toBe(
      'app.kubernetes.io/managed-by=knative-action,knative-action/repository=octo-org.preview.demo',
    );
  });

  it('keeps a long or odd repository a valid, unique label value', () => {
    const long = `octo/${'very-long-name-'.repeat(6)}`;
    for (const repository of [long, `${long}x`, 'octo/repo-', 'octo/_x_', 'octo/a.b_c']) {
      const value = repositoryLabelValue(repository);
      expect(value.length, repository).toBeLessThanOrEqual(63);
      expect(value, repository).toMatch(LABEL_VALUE);
    }
    expect(repositoryLabelValue(long)).not.toBe(repositoryLabelValue(`${long}x`));
    // GitHub names are case-insensitive: one repository, one value.
    expect(repositoryLabelValue('Octo/Shop')).toBe(repositoryLabelValue('octo/shop'));
    expect(
      Object.values(ownerLabels({ repository: long, pr: 1 })).every((v) => LABEL_VALUE.test(v)),
    ).toBe(true);
  });
});

describe('ownershipOf', () => {
  it('is ours with every label and the annotation naming this repository and PR', () => {
    expect(ownershipOf(created(), owner)).toEqual({ ours: true });
    expect(ownershipOf(created(), { ...owner, repository: 'octo-org/preview.demo' })).toEqual({
      ours: true,
    });
  });

  it.each([
    [
      'an unlabelled namespace',
      { labels: undefined },
      /no label app.kubernetes.io\/managed-by=knative-action/,
    ],
    [
      'another tool’s namespace',
      { labels: { 'app.kubernetes.io/managed-by': 'Helm' } },
      /managed by 'Helm'/,
    ],
    [
      'another repository’s preview',
      {
        labels: { ...ownerLabels({ repository: 'octo/other', pr: 17 }) },
        annotations: { 'knative-action/repository': 'octo/other' },
      },
      /another repository \('octo\/other'\)/,
    ],
    ['a forged repository label without the annotation', { annotations: {} }, /another repository/],
    [
      'another PR of this repository',
      { labels: { ...ownerLabels({ ...owner, pr: 18 }) } },
      /another pull request of this repository \(knative-action\/pull-request='18'\)/,
    ],
    [
      'labels that are not strings',
      { labels: { 'app.kubernetes.io/managed-by': 7 } as unknown as Record<string, string> },
      /no label/,
    ],
  ])('refuses %s', (_, metadata, why) => {
    const result = ownershipOf(created(metadata), owner);
    expect(result.ours).toBe(false);
    expect(result.ours ? '' : result.why).toMatch(why);
  });

  it('shows a hostile value from the cluster harmlessly in the reason', () => {
    const result = ownershipOf(
      created({ labels: { 'app.kubernetes.io/managed-by': '@team <b>\n::error::x' } }),
      owner,
    );
    expect(result.ours ? '' : result.why).not.toMatch(/[<>\n@]|::error/);
  });
});

describe('previewPullRequest (sweep)', () => {
  it('reads the PR of any preview of this repository, and nothing else', () => {
    expect(previewPullRequest(created(), owner.repository)).toBe(17);
    expect(previewPullRequest(created(), 'octo-org/other')).toBeUndefined();
    expect(
      previewPullRequest(
        created({ labels: { ...ownerLabels(owner), 'knative-action/pull-request': '0' } }),
        owner.repository,
      ),
    ).toBeUndefined();
    expect(previewPullRequest(created({ labels: undefined }), owner.repository)).toBeUndefined();
  });
});

describe('refreshPatch', () => {
  it('tests the version and the ownership it was decided on, then sets the expiry', () => {
    expect(
      refreshPatch(created(), owner, {
        expiresAt: '2026-03-15T10:00:00Z',
        runUrl: 'https://x/runs/2',
      }),
    ).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '42' },
      {
        op: 'test',
        path: '/metadata/labels/app.kubernetes.io~1managed-by',
        value: 'knative-action',
      },
      {
        op: 'test',
        path: '/metadata/labels/knative-action~1repository',
        value: 'octo-org.preview.demo',
      },
      { op: 'test', path: '/metadata/labels/knative-action~1pull-request', value: '17' },
      {
        op: 'add',
        path: '/metadata/annotations/knative-action~1expires-at',
        value: '2026-03-15T10:00:00Z',
      },
      {
        op: 'add',
        path: '/metadata/annotations/knative-action~1last-run',
        value: 'https://x/runs/2',
      },
    ]);
  });

  it('refuses to build a patch without the version it guards', () => {
    expect(() =>
      refreshPatch(created({ resourceVersion: undefined }), owner, { expiresAt: 'x' }),
    ).toThrow(/no resourceVersion/);
  });
});
