import { describe, expect, it } from 'vitest';
import {
  defaultNamespaceName,
  isValidNamespaceName,
  localNamespaceName,
  namespaceProblem,
} from '../../../src/existing/namespace-name.js';
import { expiryAfter, parseExpiry, parseTtl } from '../../../src/existing/ttl.js';

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

describe('defaultNamespaceName', () => {
  it('is <repo>-pr-<number>, lower-cased, with runs of other characters as one dash', () => {
    expect(defaultNamespaceName('preview-demo', 17)).toBe('preview-demo-pr-17');
    expect(defaultNamespaceName('My_Shop..Front', 3)).toBe('my-shop-front-pr-3');
    expect(defaultNamespaceName('__dot.files__', 1)).toBe('dot-files-pr-1');
    expect(defaultNamespaceName('___', 9)).toBe('preview-pr-9');
  });

  it('shortens a name over 63 characters with a hash, so long names sharing a start stay apart', () => {
    const long = 'a-very-long-repository-name-that-goes-on-and-on-and-on-and-on';
    const one = defaultNamespaceName(`${long}-one`, 123456);
    const two = defaultNamespaceName(`${long}-two`, 123456);
    for (const name of [one, two]) {
      expect(name.length).toBeLessThanOrEqual(63);
      expect(name).toMatch(DNS_1123_LABEL);
      expect(name.endsWith('-pr-123456')).toBe(true);
      expect(name.startsWith('a-very-long-repository')).toBe(true);
    }
    expect(one).not.toBe(two);
    // The same repository always gets the same namespace (runs of one PR find it again).
    expect(defaultNamespaceName(`${long}-one`, 123456)).toBe(one);
  });

  it('fits exactly 63 characters without a hash', () => {
    const repo = 'r'.repeat(63 - '-pr-1'.length);
    expect(defaultNamespaceName(repo, 1)).toBe(`${repo}-pr-1`);
    expect(defaultNamespaceName(`${repo}x`, 1)).toMatch(/^r+-[0-9a-f]{8}-pr-1$/);
  });

  it('gives a terminal run <repo>-local, shortened the same way', () => {
    expect(localNamespaceName('Preview.Demo')).toBe('preview-demo-local');
    const long = localNamespaceName('x'.repeat(80));
    expect(long).toMatch(/^x+-[0-9a-f]{8}-local$/);
    expect(long.length).toBeLessThanOrEqual(63);
    expect(isValidNamespaceName(long)).toBe(true);
  });
});

describe('namespace input', () => {
  it.each(['shop-pr-7', 'a', '0abc', 'x'.repeat(63)])('accepts %s', (name) => {
    expect(isValidNamespaceName(name)).toBe(true);
  });

  it.each([
    ['Shop', /DNS-1123/],
    ['-shop', /DNS-1123/],
    ['shop-', /DNS-1123/],
    ['shop_pr', /DNS-1123/],
    ['x'.repeat(64), /63 characters/],
    ['default', /not default, kube-\* or knative-\*/],
    ['kube-system', /kube-\*/],
    ['knative-serving', /knative-\*/],
  ])('refuses %s', (name, why) => {
    expect(namespaceProblem(name)).toMatch(why);
  });
});

describe('ttl', () => {
  it.each([
    ['2s', 2_000],
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['12h', 43_200_000],
    ['7d', 604_800_000],
    ['365d', 31_536_000_000],
  ])('reads %s', (text, ms) => {
    expect(parseTtl(text)).toEqual({ text, ms });
  });

  it.each(['', '7', 'd', '7w', '1.5h', '-1d', '0s', '366d', '7 d', '999999999d'])(
    'refuses %j',
    (text) => {
      expect(parseTtl(text)).toBeUndefined();
    },
  );

  it('writes the expiry as RFC 3339 in UTC', () => {
    expect(expiryAfter(new Date('2026-03-01T10:00:00.250Z'), parseTtl('7d')!)).toBe(
      '2026-03-08T10:00:00Z',
    );
  });

  it('reads back only a full RFC 3339 time (the annotation is untrusted)', () => {
    expect(parseExpiry('2026-03-08T10:00:00Z')?.toISOString()).toBe('2026-03-08T10:00:00.000Z');
    expect(parseExpiry('2026-03-08T12:00:00+02:00')?.toISOString()).toBe(
      '2026-03-08T10:00:00.000Z',
    );
    for (const bad of [
      'tomorrow',
      '2026-03-08',
      '2026-13-45T99:00:00Z',
      12,
      undefined,
      'x'.repeat(50),
    ])
      expect(parseExpiry(bad)).toBeUndefined();
  });
});
