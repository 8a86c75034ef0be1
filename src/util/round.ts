/** Rounds to `decimals` places, for report figures (measurement noise dwarfs the rest). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
