import {
  decideStage,
  GATE_DEFAULTS,
  maxStages,
  type GateDesign,
  type RevisionLook,
  type StageOutcome,
} from './split-gate.js';
import type { SplitGate, SplitTest, Verdict } from './verdict.js';

export interface SplitJudgement {
  verdict: Verdict;
  test: SplitTest;
  /** Present when the binomial test decided: the smallest p-value over the revisions. */
  pValue?: number;
  /** One sentence: why this verdict. */
  reason: string;
  /**
   * False while the evidence is borderline and the cap allows another batch; the verdict is
   * then what the gate would say if it stopped here.
   */
  done: boolean;
  /** Present when the binomial test decided. */
  gate?: SplitGate;
}

export interface JudgeOptions {
  /** Batches, cap, tolerance and error budgets; default GATE_DEFAULTS. */
  design?: GateDesign;
  /** Which look this is (1-based, one per batch sent); default the last the design allows. */
  stage?: number;
  /** How the reason names a revision, e.g. "PR revision hello-00002"; default "revision <name>". */
  label?: (revision: string) => string;
  /** With two revisions, the one the reason describes; default the smaller configured share. */
  focus?: string;
}

/**
 * Is what answered consistent with the configured split, and is more evidence needed?
 *
 * - nothing attributed: unmeasurable;
 * - a revision configured at 0% (or not configured at all) answered: deviates, since a
 *   single wrong answer is proof (zero tolerance, test `exact-split`);
 * - one revision carries all the traffic and nothing else answered: consistent (`exact-split`);
 * - two or more revisions share the traffic: the sequential split gate (split-gate.ts).
 * Configured percents are normalised by their sum.
 */
export function judgeSplit(
  observed: Record<string, number>,
  expectedPercent: Record<string, number>,
  options: JudgeOptions = {},
): SplitJudgement {
  const label = options.label ?? ((revision: string) => `revision ${revision}`);
  const total = Object.values(observed).reduce((sum, count) => sum + count, 0);
  if (total === 0) {
    return {
      verdict: 'unmeasurable',
      test: 'none',
      done: true,
      reason: 'no response could be attributed to a revision, so the split cannot be judged',
    };
  }

  const unexpected = Object.entries(observed).filter(
    ([revision, count]) => count > 0 && !((expectedPercent[revision] ?? 0) > 0),
  );
  if (unexpected.length > 0) {
    const [revision, count] = unexpected.sort((a, b) => b[1] - a[1])[0]!;
    const configured =
      expectedPercent[revision] === undefined ? 'not in the split' : 'configured for 0%';
    return {
      verdict: 'deviates',
      test: 'exact-split',
      done: true,
      reason: `${label(revision)} is ${configured} but answered ${count} of ${total} attributed responses`,
    };
  }

  const active = Object.entries(expectedPercent)
    .filter(([, percent]) => percent > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (active.length === 0)
    throw new RangeError('the configured split gives no revision any traffic');
  if (active.length === 1) {
    const [revision] = active[0]!;
    return {
      verdict: 'consistent',
      test: 'exact-split',
      done: true,
      reason: `all ${total} attributed responses came from ${label(revision)}, which is configured for 100%`,
    };
  }

  const design = options.design ?? GATE_DEFAULTS;
  const weightSum = active.reduce((sum, [, percent]) => sum + percent, 0);
  const outcome = decideStage(
    active.map(([revision, percent]) => ({
      revision,
      share: percent / weightSum,
      count: observed[revision] ?? 0,
    })),
    options.stage ?? maxStages(design),
    design,
  );
  const gate: SplitGate = {
    stages: outcome.stage,
    maxStages: outcome.maxStages,
    n: outcome.n,
    band: Object.fromEntries(
      outcome.looks.map((look) => [
        look.revision,
        { low: percentOf(look.band.low, outcome.n), high: percentOf(look.band.high, outcome.n) },
      ]),
    ),
    tolerance: design.tolerancePoints,
    misrouteRuledOut: outcome.misrouteRuledOut,
    alphaPerTest: outcome.alpha,
  };
  return {
    verdict: outcome.decision === 'deviates' ? 'deviates' : 'consistent',
    test: 'binomial',
    pValue: Math.min(...outcome.looks.map((look) => look.pValue)),
    done: outcome.decision !== 'continue',
    gate,
    reason: gateReason(outcome, design, label, options.focus),
  };
}

/** Percent of n with two decimals. */
function percentOf(count: number, n: number): number {
  return n === 0 ? 0 : Math.round((10_000 * count) / n) / 100;
}

function gateReason(
  outcome: StageOutcome,
  design: GateDesign,
  label: (revision: string) => string,
  focus: string | undefined,
): string {
  const { looks, n } = outcome;
  const tolerance = `a misroute of ${design.tolerancePoints} points or more`;
  const shareText = (look: RevisionLook): string => percentText((100 * look.count) / n);
  const bandText = (look: RevisionLook): string =>
    `${((100 * look.band.low) / n).toFixed(1)}–${((100 * look.band.high) / n).toFixed(1)}%`;
  const bandOf = (look: RevisionLook): string =>
    `${bandText(look)}, the band a correct ${percentText(100 * look.share)} share stays in`;
  // With two revisions one count is n minus the other: both pass or fail together, so the
  // sentence describes one of them, the PR's when the caller says which.
  const described =
    looks.length === 2
      ? (looks.find((look) => look.revision === focus) ??
        [...looks].sort((a, b) => a.share - b.share)[0]!)
      : undefined;

  if (outcome.decision === 'deviates') {
    const outside = looks.filter((look) => look.deviates).sort((a, b) => a.pValue - b.pValue);
    const shown = described ?? outside[0]!;
    const others = described ? 0 : outside.length - 1;
    const more =
      others > 0
        ? `; ${others} more revision${others === 1 ? ' is' : 's are'} outside ${others === 1 ? 'its band' : 'their bands'}`
        : '';
    return (
      `${label(shown.revision)} answered ${shareText(shown)} (n = ${n}), outside ${bandOf(shown)}: ` +
      `exact binomial ${formatP(shown.pValue)}, under the per-look threshold ${formatLevel(outcome.alpha)}, ` +
      `so it counts as a deviation${more}`
    );
  }

  const verdictTail = (): string => {
    if (outcome.decision === 'continue')
      return `borderline: ${tolerance} is not ruled out yet, so another batch follows`;
    return outcome.misrouteRuledOut
      ? `${tolerance} is ruled out`
      : `too few attributed responses to rule out ${tolerance}`;
  };

  if (described) {
    return (
      `${label(described.revision)} answered ${shareText(described)} (n = ${n}), inside ${bandOf(described)}; ` +
      `a share outside it would have counted as a deviation; ${verdictTail()}`
    );
  }
  const each = looks
    .map(
      (look) =>
        `${label(look.revision)} ${shareText(look)} in ${bandText(look)} (configured ${percentText(100 * look.share)})`,
    )
    .join(', ');
  return (
    `every revision answered inside the band a correct split stays in (n = ${n}): ${each}; ` +
    `a share outside its band would have counted as a deviation; ${verdictTail()}`
  );
}

function percentText(percent: number): string {
  return `${Number(percent.toFixed(1))}%`;
}

/** A significance level in two significant digits, e.g. 1.3e-5. */
export function formatLevel(level: number): string {
  return level >= 1e-3 ? String(Number(level.toPrecision(2))) : level.toExponential(1);
}

/** Two significant digits, small values in exponent form; one that underflowed as a bound. */
export function formatP(pValue: number): string {
  if (pValue < 1e-300) return 'p < 1e-300';
  return pValue < 1e-3 ? `p = ${pValue.toExponential(1)}` : `p = ${Number(pValue.toPrecision(2))}`;
}
