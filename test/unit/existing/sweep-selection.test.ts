import { describe, expect, it } from 'vitest';
import { namespaceObject } from '../../../src/existing/ownership.js';
import { decideSweep, sweepCandidates } from '../../../src/existing/sweep-selection.js';
import type { ReadObject } from '../../../src/kube/object.js';

const repository = 'octo/shop';
const now = new Date('2026-03-10T12:00:00Z');

function preview(
  pr: number,
  expiresAt: string,
  extra: Partial<ReadObject['metadata']> = {},
): ReadObject {
  const ns = namespaceObject(`shop-pr-${pr}`, { repository, pr }, { expiresAt });
  return { ...ns, metadata: { ...ns.metadata, ...extra } };
}

describe('sweepCandidates', () => {
  it("keeps only this repository's previews, sorted, and reads their expiry", () => {
    const items: ReadObject[] = [
      preview(2, '2026-03-01T00:00:00Z'),
      preview(1, 'not a time'),
      namespaceObject(
        'other-pr-1',
        { repository: 'octo/other', pr: 1 },
        { expiresAt: '2026-01-01T00:00:00Z' },
      ),
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } },
      { metadata: {} },
    ];
    expect(sweepCandidates(items, repository)).toEqual([
      { namespace: 'shop-pr-1', pr: 1, expiresAt: undefined, terminating: false },
      {
        namespace: 'shop-pr-2',
        pr: 2,
        expiresAt: new Date('2026-03-01T00:00:00Z'),
        terminating: false,
      },
    ]);
  });
});

describe('decideSweep', () => {
  const candidate = (expiresAt: string | undefined, terminating = false) => ({
    namespace: 'shop-pr-3',
    pr: 3,
    expiresAt: expiresAt ? new Date(expiresAt) : undefined,
    terminating,
  });

  it('deletes an expired preview whatever GitHub says', () => {
    for (const state of ['open', 'closed', 'unknown'] as const)
      expect(decideSweep(candidate('2026-03-10T11:59:59Z'), now, state)).toMatchObject({
        action: 'delete',
        reason: state === 'closed' ? 'PR #3 is closed' : 'it expired at 2026-03-10T11:59:59Z',
      });
    expect(decideSweep(candidate('2026-03-10T12:00:00Z'), now, 'open').action).toBe('delete');
  });

  it('deletes the preview of a closed PR before it expires, and keeps an open one', () => {
    expect(decideSweep(candidate('2026-03-17T00:00:00Z'), now, 'closed')).toMatchObject({
      action: 'delete',
      reason: 'PR #3 is closed',
    });
    expect(decideSweep(candidate('2026-03-17T00:00:00Z'), now, 'open')).toMatchObject({
      action: 'keep',
      reason: 'it expires at 2026-03-17T00:00:00Z',
    });
    expect(decideSweep(candidate('2026-03-17T00:00:00Z'), now, 'unknown').action).toBe('keep');
  });

  it('never deletes on a doubt: an unreadable expiry is kept unless the PR is known closed', () => {
    expect(decideSweep(candidate(undefined), now, 'unknown')).toMatchObject({
      action: 'keep',
      reason: expect.stringMatching(/missing or not an RFC 3339 time/),
    });
    expect(decideSweep(candidate(undefined), now, 'closed').action).toBe('delete');
  });

  it('leaves a namespace that is already being deleted alone', () => {
    expect(decideSweep(candidate('2026-01-01T00:00:00Z', true), now, 'closed')).toMatchObject({
      action: 'keep',
      reason: 'already being deleted',
    });
  });
});
