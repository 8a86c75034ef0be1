import { PhaseError } from './errors.js';

/** Seconds per named phase; concurrent phases overlap. A failure is wrapped as a PhaseError naming the phase. */
export class PhaseTimings {
  readonly seconds: Record<string, number> = {};

  constructor(private readonly now: () => number = Date.now) {}

  async time<T>(phase: string, step: () => Promise<T>): Promise<T> {
    const started = this.now();
    try {
      return await step();
    } catch (error) {
      throw error instanceof PhaseError ? error : new PhaseError(phase, error);
    } finally {
      this.seconds[phase] = Math.round((this.now() - started) / 100) / 10;
    }
  }
}
