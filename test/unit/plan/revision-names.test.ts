import { describe, expect, it } from 'vitest';
import { revisionName } from '../../../src/plan/revision-names.js';
import { isDns1035Label } from '../../../src/plan/knative-rules.js';

const sha = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const other = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';

describe('revisionName', () => {
  it('is <svc>-<side>-<sha7>', () => {
    expect(revisionName('hello', 'base', other)).toBe('hello-base-f95f852');
    expect(revisionName('hello', 'pr', sha)).toBe('hello-pr-ec26c3e');
  });
  it('differs per side even for one commit', () => {
    expect(revisionName('hello', 'base', sha)).not.toBe(revisionName('hello', 'pr', sha));
  });
  it('keeps long service names within 63 characters, prefixed, DNS-1035 and unique', () => {
    for (let length = 40; length <= 56; length++) {
      const service = `s${'x'.repeat(length - 1)}`;
      const names = [
        revisionName(service, 'base', sha),
        revisionName(service, 'pr', sha),
        revisionName(service, 'pr', other),
      ];
      for (const name of names) {
        expect(name.length).toBeLessThanOrEqual(63);
        expect(name.startsWith(`${service}-`)).toBe(true);
        expect(isDns1035Label(name)).toBe(true);
      }
      expect(new Set(names).size).toBe(3);
    }
  });
  it('refuses a service name too long to hold a revision suffix', () => {
    expect(() => revisionName('a'.repeat(60), 'pr', sha)).toThrow(/56 characters or fewer/);
  });
});
