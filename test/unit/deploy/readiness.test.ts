import { describe, expect, it } from 'vitest';
import { revisionState, serviceState } from '../../../src/deploy/revision-readiness.js';

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
