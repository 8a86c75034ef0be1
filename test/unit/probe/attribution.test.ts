import { describe, expect, it } from 'vitest';
import {
  SAMPLE_CHARS,
  createAttributor,
  describeOutcome,
  revisionHeader,
} from '../../../src/probe/attribution.js';
import type { HttpOutcome } from '../../../src/probe/http-client.js';
import { decideVerdict } from '../../../src/probe/summarize.js';
import { summarizeTagAnswers, type TagTarget } from '../../../src/probe/tag-check.js';
import { createTally, record } from '../../../src/probe/tally.js';
import { GATE_DEFAULTS } from '../../../src/stats/split-gate.js';

const ok = (body: string, headers: Record<string, string> = {}, status = 200): HttpOutcome => ({
  kind: 'response',
  status,
  headers,
  body,
  latencyMs: 1,
});
const reset: HttpOutcome = {
  kind: 'transport-error',
  error: 'ECONNRESET: socket hang up',
  latencyMs: 1,
};

describe('attribution', () => {
  it('prefers k-revision, accepts x-revision, ignores empty values', () => {
    expect(revisionHeader({ 'k-revision': 'a', 'x-revision': 'b' })).toBe('a');
    expect(revisionHeader({ 'x-revision': ' b ' })).toBe('b');
    expect(revisionHeader({ 'k-revision': ['c', 'd'] })).toBe('c');
    expect(revisionHeader({ 'k-revision': '' })).toBeUndefined();
  });

  it('header first, then the exact trimmed body; a shared fingerprint identifies nobody', () => {
    const attributor = createAttributor(
      ['a', 'b', 'c'],
      new Map([
        ['a', 'hello a'],
        ['b', 'same'],
        ['c', 'same'],
      ]),
    );
    expect(attributor.attribute(ok('  hello a\n'))).toEqual({ kind: 'revision', revision: 'a' });
    expect(attributor.attribute(ok('hello a', { 'k-revision': 'b' }))).toEqual({
      kind: 'revision',
      revision: 'b',
    });
    expect(attributor.attribute(ok('same'))).toEqual({ kind: 'unknown' });
    expect(attributor.attribute(ok('Hello A'))).toEqual({ kind: 'unknown' });
    expect(attributor.attribute(ok('x', { 'k-revision': 'old' }))).toEqual({
      kind: 'foreign-revision',
      revision: 'old',
    });
    expect(attributor.attribute(reset)).toEqual({ kind: 'transport-error' });
  });

  it('samples are one line and at most 200 characters', () => {
    const sample = describeOutcome(
      ok(`line one\nline two ${'x'.repeat(500)}`, { 'k-revision': 'a' }, 500),
    );
    expect(sample.startsWith('HTTP 500 (k-revision: a) line one line two x')).toBe(true);
    expect(sample).toHaveLength(SAMPLE_CHARS);
    expect(describeOutcome(reset)).toBe('error: ECONNRESET: socket hang up');
  });
});

describe('tag answers', () => {
  const target: TagTarget = {
    side: 'pr',
    tag: 'pr',
    host: 'pr-svc.ns.example.com',
    expectedRevision: 'svc-pr',
  };

  it('a transport error or a non-2xx answer does not match', () => {
    const findings = summarizeTagAnswers(target, [ok('hi'), reset, ok('hi', {}, 503), ok('hi')]);
    expect(findings.check).toMatchObject({
      requests: 4,
      matched: 2,
      sample: 'error: ECONNRESET: socket hang up',
    });
    expect(findings.fingerprint).toBe('hi');
    expect(findings.sendsHeader).toBe(false);
  });

  it('an answer naming another revision does not match', () => {
    const findings = summarizeTagAnswers(target, [ok('hi', { 'k-revision': 'svc-base' })]);
    expect(findings.check.matched).toBe(0);
    expect(findings.check.sample).toBe('HTTP 200 (k-revision: svc-base) hi');
  });
});

describe('decideVerdict', () => {
  const findings = [
    summarizeTagAnswers({ side: 'base', tag: 'base', host: 'b', expectedRevision: 'base' }, [
      ok('B', { 'k-revision': 'base' }),
    ]),
    summarizeTagAnswers({ side: 'pr', tag: 'pr', host: 'p', expectedRevision: 'pr' }, [
      ok('P', { 'k-revision': 'pr' }),
    ]),
  ];
  const expected = { base: 50, pr: 50 };
  const settings = { design: GATE_DEFAULTS, batchesSent: 1, sides: { base: 'base', pr: 'pr' } };

  it('answers from a revision outside the split make it deviate', () => {
    const tally = createTally(['base', 'pr']);
    const attributor = createAttributor(['base', 'pr'], new Map());
    for (let i = 0; i < 50; i++) {
      for (const outcome of [ok('B', { 'k-revision': 'base' }), ok('P', { 'k-revision': 'pr' })]) {
        record(tally, outcome, attributor.attribute(outcome));
      }
    }
    const stale = ok('S', { 'k-revision': 'stale' });
    record(tally, stale, attributor.attribute(stale));
    const verdict = decideVerdict(findings, tally, expected, settings);
    expect(verdict).toMatchObject({ verdict: 'deviates', test: 'exact-split', done: true });
    expect(verdict.reason).toContain('revision stale is not in the split but answered 1 of 101');
    expect(verdict.reason).toContain('1 responses unattributed');
    expect(tally.unattributed.samples).toEqual(['HTTP 200 (k-revision: stale) S']);
  });

  it('mostly unrecognised answers: unmeasurable rather than judged on the few', () => {
    const tally = createTally(['base', 'pr']);
    const attributor = createAttributor(['base', 'pr'], new Map());
    for (let i = 0; i < 10; i++) {
      for (const outcome of [ok('B', { 'k-revision': 'base' }), ok('?'), ok('?')]) {
        record(tally, outcome, attributor.attribute(outcome));
      }
    }
    const verdict = decideVerdict(findings, tally, expected, settings);
    expect(verdict).toMatchObject({ verdict: 'unmeasurable', test: 'none', done: true });
    expect(verdict.reason).toContain('20 of 30 successful responses matched no revision');
  });
});
