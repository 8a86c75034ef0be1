import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTrigger } from '../../../src/event/read-event.js';
import { eventsDir, haveSharedEvents, sharedSkipReason } from '../../helpers/events.js';

const load = (action: string) =>
  JSON.parse(readFileSync(path.join(eventsDir, `pull_request.${action}.json`), 'utf8')) as unknown;

describe.skipIf(!haveSharedEvents)(
  `readTrigger on the example payloads${haveSharedEvents ? '' : ` (skipped: ${sharedSkipReason})`}`,
  () => {
    it.each(['opened', 'reopened', 'synchronize', 'labeled', 'unlabeled'])(
      'previews %s',
      (action) => {
        const trigger = readTrigger({ eventName: 'pull_request', payload: load(action) });
        expect(trigger).toMatchObject({
          kind: 'pull_request',
          action,
          number: 2,
          baseRef: 'master',
          headRef: 'changes',
          labels: ['bug'],
          repository: { owner: 'Codertocat', repo: 'Hello-World' },
        });
        if (trigger.kind === 'pull_request') expect(trigger.baseSha).toMatch(/^f95f852/);
      },
    );
    it('does nothing for closed', () => {
      expect(readTrigger({ eventName: 'pull_request', payload: load('closed') })).toEqual({
        kind: 'closed',
        number: 2,
      });
    });
  },
);

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
