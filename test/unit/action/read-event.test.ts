import { describe, expect, it } from 'vitest';
import { readTrigger } from '../../../src/event/read-event.js';
import { pullRequestEvent, type PullRequestAction } from '../../helpers/events.js';

describe('readTrigger on pull_request payloads', () => {
  const baseSha = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';
  const event = (action: PullRequestAction) =>
    pullRequestEvent(action, { baseSha, labels: ['bug'], number: 2 });
  it.each(['opened', 'reopened', 'synchronize', 'labeled', 'unlabeled'] as const)(
    'previews %s',
    (action) => {
      const trigger = readTrigger({ eventName: 'pull_request', payload: event(action) });
      expect(trigger).toMatchObject({
        kind: 'pull_request',
        action,
        number: 2,
        baseRef: 'main',
        headRef: 'greeting',
        labels: ['bug'],
        repository: { owner: 'octo-org', repo: 'preview-demo' },
      });
      if (trigger.kind === 'pull_request') expect(trigger.baseSha).toBe(baseSha);
    },
  );
  it('does nothing for closed', () => {
    expect(readTrigger({ eventName: 'pull_request', payload: event('closed') })).toEqual({
      kind: 'closed',
      number: 2,
    });
  });
});

describe('readTrigger', () => {
  const sha = 'a'.repeat(40);
  it('plans a single revision for push and workflow_dispatch', () => {
    expect(
      readTrigger({
        eventName: 'push',
        payload: {},
        sha,
        repository: 'o/r',
        ref: 'refs/heads/main',
      }),
    ).toMatchObject({ kind: 'single', eventName: 'push', sha });
    expect(
      readTrigger({ eventName: 'workflow_dispatch', payload: {}, sha, repository: 'o/r' }),
    ).toMatchObject({ kind: 'single' });
  });
  it('refuses other events with a clear message', () => {
    expect(() => readTrigger({ eventName: 'issue_comment', payload: {} })).toThrow(
      /'issue_comment' event.*pull_request/,
    );
    expect(() => readTrigger({ eventName: 'pull_request_target', payload: {} })).toThrow(
      /refused on purpose/,
    );
  });
  it('refuses a pull_request action that is not previewed, and a broken payload', () => {
    const payload = { action: 'assigned', number: 3, pull_request: {} };
    expect(() => readTrigger({ eventName: 'pull_request', payload })).toThrow(/'assigned'/);
    expect(() =>
      readTrigger({
        eventName: 'pull_request',
        payload: {
          action: 'opened',
          number: 3,
          pull_request: { base: { sha: 'x' }, head: { sha } },
        },
      }),
    ).toThrow(/base\.sha is 'x'/);
  });
});
