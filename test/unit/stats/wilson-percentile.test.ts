import { describe, expect, it } from 'vitest';
import { percentile, percentiles } from '../../../src/stats/percentile.js';
import { wilsonInterval } from '../../../src/stats/wilson.js';

describe('wilsonInterval', () => {
  it('50 of 100 gives [40.38%, 59.62%]', () => {
    const { low, high } = wilsonInterval(50, 100);
    expect(low * 100).toBeCloseTo(40.38, 2);
    expect(high * 100).toBeCloseTo(59.62, 2);
  });

  it('stays inside [0, 1] at the edges: 0 of 10 and 10 of 10', () => {
    const z2 = 1.959964 ** 2;
    const none = wilsonInterval(0, 10);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(z2 / (10 + z2), 12);
    const all = wilsonInterval(10, 10);
    expect(all.high).toBeCloseTo(1, 12);
    expect(all.low).toBeCloseTo(10 / (10 + z2), 12);
  });

  it('with no trials the interval is everything', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });
});

describe('percentile (nearest rank)', () => {
  const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('returns observed values at rank ceil(p/100 * n)', () => {
    expect(percentile(oneToHundred, 50)).toBe(50);
    expect(percentile(oneToHundred, 95)).toBe(95);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
    expect(percentile([7], 50)).toBe(7);
    expect(percentile([], 95)).toBe(0);
  });

  it('percentiles sorts unsorted input once, numerically', () => {
    expect(percentiles([10, 9, 100, 2, 1], [50, 95])).toEqual([9, 100]);
  });
});
