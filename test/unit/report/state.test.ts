/**
 * The comment's hidden state is read back on every run from a comment anyone with write access
 * can edit. Whatever it holds, the run's own comment must still render, and nothing in the
 * state may reach the new comment unchecked.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createGitHubClient } from '../../../src/github/client.js';
import { createPreviewCommenter, onChangeSkipReason } from '../../../src/report/commenter.js';
import type { RunReport } from '../../../src/report/model.js';
import { renderComment, type CommentRenderInput } from '../../../src/report/render-comment.js';
import { parseCommentState } from '../../../src/report/state-schema.js';
import {
  embedState,
  extractState,
  lastResultOf,
  STATE_PREFIX,
  type CommentState,
} from '../../../src/report/state.js';
import { FakeGitHub } from '../github/fake-github.js';
import { FIXED_NOW, HEAD_SHA, MARKER, context, plan, report } from './fixtures.js';

const deployingReport: RunReport = { status: 'deploying', services: [], timings: {} };

function render(overrides: Partial<CommentRenderInput> = {}): string {
  return renderComment({
    plan: plan(),
    report: report(),
    phase: 'result',
    context,
    marker: MARKER,
    now: FIXED_NOW,
    ...overrides,
  });
}

/** A deploying state that carries a result: every field the state has. */
function fullState(): CommentState {
  const result = extractState(
    render({ report: report({ failure: { phase: 'probe', message: 'timed out' } }) }),
  )!;
  return extractState(render({ phase: 'deploying', report: deployingReport, previous: result }))!;
}

function bodyWithJson(json: string): string {
  return `${MARKER}\n${STATE_PREFIX}${Buffer.from(json, 'utf8').toString('base64')} -->\n\nvisible`;
}

function bodyWith(value: unknown): string {
  return bodyWithJson(JSON.stringify(value));
}

/** Every path into a JSON value: objects, arrays and leaves. */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const paths = at.length ? [at] : [];
  if (Array.isArray(value)) value.forEach((v, i) => paths.push(...pathsOf(v, [...at, i])));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths.push(...pathsOf(v, [...at, k]));
  return paths;
}

function withValue(state: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(state)) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

/** The run's comment renders in both phases with whatever state was read. */
function expectRunCommentRenders(previous: CommentState | undefined): void {
  for (const phase of ['deploying', 'result'] as const) {
    const body = render({
      phase,
      report: phase === 'result' ? report() : deployingReport,
      previous,
    });
    expect(body.startsWith(`${MARKER}\n${STATE_PREFIX}`)).toBe(true);
    const written = extractState(body, { strict: true });
    expect(written?.phase).toBe(phase);
  }
}

/** What was read is itself a clean state: nothing invalid got through. */
function expectClean(state: CommentState | undefined): void {
  if (!state) return;
  const reread = parseCommentState(JSON.parse(JSON.stringify(state)));
  expect(reread?.dropped).toEqual([]);
  expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
}

describe('a valid state', () => {
  test('is read back whole, strict or not', () => {
    const state = fullState();
    expect(state.lastResult?.failure).toEqual({ phase: 'probe', message: 'timed out' });
    expect(extractState(`${MARKER}\n${embedState(state)}`, { strict: true })).toEqual(state);
  });
});

describe('a hostile state never crashes the run and never gets through unchecked', () => {
  const WRONG: unknown[] = [null, 42, -1, 1e308, 'x', '', true, [], {}, [1, 2], { a: 1 }];
  const state = fullState();
  const paths = pathsOf(state);

  test('the paths cover every level', () => {
    expect(paths.map((p) => p.join('.'))).toEqual(
      expect.arrayContaining([
        'status',
        'services.0.revisions.1.configuredPercent',
        'services.0.tags',
        'lastResult.services.0.revisions.1.observedPercent',
        'lastResult.status',
        'lastResult.services.0.tags.0.matched',
        'lastResult.failure.message',
        'lastResult.timings.probe',
        'run.attempt',
      ]),
    );
  });

  test.each(paths.map((p) => [p.join('.'), p] as const))('wrong types at %s', (_name, path) => {
    for (const value of WRONG) {
      const read = extractState(bodyWith(withValue(state, path, value)));
      expectClean(read);
      expectRunCommentRenders(read);
    }
  });

  test('a numeric lastResult.status (once a TypeError with a stack trace)', () => {
    const read = extractState(bodyWith(withValue(state, ['lastResult', 'status'], 7)));
    expect(read).toBeDefined();
    expect(read?.lastResult).toBeUndefined();
    const body = render({ phase: 'deploying', report: deployingReport, previous: read });
    expect(body).not.toContain('Previous result');
  });

  test('required fields wrong: the whole state is absent', () => {
    for (const [path, value] of [
      [['v'], 2],
      [['v'], '1'],
      [['phase'], 'done'],
      [['status'], 'hacked'],
      [['headSha'], 'zzzzzzz'],
      [['headSha'], `${HEAD_SHA}0`],
      [['headSha'], '../../etc/passwd'],
      [['prPercent'], 101],
      [['prPercent'], -0.5],
      [['services'], {}],
    ] as const) {
      expect(extractState(bodyWith(withValue(state, [...path], value))), path.join('.')).toBe(
        undefined,
      );
    }
  });

  test('optional parts wrong: dropped, the rest kept; strict reading refuses it', () => {
    const cases: [(string | number)[], unknown, (s: CommentState) => unknown][] = [
      [['baseSha'], 'not-a-sha', (s) => s.baseSha],
      [['label'], 'x'.repeat(101), (s) => s.label],
      [['label'], 'canary-50\u202e', (s) => s.label],
      [['lastResult', 'services', 0, 'verdict'], 'fine', (s) => s.lastResult?.services[0]?.verdict],
      [['lastResult', 'services', 0, 'pValue'], 2, (s) => s.lastResult?.services[0]?.pValue],
      [['lastResult', 'failure', 'message'], 'm'.repeat(501), (s) => s.lastResult?.failure],
      [['lastResult', 'run', 'id'], '12; rm -rf /', (s) => s.lastResult?.run],
      [['lastResult', 'updatedAt'], 'yesterday', (s) => s.lastResult?.updatedAt],
      [['lastResult', 'phase'], 'deploying', (s) => s.lastResult],
      [
        ['lastResult', 'services', 0, 'revisions', 1, 'side'],
        'left',
        (s) => s.lastResult?.services[0]?.revisions.find((r) => r.revision.includes('-pr-')),
      ],
      [
        ['lastResult', 'services', 0, 'name'],
        '<img src=x onerror=alert(1)>',
        (s) => s.lastResult?.services[0],
      ],
    ];
    for (const [path, value, pick] of cases) {
      const body = bodyWith(withValue(state, path, value));
      const read = extractState(body);
      expect(read, path.join('.')).toBeDefined();
      expect(pick(read!), path.join('.')).toBeUndefined();
      expect(read?.headSha).toBe(HEAD_SHA);
      expect(extractState(body, { strict: true }), path.join('.')).toBeUndefined();
    }
  });

  test('huge arrays and strings', () => {
    const manyServices = withValue(
      state,
      ['services'],
      Array.from({ length: 60 }, (_, i) => ({ name: `s${i}`, revisions: [], tags: [] })),
    );
    const read = extractState(bodyWith(manyServices));
    expect(read?.services).toHaveLength(50);
    expect(extractState(bodyWith(manyServices), { strict: true })).toBeUndefined();

    // Past the size a state is ever written with: not even decoded.
    const huge = withValue(state, ['label'], 'x'.repeat(100_000));
    expect(extractState(bodyWith(huge))).toBeUndefined();
    const wide = withValue(
      state,
      ['services'],
      Array.from({ length: 100_000 }, () => 0),
    );
    expect(extractState(bodyWith(wide))).toBeUndefined();
    const longName = withValue(state, ['services', 0, 'name'], 'a'.repeat(64));
    expect(extractState(bodyWith(longName))?.services).toEqual([]);
  });

  test('prototype keys are never followed or kept', () => {
    const json = JSON.stringify(state)
      .replace('{', '{"__proto__":{"polluted":true,"v":1},"constructor":{"prototype":{"x":1}},')
      .replace(
        '"timings":{"bring-up"',
        '"timings":{"__proto__":{"polluted":true},"constructor":5,"bring-up"',
      )
      .replace('"revisions":[', '"revisions":[{"__proto__":{"revision":"x","side":"pr"}},');
    const read = extractState(bodyWithJson(json));
    expect(read).toBeDefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    const timings = read!.lastResult!.timings;
    expect(Object.getPrototypeOf(timings)).toBe(Object.prototype);
    expect(Object.keys(timings)).not.toContain('__proto__');
    expect(timings.constructor).toBe(5);
    expect(timings.probe).toBe(4.2);
    expect(read!.services[0]?.revisions).toHaveLength(2);
    expectClean(read);
    expectRunCommentRenders(read);
  });

  test('non-finite numbers', () => {
    const json = JSON.stringify(state);
    expect(extractState(bodyWithJson(json.replace('"prPercent":50', '"prPercent":1e999')))).toBe(
      undefined,
    );
    const observed = extractState(
      bodyWithJson(json.replace(/"observedPercent":51/g, '"observedPercent":-1e999')),
    );
    expect(observed?.lastResult?.services[0]?.revisions.map((r) => r.side)).toEqual(['base']);
    expectRunCommentRenders(observed);
    const timing = extractState(bodyWithJson(json.replace('"probe":4.2', '"probe":1e999')));
    expect(timing?.lastResult?.timings.probe).toBeUndefined();
  });

  test('deep nesting', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const json = JSON.stringify(state).replace('"services":[', `"services":[${deep},`);
    const read = extractState(bodyWithJson(json));
    expect(read?.services[0]?.name).toBe('hello');
    expectRunCommentRenders(read);
    const deepObject = '{"a":'.repeat(2000) + '1' + '}'.repeat(2000);
    expect(
      extractState(
        bodyWithJson(JSON.stringify(state).replace('"label":', `"x":${deepObject},"label":`)),
      ),
    ).toBeDefined();
  });

  test('not JSON, not an object, not base64, not UTF-8', () => {
    for (const body of [
      `${MARKER}\n${STATE_PREFIX}!!! -->`,
      `${MARKER}\n${STATE_PREFIX}a=== -->`,
      `${MARKER}\n${STATE_PREFIX}${Buffer.from([0xff, 0xfe, 0x7b]).toString('base64')} -->`,
      bodyWithJson('{"v":1,'),
      bodyWithJson('null'),
      bodyWithJson('[1]'),
      bodyWithJson('"state"'),
      bodyWithJson('1'),
      `${MARKER}\n${STATE_PREFIX}${'A'.repeat(70_000)} -->`,
    ]) {
      expect(extractState(body)).toBeUndefined();
    }
  });

  test('lastResultOf never hands out a nested lastResult', () => {
    const nested = withValue(state, ['lastResult', 'lastResult'], state.lastResult);
    const read = extractState(bodyWith(withValue(nested, ['phase'], 'result')));
    expect(read?.phase).toBe('result');
    expect(lastResultOf(read)).not.toHaveProperty('lastResult');
  });
});

describe('on-change and an edited state', () => {
  test('a state with invalid parts is rewritten, not kept', () => {
    const body = render();
    const state = extractState(body)!;
    const edited = bodyWith({ ...state, label: 'x'.repeat(500) });
    expect(onChangeSkipReason('result', body, body)).toBeDefined();
    expect(onChangeSkipReason('result', edited, body)).toBeUndefined();
  });
});

describe('through the commenter', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await new FakeGitHub().start();
  });
  afterEach(() => github.stop());

  test('a comment whose state was tampered with is rewritten with a valid one', async () => {
    const tampered = withValue(
      withValue(fullState(), ['lastResult', 'status'], 7),
      ['lastResult', 'services'],
      [{ name: { toString: 1 }, revisions: 'x' }],
    );
    const ours = github.addComment(bodyWith(tampered), { login: 'alice', type: 'User' });
    const warnings: string[] = [];
    const commenter = createPreviewCommenter({
      token: 'ghp_token',
      mode: 'always',
      plan: plan(),
      context,
      marker: MARKER,
      client: createGitHubClient({ token: 'ghp_token', apiUrl: github.url, sleep: async () => {} }),
      warn: (m) => warnings.push(m),
      log: () => {},
      now: () => FIXED_NOW,
    });
    expect((await commenter.publish('deploying', deployingReport)).action).toBe('updated');
    expect((await commenter.publish('result', report())).action).toBe('updated');
    expect(warnings).toEqual([]);
    expect(commenter.previousResult()).toBeUndefined();
    expect(extractState(ours.body, { strict: true })?.phase).toBe('result');
  });
});
