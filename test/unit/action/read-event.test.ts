import { describe, expect, it } from 'vitest';
import { readTrigger } from '../../../src/event/read-event.js';
import { UserError } from '../../../src/util/errors.js';
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
    ).toThrow(/base\.sha is the string 'x', not a 40-character commit SHA/);
  });
});

describe('readTrigger on malformed or hostile payloads', () => {
  const sha = 'a'.repeat(40);
  const event = (pullRequest: Record<string, unknown> = {}, top: Record<string, unknown> = {}) => ({
    eventName: 'pull_request',
    payload: {
      action: 'labeled',
      number: 5,
      pull_request: {
        number: 5,
        title: 'Add a feature',
        html_url: 'https://github.com/o/r/pull/5',
        labels: [{ name: 'canary-20' }],
        base: { sha, ref: 'main' },
        head: { sha, ref: 'feature' },
        ...pullRequest,
      },
      repository: { full_name: 'o/r' },
      ...top,
    },
  });
  const failure = (context: ReturnType<typeof event>): string => {
    try {
      readTrigger(context);
    } catch (error) {
      if (error instanceof UserError) return error.message;
      throw error;
    }
    throw new Error('expected a UserError');
  };

  it('reads a well-formed payload', () => {
    expect(readTrigger(event())).toMatchObject({
      kind: 'pull_request',
      number: 5,
      title: 'Add a feature',
      htmlUrl: 'https://github.com/o/r/pull/5',
      labels: ['canary-20'],
      repository: { owner: 'o', repo: 'r' },
    });
  });

  it('refuses labels that are not a list, saying what was found', () => {
    expect(failure(event({ labels: 'canary-20' }))).toMatch(
      /pull_request\.labels is the string 'canary-20'; GitHub sends a list of label objects/,
    );
    expect(failure(event({ labels: { name: 'canary-20' } }))).toMatch(
      /pull_request\.labels is an object;/,
    );
    expect(failure(event({ labels: null }))).toMatch(/pull_request\.labels is null;/);
  });

  it('refuses a label that is not an object with a string name, naming its index', () => {
    expect(failure(event({ labels: [{ name: 'bug' }, 'canary-20'] }))).toMatch(
      /pull_request\.labels\[1\] is the string 'canary-20'; each label must be an object with a non-empty string 'name'/,
    );
    expect(failure(event({ labels: [{ name: 20 }] }))).toMatch(
      /labels\[0\] is an object whose name is the number 20;/,
    );
    expect(failure(event({ labels: [{ id: 1 }] }))).toMatch(
      /labels\[0\] is an object whose name is missing;/,
    );
    expect(failure(event({ labels: [null] }))).toMatch(/labels\[0\] is null;/);
    expect(failure(event({ labels: [['canary-20']] }))).toMatch(/labels\[0\] is a list;/);
    expect(failure(event({ labels: [{ name: '' }] }))).toMatch(
      /labels\[0\] is an object whose name is the string '';/,
    );
  });

  it('reads a payload without labels as having none', () => {
    const context = event();
    delete (context.payload.pull_request as Record<string, unknown>).labels;
    expect(readTrigger(context)).toMatchObject({ labels: [] });
  });

  it('refuses a title or ref that is not text instead of printing [object Object]', () => {
    expect(failure(event({ title: { text: 'x' } }))).toMatch(
      /pull_request\.title is an object, not a string/,
    );
    expect(failure(event({ head: { sha, ref: ['feature'] } }))).toMatch(
      /pull_request\.head\.ref is a list, not a string/,
    );
    expect(failure(event({}, { action: 7 }))).toMatch(/action is the number 7, not a string/);
  });

  it('refuses a PR number that is not a positive integer, or two numbers that disagree', () => {
    expect(failure(event({ number: '5' }, { number: '5' }))).toMatch(
      /number is the string '5', not a PR number/,
    );
    expect(failure(event({ number: true }, { number: undefined }))).toMatch(
      /pull_request\.number is the boolean true/,
    );
    expect(failure(event({ number: 1.5 }, { number: undefined }))).toMatch(/the number 1\.5/);
    expect(failure(event({ number: 6 }))).toMatch(/number is 5 but pull_request\.number is 6/);
    expect(failure(event({ number: undefined }, { number: undefined }))).toMatch(
      /has no PR number/,
    );
  });

  it('refuses a SHA that is not a string of 40 hex digits', () => {
    expect(failure(event({ base: { sha: 12 } }))).toMatch(
      /pull_request\.base\.sha is the number 12, not a 40-character commit SHA/,
    );
    expect(failure(event({ head: { sha: sha.toUpperCase() } }))).toMatch(/head\.sha/);
    expect(failure(event({ head: 'x' }))).toMatch(
      /The event's pull_request\.head is the string 'x', not an object/,
    );
  });

  it('refuses a repository name that could change an API path', () => {
    for (const fullName of ['o/..', 'o/r/x', 'o/r?x=1', 'o/r#x', '../r', 'o/', 'o r/x']) {
      expect(failure(event({}, { repository: { full_name: fullName } })), fullName).toMatch(
        /Cannot tell the repository: the event's repository\.full_name is/,
      );
    }
    expect(failure(event({}, { repository: { full_name: 42 } }))).toMatch(
      /repository\.full_name is the number 42, not a string/,
    );
    expect(failure(event({}, { repository: 'o/r' }))).toMatch(
      /The event's repository is the string 'o\/r', not an object/,
    );
    expect(
      readTrigger({ ...event({}, { repository: undefined }), repository: 'owner-1/repo.name_2' }),
    ).toMatchObject({ repository: { owner: 'owner-1', repo: 'repo.name_2' } });
  });

  it('drops an html_url that is not a web address', () => {
    for (const url of ['javascript:alert(1)', 'not a url', 7]) {
      const trigger = readTrigger(event({ html_url: url }));
      expect(trigger.kind === 'pull_request' && trigger.htmlUrl, String(url)).toBeUndefined();
    }
  });

  it('quotes a hostile value escaped and cut short', () => {
    const message = failure(event({ labels: [`canary-1\n::error::x${'y'.repeat(200)}`] }));
    expect(message).toContain(String.raw`'canary-1\n::error::x`);
    expect(message).not.toContain('\n');
    expect(message.length).toBeLessThan(300);
  });
});
