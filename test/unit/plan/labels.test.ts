import { describe, expect, it } from 'vitest';
import { decideSplit } from '../../../src/plan/labels.js';

describe('decideSplit', () => {
  it('gives the PR 100% without a canary label, ignoring other labels', () => {
    const split = decideSplit(['bug', 'canary', 'canaryx-5'], 'canary-');
    expect(split.prPercent).toBe(100);
    expect(split.label).toBeUndefined();
  });
  it.each([
    ['canary-0', 0],
    ['canary-100', 100],
    ['canary-50', 50],
    ['canary-007', 7],
    ['Canary-50', 50],
  ])('reads %s as %i%% to the PR', (label, percent) => {
    const split = decideSplit([label, 'bug'], 'canary-');
    expect(split.prPercent).toBe(percent);
    expect(split.label).toBe(label);
    expect(split.reason).toContain(`${100 - percent}% to the base`);
  });
  it('accepts the same label twice in the payload', () => {
    expect(decideSplit(['canary-20', 'canary-20'], 'canary-').prPercent).toBe(20);
  });
  it('honours a changed prefix and ignores the default one', () => {
    expect(decideSplit(['split/30', 'canary-90'], 'split/').prPercent).toBe(30);
  });
  it.each(['canary-101', 'canary-abc', 'canary-', 'canary-1000', 'canary--5', 'canary-5.5'])(
    'refuses %s, naming it',
    (label) => {
      expect(() => decideSplit([label], 'canary-')).toThrow(
        new RegExp(`'${label.replace('.', '\\.')}'.*canary-0 to canary-100`),
      );
    },
  );
  it('refuses two different split labels, naming both', () => {
    expect(() => decideSplit(['canary-20', 'bug', 'canary-80'], 'canary-')).toThrow(
      /'canary-20', 'canary-80'/,
    );
    expect(() => decideSplit(['canary-50', 'canary-050'], 'canary-')).toThrow(/2 split labels/);
  });
});
