/** z for a two-sided 95% interval. */
export const Z_95 = 1.959964;

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval for a proportion (as fractions 0..1). Unlike the normal
 * approximation it stays inside [0, 1] and behaves at 0 and at n successes. With no
 * trials there is no information: the interval is the whole range.
 */
export function wilsonInterval(successes: number, trials: number, z: number = Z_95): Interval {
  if (trials === 0) return { low: 0, high: 1 };
  if (successes < 0 || successes > trials) {
    throw new RangeError(`successes must be in 0..${trials}, got ${successes}`);
  }
  const share = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const center = (share + z2 / (2 * trials)) / denominator;
  const halfWidth =
    (z / denominator) * Math.sqrt((share * (1 - share)) / trials + z2 / (4 * trials * trials));
  return { low: Math.max(0, center - halfWidth), high: Math.min(1, center + halfWidth) };
}
