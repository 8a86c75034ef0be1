/** What a simulated container answers, per the app its image was built from. */
import { describe, expect, it } from 'vitest';
import {
  FAILURE_BODY,
  GENERIC_BODY,
  answerOf,
  failureAnswer,
  parseAnswerSpec,
  parseImageImport,
  type AnswerContext,
} from '../../sim/cluster/app-answer.js';

const context = (overrides: Partial<AnswerContext> = {}): AnswerContext => ({
  method: 'GET',
  path: '/',
  env: { K_REVISION: 'hello-pr-abc1234', TARGET: 'Preview', PORT: '8080' },
  request: 1,
  random: () => 0.5,
  ...overrides,
});

describe('answer specs', () => {
  it('default status 200 and no headers; header names are lowercased', () => {
    expect(parseAnswerSpec({ body: 'hi\n' }, 'f')).toEqual({
      status: 200,
      headers: {},
      body: 'hi\n',
    });
    expect(
      parseAnswerSpec({ status: 201, headers: { 'X-App': 'a' }, body: '' }, 'f').headers,
    ).toEqual({ 'x-app': 'a' });
  });

  it.each([
    [[], 'f: expected a JSON object'],
    [{ body: 'x', colour: 'red' }, "f: unknown key 'colour'"],
    [{ body: 'x', status: 199 }, 'f: status must be a whole number from 200 to 599, got 199'],
    [{ body: 'x', status: '200' }, 'f: status must be a whole number from 200 to 599, got "200"'],
    [{ body: 'x', status: 200.5 }, 'f: status must be a whole number'],
    [{ body: 'x', headers: ['a'] }, 'f: headers must be an object'],
    [{ body: 'x', headers: { 'bad name': 'v' } }, "f: 'bad name' is not a header name"],
    [
      { body: 'x', headers: { 'Content-Length': '1' } },
      "header 'Content-Length' is set by the ingress",
    ],
    [{ body: 'x', headers: { Server: 'me' } }, "header 'Server' is set by the ingress"],
    [{ body: 'x', headers: { 'x-a': 1 } }, "header 'x-a' must be a string of printable ASCII"],
    [
      { body: 'x', headers: { 'x-a': 'a\r\nb: c' } },
      "header 'x-a' must be a string of printable ASCII",
    ],
    [{ body: 'x', headers: { 'x-a': '1', 'X-A': '2' } }, "header 'X-A' is given twice"],
    [{}, 'f: body must be a string'],
    [{ body: 'x'.repeat(65_537) }, 'f: body is longer than 65536 characters'],
    [{ body: 'at {{time}}' }, "f: body: unknown placeholder '{{time}}'"],
    [{ body: 'x', headers: { 'x-a': '{{env.}}' } }, "header 'x-a': unknown placeholder '{{env.}}'"],
  ])('refuses %j: %s', (spec, message) => {
    expect(() => parseAnswerSpec(spec, 'f')).toThrow(message);
  });

  it('renders {{revision}}, {{env.NAME}}, {{request}} and {{random}} in the body and headers', () => {
    const spec = parseAnswerSpec(
      {
        status: 202,
        headers: { 'x-revision': '{{revision}}', 'x-target': '{{ env.TARGET }}' },
        body: '{{env.TARGET}} #{{request}} {{random}} [{{env.UNSET}}]\n',
      },
      'f',
    );
    expect(answerOf({ kind: 'spec', spec }, context({ request: 7 }))).toEqual({
      status: 202,
      headers: { 'x-revision': 'hello-pr-abc1234', 'x-target': 'Preview' },
      body: 'Preview #7 80000000 []\n',
    });
  });

  it('answers every path and method alike', () => {
    const spec = parseAnswerSpec({ body: 'same\n' }, 'f');
    expect(answerOf({ kind: 'spec', spec }, context({ path: '/x', method: 'POST' })).body).toBe(
      'same\n',
    );
  });

  it('keeps rendered header values sendable', () => {
    const spec = parseAnswerSpec({ headers: { 'x-t': '{{env.TARGET}}' }, body: '' }, 'f');
    const env = { TARGET: 'Grüße\n' };
    expect(answerOf({ kind: 'spec', spec }, context({ env })).headers['x-t']).toBe('Gr??e?');
  });
});

describe('known apps', () => {
  it('the template app names its revision in a k-revision header and the body (template/app/server.js)', () => {
    expect(answerOf({ kind: 'template' }, context())).toEqual({
      status: 200,
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'k-revision': 'hello-pr-abc1234',
        'cache-control': 'no-store',
      },
      body: 'Hello Preview from hello-pr-abc1234!\n',
    });
    expect(answerOf({ kind: 'template' }, context({ path: '/healthz' })).body).toBe('ok\n');
    expect(answerOf({ kind: 'template' }, context({ path: '/nope' })).status).toBe(404);
    expect(answerOf({ kind: 'template' }, context({ method: 'POST' })).status).toBe(405);
    expect(answerOf({ kind: 'template' }, context({ env: { K_REVISION: 'r' } })).body).toBe(
      'Hello World from r!\n',
    );
  });

  it('helloworld-go and a generic app send no revision header', () => {
    expect(answerOf({ kind: 'helloworld' }, context({ path: '/any' }))).toEqual({
      status: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: 'Hello Preview!\n',
    });
    const generic = answerOf({ kind: 'generic' }, context());
    expect(generic).toEqual({
      status: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: GENERIC_BODY,
    });
    // Nothing of the revision or its environment shows: base and PR answer identically.
    expect(generic.body).not.toContain('Preview');
    expect(generic.body).not.toContain('hello-pr');
  });

  it('a failure keeps only the revision header', () => {
    expect(failureAnswer(answerOf({ kind: 'template' }, context()))).toEqual({
      status: 500,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'k-revision': 'hello-pr-abc1234' },
      body: FAILURE_BODY,
    });
    expect(failureAnswer(answerOf({ kind: 'generic' }, context())).headers).toEqual({
      'content-type': 'text/plain; charset=utf-8',
    });
  });
});

describe('image import requests', () => {
  it('carries images and, optionally, what each answers', () => {
    const parsed = parseImageImport(
      JSON.stringify({
        images: ['dev.local/a:1', 'dev.local/b:1'],
        apps: { 'dev.local/a:1': { kind: 'spec', spec: { body: 'A\n' } } },
      }),
    );
    expect(parsed.images).toEqual(['dev.local/a:1', 'dev.local/b:1']);
    expect([...parsed.apps]).toEqual([
      ['dev.local/a:1', { kind: 'spec', spec: { status: 200, headers: {}, body: 'A\n' } }],
    ]);
    expect(parseImageImport('{"images":["x:1"]}').apps.size).toBe(0);
  });

  it.each([
    ['not json', 'expected JSON'],
    ['{"images":"x"}', 'expected {"images": ["name:tag", ...]}'],
    ['{"images":["x:1"],"apps":[]}', '"apps" must map image names'],
    [
      '{"images":["x:1"],"apps":{"y:1":{"kind":"generic"}}}',
      '"apps" names y:1, which is not in "images"',
    ],
    ['{"images":["x:1"],"apps":{"x:1":{"kind":"magic"}}}', 'apps["x:1"]: kind must be template'],
    [
      '{"images":["x:1"],"apps":{"x:1":{"kind":"spec","spec":{}}}}',
      'apps["x:1"].spec: body must be a string',
    ],
  ])('refuses %s', (body, message) => {
    expect(() => parseImageImport(body)).toThrow(message);
  });
});
